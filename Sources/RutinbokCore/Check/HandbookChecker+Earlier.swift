/// Checking a changed handbook again where it changed. When a council's frame did not change
/// (`IncrementalPlan.Reuse.frames`: its settings, contacts, theme, site.yml, options and date,
/// and its routines' ids, files, phases and titles), what the check finds in a routine whose
/// page did not change depends on one more thing only: the heading ids of the routines its
/// links point to. So when the routines whose page changed still have the heading ids they
/// had (`anchors(of:)`), only those routines are checked, and what the last check found in
/// every other file stands.
extension HandbookChecker {
    /// What the last build's check of a changed council can still tell.
    struct Earlier: Sendable {
        /// What it found, in the order it found it.
        var diagnostics: [Diagnostic]
        /// The routines whose page changed since, by index in the handbook.
        var changed: [Int]
        /// The fingerprint of each routine's heading ids then, by `anchorsKey`.
        var anchors: [String: UInt64]
    }

    /// What the previous build's manifest tells of a changed council's last check; `kept` are
    /// the council's pages whose fingerprint did not change. Nil when the manifest has no
    /// block for the council.
    static func earlier(_ handbook: Handbook, previous: ManifestFile, kept: Set<String>) -> Earlier? {
        let slug = handbook.council.slug
        guard let folder = previous.folder(slug) else { return nil }
        var earlier = Earlier(diagnostics: previous.checks[slug] ?? [], changed: [], anchors: [:])
        for (index, entry) in handbook.routines.enumerated() {
            let key = anchorsKey(slug, entry.routine.id)
            if !kept.contains(String(key.dropLast())) { earlier.changed.append(index) }
            earlier.anchors[key] = folder.pages[key]
        }
        return earlier
    }

    /// Where a routine's anchors are kept in its council's manifest block: beside its page's
    /// fingerprint, under the page's path and '#' (made for every routine of a checked council:
    /// one string, not an interpolation's several).
    static func anchorsKey(_ slug: String, _ routine: String) -> String {
        var key = ""
        key.reserveCapacity(slug.utf8.count + routine.utf8.count + 7)
        key += slug
        key += "/"
        key += PageNames.html(routine)
        key += "#"
        return key
    }

    /// A fingerprint of the heading ids a routine's links can point to, in order (a broken
    /// anchor's note lists them); a missing body has one of its own.
    static func anchors(of body: RenderedMarkdown?) -> UInt64 {
        var hash = ContentHash()
        guard let body else {
            hash.add("no body")
            return hash.value
        }
        hash.add("anchors")
        for heading in body.headings { hash.add(heading.id) }
        return hash.value
    }

    /// The check of `handbook` made from `earlier` and the changed routines checked again;
    /// nil when that cannot stand for a whole check: a changed routine's heading ids changed,
    /// or the last build recorded no anchors for a routine.
    static func recheck(_ handbook: Handbook, earlier: Earlier, bodies: RenderedBodies, config: SiteConfig,
                        today: Day) -> Outcome? {
        var rendered: [String: RenderedMarkdown] = [:]
        var anchors: [(key: String, fingerprint: UInt64)] = []
        anchors.reserveCapacity(handbook.routines.count)
        let changed = Set(earlier.changed)
        for (index, entry) in handbook.routines.enumerated() {
            let key = anchorsKey(handbook.council.slug, entry.routine.id)
            guard let before = earlier.anchors[key] else { return nil }
            guard changed.contains(index) else {
                anchors.append((key, before))
                continue
            }
            let body = bodies.body(for: entry.routine, in: handbook)
            let now = Self.anchors(of: body)
            guard now == before else { return nil }
            rendered[entry.routine.id] = body
            anchors.append((key, now))
        }
        // The routines the changed ones link to, for their headings.
        for index in earlier.changed {
            for link in rendered[handbook.routines[index].routine.id]?.links ?? [] {
                guard let target = link.routine, rendered[target] == nil, let at = handbook.routineIndex[target] else { continue }
                rendered[target] = bodies.body(for: handbook.routines[at].routine, in: handbook)
            }
        }
        let checker = HandbookChecker(handbook: handbook, rendered: rendered, config: config, today: today, bodies: bodies)
        // In the order a whole check finds them: routine by routine, then the rest.
        let routineFiles = Set(handbook.routines.map(\.routine.location.file))
        let before = Dictionary(grouping: earlier.diagnostics.filter { routineFiles.contains($0.location.file) }) { $0.location.file }
        var diagnostics: [Diagnostic] = []
        for (index, entry) in handbook.routines.enumerated() {
            diagnostics += changed.contains(index) ? checker.check(entry.routine) : before[entry.routine.location.file] ?? []
        }
        diagnostics += earlier.diagnostics.filter { !routineFiles.contains($0.location.file) }
        return Outcome(diagnostics: diagnostics, anchors: anchors, inPart: true)
    }
}
