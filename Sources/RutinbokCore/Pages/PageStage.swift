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
        /// The portal's data and pages, for a build that ends its process to keep
        /// (`ProcessEnd`) rather than free.
        var pages: PortalPages
    }

    /// One unit of work for the task group.
    private enum Job: Sendable {
        /// The portal's data: every council's, and the word diffs of the change pages.
        case portal
        /// The jobs below come once the portal's data is there, and carry it.
        case summary(PortalPages.Name, PortalPages)
        case changes(ArraySlice<RoutineChange>, PortalPages)
        /// Change pages whose inputs did not change: linked from the previous output, a share
        /// of them per job.
        case keptChanges(ArraySlice<String>, PortalPages)
        case handbook(Handbook)
    }

    /// What a job leaves: files written or linked, and what the portal's jobs make.
    private struct Done: Sendable {
        var files = 0
        var page: (path: String, fingerprint: UInt64)?
        var portal: PortalPages?
    }

    private static let changesPerJob = 64
    private static let keptChangesPerJob = 256

    static func write(_ handbooks: [Handbook], site: Site, bodies: MarkdownStage, theme: Theme,
                      today: Day, reuse: IncrementalPlan.Reuse = .init(), to publisher: Publisher) async throws -> Outcome {
        // The portal's data covers every council: a job of its own, which the handbooks' pages
        // do not wait for. Of its pages only the per-change pages depend on a single council,
        // and those whose inputs did not change are linked (and not diffed). Its pages run
        // beside the handbooks', not after them: a summary page is one long single-threaded
        // render (the coverage matrix above all), so they go first once the data is there.
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
        var portal: PortalPages?
        var record = PortalRecord()
        var written = 0
        try await withThrowingTaskGroup(of: Done.self) { group in
            var pending = [Job.portal] + handbooks.map(Job.handbook)
            var next = 0
            func startNext() {
                guard next < pending.count else { return }
                let job = pending[next]
                next += 1
                group.addTask {
                    try run(job, handbooks: handbooks, site: site, bodies: bodies, theme: theme, today: today, reuse: reuse,
                            to: publisher)
                }
            }
            for _ in 0..<width { startNext() }
            while let done = try await group.next() {
                written += done.files
                if let (path, fingerprint) = done.page { record.pages[path] = fingerprint }
                if let made = done.portal {
                    portal = made
                    record.wordCounts = made.wordCounts
                    var jobs = PortalPages.summaryOrder.map { Job.summary($0, made) }
                    // In order, so that each job makes the folders of a few councils.
                    let kept = reuse.portal.changePages.sorted()
                    let share = max(keptChangesPerJob, (kept.count + width - 1) / width)
                    jobs += stride(from: 0, to: kept.count, by: share).map {
                        .keptChanges(kept[$0..<min($0 + share, kept.count)], made)
                    }
                    let changes = made.changesToRender
                    jobs += stride(from: 0, to: changes.count, by: changesPerJob).map {
                        .changes(changes[$0..<min($0 + changesPerJob, changes.count)], made)
                    }
                    pending.insert(contentsOf: jobs, at: next)
                }
                startNext()
            }
        }
        return Outcome(files: written, portal: record, pages: portal!)
    }

    private static func run(_ job: Job, handbooks: [Handbook], site: Site, bodies: MarkdownStage, theme: Theme, today: Day,
                            reuse: IncrementalPlan.Reuse, to publisher: Publisher) throws -> Done {
        switch job {
        case .portal:
            let made = PortalPages(site: site, handbooks: handbooks, bodies: bodies, theme: theme, today: today,
                                   reuse: reuse.portal, reusedChangePages: reuse.portal.changePages)
            try publisher.write(made.assetFiles)
            return Done(files: made.assetFiles.count, portal: made)
        case .summary(let name, let portal):
            let fingerprint = try portal.writeSummary(name, to: publisher)
            return Done(files: 1, page: fingerprint.map { (name.path, $0) })
        case .changes(let changes, let portal):
            try publisher.write(changes.map(portal.changePage))
            return Done(files: changes.count)
        case .keptChanges(let paths, let portal):
            // A kept page missing from the previous output is rendered after all.
            let linked = publisher.reuse(files: Set(paths))
            let unlinked = Set(paths).subtracting(linked)
            let missing = unlinked.isEmpty ? [] : portal.portal.changes.filter {
                unlinked.contains(PortalPages.changePath(council: $0.council.slug, routine: $0.routine.id))
            }
            try publisher.write(missing.map(portal.changePage))
            return Done(files: linked.count + missing.count)
        case .handbook(let handbook):
            return Done(files: try write(handbook, site: site, bodies: bodies, theme: theme, today: today, reuse: reuse, to: publisher))
        }
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
