import Testing
@testable import RutinbokCore

/// Replacing items of a file where they lie gives the bytes and bounds of the file made anew
/// from the new items.
@Suite struct SegmentedFileTests {
    /// A file made from its parts: what is before the items, the items, what is after them.
    static func made(_ head: [UInt8], _ items: [[UInt8]], _ tail: [UInt8]) -> SegmentedFile? {
        var bytes = head, bounds: [Int] = []
        for item in items {
            bounds.append(bytes.count)
            bytes += item
        }
        bounds.append(bytes.count)
        return SegmentedFile(bytes: bytes + tail, bounds: bounds)
    }

    static func randomBytes(_ generator: inout SeededGenerator, upTo count: Int) -> [UInt8] {
        (0..<Int.random(in: 0...count, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    @Test func replacingItemsGivesTheFileMadeAnew() throws {
        var generator = SeededGenerator(state: 7)
        for round in 0..<500 {
            let head = Self.randomBytes(&generator, upTo: 20), tail = Self.randomBytes(&generator, upTo: 20)
            var items = (0..<Int.random(in: 1...12, using: &generator)).map { _ in Self.randomBytes(&generator, upTo: 30) }
            let old = try #require(Self.made(head, items, tail))
            var replaced: [Int: [UInt8]] = [:]
            for index in items.indices where Bool.random(using: &generator) {
                replaced[index] = Self.randomBytes(&generator, upTo: 40)
                items[index] = replaced[index]!
            }
            #expect(old.replacing(replaced) == Self.made(head, items, tail), "round \(round)")
        }
    }

    @Test func replacingNothingKeepsTheFile() throws {
        let file = try #require(Self.made(Array("<h1>".utf8), [Array("a".utf8), [], Array("bc".utf8)], Array("</p>".utf8)))
        #expect(file.itemCount == 3)
        #expect(file.replacing([:]) == file)
    }

    @Test func boundsOutsideTheBytesOrOutOfOrderAreRefused() {
        let bytes = Array("abcdef".utf8)
        #expect(SegmentedFile(bytes: bytes, bounds: [0, 6]) != nil)
        #expect(SegmentedFile(bytes: bytes, bounds: [2, 2, 3]) != nil)
        #expect(SegmentedFile(bytes: bytes, bounds: [0, 7]) == nil)
        #expect(SegmentedFile(bytes: bytes, bounds: [-1, 3]) == nil)
        #expect(SegmentedFile(bytes: bytes, bounds: [4, 3]) == nil)
        #expect(SegmentedFile(bytes: bytes, bounds: [3]) == nil, "no item")
    }
}
