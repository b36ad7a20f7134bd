import Mustache
import Testing
@testable import RutinbokCore

/// The hand-written field lists must name every stored property, in declaration order, or a
/// template would silently lose it; and the data they write must be what `Mirror` reads.
@Suite struct TemplateFieldsTests {
    static let contact = Contact(id: "hr", role: "HR", name: "Hanna Exempel", phone: "070-000 00 02", email: "hr@x.example",
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
                        overdue: false, internal: true, previous: LinkView(label: "p", href: "p.html"), next: LinkView(label: "n", href: "n.html"),
                        adaptedFrom: "x/y"),
        PortalCoverageView.Cell(kind: "k", label: "l", detail: "d", href: "h", context: "c"),
        PortalCoverageView.Row(title: "t", cells: []),
        PortalChangesView.Row(council: "c", title: "t", href: "h", adaptedBy: "a", adaptedByHref: "ah", adoptedFrom: "x/y", inserted: 1, deleted: 2, anchors: ["a"]),
        council,
        PhaseLinkView(id: "i", label: "l", href: "h", current: true),
        number,
        EmergencyView(emergency: number, police: number, others: [number]),
        PrintPageView(council: council, phases: [], routines: [], contacts: [ContactView(contact)], numbers: [number],
                      quickContacts: [ContactView(contact)]),
        PrintPhaseView(id: "i", anchor: "a", label: "l", routines: []),
        PrintEntryView(id: "i", anchor: "a", title: "t"),
        PrintRoutineView(id: "i", anchor: "a", phase: "p", phaseAnchor: "pa", title: "t", summary: "s", body: "b", ownerRole: "o", reviewed: "r", internal: true),
        PortalLayoutView(title: "t", documentTitle: "d", siteTitle: "s", description: "x", root: "../", nav: [],
                         content: "c", pageClass: "p", today: "1 maj", todayISO: "2026-05-01", accessibilityHref: "tillganglighet.html"),
        PortalAccessibilityView(publisher: "p", siteTitle: "s", status: "helt", statusText: "t", shortcomings: [], disproportionateBurden: ["b"],
                                outOfScope: ["o"], hasInaccessible: true, feedbackEmail: "e",
                                assessed: "a", updated: "d", auditedBy: "b", diggURL: "u"),
        PortalNotFoundView(siteTitle: "s", emergency: number, numbers: [number], startHref: "index.html",
                           handbooksHref: "index.html#handbocker"),
        PortalNavView(label: "l", href: "h", current: true, within: false),
        PortalChangeView(title: "t", council: "c", baseTitle: "b", titleChanged: true, councilGenitive: "cg", adaptedBy: "a", adaptedByHref: "ah", adoptedFrom: "f", authorGenitive: "ag", byGroup: true,
                         reviewed: "r", reviewedISO: "ri", baseReviewed: "br", baseReviewedISO: "bri", baseNewer: true, inserted: "1", deleted: "2",
                         unchanged: false, diff: "d", routineHref: "h", listHref: "l"),
        RoutineSummaryView(id: "i", title: "t", summary: "s", href: "h", overdue: true, internal: false),
        PhaseSectionView(id: "i", label: "l", routines: []),
        StartPageView(council: council, description: "d", groupDescription: "g", phases: [], contacts: [], contactsHref: "k"),
        RoleGroupView(role: "r", contacts: ["<p>kort</p>"], people: [ContactView(contact)]),
        ContactsPageView(council: council, roles: [], vcardHref: "v", numbers: [number]),
        SearchPageView(council: council, acute: LinkView(label: "a", href: "a.html"), contactsHref: "k"),
        AccessibilityPageView(council: council, status: "delvis", statusText: "t", shortcomings: ["s"], disproportionateBurden: ["b"],
                              outOfScope: ["o"], hasInaccessible: true, feedbackEmail: "e",
                              assessed: "a", updated: "d", auditedBy: "b", diggURL: "u"),
        PocketCardView(council: council, emergency: number, numbers: [number], contacts: [ContactView(contact)],
                       handbookAddress: "https://h.example/s/", verified: "1 maj 2026"),
    ]

    static let council = CouncilView(name: "n", slug: "s", kind: "k", logo: "l", siteTitle: "t", phases: [], groupName: "g")
    static let number = NumberView(label: "l", number: "112", tel: "112", description: "d")

    /// Every view's fields, this suite's and the portal's summary views'.
    nonisolated(unsafe) static let allValues: [any TemplateFields] = values + PortalReuseDataTests.values

    @Test(arguments: allValues.indices)
    func everyStoredPropertyIsListed(_ index: Int) {
        let value = Self.allValues[index]
        let stored = Mirror(reflecting: value).children.compactMap(\.label)
        let listed = value.templateFields.map(\.key)
        // In declaration order: frames number texts in field order.
        #expect(listed == stored, "\(type(of: value))")
        #expect(listed.count == type(of: value).templateFieldCount, "\(type(of: value))")
    }

    /// The written data is what reading the view through `Mirror` gives: same keys, same
    /// order, the same kind of value for each field (text, flag, number, fields, list), nil
    /// fields left out.
    @Test(arguments: allValues.indices)
    func templateValueIsWhatReflectionReads(_ index: Int) throws {
        let value = Self.allValues[index]
        let written = try #require(TemplateData.make(value))
        let reflected = try #require(TemplateData.reflected(value))
        #expect(Self.describe(written) == Self.describe(reflected), "\(type(of: value))")
    }

    @Test func nilFieldsAreLeftOutAsReflectionLeavesThem() throws {
        var contact = ContactView(Self.contact)
        contact.name = nil
        contact.verified = nil
        var page = try #require(Self.values[4] as? RoutinePageView)
        page.owner = contact
        page.previous = nil
        page.decided = nil
        page.audiences = ["a", "b"]
        let views: [any TemplateFields] = [
            contact, page, CrumbView(label: "Start", href: nil),
            EmergencyView(emergency: nil, police: Self.number, others: []),
            PortalCoverageView.Row(title: "t", cells: [.init(kind: "k", label: "l", detail: nil, href: "h"),
                                                       .init(kind: "k", label: "l", detail: "d", href: nil)]),
        ]
        for view in views {
            let written = try #require(TemplateData.make(view))
            #expect(Self.describe(written) == Self.describe(try #require(TemplateData.reflected(view))), "\(type(of: view))")
            #expect(view.templateFields.count == type(of: view).templateFieldCount)
        }
        guard case .fields(let fields) = try #require(TemplateData.make(contact)) else { Issue.record("not fields"); return }
        #expect(!fields.contains { $0.key == "name" || $0.key == "verified" })
        #expect(contact.templateFields.contains { $0.key == "name" && $0.value == nil })
    }

    /// A canonical text of template data, to compare two trees.
    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .text(let text): "s\(text.debugDescription)"
        case .flag(let flag): "b\(flag)"
        case .number(let number): "i\(number)"
        case .decimal(let number): "d\(number)"
        case .fields(let fields): "{" + fields.map { "\($0.key)=\(describe($0.value))" }.joined(separator: ",") + "}"
        case .list(let items): "[" + items.map(describe).joined(separator: ",") + "]"
        case .other(let other): "?\(type(of: other))"
        }
    }

    /// A fingerprinted page is compared by its view's hash, made as the view writes its fields
    /// (`addTemplateFields(to:)`), not from its data: it must tell apart what the data tells apart.
    @Test func aViewsHashTellsItsDataApart() throws {
        func hash(_ view: any TemplateFields) -> UInt64 {
            var hash = ContentHash()
            view.addTemplateFields(to: &hash)
            return hash.value
        }
        // The same data, the same hash, every time and for every view.
        for view in Self.allValues { #expect(hash(view) == hash(view), "\(type(of: view))") }
        var hashes: Set<UInt64> = []
        let contact = ContactView(Self.contact)
        var unnamed = contact
        unnamed.name = nil
        var emptyName = contact
        emptyName.name = ""
        var compact = contact
        compact.compact = true
        let page = try #require(Self.values[4] as? RoutinePageView)
        var split = page, emptyList = page, oneEmpty = page, noOwner = page, otherOwner = page
        split.audiences = ["ab", "c"]
        oneEmpty.audiences = [""]
        emptyList.audiences = []
        noOwner.owner = nil
        otherOwner.owner = unnamed
        var moved = page
        moved.audiences = ["a", "bc"]
        let views: [any TemplateFields] = [
            contact, unnamed, emptyName, compact,
            LinkView(label: "ab", href: "c"), LinkView(label: "a", href: "bc"), LinkView(label: "", href: "abc"),
            split, moved, emptyList, oneEmpty, noOwner, otherOwner,
            PortalCoverageView.Row(title: "t", cells: []),
            PortalCoverageView.Row(title: "t", cells: [.init(kind: "", label: "", detail: nil, href: nil)]),
            PortalCoverageView.Row(title: "t", cells: [.init(kind: "", label: "", detail: "", href: nil)]),
            PortalChangesView.Row(council: "c", title: "t", href: "h", adaptedBy: "a", adoptedFrom: nil, inserted: 1, deleted: 2),
            PortalChangesView.Row(council: "c", title: "t", href: "h", adaptedBy: "a", adoptedFrom: nil, inserted: 2, deleted: 1),
        ]
        for view in views { hashes.insert(hash(view)) }
        #expect(hashes.count == views.count, "two different views hashed alike")
    }

    @Test func nilFieldsRenderAsEmptySections() throws {
        let (theme, problems) = Theme.load(directory: TestPaths.fixtures.appendingPathComponent("e2e/templates").path)
        #expect(problems.isEmpty)
        let crumb = CrumbView(label: "Start", href: nil)
        let sections = try MustacheTemplate(string: "{{label}}: {{#href}}länk{{/href}}{{^href}}ingen länk{{/href}}")
        #expect(sections.render(try #require(TemplateData.make(crumb)).mustache) == "Start: ingen länk")
        #expect(sections.render(try #require(TemplateData.make(CrumbView(label: "Kontakter", href: "kontakter.html"))).mustache) == "Kontakter: länk")
        var contact = ContactView(Self.contact)
        contact.name = nil
        let card = try #require(theme).render("contact-card", contact)
        #expect(card.contains("HR: "))
        #expect(!card.contains("Hanna"))
    }
}

/// The raw key a template must show is found as Mustache reads it, not as a string.
@Suite struct ThemeRawKeyTests {
    func showsRaw(_ key: String, in text: String) -> Bool { TemplateChecks.showsRaw(key, in: TemplateTag.all(in: text)) }

    @Test func aRawKeyIsFoundWithSpacesAndNotInAComment() {
        #expect(showsRaw("body", in: "<div>{{{body}}}</div>"))
        #expect(showsRaw("body", in: "<div>{{{ body }}}</div>"))
        #expect(showsRaw("body", in: "<div>{{& body}}</div>"))
        #expect(showsRaw("body", in: "<div>{{&body}}</div>"))
        #expect(!showsRaw("body", in: "<div>{{body}}</div>"))
        #expect(!showsRaw("body", in: "<div>{{! the body goes here: {{{body}} }}</div>"))
        #expect(!showsRaw("body", in: "<div>{{{bodyText}}}</div>"))
    }
}
