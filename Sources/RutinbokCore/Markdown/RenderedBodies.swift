import Foundation

/// The Markdown stage and what it hands on: every distinct routine file rendered once, in
/// parallel, whatever number of councils share it (a base routine's HTML does not depend on
/// the council), and looked up by the stages after it.
struct RenderedBodies: Sendable {
    struct Key: Hashable, Sendable {
        /// The routine's file, which identifies its text.
        var file: String
        var options: MarkdownRenderer.Options

        /// The routine's body rendered with these options, with its print variant unless `forPrint` is false.
        func render(_ routine: Routine, forPrint: Bool = true) -> RenderedMarkdown {
            MarkdownRenderer(options: options).render(routine.body, file: routine.location.file, firstLine: routine.bodyLine,
                                                      printID: forPrint ? routine.id : nil)
        }
    }

    private(set) var bodies: [Key: RenderedMarkdown] = [:]
    /// Each routine's search index entry, as JSON, made when a page stage first asks for it:
    /// a build that renders a few councils needs a few.
    private let search = MadeOnce<Key, [UInt8]>()
    /// Bodies not looked up by `render`, found when asked for.
    private var deferred = DeferredBodies()
    private(set) var diagnostics: [Diagnostic] = []
    /// Bodies rendered by this build, not taken from the cache.
    private(set) var renderedCount = 0
    /// With a cache: the bodies rendered, for `MarkdownCache.prepare`, and the keys of every
    /// body this build used. Without one, no body is hashed for a key nobody looks up.
    private(set) var rendered: [(MarkdownCache.Key, RenderedMarkdown)] = []
    private(set) var used: Set<MarkdownCache.Key> = []
    /// The cache key of each body `render` rendered or looked up, so that the council cache
    /// does not hash the bodies again (`known`).
    private var cacheKeys: [Key: MarkdownCache.Key] = [:]

    static func key(_ routine: Routine, in handbook: Handbook) -> Key {
        Key(file: routine.location.file, options: .init(allowRawHTML: handbook.council.allowsRawHTML(in: routine)))
    }

    /// Renders what `cache` does not have. A body of which `known` holds what rendering it
    /// found (by file; a council taken from the council cache) is not looked up: its page is
    /// found when something asks for it (`DeferredBodies`).
    static func render(_ handbooks: [Handbook], cache: MarkdownCache? = nil, known: [String: KnownBody] = [:]) async -> RenderedBodies {
        // Where each key's routine is (the last one wins, as before), rather than copies of
        // routines: a Routine is large, and there is one entry per council and routine.
        var unique: [Key: (handbook: Int, routine: Int)] = [:]
        // Room for every entry (most are the same base files): growing the table step by step
        // rehashed its keys again and again.
        unique.reserveCapacity(handbooks.reduce(0) { $0 + $1.routines.count })
        for (handbookIndex, handbook) in handbooks.enumerated() {
            for (routineIndex, entry) in handbook.routines.enumerated() {
                unique[key(entry.routine, in: handbook)] = (handbookIndex, routineIndex)
            }
        }
        var stage = RenderedBodies()
        var deferred: [Key: DeferredBodies.Entry] = [:]
        deferred.reserveCapacity(known.count)
        if cache != nil { stage.used.reserveCapacity(unique.count) }
        var toRender: [Key] = []
        for (key, place) in unique {
            guard let body = known[key.file], body.allowRawHTML == key.options.allowRawHTML else {
                toRender.append(key)
                continue
            }
            let routine = handbooks[place.handbook].routines[place.routine].routine
            let entry = DeferredBodies.Entry(routine: routine, known: body)
            deferred[key] = entry
            stage.diagnostics += body.diagnostics
            if cache != nil { stage.used.insert(entry.cacheKey) }
        }
        stage.deferred = DeferredBodies(deferred, cache: cache)
        let order = toRender.sorted { ($0.file, $0.options.allowRawHTML ? 1 : 0) < ($1.file, $1.options.allowRawHTML ? 1 : 0) }
        // Places, not copies of routines: copying 4,000 routines (each a dozen strings) into
        // the batches cost more than looking most bodies up in the cache.
        let work = order.map { key in (key: key, place: unique[key]!) }
        let batches = stride(from: 0, to: work.count, by: 32).map { Array(work[$0..<min($0 + 32, work.count)]) }
        stage.bodies.reserveCapacity(work.count)
        await withTaskGroup(of: [(Key, RenderedMarkdown, MarkdownCache.Key?, Bool)].self) { group in
            for batch in batches {
                group.addTask {
                    batch.map { key, place in
                        let routine = handbooks[place.handbook].routines[place.routine].routine
                        let cacheKey = cache.map { _ in MarkdownCache.Key.of(routine, allowRawHTML: key.options.allowRawHTML) }
                        let cached = cacheKey.flatMap { cache?.entry($0) }
                        let page = cached ?? key.render(routine)
                        return (key, page, cacheKey, cached == nil)
                    }
                }
            }
            for await results in group {
                for (key, page, cacheKey, isNew) in results {
                    stage.bodies[key] = page
                    stage.diagnostics += page.diagnostics
                    if isNew { stage.renderedCount += 1 }
                    guard let cacheKey else { continue }
                    stage.used.insert(cacheKey)
                    stage.cacheKeys[key] = cacheKey
                    if isNew { stage.rendered.append((cacheKey, page)) }
                }
            }
        }
        return stage
    }

    /// The rendered body of a key: rendered or looked up by `render`, or found now.
    func body(_ key: Key) -> RenderedMarkdown? {
        bodies[key] ?? deferred.body(key)
    }

    /// The rendered bodies of a handbook's routines, by routine id (each with its print variant).
    func bodies(for handbook: Handbook) -> [String: RenderedMarkdown] {
        var result: [String: RenderedMarkdown] = [:]
        for entry in handbook.routines {
            result[entry.routine.id] = body(Self.key(entry.routine, in: handbook))
        }
        return result
    }

    /// The rendered body of one routine of a handbook.
    func body(for routine: Routine, in handbook: Handbook) -> RenderedMarkdown? {
        body(Self.key(routine, in: handbook))
    }

    /// The readability of one routine's body, without finding a body whose readability is known.
    func readability(for routine: Routine, in handbook: Handbook) -> Readability? {
        let key = Self.key(routine, in: handbook)
        return bodies[key]?.readability ?? deferred.known(key)?.readability
    }

    /// What rendering `routine`'s body (of a council's own) found, for the council cache;
    /// nil when this build neither rendered nor looked it up.
    func known(_ routine: Routine, allowRawHTML: Bool) -> KnownBody? {
        let key = Key(file: routine.location.file, options: .init(allowRawHTML: allowRawHTML))
        if let known = deferred.known(key) { return known }
        guard let page = bodies[key] else { return nil }
        let digest = cacheKeys[key] ?? MarkdownCache.Key.of(routine, allowRawHTML: allowRawHTML)
        return KnownBody(bodyHash: digest.bodyHash, bodyLength: digest.bodyLength, allowRawHTML: allowRawHTML,
                         readability: page.readability, diagnostics: page.diagnostics)
    }

    /// A routine's entry in its handbook's search index, made once per routine file; nil when
    /// its body is missing.
    func searchEntry(for routine: Routine, in handbook: Handbook) -> [UInt8]? {
        let key = Self.key(routine, in: handbook)
        guard let page = body(key) else { return nil }
        return search.value(key) { SearchIndex.entry(for: routine, body: page) }
    }
}
