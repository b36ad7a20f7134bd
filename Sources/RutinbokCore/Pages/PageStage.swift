import Foundation

/// Renders the pages of every handbook and the portal, handing each council's files to the
/// writer as soon as they are ready so that memory holds a few councils at a time, not all.
/// A council whose inputs did not change since the last build is not rendered at all.
enum PageStage {
    struct Outcome: Sendable {
        /// Files in the output: written or linked.
        var files: Int
        /// What the portal leaves for the next build's manifest.
        var portal: PortalRecord
    }

    /// One unit of work for the task group.
    private enum Job: Sendable {
        case summary(PortalPages.Name)
        case changes(ArraySlice<RoutineChange>)
        /// Change pages whose inputs did not change: linked from the previous output.
        case keptChanges
        case handbook(Handbook)
    }

    private static let changesPerJob = 64

    static func write(_ handbooks: [Handbook], site: Site, bodies: MarkdownStage, theme: Theme,
                      today: Day, reuse: IncrementalPlan.Reuse = .init(), to publisher: Publisher) async throws -> Outcome {
        // The portal's data covers every council; of its pages only the per-change pages
        // depend on a single council, and those whose inputs did not change are linked (and
        // not diffed).
        let portal = PortalPages(site: site, handbooks: handbooks, bodies: bodies, theme: theme, today: today,
                                 reuse: reuse.portal, reusedChangePages: reuse.portal.changePages)
        try publisher.write(portal.assetFiles)
        var record = PortalRecord(wordCounts: portal.wordCounts)

        // The portal's pages run beside the handbooks', not after them: a summary page is one
        // long single-threaded render (the coverage matrix above all), so they go first.
        let changes = portal.changesToRender
        var jobs = PortalPages.summaryOrder.map(Job.summary)
        if !reuse.portal.changePages.isEmpty { jobs.append(.keptChanges) }
        jobs += stride(from: 0, to: changes.count, by: changesPerJob).map { .changes(changes[$0..<min($0 + changesPerJob, changes.count)]) }
        jobs += handbooks.map(Job.handbook)

        let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
        var written = portal.assetFiles.count
        try await withThrowingTaskGroup(of: (files: Int, page: (String, UInt64)?).self) { group in
            var pending = jobs[...]
            func startNext() {
                guard let job = pending.popFirst() else { return }
                group.addTask {
                    switch job {
                    case .summary(let name):
                        let fingerprint = try portal.writeSummary(name, to: publisher)
                        return (1, fingerprint.map { (name.path, $0) })
                    case .changes(let changes):
                        try publisher.write(changes.map(portal.changePage))
                        return (changes.count, nil)
                    case .keptChanges:
                        // A kept page missing from the previous output is rendered after all.
                        let linked = publisher.reuse(files: reuse.portal.changePages)
                        let missing = portal.portal.changes.filter {
                            let path = PortalPages.changePath(council: $0.council.slug, routine: $0.routine.id)
                            return reuse.portal.changePages.contains(path) && !linked.contains(path)
                        }
                        try publisher.write(missing.map(portal.changePage))
                        return (linked.count + missing.count, nil)
                    case .handbook(let handbook):
                        return (try write(handbook, site: site, bodies: bodies, theme: theme, today: today, reuse: reuse, to: publisher), nil)
                    }
                }
            }
            for _ in 0..<width { startNext() }
            while let done = try await group.next() {
                written += done.files
                if let (path, fingerprint) = done.page { record.pages[path] = fingerprint }
                startNext()
            }
        }
        return Outcome(files: written, portal: record)
    }

    /// A council's pages; returns the number of files written or linked.
    private static func write(_ handbook: Handbook, site: Site, bodies: MarkdownStage, theme: Theme, today: Day,
                              reuse: IncrementalPlan.Reuse, to publisher: Publisher) throws -> Int {
        // Inputs unchanged since the last build: link its files instead of rendering them.
        if reuse.councils.contains(handbook.council.slug), let count = publisher.reuse(folder: handbook.council.slug) {
            return count
        }
        let kept = publisher.reuse(files: reuse.routinePages[handbook.council.slug] ?? [])
        var pages = HandbookPages(handbook: handbook, bodies: bodies.pages(for: handbook),
                                  searchEntries: bodies.searchEntries(for: handbook),
                                  config: site.config, theme: theme, today: today)
        pages.keptRoutines = Set(handbook.routines.map(\.routine.id).filter {
            kept.contains("\(handbook.council.slug)/\(PageNames.html($0))")
        })
        let files = pages.files().map { $0.under(handbook.council.slug) }
        try publisher.write(files)
        return files.count + kept.count
    }
}
