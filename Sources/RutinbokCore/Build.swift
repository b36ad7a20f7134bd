import Foundation

/// One build, stage by stage: load → resolve → render Markdown → check → render pages → write.
public enum Build {
    public struct Options: Sendable {
        public var content = "content"
        public var templates = "templates"
        /// Where the caller looked for `templates` when none was given (absolute folders),
        /// named in the error when it is missing; empty when the folder was given.
        public var templatesLookedIn: [String] = []
        /// The shipped templates folder that `templates` overlays file by file (a theme holds
        /// only what it changes: docs/themes.md); nil when `templates` is the shipped folder,
        /// or none was found, and then `templates` alone is the theme.
        public var shippedTemplates: String?
        public var output = "output"
        /// Only these councils (slugs), and those of these groups (`--group`); all when both
        /// are empty.
        public var councils: [String] = []
        public var groups: [String] = []
        public var today: Day
        public var includeInternal = false
        /// Warnings stop the build too.
        public var strict = false
        /// The process exits right after this build: its data is left for the system to
        /// reclaim rather than freed piece by piece (`ProcessEnd`).
        public var endsProcess = false
        /// Called once when another build has held the output for a second (`OutputLock`).
        public var waitingForOutput: (@Sendable () -> Void)?
        /// `today` is worked out (a time zone database read) only when not given.
        public init(today: Day = .today()) { self.today = today }

        /// The output folder when none is given: the intranet's version goes to a folder of
        /// its own, so that it never lands where the public one is published from.
        public static func defaultOutput(forIntranet: Bool) -> String {
            forIntranet ? "output-intranat" : "output"
        }

        /// The preview's (`rutinbok serve`) output folder when none is given: beside the
        /// published one, never it. A preview of one council (`--council`) leaves only that
        /// council in its folder, and a cron job that copies `output/` to the web server with
        /// `rsync --delete` would have taken every other handbook off the web.
        public static func defaultPreviewOutput(forIntranet: Bool) -> String {
            "\(defaultOutput(forIntranet: forIntranet))-forhandsvisning"
        }
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// Files in the published output, or 0 when nothing was published.
        public var filesWritten = 0
        /// Of those, files kept from the previous output (hard links) rather than written.
        public var filesReused = 0
        /// Of those, files whose bytes the previous output did not have at their path: new or
        /// changed for whoever reads the output.
        public var filesChanged = 0
        /// Nothing changed since the last build: the output was left alone, nothing was written.
        public var unchanged = false
        public var councils = 0
        /// Routine bodies rendered from Markdown; the others came from the cache of earlier builds.
        public var bodiesRendered = 0
        /// Councils taken whole from the council cache: their folders did not change, and their
        /// files were not read.
        public var councilsFromCache = 0
        /// Print pages and search indexes made from the previous build's, only the items of
        /// changed routines made again.
        public var filesPatched = 0
        /// Portal pages fingerprinted by their data (summary pages, the pages of base routines,
        /// handbooks and groups, and the sitemap) that were rendered; the others were linked
        /// from the previous output.
        public var portalPagesRendered = 0
        /// Changed councils checked again only where they changed.
        public var councilsCheckedInPart = 0
        /// The handbooks the previous output had and this one has not (a council deleted, or one
        /// not chosen with `--council`), and the files their folders held.
        public var handbooksRemoved: [String] = []
        public var filesOfRemovedHandbooks = 0
        /// Every file the previous output had and this one has not: those of removed handbooks,
        /// and others (a theme's file deleted, a routine left out).
        public var filesRemoved = 0
        /// The handbooks this output has and the previous one had not.
        public var handbooksAdded: [String] = []
        public var published = false
        /// Seconds spent in each stage, in the order they ran.
        public var timings: [(stage: String, seconds: Double)] = []
    }

