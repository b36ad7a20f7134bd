/// The portal at the top of the output, for SKR and for councils looking at each other:
/// an overview, the coverage matrix, the example library, what each council changed, review
/// status and readability. The data comes from `Portal`; this file turns it into pages.
///
/// The page stage runs its parts as jobs beside the handbooks' (`PageStage`): each summary
/// page on its own, the change pages in batches.
struct PortalPages: Sendable {
    let portal: Portal
    let theme: Theme
    /// The rendered routines, for a diff not made with the portal's data (`changeView`).
    let bodies: RenderedBodies
    /// What the previous build left: summary pages' fingerprints (`PortalPages+Reuse.swift`).
    let reuse: PortalReuse
    /// Change pages the previous build left as they should be: linked, not diffed or
    /// rendered (one that cannot be linked is rendered, and diffed then).
    let reusedChangePages: Set<String>
    let councilNames: [String: String]
    /// Each change's place in `portal.changes`, by its page's path.
    let changeIndex: [String: Int]
    /// The name of the council or group an `adopted_from` names (`Site.nameOfSource`).
    let nameOfSource: @Sendable (String) -> String?

    /// Built for the intranet (`--internal`).
    let forIntranet: Bool
    /// The base routines that have a page across the handbooks (`coverageRows`), by id.
    let coveredRoutines: Set<String>
    /// The routines with a change page, by council: the ids in `changeIndex`'s paths.
    let changedRoutines: [String: Set<String>]

    init(site: Site, handbooks: [Handbook], bodies: RenderedBodies, theme: Theme, today: Day, forIntranet: Bool = false,
         reuse: PortalReuse = PortalReuse(), reusedChangePages: Set<String> = []) {
        self.forIntranet = forIntranet
        portal = Portal(site: site, handbooks: handbooks, bodies: bodies, today: today, knownCounts: reuse.knownCounts,
                        needsDiff: { !reusedChangePages.contains(Self.changePath(council: $0.council.slug, routine: $0.routine.id)) })
        self.theme = theme
        self.bodies = bodies
        self.reuse = reuse
        self.reusedChangePages = reusedChangePages
        councilNames = Dictionary(portal.councils.map { ($0.council.slug, $0.council.name) }, uniquingKeysWith: { a, _ in a })
        changeIndex = Dictionary(portal.changes.enumerated().map { (Self.changePath(council: $1.council.slug, routine: $1.routine.id), $0) },
                                 uniquingKeysWith: { a, _ in a })
        nameOfSource = { [site] in site.nameOfSource($0) }
        coveredRoutines = Set(portal.coverage.phases.lazy.flatMap(\.rows).map(\.routine.id))
        changedRoutines = portal.changes.reduce(into: [:]) { $0[$1.council.slug, default: []].insert($1.routine.id) }
    }

    /// Page names, also used for the navigation in this order.
    enum Name: String, CaseIterable, Sendable {
        case index, tackning, exempel, andringar, granskning, lasbarhet
        /// The portal's accessibility statement: linked from every portal page's footer, not
        /// from the navigation.
        case tillganglighet
        /// The page a web server shows for an address the output does not have
        /// (`PortalPages+NotFound.swift`): linked from nowhere.
        case notFound = "404"

        var label: String {
            switch self {
            case .index: "Översikt"
            case .tackning: "Täckning"
            case .exempel: "Exempel att hämta"
            case .andringar: "Ändringar"
            case .granskning: "Granskning"
            case .lasbarhet: "Läsbarhet"
            case .tillganglighet: "Tillgänglighetsredogörelse"
            case .notFound: "Sidan finns inte"
            }
        }

        /// A page of the navigation.
        var inNavigation: Bool { self != .tillganglighet && self != .notFound }

        var template: String { self == .index ? "portal-index" : "portal/\(rawValue)" }
        var path: String { PageNames.html(rawValue) }
    }

