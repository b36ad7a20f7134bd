import Foundation

/// Renders the pages of every handbook and the portal, handing each council's files to the
/// writer as soon as they are ready so that memory holds a few councils at a time, not all.
/// A council whose inputs did not change since the last build is not rendered at all.
enum PageStage {
    struct Outcome: Sendable {
        /// Files in the output: written or linked.
        var files: Int
        /// Of those, files made from the previous build's by replacing some of their items.
        var patched = 0
        /// Fingerprinted portal pages rendered rather than linked.
        var portalPagesRendered = 0
        /// What the portal leaves for the next build's manifest.
        var portal: PortalRecord
    }

    /// One of the portal's units of work for the task group (a handbook is another).
    private enum Job: Sendable {
        /// The portal's assets (its stylesheet, the theme's files).
        case portalAssets
        case summary(PortalPages.Name)
        /// Pages of base routines across the handbooks (`tackning/<id>.html`), a few per job.
        case routineCoverage(ArraySlice<Coverage.Row>)
        /// Pages of handbooks in the portal (`handbocker/<council>.html`), by their place in
        /// the portal's order, a few per job.
        case handbookPages(Range<Int>)
        /// Pages of groups in the portal (`grupper/<id>.html`), by their place in `Portal.groups`.
        case groupPages(Range<Int>)
        case changes(ArraySlice<RoutineChange>)
        /// Change pages whose inputs did not change: linked from the previous output, the
        /// folders of a few councils per job.
        case keptChanges([KeptChanges])
        /// `robots.txt` and the sitemap (`SearchEngineFiles`), which list every handbook's pages.
        case searchEngineFiles
    }

    /// What a job leaves: files written or linked, and summary pages' fingerprints.
    private struct Done: Sendable {
        var files = 0
        var patched = 0
        var pages: [(path: String, fingerprint: UInt64)] = []
        var rendered = 0

        init(files: Int = 0, patched: Int = 0, pages: [(path: String, fingerprint: UInt64)] = [], rendered: Int = 0) {
            (self.files, self.patched, self.pages, self.rendered) = (files, patched, pages, rendered)
        }

        /// Pages fingerprinted one by one (a base routine's, a handbook's, a group's), each
        /// written, or kept when its fingerprint did not change.
        init<Items: Collection>(fingerprinted items: Items, write: (Items.Element) throws -> (path: String, fingerprint: UInt64, rendered: Bool)) rethrows {
            files = items.count
            for item in items {
                let (path, fingerprint, rendered) = try write(item)
                pages.append((path, fingerprint))
                if rendered { self.rendered += 1 }
            }
        }
    }

    /// One council's kept change pages.
    private struct KeptChanges: Sendable {
        var folder: String
        var paths: [String]
    }

    private static let changesPerJob = 64
    private static let coveragePagesPerJob = 10
    private static let handbookPagesPerJob = 16
    private static let keptChangesPerJob = 256

    /// Writes the handbooks' pages and the portal's. The portal's data (`portal`) covers every
    /// council and lists the change pages to render; the handbooks' pages do not need it, so
    /// they start while it is still being made, and the portal's pages go first once it is
    /// there.
    static func write(_ handbooks: [Handbook], site: Site, bodies: RenderedBodies, theme: Theme, today: Day,
                      portal portalData: Task<PortalPages, Never>, reuse: IncrementalPlan.Reuse = .init(),
                      to publisher: Publisher) async throws -> Outcome {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
        var portal: PortalPages?
        var portalJobs: [Job] = []
        var record = PortalRecord()
        var written = 0, patched = 0, portalRendered = 0
        try await withThrowingTaskGroup(of: Finished.self) { group in
            var nextHandbook = 0, nextPortalJob = 0, running = 0
            /// Starts the next job there is, the portal's first; false when none can start yet.
            func startNext() -> Bool {
                if let portal, nextPortalJob < portalJobs.count {
                    let job = portalJobs[nextPortalJob]
                    nextPortalJob += 1
                    group.addTask {
                        .job(try run(job, portal: portal, handbooks: handbooks, reuse: reuse, to: publisher))
                    }
                } else if nextHandbook < handbooks.count {
                    let handbook = handbooks[nextHandbook]
                    nextHandbook += 1
                    group.addTask {
                        .job(try write(handbook, site: site, bodies: bodies, theme: theme, today: today, reuse: reuse,
                                       to: publisher))
                    }
                } else {
                    return false
                }
                running += 1
                return true
            }
            group.addTask { .portal(await portalData.value) }
            while running < width, startNext() {}
            while let finished = try await group.next() {
                switch finished {
                case .portal(let made):
                    portal = made
                    portalJobs = Self.portalJobs(made, reuse: reuse, width: width)
                    record.wordCounts = made.wordCounts
                case .job(let done):
                    running -= 1
                    written += done.files
                    patched += done.patched
                    portalRendered += done.rendered
                    for (path, fingerprint) in done.pages { record.pages[path] = fingerprint }
                }
                while running < width, startNext() {}
            }
        }
        return Outcome(files: written, patched: patched, portalPagesRendered: portalRendered, portal: record)
    }

    /// What a task of the page stage leaves: a job done, or the portal's data made.
    private enum Finished: Sendable {
        case job(Done)
        case portal(PortalPages)
    }

