import Foundation

/// Routine bodies rendered by earlier builds into the same output, kept beside it
/// (`.<output>.cache`), so that a build renders only the Markdown that changed.
///
/// An entry is found by everything its rendering reads: the file's path, the routine id,
/// the body's first line, the council's options and the body's bytes (a hash and a length).
/// The file starts with the identity of the rutinbok binary that wrote it; another binary
/// may render differently, so it starts again from nothing. Records are appended; a record
/// that does not read back whole (a build killed while writing) ends the file there.
/// The output folder a build writes to decides the cache, so a build into a new folder
/// renders everything, as a clean build should.
///
/// Read once before the Markdown stage; after it, tasks only read it (look entries up and
/// prepare the next file), which is why sharing it between them is safe.
final class MarkdownCache: Sendable {
    struct Key: RecordKey {
        var file: String
        var id: String
        var firstLine: Int
        var allowRawHTML: Bool
        var bodyHash: UInt64
        var bodyLength: Int

        /// The body's hash already tells entries apart (see `LoadCache.Key`); equality compares all.
        func hash(into hasher: inout Hasher) {
            hasher.combine(bodyHash)
            hasher.combine(file.utf8.count)
            hasher.combine(allowRawHTML)
        }

        func write(to writer: inout ByteWriter) {
            writer.write(file)
            writer.write(id)
            writer.write(firstLine)
            writer.write(allowRawHTML)
            writer.write(bodyHash)
            writer.write(bodyLength)
        }

        /// What rendering `routine`'s body reads.
        static func of(_ routine: Routine, allowRawHTML: Bool) -> Key {
            var body = routine.body
            let (hash, length) = body.withUTF8 { (LaneHash.of(UnsafeRawBufferPointer($0)), $0.count) }
            return Key(file: routine.location.file, id: routine.id, firstLine: routine.bodyLine, allowRawHTML: allowRawHTML,
                       bodyHash: hash, bodyLength: length)
        }
    }

    static let magic = "rutinbok-markdown-cache 9\n"

    /// The file as read (see `RecordFile`). Records are decoded (and their checksums checked)
    /// when looked up, by the tasks of the Markdown stage, side by side, or when a page needs them.
    private let file: RecordFile<Key>

    var path: String { file.path }

    /// The cache for builds into `output`; empty when there is none or it is of another binary.
    init(output: URL) {
        var writer = ByteWriter()
        writer.writeCacheHeader(magic: Self.magic)
        file = RecordFile(path: Publisher.beside(output, "cache").path, header: writer.bytes, indexed: true)
    }

    var count: Int { file.count }

    /// The rendered body for `key`; nil when there is none or its record is damaged.
    func entry(_ key: Key) -> RenderedMarkdown? {
        file.read(key) { RenderedMarkdown(from: &$0) }
    }

    typealias Pending = RecordFile<Key>.Pending

    /// Prepares adding what this build rendered. `live` are the keys this build used: when
    /// most of the file is entries nobody uses any more, it is written anew with only the
    /// live ones.
    func prepare(_ rendered: [(Key, RenderedMarkdown)], live: Set<Key>) -> Pending {
        var writer = ByteWriter()
        // Roughly what a record takes: the two HTML variants and the text, about the same size each.
        writer.reserve(rendered.reduce(0) { $0 + 3 * $1.1.template.utf8.count + 512 })
        for (key, page) in rendered { Self.append(key, page, to: &writer) }
        return file.prepare(fresh: writer.bytes, freshKeys: Set(rendered.map(\.0)), live: live)
    }

    /// Puts a prepared change in place: a new file atomically, or records appended after
    /// the last valid one (anything damaged after it is cut off first).
    func commit(_ pending: Pending) { file.commit(pending) }

    /// Drops a prepared change of a build that did not publish.
    func discard(_ pending: Pending) { file.discard(pending) }

    /// `prepare` and `commit` in one.
    func save(_ rendered: [(Key, RenderedMarkdown)], live: Set<Key>) {
        commit(prepare(rendered, live: live))
    }

    private static func append(_ key: Key, _ page: RenderedMarkdown, to writer: inout ByteWriter) {
        RecordFile<Key>.appendRecord(to: &writer, key: key) { page.write(to: &$0) }
    }
}
