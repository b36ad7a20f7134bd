/// What is the same on every page of a council's handbook, rendered once per council:
/// header, emergency box, footer and the contact snippets routines refer to (each when a
/// page first asks for it: a changed build may render one routine page of the council).
struct SharedParts {
    let council: CouncilView
    let numbers: [NumberView]
    /// The routine for someone threatened right now (site.yml's `acute_routine`), when the
    /// handbook has it: in the emergency box, on the search page and first in search.
    let acute: LinkView?
    let footer: String
    private let headers: Headers
    private let emergency: EmergencyBoxes
    private let snippets: ContactSnippets

    init(handbook: Handbook, config: SiteConfig, theme: Theme) {
        let council = handbook.council
        let start = PageNames.html(PageNames.start)
        let view = CouncilView(
            name: council.name, slug: council.slug, kind: council.kind.label,
            logo: council.logo.flatMap { OutputPath.problem(with: $0.value) == nil ? council.publishedLogo : nil },
            website: council.website.map { LinkView(label: "\(SwedishGenitive.of(council.name)) webbplats", href: $0) },
            siteTitle: config.title,
            phases: config.phases.filter { phase in handbook.routines.contains { $0.routine.phase.value == phase.id } }
                .map { PhaseLinkView(id: $0.id, label: $0.label, href: "\(start)#\($0.id)") },
            groupName: handbook.group?.name)
        self.council = view
        numbers = config.nationalNumbers.map(NumberView.init)
        let acuteRoutine = config.acuteRoutine.flatMap { handbook.routine($0.value) }?.routine
        acute = acuteRoutine.map { LinkView(label: $0.title, href: PageNames.html($0.id)) }
        let emergencyView = EmergencyView(
            emergency: numbers.first { $0.tel == NationalNumber.emergencyTel }, police: numbers.first { $0.tel == "11414" },
            others: numbers.filter { $0.tel != NationalNumber.emergencyTel && $0.tel != "11414" }, acute: acute)
        headers = Headers(view: view, theme: theme)
        emergency = EmergencyBoxes(view: emergencyView, acuteRoutine: acuteRoutine?.id, theme: theme)
        footer = theme.render("footer", view)
        snippets = ContactSnippets(handbook: handbook, theme: theme)
    }

    /// The page header for the page named `page`, a routine of the phase `phase` or another
    /// page: its menu marks the contacts page, or the phase the routine belongs to.
    func header(on page: String, phase: String?) -> String {
        headers.header(onContacts: page == PageNames.contacts, phase: phase)
    }

    /// The box with whom to call, for the page named `page`: on the contacts page and on the
    /// acute routine's page, their own link in it is marked as the current page.
    func emergency(on page: String) -> String {
        switch page {
        case PageNames.contacts: emergency.onContacts
        case emergency.acuteRoutine: emergency.onAcute
        default: emergency.elsewhere
        }
    }

    /// A contact's card (`contact-card.mustache`); "" for an unknown contact.
    func card(_ id: String) -> String {
        snippets.snippet(.card, id)
    }

    func contactHTML(_ reference: RenderedMarkdown.ContactReference) -> String {
        switch reference.style {
        case .card: snippets.snippet(.card, reference.id)
        case .inline: snippets.snippet(.inline, reference.id)
        }
    }

    /// The print page keeps within the page budget with one-line cards.
    func printContactHTML(_ reference: RenderedMarkdown.ContactReference) -> String {
        reference.style == .card ? snippets.snippet(.printCard, reference.id) : contactHTML(reference)
    }
}

/// The emergency box in its three forms: most pages, the contacts page, the acute routine's
/// page. Each page links to itself only as the current page (`aria-current`), which a screen
/// reader announces, rather than as a way somewhere else.
private struct EmergencyBoxes {
    let elsewhere: String
    let onContacts: String
    let onAcute: String
    let acuteRoutine: String?

    init(view: EmergencyView, acuteRoutine: String?, theme: Theme) {
        var view = view
        elsewhere = theme.render("emergency", view)
        view.contactsHere = true
        onContacts = theme.render("emergency", view)
        view.contactsHere = false
        view.acuteHere = acuteRoutine != nil
        onAcute = acuteRoutine == nil ? elsewhere : theme.render("emergency", view)
        self.acuteRoutine = acuteRoutine
    }
}

/// The header in its forms: most pages, the contacts page (its menu link is the current
/// page), and a routine page of each phase (the phase's link says the reader is within it).
/// Each is rendered when first asked for: a changed build that makes one routine page of a
/// council needs one of them. Used by the one task that makes the council's pages.
private final class Headers {
    private enum Form: Hashable { case elsewhere, contacts, phase(String) }
    private let view: CouncilView
    private let theme: Theme
    private var made: [Form: String] = [:]

    init(view: CouncilView, theme: Theme) {
        self.view = view
        self.theme = theme
    }

    func header(onContacts contactsPage: Bool, phase: String?) -> String {
        var marked = view
        let form: Form
        if contactsPage {
            marked.contactsHere = true
            form = .contacts
        } else if let phase, let index = view.phases.firstIndex(where: { $0.id == phase }) {
            marked.phases[index].current = true
            form = .phase(phase)
        } else {
            form = .elsewhere
        }
        if let header = made[form] { return header }
        let header = theme.render("header", marked)
        made[form] = header
        return header
    }
}

/// A council's contact snippets, each rendered when first asked for. Used by the one task
/// that makes the council's pages.
private final class ContactSnippets {
    enum Kind { case card, printCard, inline }

    private let handbook: Handbook
    private let theme: Theme
    private var made: [Kind: [String: String]] = [:]

    init(handbook: Handbook, theme: Theme) {
        self.handbook = handbook
        self.theme = theme
    }

    func snippet(_ kind: Kind, _ id: String) -> String {
        if let known = made[kind]?[id] { return known }
        guard let contact = handbook.contact(id) else { return "" }
        var view = ContactView(contact)
        view.sharedBy = handbook.group(of: contact)
        let snippet: String
        switch kind {
        case .card: snippet = theme.render("contact-card", view)
        // Set inside a sentence: the template file's closing line break would put a space
        // before the punctuation that follows ("(Anna Exempel, 070-000 01 01) .").
        case .inline:
            var inline = theme.render("contact-inline", view)[...]
            while let last = inline.last, last.isNewline { inline = inline.dropLast() }
            snippet = String(inline)
        case .printCard:
            view.compact = true
            snippet = theme.render("contact-card", view)
        }
        made[kind, default: [:]][id] = snippet
        return snippet
    }
}
