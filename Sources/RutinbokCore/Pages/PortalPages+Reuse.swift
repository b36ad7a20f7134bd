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
    /// Links or renders a summary page; returns its fingerprint, nil when its data holds a
    /// value that cannot be fingerprinted (then it is always rendered), and whether it was rendered.
    func writeSummary(_ name: Name, to publisher: Publisher) throws -> (fingerprint: UInt64?, rendered: Bool) {
        let (title, view) = summary(name)
        return try writeFingerprinted(path: name.path, current: name, title: title, template: name.template, view: view,
                                      to: publisher)
    }

    /// Links or renders the page of one base routine across the handbooks, as a summary page.
    func writeRoutineCoverage(_ row: Coverage.Row, to publisher: Publisher) throws -> (path: String, fingerprint: UInt64?, rendered: Bool) {
        let path = Self.coveragePath(routine: row.routine.id)
        let (fingerprint, rendered) = try writeFingerprinted(path: path, current: .tackning, title: routineCoverageTitle(row),
                                                             template: Self.routineCoverageTemplate, view: routineCoverageView(row),
                                                             to: publisher)
        return (path, fingerprint, rendered)
    }

    /// Links or renders the portal's page of the handbook at `index` in the portal's order,
    /// as a summary page.
    func writeHandbookPage(_ index: Int, texts: inout RowTexts, to publisher: Publisher) throws -> (path: String, fingerprint: UInt64?, rendered: Bool) {
        let summary = portal.councils[index]
        let path = Self.handbookPath(council: summary.council.slug)
        let (fingerprint, rendered) = try writeFingerprinted(path: path, current: .index, title: handbookTitle(summary),
                                                             template: Self.handbookTemplate, view: handbookView(index, texts: &texts),
                                                             to: publisher)
        return (path, fingerprint, rendered)
    }

    /// The page's template data is made only when the page is rendered: its fingerprint is
    /// hashed from the view as the view writes its fields (`addTemplateFields(to:)`), which
    /// for 310 handbooks' pages cost a fraction of making their data and hashing that.
    private func writeFingerprinted(path: String, current: Name, title: String, template: String, view: Any,
                                    to publisher: Publisher) throws -> (fingerprint: UInt64?, rendered: Bool) {
        let fingerprint = pageFingerprint(path: path, current: current, title: title, template: template, view: view)
        if let fingerprint, reuse.previousPages[path] == fingerprint, publisher.reuse(files: [path]) == [path] {
            return (fingerprint, false)
        }
        let content = TemplateData.make(view).map { theme.render(template, data: $0) } ?? ""
        try publisher.write([page(path: path, current: current, title: title, content: content)])
        return (fingerprint, true)
    }

    /// Everything the page's bytes are made of: nil when its view holds a value that cannot
    /// be fingerprinted (then it is always rendered).
    func pageFingerprint(path: String, current: Name, title: String, template: String, view: Any) -> UInt64? {
        var hash = ContentHash()
        hash.add("portal summary")
        hash.add(reuse.everyPage)
        hash.add(path)
        hash.add(template)
        // The shape (keys, flags, numbers, list lengths) and the texts in order: all of it.
        if let view = view as? any TemplateFields {
            view.addTemplateFields(to: &hash)
        } else {
            guard let data = TemplateData.make(view), data.add(to: &hash) else { return nil }
        }
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

extension TemplateValue {
    /// Adds all of the value to `hash`: each kind with a tag, each text and key with its
    /// length, each list with its count, so that two values hash alike only if they are
    /// alike. False for a value of a kind templates have no use for.
    func add(to hash: inout ContentHash) -> Bool {
        switch self {
        case .text(let text):
            hash.add(1 as UInt64)
            hash.add(UInt64(text.utf8.count))
            hash.add(text)
        case .flag(let flag): hash.add(flag ? 2 : 3 as UInt64)
        case .number(let number):
            hash.add(4 as UInt64)
            hash.add(UInt64(bitPattern: Int64(number)))
        case .decimal(let number):
            hash.add(5 as UInt64)
            hash.add(number.bitPattern)
        case .fields(let fields):
            hash.add(6 as UInt64)
            hash.add(UInt64(fields.count))
            for (key, value) in fields {
                hash.add(UInt64(key.utf8.count))
                hash.add(key)
                guard value.add(to: &hash) else { return false }
            }
        case .list(let items):
            hash.add(7 as UInt64)
            hash.add(UInt64(items.count))
            for item in items {
                guard item.add(to: &hash) else { return false }
            }
        case .other: return false
        }
        return true
    }
}
