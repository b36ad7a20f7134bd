import Testing
@testable import RutinbokCore

/// The hand-written field lists must name every stored property, or a template would
/// silently lose it.
@Suite struct TemplateFieldsTests {
    nonisolated(unsafe) static let contact = Contact(id: "hr", role: "HR", name: "Hanna Exempel", phone: "070-000 00 02", email: "hr@x.example",
                                 hours: "8–16", outOfHours: "112", verified: Day("2026-10-01"),
                                 location: RutinbokCore.SourceLocation(file: "x"), verifyIntervalMonths: nil)

    nonisolated(unsafe) static let values: [any TemplateFields] = [
        LinkView(label: "a", href: "b"),
        CrumbView(label: "a", href: "b"),
        LayoutView(title: "t", documentTitle: "d", description: "x", themeColor: "#000000", header: "h", emergency: "e",
                   footer: "f", breadcrumbs: [], content: "c", pageClass: "p", scripts: []),
        ContactView(contact),
        RoutinePageView(id: "i", title: "t", summary: "s", body: "b", phase: "p", phaseHref: "h", audiences: [],
                        owner: ContactView(contact), ownerRole: "r", reviewed: "1 maj 2026", reviewedISO: "2026-05-01", decided: "KS",
                        overdue: false, previous: LinkView(label: "p", href: "p.html"), next: LinkView(label: "n", href: "n.html"),
                        adaptedFrom: "x/y"),
        PortalCoverageView.Cell(kind: "k", label: "l", detail: "d", href: "h"),
        PortalCoverageView.Row(title: "t", cells: []),
        PortalChangesView.Row(council: "c", title: "t", href: "h", adaptedBy: "a", adoptedFrom: "x/y", inserted: 1, deleted: 2),
        council,
        PhaseLinkView(id: "i", label: "l", href: "h"),
        number,
        EmergencyView(emergency: number, police: number, others: [number]),
        PrintPageView(council: council, phases: [], contacts: [ContactView(contact)], numbers: [number]),
        PrintPhaseView(id: "i", label: "l", routines: []),
        PrintRoutineView(id: "i", anchor: "a", title: "t", summary: "s", body: "b", ownerRole: "o", reviewed: "r"),
        PortalLayoutView(title: "t", documentTitle: "d", siteTitle: "s", description: "x", root: "../", nav: [],
                         content: "c", pageClass: "p", today: "1 maj", todayISO: "2026-05-01"),
        PortalNavView(label: "l", href: "h", current: true),
        PortalChangeView(title: "t", council: "c", baseTitle: "b", titleChanged: true, adaptedBy: "a", adoptedFrom: "f",
                         reviewed: "r", reviewedISO: "ri", baseReviewed: "br", baseReviewedISO: "bri", inserted: "1", deleted: "2",
                         unchanged: false, diff: "d", routineHref: "h", listHref: "l"),
        RoutineSummaryView(id: "i", title: "t", summary: "s", href: "h", overdue: true),
        PhaseSectionView(id: "i", label: "l", routines: []),
        StartPageView(council: council, description: "d", phases: [], contacts: [], contactsHref: "k"),
        RoleGroupView(role: "r", contacts: ["<p>kort</p>"], people: [ContactView(contact)]),
        ContactsPageView(council: council, roles: [], vcardHref: "v", numbers: [number]),
        AccessibilityPageView(council: council, status: "delvis", statusText: "t", shortcomings: ["s"], feedbackEmail: "e",
                              assessed: "a", diggURL: "u"),
    ]

    nonisolated(unsafe) static let council = CouncilView(name: "n", slug: "s", kind: "k", logo: "l", siteTitle: "t", phases: [], groupName: "g")
    nonisolated(unsafe) static let number = NumberView(label: "l", number: "112", tel: "112", description: "d")

    @Test(arguments: values.indices)
    func everyStoredPropertyIsListed(_ index: Int) {
        let value = Self.values[index]
        let stored = Set(Mirror(reflecting: value).children.compactMap(\.label))
        #expect(Set(value.templateFields.map(\.key)) == stored, "\(type(of: value))")
    }

    @Test func nilFieldsRenderAsEmptySections() throws {
        let (theme, problems) = Theme.load(directory: TestPaths.fixtures.appendingPathComponent("e2e/templates").path)
        #expect(problems.isEmpty)
        let crumb = CrumbView(label: "Start", href: nil)
        let html = try #require(theme).library.render(try #require(TemplateData.make(crumb)).mustache, withTemplate: "layout")
        #expect(html != nil)
        var contact = ContactView(Self.contact)
        contact.name = nil
        let card = try #require(theme).render("contact-card", contact)
        #expect(card.contains("HR: "))
        #expect(!card.contains("Hanna"))
    }
}
