import Foundation

/// The page stage for one council: every page of its handbook, as files to write.
struct HandbookPages {
    let handbook: Handbook
    /// Routine bodies (for the routine pages and, their print variant, the print page) and
    /// search index entries, looked up as pages need them.
    let bodies: RenderedBodies
    let config: SiteConfig
    let theme: Theme
    let today: Day
    /// Pages already in place (kept from the previous build), by file name: not rendered.
    var kept: Set<String> = []
    /// The previous build's print page and search index, each with its items' bounds, when
    /// the council's frame did not change (`IncrementalPlan.Reuse.frames`): only the items of
    /// routines whose page is rendered are made again, and the rest stays as it was.
    var previousPrint: SegmentedFile?
    var previousSearchIndex: SegmentedFile?
    /// The name of an adopted routine's source (`Site.nameOfSource`).
    var nameOfSource: @Sendable (String) -> String? = { _ in nil }

    /// Pages made from the council's frame alone (`IncrementalPlan.plan`): its and its group's
    /// settings and contacts, site.yml, the templates, and its routines' ids, files, phases
    /// and titles. Another change to a routine leaves them as they are.
    static let framePages = [PageNames.html(PageNames.contacts), PageNames.vcard, PageNames.html(PageNames.search),
                             PageNames.html(PageNames.accessibility), PageNames.html(PageNames.notFound),
                             PageNames.html(PageNames.pocketCard)]

    private var council: Council { handbook.council }

    func files() -> [OutputFile] {
        let shared = SharedParts(handbook: handbook, config: config, theme: theme)
        var files: [OutputFile] = []
        func add(_ name: String, _ make: () -> OutputFile.Contents) {
            if !kept.contains(name) { files.append(OutputFile(path: name, contents: make())) }
        }
        // A routine's items in the print page and the search index are made from what its
        // page is: kept with it (see `IncrementalPlan.plan`).
        let remade = Set(handbook.routines.indices.filter { !kept.contains(PageNames.html(handbook.routines[$0].routine.id)) })
        add(PageNames.html(PageNames.start)) {
            page(PageNames.start, title: council.name, crumbs: [], pageClass: "start", shared: shared,
                 content: theme.render("start", startView(shared)))
        }
        for (index, entry) in handbook.routines.enumerated() {
            add(PageNames.html(entry.routine.id)) { routinePage(entry, index: index, shared: shared) }
        }
        for alias in handbook.aliases {
            add(PageNames.html(alias.name)) { movedPage(alias, shared: shared) }
        }
        add(PageNames.html(PageNames.contacts)) {
            page(PageNames.contacts, title: "Kontakter", crumbs: [], pageClass: "contacts", shared: shared,
                 content: theme.render("contacts", contactsView(shared)))
        }
        add(PageNames.html(PageNames.pocketCard)) { pocketCardPage(shared) }
        add(PageNames.vcard) { .text(VCard.file(for: handbook.contacts, organisation: handbook.organisation(of:))) }
        files.append(printPage(shared, remade: remade))
        add(PageNames.html(PageNames.search)) {
            page(PageNames.search, title: "Sök", crumbs: [], pageClass: "search", shared: shared,
                 content: theme.render("search", searchView(shared)), scripts: [PageNames.searchIndex])
        }
        files.append(searchIndex(remade: remade, shared: shared))
        add(PageNames.html(PageNames.notFound)) { notFoundPage(shared) }
        add(PageNames.html(PageNames.accessibility)) {
            page(PageNames.accessibility, title: "Tillgänglighetsredogörelse", crumbs: [], pageClass: "accessibility",
                 shared: shared, content: theme.render("accessibility", accessibilityView(shared)))
        }
        for asset in theme.handbookAssets {
            files.append(OutputFile(path: "\(PageNames.themeAssets)/\(asset)", contents: .copy(theme.assetPath(asset))))
        }
        let withheld = WithheldAssets.withheld(handbook.assetsToWithhold, logo: council.logo?.value) {
            handbook.routines.flatMap { bodies.body(for: $0.routine, in: handbook)?.assets ?? [] }
        }
        for asset in council.assets where OutputPath.problem(with: asset) == nil && !withheld.contains(asset) {
            files.append(OutputFile(path: "\(PageNames.assets)/\(asset)", contents: .copy("\(council.directory)/assets/\(asset)")))
        }
        return files
    }

    private func page(_ name: String, title: String, crumbs: [LinkView], pageClass: String, shared: SharedParts,
                      content: String, scripts: [String] = []) -> OutputFile.Contents {
        .text(theme.render("layout", layout(name, title: title, crumbs: crumbs, pageClass: pageClass, shared: shared,
                                            content: content, scripts: scripts)))
    }

