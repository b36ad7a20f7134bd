/// Plain values the templates read (swift-mustache looks up stored properties by name).
/// Everything here is text, which templates escape, except the HTML rutinbok renders itself:
/// `content`, `body`, `header`, `emergency`, `footer` and `RoleGroupView.contacts` (the list
/// is in docs/themes.md).

struct LinkView {
    var label: String
    var href: String
}

struct CouncilView {
    var name: String
    var slug: String
    var kind: String
    var logo: String?
    /// The council's own web site: "Exempelby kommuns webbplats" and its address.
    var website: LinkView?
    var siteTitle: String
    var phases: [PhaseLinkView]
    var groupName: String?
    /// The page is the contacts page: the header's link to it is the current page. Set only
    /// for the header (`header.mustache`).
    var contactsHere = false
}

struct PhaseLinkView {
    var id: String
    var label: String
    var href: String
    /// The page is one of this phase's routines: the header marks where the reader is.
    var current = false
}

struct NumberView {
    var label: String
    var number: String
    var tel: String
    var description: String
}

extension NumberView {
    init(_ number: NationalNumber) {
        self.init(label: number.label, number: number.number, tel: number.tel, description: number.description)
    }
}

struct EmergencyView {
    var emergency: NumberView?
    var police: NumberView?
    var others: [NumberView]
    /// The routine for someone threatened right now (site.yml's `acute_routine`), when the
    /// handbook has it.
    var acute: LinkView?
    /// The page is the contacts page, or the acute routine's page: its link here is the
    /// current page.
    var contactsHere = false
    var acuteHere = false
}

struct LayoutView {
    var lang = "sv"
    var title: String
    var documentTitle: String
    var description: String
    var themeColor: String
    var header: String
    var emergency: String
    var footer: String
    var breadcrumbs: [CrumbView]
    var content: String
    var pageClass: String
    /// Extra scripts for this page only (the search index on the search page).
    var scripts: [String]
    /// An intranet build's page: search engines are asked not to index it.
    var noindex = false
    /// The page a browser goes on to at once: set on the page at a routine's former id.
    var refresh: String?
    /// The address every relative link of the page starts from (`<base href>`): set on the
    /// page a web server shows for a missing address, which it serves at any depth.
    var base: String?
}

struct CrumbView {
    var label: String
    /// nil for the current page, the last crumb.
    var href: String?
}

struct ContactView {
    var id: String
    var anchor: String
    var role: String
    var name: String?
    var phone: String?
    var tel: String?
    var email: String?
    /// `email` as HTML that wraps only before the `@` and the domain's dots (`EmailBreaks`).
    var emailHTML: String?
    var hours: String?
    var outOfHours: String?
    /// `outOfHours` as HTML, its phone numbers links to call (`PhoneLinks`), each named for a
    /// screen reader by a visually hidden ", <role> utanför kontorstid".
    var outOfHoursHTML: String?
    var verified: String?
    /// A one-line card, for the print page, which lists every contact in full at its end.
    var compact = false
    /// The group's name for a contact the council has from its group (its cards and the
    /// contacts page say it is the group's); nil for the council's own.
    var sharedBy: String? = nil

    init(_ contact: Contact) {
        id = contact.id
        anchor = Slug.make(contact.id)
        role = contact.role
        name = contact.name
        phone = contact.phone
        tel = contact.phone.map(PhoneNumber.telURI)
        email = contact.email
        emailHTML = contact.email.map(EmailBreaks.html)
        hours = contact.hours
        outOfHours = contact.outOfHours
        // A number named by the contact it reaches: another contact's (`{ contact: tib }`), else
        // this contact's own after-hours line.
        outOfHoursHTML = contact.outOfHours.map { PhoneLinks.html($0, whom: contact.outOfHoursRole ?? "\(contact.role) utanför kontorstid") }
        verified = contact.verified?.swedish
    }
}

struct RoutineSummaryView {
    var id: String
    var title: String
    var summary: String
    var href: String
    var overdue: Bool
    /// `access: internal`: only in a build for the intranet (`--internal`).
    var `internal`: Bool
}

