/// Numbers the distinct byte strings of one buffer (lines or tokens, given as ranges), so that
/// equal strings get equal numbers and the diff compares integers, not strings.
struct ByteInterner {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Open addressing: the number of the string in each slot plus one, 0 for an empty slot.
    private var slots: [Int32]
    /// The first range seen for each number, and its hash.
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, expectedCount: Int) {
        self.bytes = bytes
        var size = 16
        while size < 2 * expectedCount { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        starts.reserveCapacity(expectedCount)
        ends.reserveCapacity(expectedCount)
        hashes.reserveCapacity(expectedCount)
    }

    /// The number of the bytes `start..<end`: a new one if no equal string came before.
    mutating func id(_ start: Int, _ end: Int) -> Int {
        let hash = Self.hash(bytes, start, end)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let id = stored - 1
            if hashes[id] == hash, equal(id, start, end) { return id }
            slot = (slot + 1) & mask
        }
        let id = starts.count
        starts.append(start)
        ends.append(end)
        hashes.append(hash)
        slots[slot] = Int32(id + 1)
        if 2 * starts.count > slots.count { grow() }
        return id
    }

    private func equal(_ id: Int, _ start: Int, _ end: Int) -> Bool {
        let other = starts[id], count = end - start
        guard ends[id] - other == count else { return false }
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var offset = 0
        while offset + 8 <= count {
            if base.loadUnaligned(fromByteOffset: other + offset, as: UInt64.self)
                != base.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if bytes[other + offset] != bytes[start + offset] { return false }
            offset += 1
        }
        return true
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for id in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id + 1)
        }
    }

    /// Eight bytes at a time, multiplied in, then a final mix (from SplitMix64) so that the
    /// low bits used for the slot depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        let base = UnsafeRawPointer(bytes.baseAddress!)
        var hash = UInt64(end - start) &* 0x9E37_79B9_7F4A_7C15
        var offset = start
        while offset + 8 <= end {
            hash = (hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < end {
            tail = tail << 8 | UInt64(bytes[offset])
            offset += 1
        }
        hash = (hash ^ tail) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
        hash = hash &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 29)
    }
}