    func layout(_ name: String, title: String, crumbs: [LinkView], pageClass: String, shared: SharedParts,
                        content: String, scripts: [String] = []) -> LayoutView {
        var trail = name == PageNames.start ? [] : [LinkView(label: "Start", href: PageNames.html(PageNames.start))] + crumbs
        trail.append(LinkView(label: title, href: ""))
        let layout = LayoutView(
            title: title, documentTitle: name == PageNames.start ? "\(council.name) – \(config.title)" : "\(title) – \(council.name)",
            description: config.description, themeColor: council.themeColor?.value ?? "#1d4f73",
            header: shared.header(on: name, phase: handbook.routine(name)?.routine.phase.value),
            emergency: shared.emergency(on: name), footer: shared.footer,
            breadcrumbs: trail.enumerated().map { CrumbView(label: $1.label, href: $0 == trail.count - 1 ? nil : $1.href) },
            content: content, pageClass: pageClass, scripts: scripts, noindex: handbook.forIntranet)
        return layout
    }

    private func routinePage(_ entry: HandbookRoutine, index: Int, shared: SharedParts) -> OutputFile.Contents {
        let routine = entry.routine
        let phase = config.phase(routine.phase.value)
        let body = bodies.body(for: routine, in: handbook)
            .map { MissingRoutineLinks.html(of: $0, in: handbook, print: false, contact: shared.contactHTML) } ?? ""
        let owner = handbook.contact(routine.owner.value)
        func link(_ offset: Int) -> LinkView? {
            let i = index + offset
            guard handbook.routines.indices.contains(i) else { return nil }
            let other = handbook.routines[i].routine
            return LinkView(label: other.title, href: PageNames.html(other.id))
        }
        let view = RoutinePageView(
            id: routine.id, title: routine.title, summary: routine.summary, body: body,
            phase: phase?.label ?? routine.phase.value, phaseHref: "\(PageNames.html(PageNames.start))#\(routine.phase.value)",
            audiences: routine.audience.compactMap { config.audience($0.value)?.label },
            owner: owner.map(ContactView.init), ownerRole: owner?.role ?? routine.owner.value,
            reviewed: routine.reviewed?.value.swedish, reviewedISO: routine.reviewed?.value.description,
            decided: routine.decided, overdue: ReviewStatus.isOverdue(routine, council: council, config: config, today: today),
            internal: routine.access == .internal, previous: link(-1), next: link(1), adaptedFrom: routine.adoptedFrom.map { Self.adaptedFrom($0.value, named: nameOfSource($0.value)) },
            writtenBy: handbook.group(of: routine))
        let crumbs = [LinkView(label: phase?.label ?? routine.phase.value, href: view.phaseHref)]
        return page(routine.id, title: routine.title, crumbs: crumbs, pageClass: "routine", shared: shared,
                    content: theme.render("routine", view))
    }

    /// The page at a routine's former id (`aliases`): the browser goes on to the routine's
    /// page at once (a theme whose layout has no `refresh` leaves it to the link), and search
    /// engines are asked to keep only the routine's. Made in the council's frame, so that a
    /// reader who comes by an old link still has the emergency numbers and the navigation.
    private func movedPage(_ alias: HandbookAlias, shared: SharedParts) -> OutputFile.Contents {
        let target = PageNames.html(alias.routine)
        let title = handbook.routine(alias.routine)?.routine.title ?? alias.routine
        let content = """
            <h1>Sidan har en ny adress</h1>
            <p>Rutinen finns nu här: <a href="\(target)">\(HTML.escape(title))</a></p>
            <p>Byt gärna ut länken eller bokmärket du kom hit från.</p>
            """
        var view = layout(alias.name, title: "Sidan har en ny adress", crumbs: [], pageClass: "moved", shared: shared, content: content)
        view.noindex = true
        view.refresh = target
        return .text(theme.render("layout", view))
    }

    /// The page a web server shows for an address the handbook does not have (a stale link, a
    /// mistyped one): the emergency numbers first, as on every page, then the ways on. A server
    /// serves it at any depth: with site.yml's `address` its links start from the handbook's
    /// folder there (`<base>`); without, they work for a missing page beside the others.
    private func notFoundPage(_ shared: SharedParts) -> OutputFile.Contents {
        var ways = [("Handbokens startsida", PageNames.html(PageNames.start))]
        if let acute = shared.acute { ways.append((acute.label, acute.href)) }
        ways += [("Kontakter", PageNames.html(PageNames.contacts)), ("Sök i handboken", PageNames.html(PageNames.search))]
        let content = """
            <h1>Sidan finns inte</h1>
            <p class="lead">Sidan kan ha flyttats eller tagits bort, eller så är adressen felskriven. Är du i fara? Ring 112.</p>
            <ul>
            \(ways.map { "<li><a href=\"\($0.1)\">\(HTML.escape($0.0))</a></li>" }.joined(separator: "\n"))
            </ul>
            """
        var view = layout(PageNames.notFound, title: "Sidan finns inte", crumbs: [], pageClass: "notfound", shared: shared, content: content)
        view.noindex = true
        view.base = publishedAddress.map(PublishedAddress.path)
        return .text(theme.render("layout", view))
    }