    /// The portal's jobs, in order. Its summary pages go first: each is one long
    /// single-threaded render (the coverage matrix above all). Of its pages only the
    /// per-change pages depend on a single council, and those whose inputs did not change are
    /// linked (and were not diffed).
    private static func portalJobs(_ portal: PortalPages, reuse: IncrementalPlan.Reuse, width: Int) -> [Job] {
        var jobs = PortalPages.summaryOrder.map(Job.summary)
        let rows = portal.coverageRows
        jobs += stride(from: 0, to: rows.count, by: coveragePagesPerJob).map {
            .routineCoverage(rows[$0..<min($0 + coveragePagesPerJob, rows.count)])
        }
        let councils = portal.portal.councils.count
        jobs += stride(from: 0, to: councils, by: handbookPagesPerJob).map {
            .handbookPages($0..<min($0 + handbookPagesPerJob, councils))
        }
        let groups = portal.portal.groups.count
        jobs += stride(from: 0, to: groups, by: handbookPagesPerJob).map {
            .groupPages($0..<min($0 + handbookPagesPerJob, groups))
        }
        // Council by council, in order, so that each job makes the folders of a few councils.
        let kept = Dictionary(grouping: reuse.portal.changePages) { Manifest.split($0).folder }
            .map { KeptChanges(folder: $0.key, paths: $0.value) }.sorted { $0.folder < $1.folder }
        let share = max(keptChangesPerJob, (reuse.portal.changePages.count + width - 1) / width)
        var batch: [KeptChanges] = [], inBatch = 0
        for folder in kept {
            batch.append(folder)
            inBatch += folder.paths.count
            if inBatch >= share {
                jobs.append(.keptChanges(batch))
                batch = []
                inBatch = 0
            }
        }
        if !batch.isEmpty { jobs.append(.keptChanges(batch)) }
        let changes = portal.changesToRender
        jobs += stride(from: 0, to: changes.count, by: changesPerJob).map {
            .changes(changes[$0..<min($0 + changesPerJob, changes.count)])
        }
        jobs.append(.portalAssets)
        jobs.append(.searchEngineFiles)
        return jobs
    }

    private static func run(_ job: Job, portal: PortalPages, handbooks: [Handbook], reuse: IncrementalPlan.Reuse,
                            to publisher: Publisher) throws -> Done {
        switch job {
        case .portalAssets:
            try publisher.write(portal.assetFiles)
            return Done(files: portal.assetFiles.count)
        case .summary(let name):
            let (fingerprint, rendered) = try portal.writeSummary(name, to: publisher)
            return Done(files: 1, pages: [(name.path, fingerprint)], rendered: rendered ? 1 : 0)
        case .routineCoverage(let rows):
            return try Done(fingerprinted: rows) { try portal.writeRoutineCoverage($0, to: publisher) }
        case .handbookPages(let indices):
            var texts = PortalPages.RowTexts(portal.portal.config)
            return try Done(fingerprinted: indices) { try portal.writeHandbookPage($0, texts: &texts, to: publisher) }
        case .groupPages(let indices):
            return try Done(fingerprinted: indices) { try portal.writeGroupPage($0, to: publisher) }
        case .changes(let changes):
            try publisher.write(changes.map(portal.changePage))
            return Done(files: changes.count)
        case .keptChanges(let folders):
            // A council's folder of change pages is carried whole when the plan allows it;
            // else, or when a file is missing, its pages are linked one by one, and a kept
            // page missing from the previous output is rendered after all.
            var files = 0
            var unlinked: Set<String> = []
            for kept in folders {
                if reuse.portal.changeFolders.contains(kept.folder), let count = publisher.reuse(folder: kept.folder) {
                    files += count
                    continue
                }
                let paths = Set(kept.paths)
                let linked = publisher.reuse(files: paths)
                files += linked.count
                unlinked.formUnion(paths.subtracting(linked))
            }
            let missing = unlinked.isEmpty ? [] : portal.portal.changes.filter {
                unlinked.contains(PortalPages.changePath(council: $0.council.slug, routine: $0.routine.id))
            }
            try publisher.write(missing.map(portal.changePage))
            return Done(files: files + missing.count)
        case .searchEngineFiles:
            let (sitemap, files, rendered) = try portal.writeSearchEngineFiles(of: handbooks, to: publisher)
            return Done(files: files, pages: sitemap.map { [$0] } ?? [], rendered: rendered ? 1 : 0)
        }
    }

    /// A council's pages.
    private static func write(_ handbook: Handbook, site: Site, bodies: RenderedBodies, theme: Theme, today: Day,
                              reuse: IncrementalPlan.Reuse, to publisher: Publisher) throws -> Done {
        // Inputs unchanged since the last build: link its files instead of rendering them.
        if reuse.councils.contains(handbook.council.slug), let count = publisher.reuse(folder: handbook.council.slug) {
            return Done(files: count)
        }
        let slug = handbook.council.slug
        let kept = publisher.reuse(files: reuse.pages[slug] ?? [])
        var pages = HandbookPages(handbook: handbook, bodies: bodies, config: site.config, theme: theme, today: today)
        pages.kept = Set(kept.map { String($0.dropFirst(slug.count + 1)) })
        pages.nameOfSource = { [site] in site.nameOfSource($0) }
        if reuse.frames.contains(slug) {
            pages.previousPrint = publisher.previousSegmented("\(slug)/\(PageNames.html(PageNames.print))")
            pages.previousSearchIndex = publisher.previousSegmented("\(slug)/\(PageNames.searchIndex)")
        }
        let files = pages.files().map { $0.under(slug) }
        try publisher.write(files)
        if let fingerprints = reuse.pageFingerprints[slug] {
            publisher.seal(folder: slug, paths: files.map(\.path) + kept, pages: fingerprints)
        }
        return Done(files: files.count + kept.count, patched: files.reduce(0) { $0 + ($1.patched ? 1 : 0) })
    }
}