    /// Runs every stage; writes only when `write` is set and nothing stopped the build.
    /// When the output's manifest shows the same inputs, it stops before loading anything.
    public static func run(_ options: Options, write: Bool) async -> Result {
        let options = options.withCanonicalFolders()
        let outputURL = URL(fileURLWithPath: options.output).standardizedFileURL.resolvingSymlinksInPath()
        // An output the build must not replace is said at once, before any work (and before
        // content errors that would hide it). The publisher checks again, under the lock.
        if write {
            do {
                try Publisher.checkSafe(outputURL, protected: options.inputFolders, internal: options.includeInternal)
            } catch {
                return Result(diagnostics: [.error(SourceLocation(file: options.output), "\(error)", code: "output-refused")])
            }
        }
        // No lock when there is no content to build (run in the wrong folder): it leaves no
        // trace there.
        var isFolder: ObjCBool = false
        let locks = write && FileManager.default.fileExists(atPath: options.content, isDirectory: &isFolder) && isFolder.boolValue
        if locks, let refusal = OutputLock.refusal(beside: outputURL) {
            return Result(diagnostics: [.error(SourceLocation(file: options.output), refusal.message, code: "output-refused", notes: refusal.notes)])
        }
        let outputLock = locks ? await OutputLock.acquire(beside: outputURL, waiting: options.waitingForOutput) : nil
        defer { outputLock?.removeIfNothingPublished(at: outputURL) }
        if outputLock != nil { Publisher.restoreInterrupted(besides: outputURL) }
        var clock = StageClock()
        var plan = write ? IncrementalPlan(options) : nil
        if let plan, plan.isUnchanged, let previous = plan.previous {
            Publisher.removeStale(besides: plan.output)
            clock.lap("unchanged")
            let stopped = options.strict && !previous.warnings.isEmpty
            return Result(diagnostics: previous.warnings, filesWritten: stopped ? 0 : previous.outputs.count,
                          unchanged: true, councils: previous.councils.count, published: !stopped, timings: clock.laps)
        }
        // MARK: Stage 1, load (with the plan: stamping the inputs and reading the manifest,
        // apart from loading, which is what the load cache makes cheaper).
        plan?.groupFolders()
        if plan != nil { clock.lap("plan") }
        // The templates do not depend on the content: they load while it does.
        let themeLoad = Task { () -> (Theme?, [Diagnostic]) in
            var (theme, problems) = Theme.load(directory: options.templates, shipped: options.shippedTemplates, lookedIn: options.templatesLookedIn)
            if write, let loaded = theme { theme = loaded.resuming(frames: FrameStore.load(beside: outputURL, templates: loaded.templatesHash)) }
            return (theme, problems)
        }
        // Only a build that publishes keeps what it loaded and rendered, beside the output it wrote.
        // The Markdown cache is read while the content loads.
        let cacheLoad = Task { write ? MarkdownCache(output: outputURL) : nil }
        let loadCache = write ? LoadCache(output: outputURL) : nil
        let councilCache = plan.map { CouncilCache(output: outputURL, content: options.content, folders: $0.councilFolders()) }
        let (loaded, loadProblems) = await ContentLoader.load(contentDirectory: options.content, cache: loadCache,
                                                              councilCache: councilCache)
        let (theme, themeProblems) = await themeLoad.value
        clock.lap("load")
        guard let site = loaded else { return Result(diagnostics: loadProblems + themeProblems, timings: clock.laps) }
        let (chosen, groupProblems) = CouncilSelection.members(options.councils, groups: options.groups, site: site)
        guard groupProblems.isEmpty else { return Result(diagnostics: loadProblems + themeProblems + groupProblems, timings: clock.laps) }
        let scope = CouncilSelection.Scope(chosen, site: site, content: options.content)
        var diagnostics = scope.limit(loadProblems) + themeProblems

        // MARK: Stage 2, resolve
        var (handbooks, resolveProblems) = Resolver.resolve(site, options: .init(includeInternal: options.includeInternal))
        diagnostics += scope.limit(resolveProblems)
        diagnostics += CouncilSelection.apply(chosen, to: &handbooks, site: site)
        clock.lap("resolve")

        // MARK: Stage 3, render Markdown
        // Which pages the previous build left as they should be depends on the handbooks and
        // file stamps only: worked out while the Markdown renders and the checks run.
        let selected = handbooks
        let planning = plan.map { plan in
            Task { () -> (IncrementalPlan, IncrementalPlan.Reuse) in
                var plan = plan
                let reuse = plan.plan(selected)
                return (plan, reuse)
            }
        }
        let cache = await cacheLoad.value
        let bodies = await RenderedBodies.render(handbooks, cache: cache, known: councilCache?.knownBodies ?? [:])
        diagnostics += bodies.diagnostics
        WithheldAssets.propose(for: &handbooks)
        clock.lap("markdown")

        // MARK: Stage 4, check
        diagnostics += scope.limit(SiteChecker.check(site, today: options.today))
        diagnostics += ReadabilityChecker.check(handbooks, bodies: bodies, threshold: site.config.lixThreshold)
        var reusable = IncrementalPlan.Reuse()
        if let (planned, reuse) = await planning?.value {
            plan = planned
            reusable = reuse
        }
        // A council whose fingerprint did not change reports what its check found last time.
        var known: [String: [Diagnostic]] = [:]
        if let previous = plan?.previous {
            for slug in reusable.councils { known[slug] = previous.checks[slug] ?? [] }
        }
        // A changed council whose frame did not change is checked where it changed.
        let previous = plan?.previous, frames = reusable.frames, keptPages = reusable.pages
        let outcomes = HandbookChecker.check(handbooks, bodies: bodies, config: site.config, today: options.today,
                                             unloadable: site.unloadable, known: known, recordAnchors: plan != nil) { handbook in
            guard let previous, frames.contains(handbook.council.slug) else { return nil }
            return HandbookChecker.earlier(handbook, previous: previous, kept: keptPages[handbook.council.slug] ?? [])
        }
        var checkedInPart = 0
        for (handbook, outcome) in zip(handbooks, outcomes) {
            let slug = handbook.council.slug
            if outcome.inPart { checkedInPart += 1 }
            if !outcome.diagnostics.isEmpty {
                diagnostics += outcome.diagnostics
                plan?.next.checks[slug] = outcome.diagnostics
            }
            // Each routine's anchors go into its council's block, beside its page's fingerprint.
            if let anchors = outcome.anchors, reusable.pageFingerprints[slug] != nil {
                reusable.pageFingerprints[slug]! += anchors
            }
        }
        if write, let warning = Publisher.placementWarning(for: outputURL) { diagnostics.append(warning) }
        var result = Result(diagnostics: EmptyPhases.collapse(diagnostics, site: site).normalized(), councils: handbooks.count, bodiesRendered: bodies.renderedCount,
                            councilsFromCache: councilCache?.hits.load(ordering: .relaxed) ?? 0, councilsCheckedInPart: checkedInPart)
        clock.lap("check")
        let stopped = result.diagnostics.hasErrors || (options.strict && !result.diagnostics.isEmpty)
        guard write, !stopped, let theme else {
            result.timings = clock.laps
            if options.endsProcess { ProcessEnd.keep((site, handbooks, bodies, plan, cache, loadCache, councilCache)) }
            return result
        }
        // MARK: Stages 5 and 6, render pages and write
        // The portal's data covers every council; it is made while the publisher and the
        // caches get ready, and only by a build that goes on to write (the checks use both
        // cores: making it beside them gained nothing, and a build stopped by an error would
        // have made it for nothing, in `serve` too).
        let portalData = Task { [handbooks, reusable] in
            PortalPages(site: site, handbooks: handbooks, bodies: bodies, theme: theme, today: options.today,
                        forIntranet: options.includeInternal, reuse: reusable.portal, reusedChangePages: reusable.portal.changePages)
        }

        do {
            plan?.next.warnings = result.diagnostics
            let publisher = try Publisher(output: options.output, protected: options.inputFolders,
                                          internal: options.includeInternal, previous: plan?.previous)
            // The cache's new file is written while pages render, and put in place only once
            // the build has published.
            let cacheUpdate = cache.map { cache in Task.detached { (cache, cache.prepare(bodies.rendered, live: bodies.used)) } }
            let loadCacheUpdate = loadCache.map { cache in Task.detached { (cache, cache.prepare()) } }
            let councilCacheUpdate = councilCache.map { cache in Task.detached { (cache, cache.prepare(bodies)) } }
            do {
                let pages = try await PageStage.write(handbooks, site: site, bodies: bodies, theme: theme, today: options.today,
                                                      portal: portalData, reuse: reusable, to: publisher)
                result.filesWritten = pages.files
                result.filesReused = publisher.linkedCount
                result.filesChanged = publisher.changedCount
                result.filesPatched = pages.patched
                result.portalPagesRendered = pages.portalPagesRendered
                if options.endsProcess { ProcessEnd.keep(await portalData.value) }
                clock.lap("pages")
                if var manifest = plan?.next {
                    manifest.add(pages.portal)
                    try publisher.writeManifest(manifest)
                    clock.lap("manifest")
                }
                try publisher.publish()
                result.published = true
                if let previous = plan?.previous {
                    let before = previous.folderNames, slugs = handbooks.map(\.council.slug)
                    let had = Set(before), has = Set(slugs)
                    result.handbooksAdded = slugs.filter { !had.contains($0) }
                    // The previous output's council folders: not the portal's, not the root.
                    result.handbooksRemoved = before.filter { folder in
                        !folder.isEmpty && !folder.contains("/") && !has.contains(folder) && !PageNames.reservedCouncilSlugs.contains(folder)
                    }
                    result.filesOfRemovedHandbooks = result.handbooksRemoved.reduce(0) { $0 + previous.outputCount(of: $1) }
                    // Kept and changed files were at their paths before; the rest of the previous
                    // output is gone.
                    result.filesRemoved = previous.outputs.count - (result.filesWritten - publisher.addedCount)
                }
                if let (cache, update) = await cacheUpdate?.value { cache.commit(update) }
                if let (cache, update) = await loadCacheUpdate?.value { cache.commit(update) }
                if let (cache, update) = await councilCacheUpdate?.value { cache.commit(update) }
                if let frames = theme.framesToKeep { FrameStore.save(frames, beside: outputURL, templates: theme.templatesHash) }
                clock.lap("publish")
            } catch {
                publisher.discard()
                if let (cache, update) = await cacheUpdate?.value { cache.discard(update) }
                if let (cache, update) = await loadCacheUpdate?.value { cache.discard(update) }
                if let (cache, update) = await councilCacheUpdate?.value { cache.discard(update) }
                throw error
            }
        } catch Publisher.Failure.refused(let message) {
            result.diagnostics.append(.error(SourceLocation(file: options.output), message, code: "output-refused"))
        } catch {
            result.diagnostics.append(.error(SourceLocation(file: options.output), "\(error)", code: "write-failed"))
        }
        result.timings = clock.laps
        if options.endsProcess { ProcessEnd.keep((site, handbooks, bodies, plan, cache, loadCache, councilCache, theme, reusable)) }
        return result
    }
}