    /// Where the handbook is on the web: council.yml's `address` when the council publishes
    /// its folder itself, else its folder under site.yml's; nil when neither says.
    var publishedAddress: String? {
        council.address ?? config.address.map { "\($0)\(council.slug)/" }
    }

    func phaseSections<T>(_ make: (HandbookRoutine) -> T) -> [(Phase, [T])] {
        phaseIndices().map { phase, indices in (phase, indices.map { make(handbook.routines[$0]) }) }
    }

    /// The routines by phase, in the site's order of phases (indices into the handbook's
    /// routines); phases without routines left out. The order of the start page and of the
    /// print page's contents and sections.
    func phaseIndices() -> [(Phase, [Int])] {
        config.phases.compactMap { phase in
            let indices = handbook.routines.indices.filter { handbook.routines[$0].routine.phase.value == phase.id }
            return indices.isEmpty ? nil : (phase, indices)
        }
    }

    /// "Exempelstads kommuns rutin": where an adopted routine comes from, as a reader reads it;
    /// what `adopted_from` says when it names no council or group.
    static func adaptedFrom(_ source: String, named name: String?) -> String {
        guard let name else { return source }
        return "\(SwedishGenitive.of(name)) rutin"
    }

    private func startView(_ shared: SharedParts) -> StartPageView {
        let phases = phaseSections { entry in
            RoutineSummaryView(id: entry.routine.id, title: entry.routine.title, summary: entry.routine.summary,
                               href: PageNames.html(entry.routine.id),
                               overdue: ReviewStatus.isOverdue(entry.routine, council: council, config: config, today: today),
                               internal: entry.routine.access == .internal)
        }.map { PhaseSectionView(id: $0.id, label: $0.label, routines: $1) }
        let groupDescription = handbook.group.map(\.description).flatMap { $0.isEmpty ? nil : $0 }
        return StartPageView(council: shared.council, description: config.description, groupDescription: groupDescription, phases: phases,
                             contacts: quickContacts().map(ContactView.init),
                             contactsHref: PageNames.html(PageNames.contacts))
    }

    /// Every contact, whom to call first (the start page's box, `quickContacts()`) first, then
    /// the rest as written: the contacts page and the print page's list. A group's shared
    /// coordinator otherwise came after all of a member's own.
    func contactsCallFirst() -> [Contact] {
        let first = quickContacts()
        return first + handbook.contacts.filter { contact in !first.contains { $0.id == contact.id } }
    }

    /// The start page's box of whom to call (also at the top of the print page): the handbook's
    /// `quick_contacts` (the council's, its group's or site.yml's) that it has, in that order,
    /// then its first contacts, three in all.
    func quickContacts() -> [Contact] {
        var chosen: [Contact] = []
        for id in handbook.quickContacts.map(\.value) where chosen.count < 3 && !chosen.contains(where: { $0.id == id }) {
            if let contact = handbook.contact(id) { chosen.append(contact) }
        }
        for contact in handbook.contacts where chosen.count < 3 && !chosen.contains(where: { $0.id == contact.id }) {
            chosen.append(contact)
        }
        return chosen
    }

    private func contactsView(_ shared: SharedParts) -> ContactsPageView {
        var roles: [RoleGroupView] = []
        for contact in contactsCallFirst() {
            let card = shared.card(contact.id)
            var person = ContactView(contact)
            person.sharedBy = handbook.group(of: contact)
            if let index = roles.firstIndex(where: { $0.role == contact.role }) {
                roles[index].contacts.append(card)
                roles[index].people.append(person)
            } else {
                roles.append(RoleGroupView(role: contact.role, contacts: [card], people: [person]))
            }
        }
        return ContactsPageView(council: shared.council, roles: roles,
                                vcardHref: PageNames.vcard, numbers: shared.numbers)
    }

    private func accessibilityView(_ shared: SharedParts) -> AccessibilityPageView {
        AccessibilityPageView(council: shared.council, parts: StatementParts(council.accessibility),
                              feedbackEmail: council.accessibility?.feedbackEmail)
    }
}
