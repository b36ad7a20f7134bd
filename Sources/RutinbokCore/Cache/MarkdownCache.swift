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
final class MarkdownCache: @unchecked Sendable {
    struct Key: Hashable, Sendable {
        var file: String
        var id: String
        var firstLine: Int
        var allowRawHTML: Bool
        var bodyHash: UInt64
        var bodyLength: Int

        /// What rendering `routine`'s body reads.
        static func of(_ routine: Routine, allowRawHTML: Bool) -> Key {
            var body = routine.body
            let (hash, length) = body.withUTF8 { (ContentHash.of(UnsafeRawBufferPointer($0)), $0.count) }
            return Key(file: routine.location.file, id: routine.id, firstLine: routine.bodyLine, allowRawHTML: allowRawHTML,
                       bodyHash: hash, bodyLength: length)
        }
    }

    static let magic = "rutinbok-markdown-cache 1\n"

    let path: String
    private let header: [UInt8]
    /// The file as read. Records are decoded (and their checksums checked) when looked up,
    /// by the tasks of the Markdown stage, side by side.
    private var storage: [UInt8] = []
    /// Where each key's record is in `storage`: the whole record (length, checksum,
    /// payload) and the payload after its key. A later record for a key replaces an earlier.
    private var index: [Key: (record: Range<Int>, rest: Int)] = [:]
    /// Bytes of the file that are whole records (the rest, if any, is cut off when appending).
    private var validLength = 0
    private var records = 0

    /// The cache for builds into `output`; empty when there is none or it is of another binary.
    init(output: URL) {
        path = Publisher.beside(output, "cache").path
        var writer = ByteWriter()
        writer.append(Array(Self.magic.utf8))
        writer.write(UInt64(bitPattern: Stamp.ofRutinbok.size))
        writer.write(UInt64(bitPattern: Stamp.ofRutinbok.modified))
        header = writer.bytes
        if let bytes = try? Publisher.readFile(path) { read(bytes) }
    }

    var count: Int { index.count }

    /// The rendered body for `key`; nil when there is none or its record is damaged.
    func entry(_ key: Key) -> RenderedMarkdown? {
        guard let place = index[key] else { return nil }
        return storage.withUnsafeBytes { raw in
            var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[place.record]))
            guard let length = reader.int(), let checksum = reader.uint64(), let payload = reader.raw(length),
                  ContentHash.of(payload) == checksum else { return nil }
            var rest = ByteReader(raw, at: place.rest)
            guard let page = RenderedMarkdown(from: &rest), rest.position == place.record.upperBound else { return nil }
            return page
        }
    }

    private func read(_ bytes: [UInt8]) {
        storage = bytes
        storage.withUnsafeBytes { raw in
            guard raw.count >= header.count, header.withUnsafeBytes({ $0.elementsEqual(raw.prefix(header.count)) }) else { return }
            var reader = ByteReader(raw, at: header.count)
            validLength = header.count
            while !reader.isAtEnd {
                let start = reader.position
                guard let length = reader.int(), reader.uint64() != nil else { break }
                let payloadStart = reader.position
                guard reader.raw(length) != nil else { break }
                var record = ByteReader(raw, at: payloadStart)
                guard let key = Self.readKey(&record), record.position <= reader.position else { break }
                index[key] = (start..<reader.position, record.position)
                records += 1
                validLength = reader.position
            }
        }
    }

    /// What a build will add to the cache, prepared while it renders pages and kept out of
    /// place until it has published (`commit`), so that a failed build changes nothing.
    struct Pending: Sendable {
        /// A complete new file, already written beside the cache under a temporary name.
        var replacement: Publisher.Replacement?
        /// Records to append to the current file.
        var records: [UInt8] = []
    }

    /// Prepares adding what this build rendered. `live` are the keys this build used: when
    /// most of the file is entries nobody uses any more, it is written anew with only the
    /// live ones.
    func prepare(_ rendered: [(Key, RenderedMarkdown)], live: Set<Key>) -> Pending {
        let stale = records - index.keys.filter(live.contains).count
        var writer = ByteWriter()
        // Roughly what a record takes: the two HTML variants and the text, about the same size each.
        writer.reserve(rendered.reduce(header.count) { $0 + 3 * $1.1.template.utf8.count + 512 })
        guard validLength == 0 || stale > live.count else {
            for (key, page) in rendered { Self.append(key, page, to: &writer) }
            return Pending(records: writer.bytes)
        }
        writer.append(header)
        for (key, page) in rendered { Self.append(key, page, to: &writer) }
        // Records kept are copied as they are; one damaged in the file was rendered again
        // (it is among `rendered`), so the damaged copy is not.
        let renderedKeys = Set(rendered.map(\.0))
        storage.withUnsafeBytes { raw in
            for (key, place) in index where live.contains(key) && !renderedKeys.contains(key) {
                writer.append(Array(raw[place.record]))
            }
        }
        return Pending(replacement: Publisher.prepareReplacement(of: path, with: writer.bytes))
    }

    /// Puts a prepared change in place: a new file atomically, or records appended after
    /// the last valid one (anything damaged after it is cut off first).
    func commit(_ pending: Pending) {
        if let replacement = pending.replacement {
            Publisher.commit(replacement)
        } else if !pending.records.isEmpty {
            Publisher.append(pending.records, to: path, after: validLength)
        }
    }

    /// Drops a prepared change of a build that did not publish.
    func discard(_ pending: Pending) {
        if let replacement = pending.replacement { Publisher.discard(replacement) }
    }

    /// `prepare` and `commit` in one.
    func save(_ rendered: [(Key, RenderedMarkdown)], live: Set<Key>) {
        commit(prepare(rendered, live: live))
    }

    private static func append(_ key: Key, _ page: RenderedMarkdown, to writer: inout ByteWriter) {
        // Length and checksum first, filled in once the record is written after them.
        let header = writer.count
        writer.write(0 as UInt64)
        writer.write(0 as UInt64)
        writer.write(key.file)
        writer.write(key.id)
        writer.write(key.firstLine)
        writer.write(key.allowRawHTML)
        writer.write(key.bodyHash)
        writer.write(key.bodyLength)
        page.write(to: &writer)
        writer.patchRecord(at: header)
    }

    private static func readKey(_ reader: inout ByteReader) -> Key? {
        guard let file = reader.string(), let id = reader.string(), let firstLine = reader.int(),
              let allowRawHTML = reader.bool(), let bodyHash = reader.uint64(), let bodyLength = reader.int() else { return nil }
        return Key(file: file, id: id, firstLine: firstLine, allowRawHTML: allowRawHTML, bodyHash: bodyHash, bodyLength: bodyLength)
    }
}
