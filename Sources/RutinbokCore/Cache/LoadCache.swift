import Foundation
import Synchronization

/// What earlier builds into the same output decoded from routine front matter, council.yml
/// and group.yml, kept beside it (`.<output>.loaded`), so that a build parses the YAML of
/// the files that changed only.
///
/// The loaders are pure: a routine's result depends on its text, id, layer and displayed
/// path, a council's on its text, slug, folder and path, a group's on its text, id and path.
/// A record is found by exactly those (the text as a hash and a length) and holds the
/// decoded value *and* the diagnostics loading reported, in order, so a cached file reports
/// what parsing it would. A routine's body is not stored: it is the text after the front
/// matter, split off again (no YAML in that). The file starts with the identity of the
/// rutinbok binary and Yams' text encoding; with others it starts again from nothing. A
/// damaged record is a miss. A build into a new folder has no cache and parses everything,
/// as a clean build should.
final class LoadCache: Sendable {
    struct Key: RecordKey {
        enum Kind: Int, Sendable { case routine = 1, council, group }
        var kind: Kind
        /// The displayed path, which every location in the result carries.
        var file: String
        /// The loader's other inputs, joined by NUL: routine id and layer, council slug and
        /// folder, group id.
        var inputs: String
        var textHash: UInt64
        var textLength: Int

        init(kind: Kind, file: String, inputs: String, text: String) {
            self.kind = kind
            self.file = file
            self.inputs = inputs
            var text = text
            (textHash, textLength) = text.withUTF8 { (LaneHash.of(UnsafeRawBufferPointer($0)), $0.count) }
        }

        /// The text's hash already tells files apart; hashing the paths again (SipHash, for
        /// every lookup) would cost more than the rest of a lookup. Equality compares all.
        func hash(into hasher: inout Hasher) {
            hasher.combine(textHash)
            hasher.combine(file.utf8.count)
            hasher.combine(kind)
        }

        func write(to writer: inout ByteWriter) {
            writer.write(kind.rawValue)
            writer.write(file)
            writer.write(inputs)
            writer.write(textHash)
            writer.write(textLength)
        }
    }

    static let magic = "rutinbok-load-cache 6\n"

    private let file: RecordFile<Key>
    /// What this build looked up or made, gathered from the loading tasks.
    private struct Made: Sendable {
        var used: Set<Key> = []
        var fresh = ByteWriter()
        var freshKeys: Set<Key> = []
    }
    private let made = Mutex(Made())
    /// Files whose result came from the cache, in this build.
    let hits = Atomic<Int>(0)

    var path: String { file.path }
    var count: Int { file.count }
    var headerLength: Int { file.header.count }

    /// The cache for builds into `output`; empty when there is none or it is of another binary.
    init(output: URL) {
        var writer = ByteWriter()
        writer.writeCacheHeader(magic: Self.magic)
        // The one input of parsing from outside the files: Yams reads it from the environment.
        writer.write(String(describing: YAMLComposer.encoding))
        // Named as a kind of `.<output>.cache`, the Markdown cache, which it sits beside.
        file = RecordFile(path: Publisher.beside(output, "loaded").path, header: writer.bytes)
    }

    // MARK: The loaders, through the cache

    /// `RoutineLoader.load`, from the cache when it has this text.
    static func routine(_ cache: LoadCache?, _ text: String, id: String, layer: Routine.Layer, file: String) -> (Routine?, [Diagnostic]) {
        let load = { RoutineLoader.load(text, id: id, layer: layer, file: file) }
        guard let cache else { return load() }
        return cache.through(Key(kind: .routine, file: file, inputs: id + "\u{0}" + layer.cacheName, text: text),
                             decode: { decodeRoutine(&$0, file: file, id: id, layer: layer).flatMap { withBody($0, of: text) } },
                             load: load, encode: { encodeRoutine($0, file: file, &$1) })
    }

    /// `CouncilLoader.loadCouncil`, from the cache when it has this text.
    static func council(_ cache: LoadCache?, _ text: String, slug: String, directory: String, file: String) -> (Council?, [Diagnostic]) {
        let load = { CouncilLoader.loadCouncil(text, slug: slug, directory: directory, file: file) }
        guard let cache else { return load() }
        return cache.through(Key(kind: .council, file: file, inputs: slug + "\u{0}" + directory, text: text),
                             decode: { decodeCouncil(&$0, file: file, slug: slug, directory: directory) },
                             load: load, encode: { encodeCouncil($0, file: file, &$1) })
    }

    /// `GroupLoader.load`, from the cache when it has this text.
    static func group(_ cache: LoadCache?, _ text: String, id: String, file: String) -> (Group?, [Diagnostic]) {
        let load = { GroupLoader.load(text, id: id, file: file) }
        guard let cache else { return load() }
        return cache.through(Key(kind: .group, file: file, inputs: id, text: text),
                             decode: { decodeGroup(&$0, file: file, id: id) },
                             load: load, encode: { encodeGroup($0, file: file, &$1) })
    }

    /// The record of `key` when it reads back whole; otherwise what `load` makes, recorded.
    private func through<Value>(_ key: Key, decode: (inout ByteReader) -> (Value?, [Diagnostic])?,
                                load: () -> (Value?, [Diagnostic]),
                                encode: ((Value?, [Diagnostic]), inout ByteWriter) -> Void) -> (Value?, [Diagnostic]) {
        if let cached = file.read(key, decode) {
            used(key)
            return cached
        }
        let result = load()
        add(key) { encode(result, &$0) }
        return result
    }

    private func used(_ key: Key) {
        hits.add(1, ordering: .relaxed)
        made.withLock { _ = $0.used.insert(key) }
    }

    private func add(_ key: Key, _ value: (inout ByteWriter) -> Void) {
        var record = ByteWriter()
        RecordFile<Key>.appendRecord(to: &record, key: key, value)
        made.withLock { made in
            made.used.insert(key)
            made.freshKeys.insert(key)
            made.fresh.append(record.bytes)
        }
    }

    // MARK: Keeping it for the next build

    typealias Pending = RecordFile<Key>.Pending

    /// Prepares the file for the next build: what this build parsed, appended, or a new file
    /// when most records are no longer used.
    func prepare() -> Pending {
        let made = made.withLock { $0 }
        return file.prepare(fresh: made.fresh.bytes, freshKeys: made.freshKeys, live: made.used)
    }

    func commit(_ pending: Pending) { file.commit(pending) }
    func discard(_ pending: Pending) { file.discard(pending) }
    func save() { commit(prepare()) }
}

// MARK: - Encoding

extension Routine.Layer {
    /// The layer as one string, for the cache key.
    var cacheName: String {
        switch self {
        case .base: "base"
        case .group(let id): "group/" + id
        case .council(let slug): "council/" + slug
        }
    }
}

/// The body of a routine read from the cache: the text after its front matter, split off
/// again as the loader does (only a loaded routine had front matter to split).
private func withBody(_ cached: (Routine?, [Diagnostic]), of text: String) -> (Routine?, [Diagnostic])? {
    guard var routine = cached.0 else { return cached }
    guard case .success(let front) = FrontMatter.split(text) else { return nil }
    routine.body = front.body
    routine.bodyLine = front.bodyLine
    return (routine, cached.1)
}