    static func changePath(council: String, routine: String) -> String { "\(changeFolder(council: council))/\(routine).html" }
    /// The page of one base routine across the handbooks.
    static func coveragePath(routine: String) -> String { "\(PageNames.portalCoverage)/\(PageNames.html(routine))" }
    /// Up to this many handbooks the coverage page shows a table with a column for each
    /// (about what a desktop screen shows without scrolling sideways); above it, the counts
    /// and each routine's page do.
    static let matrixLimit = 12
    static let routineCoverageTemplate = "portal/tackning-rutin"
    /// The folder of a council's change pages, which has a manifest block of its own.
    static func changeFolder(council: String) -> String { "\(PageNames.portalChanges)/\(council)" }

    /// The summary pages, longest to render first: the coverage matrix and the change list
    /// cover every council.
    static let summaryOrder: [Name] = [.tackning, .andringar, .lasbarhet, .granskning, .index, .exempel, .tillganglighet, .notFound]

    /// Changes whose page this build renders (the others are linked).
    var changesToRender: [RoutineChange] {
        portal.changes.filter { !reusedChangePages.contains(Self.changePath(council: $0.council.slug, routine: $0.routine.id)) }
    }

    /// 112, for someone in danger who lands on the overview or a handbook's page.
    var emergencyNumber: NumberView? { portal.config.nationalNumbers.first { $0.tel == NationalNumber.emergencyTel }.map(NumberView.init) }

    /// The base routines that have a coverage page, in the order of the coverage page.
    var coverageRows: [Coverage.Row] { portal.coverage.phases.flatMap(\.rows) }

    func routineCoverageTitle(_ row: Coverage.Row) -> String { "\(row.routine.title): i vilka handböcker och i vilken form" }

    func changePage(_ change: RoutineChange) -> OutputFile {
        let path = Self.changePath(council: change.council.slug, routine: change.routine.id)
        return page(path: path, current: .andringar, title: "\(change.routine.title) – ändringar i \(change.council.name)",
                    content: theme.render("portal/andring", changeView(change, root: "../../")))
    }

    var assetFiles: [OutputFile] {
        theme.assets.map { OutputFile(path: "\(PageNames.themeAssets)/\($0)", contents: .copy(theme.assetPath($0))) }
    }

    /// A summary page's title and view.
    func summary(_ name: Name) -> (title: String, view: any TemplateFields) {
        switch name {
        case .index: (portal.config.title, indexView())
        case .tackning: ("Täckning: vilka rutiner som finns var", coverageView())
        case .exempel: ("Exempel att hämta", examplesView())
        case .andringar: ("Vad kommuner och regioner har ändrat", changesView())
        case .granskning: ("Granskning: rutiner att granska och kontakter att kontrollera", reviewView())
        case .lasbarhet: ("Läsbarhet (LIX)", readabilityView())
        case .tillganglighet: ("Tillgänglighetsredogörelse", accessibilityView())
        case .notFound: (Name.notFound.label, notFoundView())
        }
    }

    func page(path: String, current: Name, title: String, content: String) -> OutputFile {
        OutputFile(path: path, contents: .text(theme.render("portal", layout(path: path, current: current, title: title, content: content))))
    }

    func layout(path: String, current: Name, title: String, content: String) -> PortalLayoutView {
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        let siteTitle = portal.config.title
        return PortalLayoutView(
            title: title, documentTitle: title == siteTitle ? "Portal – \(siteTitle)" : "\(title) – Portal – \(siteTitle)",
            siteTitle: siteTitle, description: portal.config.description, root: root,
            nav: Name.allCases.filter(\.inNavigation).map { name in
                PortalNavView(label: name.label, href: root + PageNames.html(name.rawValue),
                              current: name == current && root.isEmpty, within: name == current && !root.isEmpty)
            },
            content: content, pageClass: "portal-\(current.rawValue)", today: portal.today.swedish, todayISO: portal.today.description,
            accessibilityHref: root + Name.tillganglighet.path,
            // The page for a missing address is shown at any depth: its links start from where
            // the output is published, when site.yml says where (`PortalPages+NotFound.swift`).
            noindex: forIntranet || current == .notFound, base: current == .notFound ? portal.config.address.map(PublishedAddress.path) : nil,
            publisher: portal.config.publisher?.name, publisherEmail: portal.config.publisher?.email,
            publisherEmailHTML: portal.config.publisher?.email.map(EmailBreaks.html))
    }
}
