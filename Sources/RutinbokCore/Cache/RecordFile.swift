import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A key of a record file: written as the first bytes of its record's payload.
protocol RecordKey: Hashable, Sendable {
    func write(to writer: inout ByteWriter)
}

/// A cache file kept beside the output: a header (the format and the identity of the
/// rutinbok binary), then records, each `[length][checksum][key length][key][value]`, the
/// checksum covering all after it. What the caches (`MarkdownCache`, `LoadCache`,
/// `CouncilCache`) share.
///
/// Mapped and indexed once; afterwards only read (records are decoded when looked up, by
/// tasks side by side), which is why sharing it between them is safe. The index holds a hash
/// of each record's key bytes, not the keys: a build that looks up a few dozen of the
/// thousands of records in the Markdown cache decodes those only (decoding every key had
/// delayed the start of loading). A lookup compares the key's bytes. A file of another format
/// or binary reads as empty; a record that does not read back whole (a build killed while
/// appending) ends the file there; a record whose checksum fails is a miss. A later record
/// for a key replaces an earlier one.
final class RecordFile<Key: RecordKey>: @unchecked Sendable {
    let path: String
    let header: [UInt8]
    /// Whether the file keeps an index of its records beside it (`RecordIndex`).
    let indexed: Bool
    /// The file as read (see `Contents`).
    private let contents: Contents
    /// Where the record of each key (by the hash of its bytes) is in the file: the whole record
    /// (length, checksum, payload), its key's bytes and where its value starts.
    private let index: RecordIndex
    /// Whether `index` came from the index beside the file, rather than from reading it through.
    let openedFromIndex: Bool
    /// Bytes of the file that are whole records (a file with more is written anew, not appended to).
    var validLength: Int { index.validLength }
    /// Records in the file, counting those a later record replaced.
    var records: Int { index.records }

    init(path: String, header: [UInt8], indexed: Bool = false) {
        self.path = path
        self.header = header
        self.indexed = indexed
        var kept: RecordIndex?
        // With an index that describes the file, only the pages of the records read are
        // faulted in; without one, every record is read, and mapping it all at once is cheaper.
        contents = Contents(path: path, header: header) { identity in
            kept = indexed ? RecordIndex.load(for: path, header: header, identity: identity) : nil
            return kept == nil
        }
        let raw = contents.bytes
        var index = RecordIndex()
        var openedFromIndex = false
        if raw.count >= header.count, header.withUnsafeBytes({ $0.elementsEqual(raw.prefix(header.count)) }) {
            if let kept {
                index = kept
                openedFromIndex = true
            } else {
                index.scan(raw, from: header.count)
            }
        }
        self.index = index
        self.openedFromIndex = openedFromIndex
    }

    /// A key's bytes, as its record starts with them.
    static func bytes(of key: Key) -> [UInt8] {
        var writer = ByteWriter()
        key.write(to: &writer)
        return writer.bytes
    }

    var count: Int { index.places.count }

