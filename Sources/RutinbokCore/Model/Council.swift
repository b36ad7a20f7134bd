/// `councils/<slug>/council.yml` plus the council's own routines and assets.
public struct Council: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case kommun, landsting, region

        public var label: String {
            switch self {
            case .kommun: "Kommun"
            case .landsting: "Landsting"
            case .region: "Region"
            }
        }
    }

    public var slug: String
    public var name: String
    public var kind: Kind
    public var group: Located<String>?
    public var population: Int?
    /// `theme: color:`, a colour written #rrggbb.
    public var themeColor: Located<String>?
    /// `theme: logo:` as written: a file in the council's `assets/`, named with or without that folder.
    public var logo: Located<String>?
    public var exclude: [Located<String>]
    public var reviewIntervalMonths: Int?
    public var verifyIntervalMonths: Int?
    /// Lets raw HTML and unsafe URLs in this council's Markdown through. Off unless set.
    /// Only in the council's own routines (`allowsRawHTML(in:)`): the base's and its group's are
    /// written by others, whom this setting does not trust.
    public var allowRawHTML: Bool
    public var contacts: [Contact]
    public var accessibility: AccessibilityStatement?
    public var routines: [Routine]
    /// Files under `assets/`, as paths relative to that folder.
    public var assets: [String]
    /// `assets/` is there but could not be listed (a folder this user may not read): the
    /// loader said so once, at the folder, and its files are not also each missing.
    public var assetsUnreadable = false
    /// The council folder on disk.
    public var directory: String
    public var location: SourceLocation
    /// `website:`, the council's own web site (`https://…`), which the handbook links back to.
    public var website: String? = nil
    /// `address:`, where the council publishes its folder of the output itself, when it does
    /// (`https://www.exempelby.example/handbok/`, with a closing `/`): its 404 page's links
    /// and its pocket card lead there rather than to the site's copy (site.yml's `address`).
    public var address: String? = nil
    /// `quick_contacts:`, the contacts the start page's box of whom to call shows first, in
    /// place of its group's or site.yml's; empty when not written.
    public var quickContacts: [Located<String>] = []
}

/// What the law asks a public body's site to state about its accessibility.
public struct AccessibilityStatement: Sendable {
    public enum Status: String, Sendable { case helt, delvis, inte }
    public var status: Status
    /// What does not meet the law's requirements (`shortcomings`).
    public var shortcomings: [Shortcoming]
    public var feedbackEmail: String?
    public var assessed: Day?
    /// Where `assessed` is written, for a date in the future.
    public var assessedLocation: SourceLocation?
    /// When the statement itself was last brought up to date (`updated`), if not the day of
    /// the assessment: Digg asks for both dates.
    public var updated: Located<Day>? = nil
    /// Who audited the site when someone outside did (`audited_by`); nil for the council's own
    /// assessment.
    public var auditedBy: String? = nil
    /// What the council judged a disproportionate burden to make accessible (`oskäligt
    /// betungande`, 12 § of the law; `disproportionate_burden`), each with its reasons. The
    /// law asks for these apart from the shortcomings, and Digg may review them.
    public var disproportionateBurden: [String] = []
    /// Content the law does not cover (`out_of_scope`), for example a third party's.
    public var outOfScope: [String] = []

    /// Whether anything the law covers is not accessible: what the statement's status rests on.
    public var hasInaccessible: Bool { !shortcomings.isEmpty || !disproportionateBurden.isEmpty }

    /// One item under `shortcomings`: what is not accessible, and, written as a mapping, the
    /// WCAG success criteria it fails (`wcag`) and the day the council means to have it fixed
    /// by (`fix_by`), as Digg asks a statement to be "detailed, complete and clear".
    public struct Shortcoming: Sendable, Equatable {
        public var text: String
        /// Success criteria by number (`1.3.1`), in the order written.
        public var criteria: [String] = []
        public var fixBy: Located<Day>? = nil

        /// "WCAG 1.3.1 och 4.1.2", as the statement and the report name the criteria; nil for none.
        var criteriaInWords: String? { criteria.isEmpty ? nil : "WCAG \(criteria.listedInWords)" }
    }
}

extension Council {
    /// Where the logo is published, relative to the council's folder: its assets are copied to
    /// `assets/`, so `logo: logo.svg` and `logo: assets/logo.svg` name the same file.
    public var publishedLogo: String? {
        logo.map { $0.value.hasPrefix("assets/") ? $0.value : "assets/\($0.value)" }
    }
}

extension Council {
    /// Whether `routine` is rendered with raw HTML let through: a routine of the council's
    /// own, when it sets `allow_raw_html`.
    func allowsRawHTML(in routine: Routine) -> Bool {
        allowRawHTML && routine.layer == .council(slug)
    }
}