struct PhaseSectionView {
    var id: String
    var label: String
    var routines: [RoutineSummaryView]
}

struct RoutinePageView {
    var id: String
    var title: String
    var summary: String
    var body: String
    var phase: String
    var phaseHref: String
    var audiences: [String]
    var owner: ContactView?
    var ownerRole: String
    var reviewed: String?
    var reviewedISO: String?
    var decided: String?
    var overdue: Bool
    /// `access: internal`: only in a build for the intranet (`--internal`).
    var `internal`: Bool
    var previous: LinkView?
    var next: LinkView?
    var adaptedFrom: String?
    /// The group's name for a routine its group wrote: the same text in every handbook of the group.
    var writtenBy: String? = nil
}

struct StartPageView {
    var council: CouncilView
    var description: String
    /// The description of the group whose joint handbook this is, if any and if it has one.
    var groupDescription: String?
    var phases: [PhaseSectionView]
    var contacts: [ContactView]
    var contactsHref: String
}

/// The pocket card (`fickkort.html`): whom to call, on a card the size of a bank card to
/// print, cut out, fold and keep in a wallet, for when the phone is flat, lost or taken.
struct PocketCardView {
    var council: CouncilView
    /// 112, the number the card leads with.
    var emergency: NumberView?
    /// The other national numbers, in site.yml's order.
    var numbers: [NumberView]
    /// The box of whom to call (`quick_contacts`), three contacts.
    var contacts: [ContactView]
    /// Where the handbook is on the web (site.yml's `address` and the council's folder).
    var handbookAddress: String?
    /// The oldest `verified` date of the card's contacts: a printed card does not update, so
    /// it says how old its numbers are. Nil when a contact has none.
    var verified: String?
}

struct ContactsPageView {
    var council: CouncilView
    var roles: [RoleGroupView]
    var vcardHref: String
    var numbers: [NumberView]
}

struct RoleGroupView {
    var role: String
    /// Rendered contact cards (`contact-card.mustache`).
    var contacts: [String]
    /// The same contacts as values, each with its `anchor` (the target of links to the contacts page).
    var people: [ContactView]
}

struct PrintPageView {
    var council: CouncilView
    /// The table of contents, by phase.
    var phases: [PrintPhaseView]
    /// Every routine in the order of the contents: one item each, which a later build may
    /// replace on its own (`SegmentedFile`).
    var routines: [PrintRoutineView]
    var contacts: [ContactView]
    var numbers: [NumberView]
    /// The start page's box of whom to call (`StartPageView.contacts`), printed first: a
    /// printed copy on a notice board is read from its first page.
    var quickContacts: [ContactView]
}

struct PrintPhaseView {
    var id: String
    /// The id of the phase's heading in the page.
    var anchor: String
    var label: String
    var routines: [PrintEntryView]
}

/// A routine in the print page's table of contents.
struct PrintEntryView {
    var id: String
    var anchor: String
    var title: String
}

struct PrintRoutineView {
    var id: String
    var anchor: String
    /// The phase the routine is the first of, whose heading goes before it: the label and the
    /// heading's id. Part of the routine's item, so the item is made from its own data.
    var phase: String?
    var phaseAnchor: String?
    var title: String
    var summary: String
    var body: String
    var ownerRole: String
    var reviewed: String?
    /// `access: internal`, as `RoutinePageView.internal`: a printed copy says so too.
    var `internal`: Bool
}

struct AccessibilityPageView {
    var council: CouncilView
    var status: String
    var statusText: String
    var shortcomings: [String]
    var disproportionateBurden: [String]
    var outOfScope: [String]
    /// Whether `shortcomings` or `disproportionateBurden` lists anything.
    var hasInaccessible: Bool
    var feedbackEmail: String?
    var assessed: String?
    /// When the statement was last brought up to date: `updated`, else the assessment's day.
    var updated: String?
    /// Who audited the site, when it was not the council itself.
    var auditedBy: String?
    var diggURL: String
}
