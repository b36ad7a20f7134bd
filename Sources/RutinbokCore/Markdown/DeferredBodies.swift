import Foundation

/// Bodies the Markdown stage did not look up, because what the checks and the portal need of
/// them is known (`KnownBody`): found in the Markdown cache (or rendered, when it has lost
/// them) when a page asks for them, once, whichever task asks first.
final class DeferredBodies: Sendable {
    struct Entry: Sendable {
        var routine: Routine
        var known: KnownBody

        var cacheKey: MarkdownCache.Key {
            MarkdownCache.Key(file: routine.location.file, id: routine.id, firstLine: routine.bodyLine,
                              allowRawHTML: known.allowRawHTML, bodyHash: known.bodyHash, bodyLength: known.bodyLength)
        }
    }

    private let entries: [RenderedBodies.Key: Entry]
    private let cache: MarkdownCache?
    private let found = MadeOnce<RenderedBodies.Key, RenderedMarkdown>()

    init(_ entries: [RenderedBodies.Key: Entry] = [:], cache: MarkdownCache? = nil) {
        self.entries = entries
        self.cache = cache
    }

    func known(_ key: RenderedBodies.Key) -> KnownBody? { entries[key]?.known }

    func body(_ key: RenderedBodies.Key) -> RenderedMarkdown? {
        guard let entry = entries[key] else { return nil }
        return found.value(key) {
            let routine = entry.routine
            return cache?.entry(entry.cacheKey) ?? key.render(routine)
        }
    }
}
