import Foundation

/// Renders the pages of every handbook and the portal, handing each council's files to the
/// writer as soon as they are ready so that memory holds a few councils at a time, not all.
/// A council whose inputs did not change since the last build is not rendered at all.
enum PageStage {
    static func write(_ handbooks: [Handbook], site: Site, bodies: MarkdownStage, theme: Theme,
                      today: Day, reusable: Set<String> = [], reusableChangePages: Set<String> = [],
                      reusableRoutinePages: [String: Set<String>] = [:],
                      to publisher: Publisher) async throws -> Int {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount)
        var written = 0
        try await withThrowingTaskGroup(of: Int.self) { group in
            var pending = handbooks[...]
            func startNext() {
                guard let handbook = pending.popFirst() else { return }
                group.addTask {
                    // Inputs unchanged since the last build: link its files instead of rendering them.
                    if reusable.contains(handbook.council.slug), let count = publisher.reuse(folder: handbook.council.slug) {
                        return count
                    }
                    let kept = publisher.reuse(files: reusableRoutinePages[handbook.council.slug] ?? [])
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
            for _ in 0..<width { startNext() }
            while let count = try await group.next() {
                written += count
                startNext()
            }
        }
        // The portal's data covers every council; of its pages only the per-change pages
        // depend on a single council, and those whose inputs did not change are linked.
        let linked = publisher.reuse(files: reusableChangePages)
        var portalPages = PortalPages(site: site, handbooks: handbooks, bodies: bodies, theme: theme, today: today)
        portalPages.reusedChangePages = linked
        let portal = portalPages.files()
        try publisher.write(portal)
        return written + portal.count + linked.count
    }
}
