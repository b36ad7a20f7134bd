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
    ]

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
