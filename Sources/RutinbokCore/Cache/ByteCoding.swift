/// A compact binary encoding for what the build caches between runs: little-endian
/// integers, length-prefixed UTF-8 strings, a count before each list. Written and read by
/// hand: one pass, no reflection, no intermediate values.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write<T>(_ items: [T], _ each: (inout ByteWriter, T) -> Void) {
        write(items.count)
        for item in items { each(&self, item) }
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(_ other: UnsafeRawBufferPointer) { bytes.append(contentsOf: other) }

    var count: Int { bytes.count }

    mutating func reserve(_ capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Fills in the length of what was written after the eight zero bytes at `offset`.
    mutating func patchLength(at offset: Int) {
        let length = UInt64(bytes.count - offset - 8)
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: length.littleEndian, toByteOffset: offset, as: UInt64.self) }
    }

    /// Fills in a record's length and checksum (`LaneHash` of what follows them), written as
    /// two zeros at `offset`.
    mutating func patchRecord(at offset: Int) {
        let start = offset + 16
        let length = UInt64(bytes.count - start)
        let checksum = bytes.withUnsafeBytes { LaneHash.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        bytes.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: length.littleEndian, toByteOffset: offset, as: UInt64.self)
            raw.storeBytes(of: checksum.littleEndian, toByteOffset: offset + 8, as: UInt64.self)
        }
    }
}

/// Reads what `ByteWriter` wrote; every read fails (nil) past the end or on a bad length,
/// so damaged data is refused, never misread.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    /// What keeps `bytes` in memory, when something other than the caller does (a mapped
    /// file): texts may then stay where they are (`storedText()`).
    let owner: AnyObject?

    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0, owner: AnyObject? = nil) {
        self.bytes = bytes
        self.position = position
        self.owner = owner
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func uint64() -> UInt64? {
        guard position + 8 <= bytes.count else { return nil }
        defer { position += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
    }

    mutating func int() -> Int? {
        uint64().map { Int(Int64(bitPattern: $0)) }
    }

    mutating func bool() -> Bool? {
        guard position < bytes.count, bytes[position] <= 1 else { return nil }
        defer { position += 1 }
        return bytes[position] == 1
    }

    mutating func string() -> String? {
        guard let count = int(), count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + count]), as: UTF8.self)
    }

    mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return string().map { .some($0) }
    }

    mutating func list<T>(_ each: (inout ByteReader) -> T?) -> [T]? {
        // A count larger than the bytes left cannot be right: refuse it before allocating.
        guard let count = int(), count >= 0, count <= bytes.count - position else { return nil }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            guard let item = each(&self) else { return nil }
            items.append(item)
        }
        return items
    }

    /// The next `count` bytes, as they are.
    mutating func raw(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }
}

extension ByteWriter {
    /// The start of every cache file beside the output: its format (`magic`), then the stamp
    /// of the rutinbok binary, as a cache written by another binary may not be read.
    mutating func writeCacheHeader(magic: String) {
        append(Array(magic.utf8))
        write(UInt64(bitPattern: Stamp.ofRutinbok.size))
        write(UInt64(bitPattern: Stamp.ofRutinbok.modified))
    }
}
