import Testing
@testable import RutinbokCore

/// The cache keys' hash: the same bytes give the same hash, and any one changed byte, at any
/// place (in a lane or in the tail), or one byte more, gives another.
@Suite struct LaneHashTests {
    func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { LaneHash.of($0) }
    }

    @Test func everyChangedByteChangesTheHash() {
        for length in [0, 1, 7, 8, 31, 32, 33, 64, 100] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let original = hash(bytes)
            #expect(hash(bytes) == original)
            var seen: Set<UInt64> = [original]
            for index in 0..<length {
                for flip: UInt8 in [0x01, 0x80] {
                    var changed = bytes
                    changed[index] ^= flip
                    seen.insert(hash(changed))
                }
            }
            seen.insert(hash(bytes + [0]))
            #expect(seen.count == 2 * length + 2, "length \(length)")
        }
    }
}
