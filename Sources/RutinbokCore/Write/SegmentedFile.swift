/// A file's bytes with the boundaries of the items it lists, one item per routine: the print
/// page's sections, the search index's entries. A changed build whose council changed only
/// some routines replaces those routines' items in the previous build's file and keeps the
/// rest where it lies, instead of making the whole file again (`HandbookPages`): a print
/// page holds the text of every routine, and a base routine's edit reaches ≈240 of them.
///
/// Item `i` is `bytes[bounds[i]..<bounds[i + 1]]`. What lies before the first bound and
/// after the last is the same whatever the items hold.
struct SegmentedFile: Sendable, Equatable {
    let bytes: [UInt8]
    let bounds: [Int]

    /// Nil unless the bounds lie within the bytes, in order, and mark at least one item.
    init?(bytes: [UInt8], bounds: [Int]) {
        guard bounds.count >= 2, let first = bounds.first, let last = bounds.last, first >= 0, last <= bytes.count,
              zip(bounds, bounds.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.bytes = bytes
        self.bounds = bounds
    }

    var itemCount: Int { bounds.count - 1 }

    /// The same file with the items at the given indices replaced (by index; every index
    /// below `itemCount`), and the bounds moved to match.
    func replacing(_ items: [Int: [UInt8]]) -> SegmentedFile {
        var grown = 0
        for (index, item) in items { grown += item.count - (bounds[index + 1] - bounds[index]) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + grown)
        var newBounds: [Int] = []
        newBounds.reserveCapacity(bounds.count)
        bytes.withUnsafeBufferPointer { old in
            // Runs of kept items are copied in one go.
            var keptFrom = 0
            for index in 0..<itemCount {
                newBounds.append(bounds[index] - keptFrom + result.count)
                guard let item = items[index] else { continue }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: old[keptFrom..<bounds[index]]))
                result.append(contentsOf: item)
                keptFrom = bounds[index + 1]
            }
            newBounds.append(bounds[itemCount] - keptFrom + result.count)
            result.append(contentsOf: UnsafeBufferPointer(rebasing: old[keptFrom...]))
        }
        return SegmentedFile(unchecked: result, bounds: newBounds)
    }

    private init(unchecked bytes: [UInt8], bounds: [Int]) {
        self.bytes = bytes
        self.bounds = bounds
    }
}
