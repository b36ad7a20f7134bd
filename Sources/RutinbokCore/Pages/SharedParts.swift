/// What is the same on every page of a council's handbook, rendered once per council:
/// header, emergency box, footer and the contact snippets routines refer to.
struct SharedParts {
    let council: CouncilView
    let numbers: [NumberView]
    let header: String
    let emergency: String
    let footer: String
    let cards: [String: String]
    let printCards: [String: String]
    let inline: [String: String]

    init(handbook: Handbook, config: SiteConfig, theme: Theme) {
        let council = handbook.council
        let start = PageNames.html(PageNames.start)
        let view = CouncilView(
            name: council.name, slug: council.slug, kind: council.kind.label,
            logo: council.logo.flatMap { OutputPath.problem(with: $0.value) == nil ? $0.value : nil },
            siteTitle: config.title,
            phases: config.phases.filter { phase in handbook.routines.contains { $0.routine.phase.value == phase.id } }
                .map { PhaseLinkView(id: $0.id, label: $0.label, href: "\(start)#\($0.id)") },
            groupName: handbook.group?.name)
        self.council = view
        numbers = config.nationalNumbers.map { NumberView(label: $0.label, number: $0.number, tel: $0.tel, description: $0.description) }
        let emergencyView = EmergencyView(
            emergency: numbers.first { $0.tel == "112" }, police: numbers.first { $0.tel == "11414" },
            others: numbers.filter { $0.tel != "112" && $0.tel != "11414" })
        header = theme.render("header", view)
        emergency = theme.render("emergency", emergencyView)
        footer = theme.render("footer", view)
        var cards: [String: String] = [:], printCards: [String: String] = [:], inline: [String: String] = [:]
        for contact in handbook.contacts {
            var contactView = ContactView(contact)
            cards[contact.id] = theme.render("contact-card", contactView)
            inline[contact.id] = theme.render("contact-inline", contactView)
            contactView.compact = true
            printCards[contact.id] = theme.render("contact-card", contactView)
        }
        self.cards = cards
        self.printCards = printCards
        self.inline = inline
    }

    func contactHTML(_ reference: RenderedMarkdown.ContactReference) -> String {
        switch reference.style {
        case .card: cards[reference.id] ?? ""
        case .inline: inline[reference.id] ?? ""
        }
    }

    /// The print page keeps within the page budget with one-line cards.
    func printContactHTML(_ reference: RenderedMarkdown.ContactReference) -> String {
        reference.style == .card ? printCards[reference.id] ?? "" : contactHTML(reference)
    }
}