    /// Decodes the value of `key`'s record; nil when there is none, its checksum fails, or
    /// `decode` does not read it exactly to its end.
    func read<Value>(_ key: Key, _ decode: (inout ByteReader) -> Value?) -> Value? {
        let keyBytes = Self.bytes(of: key)
        guard let place = keyBytes.withUnsafeBytes({ index.places[LaneHash.of($0)] }) else { return nil }
        let raw = contents.bytes
        guard keyBytes.withUnsafeBytes({ $0.elementsEqual(UnsafeRawBufferPointer(rebasing: raw[place.key])) }) else { return nil }
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: raw[place.record]))
        guard let length = reader.int(), let checksum = reader.uint64(), let payload = reader.raw(length),
              LaneHash.of(payload) == checksum else { return nil }
        var rest = ByteReader(UnsafeRawBufferPointer(rebasing: raw[..<place.record.upperBound]), at: place.key.upperBound, owner: contents)
        guard let value = decode(&rest), rest.isAtEnd else { return nil }
        return value
    }

    /// Writes one record: `key`, then what `value` writes. The checksum is a `LaneHash`: every
    /// record a build uses is checked when it is read, and `ContentHash` cost three times as much.
    static func appendRecord(to writer: inout ByteWriter, key: Key, _ value: (inout ByteWriter) -> Void) {
        // Written in place, lengths and checksum filled in after: a record is not copied.
        let offset = writer.count
        writer.write(0 as UInt64)
        writer.write(0 as UInt64)
        let keyOffset = writer.count
        writer.write(0 as UInt64)
        key.write(to: &writer)
        writer.patchLength(at: keyOffset)
        value(&writer)
        writer.patchRecord(at: offset)
    }

    /// What a build will add to the file, prepared while it renders pages and kept out of
    /// place until it has published (`commit`), so that a failed build changes nothing.
    struct Pending: Sendable {
        /// A complete new file, already written beside the cache under a temporary name.
        var replacement: Publisher.Replacement?
        /// Where the new file's records are, for an indexed file.
        var replacementIndex: RecordIndex?
        /// Records to append to the current file.
        var records: [UInt8] = []
    }

    /// Prepares adding `fresh` (whole records, for the keys `freshKeys`). `live` are the keys
    /// this build used: when most of the file is records nobody uses any more, it is written
    /// anew with only the live ones.
    func prepare(fresh: [UInt8], freshKeys: Set<Key>, live: Set<Key>) -> Pending {
        let liveHashes = Set(live.map { Self.bytes(of: $0).withUnsafeBytes { LaneHash.of($0) } })
        let stale = records - index.places.keys.filter(liveHashes.contains).count
        guard validLength == 0 || stale > live.count else { return Pending(records: fresh) }
        let freshHashes = Set(freshKeys.map { Self.bytes(of: $0).withUnsafeBytes { LaneHash.of($0) } })
        var writer = ByteWriter()
        writer.reserve(header.count + fresh.count + (validLength - header.count))
        writer.append(header)
        writer.append(fresh)
        // Records kept are copied as they are; one damaged in the file was made again (it is
        // among `fresh`), so the damaged copy is not.
        let raw = contents.bytes
        for (hash, place) in index.places where liveHashes.contains(hash) && !freshHashes.contains(hash) {
            writer.append(UnsafeRawBufferPointer(rebasing: raw[place.record]))
        }
        return Pending(replacement: Publisher.prepareReplacement(of: path, with: writer.bytes),
                       replacementIndex: indexed ? indexOfFile(writer.bytes) : nil)
    }

    /// Puts a prepared change in place: a new file atomically, or records appended.
    ///
    /// The file is mapped by the builds reading it, and a mapped file must never become
    /// shorter (reading a page past its end is a SIGBUS), so it is never cut: records are
    /// appended only when the file ends where its last valid record does (two builds
    /// appending at once both append, `O_APPEND`); after a damaged tail, or when the file
    /// changed since it was read, the valid records and the new ones go to a new file, put
    /// in place by `rename`, which leaves the old file as it is for whoever maps it.
    ///
    /// An indexed file's index is written after the file: an index is never newer than
    /// what it describes, and one that no longer matches is ignored.
    func commit(_ pending: Pending) {
        if let replacement = pending.replacement {
            Publisher.commit(replacement)
            pending.replacementIndex?.save(for: path, header: header)
            return
        }
        guard !pending.records.isEmpty else {
            // Nothing new, but an index that was missing or stale is made now.
            if indexed && !openedFromIndex && validLength > 0 { index.save(for: path, header: header) }
            return
        }
        if let end = pending.records.withUnsafeBytes({ Publisher.append($0, to: path, whileItHas: validLength) }) {
            guard indexed else { return }
            // Where the records went: past `validLength` if another build appended just before
            // (its records are then missing from the index: misses, not errors). One appending
            // after makes the file longer than the index says, and the index is not used.
            var grown = index
            pending.records.withUnsafeBytes { grown.scan($0, from: 0, at: end - $0.count) }
            grown.save(for: path, header: header)
            return
        }
        var writer = ByteWriter()
        writer.reserve(max(validLength, header.count) + pending.records.count)
        if validLength > 0 { writer.append(UnsafeRawBufferPointer(rebasing: contents.bytes[..<validLength])) } else { writer.append(header) }
        writer.append(pending.records)
        if let replacement = Publisher.prepareReplacement(of: path, with: writer.bytes) {
            Publisher.commit(replacement)
            if indexed { indexOfFile(writer.bytes).save(for: path, header: header) }
        }
    }

    /// Where the records of a whole file's bytes (header first) are.
    private func indexOfFile(_ bytes: [UInt8]) -> RecordIndex {
        var index = RecordIndex()
        bytes.withUnsafeBytes { index.scan($0, from: header.count) }
        return index
    }

    /// Drops a prepared change of a build that did not publish.
    func discard(_ pending: Pending) {
        if let replacement = pending.replacement { Publisher.discard(replacement) }
    }
}

/// A cache file's bytes: mapped (no copy into fresh memory: for the 47 MB Markdown cache of
/// the 310-council corpus that copy cost more than finding the records in it), or read
/// when it cannot be mapped. Empty when the file is missing or empty.
private final class Contents: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    /// `populate` is asked, with the file's identity, whether to fault in every page now. Not
    /// a file that does not start with `header`: it is not read at all, and one of gigabytes in
    /// the cache's place would be faulted in whole.
    init(path: String, header: [UInt8], populate: (FileIdentity) -> Bool) {
        // Without waiting, and a regular file only: a named pipe in its place would hold the
        // build forever.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        var info = stat()
        guard descriptor >= 0 else {
            (bytes, mapped) = (UnsafeRawBufferPointer(start: nil, count: 0), false)
            return
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else {
            (bytes, mapped) = (UnsafeRawBufferPointer(start: nil, count: 0), false)
            return
        }
        let size = Int(info.st_size)
        let flags = populate(FileIdentity(info)) && Publisher.readPart(descriptor, count: header.count) == header
            ? MAP_PRIVATE | MAP_POPULATE : MAP_PRIVATE
        let address = mmap(nil, size, PROT_READ, flags, descriptor, 0)
        if let address, address != MAP_FAILED {
            (bytes, mapped) = (UnsafeRawBufferPointer(start: address, count: size), true)
            return
        }
        // Not mappable: read, and kept in memory of its own.
        let read = (try? Publisher.readFile(path)) ?? []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(read.count, 1), alignment: 16)
        buffer.copyBytes(from: read)
        (bytes, mapped) = (UnsafeRawBufferPointer(rebasing: buffer[..<read.count]), false)
    }

    deinit {
        guard let base = bytes.baseAddress else { return }
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) } else { base.deallocate() }
    }
}
