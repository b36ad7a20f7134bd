/// A fast 64-bit hash for telling whether bytes changed between builds: FNV-1a's
/// constants, eight bytes per step, with a final mix. Not cryptographic; the manifest also
/// keeps each file's size, and a collision would need both to match by chance.
struct ContentHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private var length: UInt64 = 0

    init() {}

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            state = (state ^ word) &* 0x0000_0100_0000_01b3
            state ^= state >> 29
            index += 8
        }
        while index < count {
            state = (state ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01b3
            index += 1
        }
        length &+= UInt64(count)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(0 as UInt64)  // separates consecutive strings
    }

    /// The same as adding its eight bytes, little-endian, in one step.
    @inline(__always)
    mutating func add(_ value: UInt64) {
        state = (state ^ value.littleEndian) &* 0x0000_0100_0000_01b3
        state ^= state >> 29
        length &+= 8
    }

    /// A text's UTF-8 bytes, without the separator `add(_: String)` puts after them: for
    /// callers that add its length first.
    mutating func addBytes(of text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    var value: UInt64 {
        var h = state ^ length
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
