import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where each record of a record file is, kept beside it (`<file>.index`), so that a build
/// opens the file without reading it through: finding the records of the 47 MB Markdown
/// cache of the 310-council corpus meant faulting in every page of it, for the few dozen
/// records a changed build reads.
///
/// The index names the file it describes by inode and length, and the header it was made
/// for; it is used only when all three match and its own checksum holds, so an index left
/// behind by a file that was replaced, appended to by another build, or cut short, or one
/// damaged itself, is ignored (the file is then read through as before). A wrong place
/// cannot make a wrong value: a lookup compares the key's bytes and checks the record's
/// checksum, as it always did.
struct RecordIndex {
    struct Place: Equatable {
        var record: Range<Int>
        var key: Range<Int>
    }

    /// Places by the hash of each key's bytes; a later record for a key replaces an earlier one.
    var places: [UInt64: Place] = [:]
    /// Bytes of the file that are whole records.
    var validLength = 0
    /// Records in those bytes, counting those a later record replaced.
    var records = 0

    static let magic = Array("rutinbok-record-index 1\n".utf8)

    static func path(of file: String) -> String { file + ".index" }

    /// Adds the records in `raw` from `start` (after the header), up to the first that does
    /// not read back whole; `raw` is the file's bytes from `offset` on (appended records).
    mutating func scan(_ raw: UnsafeRawBufferPointer, from start: Int, at offset: Int = 0) {
        var reader = ByteReader(raw, at: start)
        validLength = offset + start
        while !reader.isAtEnd {
            let recordStart = reader.position
            guard let length = reader.int(), reader.uint64() != nil else { break }
            let payloadStart = reader.position
            guard reader.raw(length) != nil else { break }
            var record = ByteReader(UnsafeRawBufferPointer(rebasing: raw[..<reader.position]), at: payloadStart)
            guard let keyLength = record.int(), let key = record.raw(keyLength) else { break }
            let keyStart = record.position - keyLength
            places[LaneHash.of(key)] = Place(record: offset + recordStart..<offset + reader.position,
                                             key: offset + keyStart..<offset + record.position)
            records += 1
            validLength = offset + reader.position
        }
    }

    /// The index kept for the file of `identity` (its inode and length) with `header`; nil
    /// when there is none or it describes another file.
    static func load(for file: String, header: [UInt8], identity: FileIdentity) -> RecordIndex? {
        // What it must start with, looked at first: an index of another file, or a file of
        // gigabytes in its place, is not read whole.
        var start = ByteWriter()
        start.append(magic)
        start.write(header.withUnsafeBytes { LaneHash.of($0) })
        start.write(identity.inode)
        start.write(identity.length)
        guard let bytes = Publisher.readFile(path(of: file), whosePart: start.bytes.count, is: { $0 == start.bytes }),
              bytes.count > magic.count + 8 else { return nil }
        return bytes.withUnsafeBytes { raw -> RecordIndex? in
            let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 8)])
            var tail = ByteReader(raw, at: raw.count - 8)
            guard body.prefix(magic.count).elementsEqual(magic), tail.uint64() == LaneHash.of(body) else { return nil }
            var reader = ByteReader(body, at: magic.count)
            guard reader.uint64() == header.withUnsafeBytes({ LaneHash.of($0) }),
                  reader.uint64() == identity.inode, let length = reader.int(), length == identity.length,
                  let records = reader.int(), let count = reader.int(), count >= 0, count <= body.count / 40 else { return nil }
            var index = RecordIndex(validLength: length, records: records)
            index.places.reserveCapacity(count)
            for _ in 0..<count {
                guard let hash = reader.uint64(), let recordStart = reader.int(), let recordEnd = reader.int(),
                      let keyStart = reader.int(), let keyEnd = reader.int(),
                      header.count <= recordStart, recordStart <= keyStart, keyStart <= keyEnd, keyEnd <= recordEnd,
                      recordEnd <= length else { return nil }
                index.places[hash] = Place(record: recordStart..<recordEnd, key: keyStart..<keyEnd)
            }
            return reader.isAtEnd ? index : nil
        }
    }

    /// Writes the index of the file now at `file` (its inode taken from there): beside it
    /// under a temporary name, then put in place with `rename`. Nothing is left when it fails.
    func save(for file: String, header: [UInt8]) {
        guard let identity = FileIdentity(of: file), identity.length == validLength else {
            unlink(Self.path(of: file))
            return
        }
        var writer = ByteWriter()
        writer.reserve(Self.magic.count + 48 + places.count * 40)
        writer.append(Self.magic)
        writer.write(header.withUnsafeBytes { LaneHash.of($0) })
        writer.write(identity.inode)
        writer.write(validLength)
        writer.write(records)
        writer.write(places.count)
        for (hash, place) in places {
            writer.write(hash)
            writer.write(place.record.lowerBound)
            writer.write(place.record.upperBound)
            writer.write(place.key.lowerBound)
            writer.write(place.key.upperBound)
        }
        let checksum = writer.bytes.withUnsafeBytes { LaneHash.of($0) }
        writer.write(checksum)
        if let replacement = Publisher.prepareReplacement(of: Self.path(of: file), with: writer.bytes) {
            Publisher.commit(replacement)
        }
    }
}

/// Which file a path names and how long it is: what an index must match to describe it.
struct FileIdentity: Equatable {
    var inode: UInt64
    var length: Int

    init(inode: UInt64, length: Int) {
        self.inode = inode
        self.length = length
    }

    init?(of path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        self.init(inode: UInt64(info.st_ino), length: Int(info.st_size))
    }
}
