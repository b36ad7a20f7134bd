import Foundation
@testable import RutinbokCore
import Testing

/// The byte-level diff for plain text must give exactly what the String-level one gives: same
/// edit scripts, segments and word counts.
@Suite("Portal: plain-text diff matches the String diff")
struct PlainDiffTests {
    /// Words, white space (with CR LF, lone CR, NEL, no-break spaces) and other characters,
    /// including those HTML escapes and those `tokens` treats specially.
    private static let vocabulary: [String] = [
        "hot", "hat", "Ring", "polisen", "åtgärd", "Öst", "112", "½", "ªb", "x", "é",
        " ", " ", " ", "  ", "\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u{A0}", " \n \n", "\u{85}", "\u{202F}", "\n\u{A0}\n",
        "-", "–", ",", ".", "#", "&", "<", ">", "\"", "'", "”", "…", "€", "\u{0B}", "\u{0C}", "\r", "*",
    ]

    private func text(_ length: Int, _ generator: inout SeededGenerator) -> [String] {
        (0..<length).map { _ in Self.vocabulary.randomElement(using: &generator)! }
    }

    /// A new version of `old`: some pieces kept, some dropped, some replaced or added.
    private func edited(_ old: [String], _ generator: inout SeededGenerator) -> [String] {
        var result: [String] = []
        for piece in old {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: continue
            case 1: result += text(Int.random(in: 1...4, using: &generator), &generator)
            case 2: result += [piece] + text(Int.random(in: 1...3, using: &generator), &generator)
            default: result.append(piece)
            }
        }
        return result
    }

    private func pairs(count: Int, seed: UInt64) -> [(String, String)] {
        var generator = SeededGenerator(state: seed)
        return (0..<count).map { _ in
            let old = text(Int.random(in: 0...60, using: &generator), &generator)
            let new = Bool.random(using: &generator) ? edited(old, &generator) : text(Int.random(in: 0...60, using: &generator), &generator)
            return (old.joined(), new.joined())
        }
    }

    @Test func editsMatchTheReference() {
        var generator = SeededGenerator(state: 7)
        for _ in 0..<2000 {
            let alphabet = Int.random(in: 1...6, using: &generator)
            let a = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int.random(in: 0..<alphabet, using: &generator) }
            var b = a
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                let index = Int.random(in: 0...b.count, using: &generator)
                if Bool.random(using: &generator), index < b.count { b.remove(at: index) } else { b.insert(alphabet, at: index) }
            }
            if Int.random(in: 0..<4, using: &generator) == 0 {
                b = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Int.random(in: 0..<alphabet, using: &generator) }
            }
            let new = WordDiff.edits(a, b), reference = ReferenceEdits.edits(a, b)
            #expect(new.map(\.operation) == reference.map(\.operation), "a=\(a) b=\(b)")
            #expect(new.map(\.a) == reference.map(\.a) && new.map(\.b) == reference.map(\.b), "a=\(a) b=\(b)")
        }
    }

    @Test func segmentsAndWordCountsMatchTheStringDiff() {
        for (old, new) in pairs(count: 1500, seed: 11) {
            let segments = WordDiff.segmentsOfStrings(from: old, to: new)
            let reference = WordDiff.CountedSegments(segments: segments, insertedWords: WordDiff.words(in: segments, .insert),
                                                     deletedWords: WordDiff.words(in: segments, .delete))
            let plain = PlainWordDiff.diff(from: old, to: new)
            #expect(plain == reference, "old=\(old.debugDescription) new=\(new.debugDescription)")
            #expect(WordDiff.countedSegments(from: old, to: new) == reference)
        }
    }

    /// Text outside the plain set takes the String path, which treats canonically equivalent
    /// text as equal: a composed "é" against "e" with a combining acute accent is no change.
    @Test func otherTextTakesTheStringPath() {
        let composed = "Ring Sté nu.", decomposed = "Ring Ste\u{301} nu."
        #expect(PlainWordDiff.diff(from: composed, to: decomposed) == nil)
        #expect(WordDiff.segments(from: composed, to: decomposed) == [.init(.equal, composed)])
    }

    /// The facts `PlainUTF8` rests on, for every plain scalar.
    @Test func plainScalarsAreNormalizedAndStandAlone() {
        let plain = (0..<UInt32(0x300)).map { $0 } + (0x2010...0x2027).map { $0 } + (0x202F...0x205E).map { $0 }
            + (0x20A0...0x20BF).map { $0 }
        let scalars = plain.compactMap(Unicode.Scalar.init)
        #expect(scalars.count == plain.count)
        for scalar in scalars {
            let text = String(Character(scalar))
            #expect(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == [scalar], "U+\(String(scalar.value, radix: 16))")
            #expect(text.utf8.withContiguousStorageIfAvailable(PlainUTF8.isPlain) == true)
            let traits = text.utf8.withContiguousStorageIfAvailable { bytes in
                PlainUTF8.table.withUnsafeBufferPointer { PlainUTF8.traits(bytes, at: 0, table: $0) }
            }!
            #expect(traits.kind == WordDiff.tokenKind(scalar))
            #expect(traits.isWhitespace == Character(scalar).isWhitespace && traits.isNewline == Character(scalar).isNewline)
        }
        for first in scalars {
            for second in scalars {
                var pair = ""
                pair.unicodeScalars.append(first)
                pair.unicodeScalars.append(second)
                let expected = first == "\r" && second == "\n" ? 1 : 2
                if pair.count != expected { Issue.record("U+\(String(first.value, radix: 16)) U+\(String(second.value, radix: 16))") }
            }
        }
        for other in ["\u{300}", "e\u{301}", "\u{2000}", "\u{2028}", "\u{200D}", "🙂", "\u{20D0}", "中"] {
            #expect(other.utf8.withContiguousStorageIfAvailable(PlainUTF8.isPlain) == false, "\(other.unicodeScalars.map(\.value))")
        }
    }
}
