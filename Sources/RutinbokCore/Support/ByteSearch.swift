import Foundation

/// Searches in a string's UTF-8 bytes, in its own storage: cheaper than a search by
/// Character where only bytes matter (a line ending, a marker, `www.`).
extension String {
    /// Whether the UTF-8 text contains `byte`, searched with `memchr` in the string's own storage.
    func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    /// Whether the UTF-8 text contains `needle`'s bytes: each place of its first byte found
    /// with `memchr`, the rest compared there.
    func containsBytes(_ needle: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            let count = needle.utf8CodeUnitCount
            guard let base = bytes.baseAddress, count > 0, bytes.count >= count else { return false }
            let first = needle.utf8Start.pointee
            var offset = 0
            while offset <= bytes.count - count, let found = memchr(base + offset, Int32(first), bytes.count - count + 1 - offset) {
                let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                if memcmp(base + at, needle.utf8Start, count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }
}
