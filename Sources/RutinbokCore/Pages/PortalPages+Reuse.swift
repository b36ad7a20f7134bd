/// What the portal takes from the previous build and what it leaves for the next one.
///
/// A summary page (coverage, change list, readability …) covers every council, so nearly
/// any edit could change it, and most edits change none of them. Rather than list what each
/// page depends on, a page is fingerprinted by exactly what its bytes are made of: its view
/// data, its layout's data, the templates, site.yml and the options (`everyPage`, which also
/// holds rutinbok's own binary). An unchanged fingerprint links the previous file instead of
/// rendering it.
struct PortalReuse: Sendable {
    /// Change pages whose inputs did not change (`IncrementalPlan.plan`).
    var changePages: Set<String> = []
    /// Councils' folders of change pages (`PortalPages.changeFolder`) in which every page is
    /// kept and no other was: carried whole, as a council's own folder is.
    var changeFolders: Set<String> = []
    /// Fingerprint of each pair of files compared (`RoutineChange.pair`): their stamps.
    var pairFingerprints: [String: UInt64] = [:]
    /// Word counts of the previous build for pairs whose fingerprint did not change.
    var knownCounts: [String: WordCounts] = [:]
    /// site.yml, templates, options and binary: what every page depends on.
    var everyPage: UInt64 = 0
    /// The previous build's page fingerprints by path.
    var previousPages: [String: UInt64] = [:]
}

/// What the portal leaves in the next manifest.
struct PortalRecord: Sendable {
    /// By pair fingerprint.
    var wordCounts: [UInt64: WordCounts] = [:]
    /// Summary pages' fingerprints by path.
    var pages: [String: UInt64] = [:]
}

extension PortalPages {
    /// Links or renders a summary page; returns its fingerprint and whether it was rendered.
    func writeSummary(_ name: Name, to publisher: Publisher) throws -> (fingerprint: UInt64, rendered: Bool) {
        let (title, view) = summary(name)
        return try writeFingerprinted(path: name.path, current: name, title: title, template: name.template, view: view,
                                      to: publisher)
    }

    /// Links or renders the page of one base routine across the handbooks, as a summary page.
    func writeRoutineCoverage(_ row: Coverage.Row, to publisher: Publisher) throws -> (path: String, fingerprint: UInt64, rendered: Bool) {
        let path = Self.coveragePath(routine: row.routine.id)
        let (fingerprint, rendered) = try writeFingerprinted(path: path, current: .tackning, title: routineCoverageTitle(row),
                                                             template: Self.routineCoverageTemplate, view: routineCoverageView(row),
                                                             to: publisher)
        return (path, fingerprint, rendered)
    }

    /// Links or renders the portal's page of the handbook at `index` in the portal's order,
    /// as a summary page.
    func writeHandbookPage(_ index: Int, texts: inout RowTexts, to publisher: Publisher) throws -> (path: String, fingerprint: UInt64, rendered: Bool) {
        let summary = portal.councils[index]
        let path = Self.handbookPath(council: summary.council.slug)
        let (fingerprint, rendered) = try writeFingerprinted(path: path, current: .index, title: handbookTitle(summary),
                                                             template: Self.handbookTemplate, view: handbookView(index, texts: &texts),
                                                             to: publisher)
        return (path, fingerprint, rendered)
    }

    /// Links or renders the portal's page of the group at `index` in `Portal.groups`, as a
    /// summary page.
    func writeGroupPage(_ index: Int, to publisher: Publisher) throws -> (path: String, fingerprint: UInt64, rendered: Bool) {
        let group = portal.groups[index].group
        let path = Self.groupPath(group: group.id)
        let (fingerprint, rendered) = try writeFingerprinted(path: path, current: .index, title: group.name,
                                                             template: Self.groupTemplate, view: groupView(index), to: publisher)
        return (path, fingerprint, rendered)
    }

    /// The page's template data is made only when the page is rendered: its fingerprint is
    /// hashed from the view as the view writes its fields (`addTemplateFields(to:)`), which
    /// for 310 handbooks' pages cost a fraction of making their data and hashing that.
    private func writeFingerprinted(path: String, current: Name, title: String, template: String, view: any TemplateFields,
                                    to publisher: Publisher) throws -> (fingerprint: UInt64, rendered: Bool) {
        let fingerprint = pageFingerprint(path: path, current: current, title: title, template: template, view: view)
        if reuse.previousPages[path] == fingerprint, publisher.reuse(files: [path]) == [path] {
            return (fingerprint, false)
        }
        let content = theme.render(template, data: view.templateValue)
        try publisher.write([page(path: path, current: current, title: title, content: content)])
        return (fingerprint, true)
    }

    /// Everything the page's bytes are made of: the shape (flags, numbers, list lengths) and
    /// the texts of its view and of its layout, in order, with the templates and options.
    func pageFingerprint(path: String, current: Name, title: String, template: String, view: any TemplateFields) -> UInt64 {
        var hash = ContentHash()
        hash.add("portal summary")
        hash.add(reuse.everyPage)
        hash.add(path)
        hash.add(template)
        view.addTemplateFields(to: &hash)
        layout(path: path, current: current, title: title, content: "").addTemplateFields(to: &hash)
        return hash.value
    }

    /// The word counts of this build's changes, by the fingerprint of their pair of files.
    var wordCounts: [UInt64: WordCounts] {
        var result: [UInt64: WordCounts] = [:]
        for (pair, counts) in RoutineChange.counts(of: portal.changes) {
            if let fingerprint = reuse.pairFingerprints[pair] { result[fingerprint] = counts }
        }
        return result
    }
}
