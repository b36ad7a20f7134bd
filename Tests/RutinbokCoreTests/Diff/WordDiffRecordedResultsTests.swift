@testable import RutinbokCore
import Testing

/// The word diff was made faster (Myers' search, the byte-level splitting and numbering) with
/// the promise that no result changes. These digests were recorded from the implementation
/// before that work, over many seeded random inputs: any difference in a single edit, segment
/// or word count (a different minimal path, a different tie-break) changes a digest.
@Suite("Portal: word diff results are unchanged by its speed-ups")
struct WordDiffRecordedResultsTests {
    /// FNV-1a over everything fed in, with a separator after each piece.
    private struct Digest {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        mutating func add(_ text: String) {
            for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
            value = (value ^ 0xFF) &* 0x100_0000_01B3
        }
        mutating func add(_ number: Int) { add(String(number)) }
    }

    private func add(_ edits: [(operation: WordDiff.Operation, a: Int?, b: Int?)], to digest: inout Digest) {
        digest.add(edits.count)
        for edit in edits { digest.add("\(edit.operation.rawValue) \(edit.a ?? -1) \(edit.b ?? -1)") }
    }

    private func add(_ diff: WordDiff.CountedSegments, to digest: inout Digest) {
        digest.add(diff.segments.count)
        for segment in diff.segments { digest.add(segment.operation.rawValue); digest.add(segment.text) }
        digest.add(diff.insertedWords)
        digest.add(diff.deletedWords)
    }

    /// Besides the digest, what makes a script right: applied to `a` it gives `b`, every
    /// element is kept, deleted or inserted once, and it is as short as the reference's.
    private func checkScript(_ edits: [(operation: WordDiff.Operation, a: Int?, b: Int?)], turns a: [Int], into b: [Int]) {
        var built: [Int] = [], nextA = 0, nextB = 0
        for edit in edits {
            switch edit.operation {
            case .equal:
                guard edit.a == nextA, edit.b == nextB, a[nextA] == b[nextB] else { Issue.record("bad keep \(edit)"); return }
                built.append(a[nextA]); nextA += 1; nextB += 1
            case .delete:
                guard edit.a == nextA, edit.b == nil else { Issue.record("bad delete \(edit)"); return }
                nextA += 1
            case .insert:
                guard edit.b == nextB, edit.a == nil else { Issue.record("bad insert \(edit)"); return }
                built.append(b[nextB]); nextB += 1
            }
        }
        #expect(built == b && nextA == a.count && nextB == b.count)
        let changes = { (script: [(operation: WordDiff.Operation, a: Int?, b: Int?)]) in script.filter { $0.operation != .equal }.count }
        #expect(changes(edits) == changes(ReferenceEdits.edits(a, b)))
    }

    private func numbers(_ count: Int, below alphabet: Int, _ generator: inout SeededGenerator) -> [Int] {
        (0..<count).map { _ in Int.random(in: 0..<alphabet, using: &generator) }
    }

    /// Edit scripts of random sequences: small alphabets (many equal elements, many equally
    /// short paths to choose between), light and heavy edits, unrelated pairs, a few long ones.
    @Test func editScriptsOfRandomSequences() {
        var generator = SeededGenerator(state: 20_240_611)
        var digest = Digest()
        for round in 0..<3000 {
            let alphabet = Int.random(in: 1...8, using: &generator)
            let length = round % 150 == 0 ? Int.random(in: 200...600, using: &generator) : Int.random(in: 0...70, using: &generator)
            let a = numbers(length, below: alphabet, &generator)
            var b = a
            for _ in 0..<Int.random(in: 0...(round % 3 == 0 ? 40 : 10), using: &generator) {
                let index = Int.random(in: 0...b.count, using: &generator)
                if Bool.random(using: &generator), index < b.count { b.remove(at: index) }
                else { b.insert(Int.random(in: 0...alphabet, using: &generator), at: index) }
            }
            if round % 5 == 0 { b = numbers(Int.random(in: 0...length + 5, using: &generator), below: alphabet, &generator) }
            if round % 97 == 0 { b = a.map { $0 + alphabet } } // nothing in common
            let edits = WordDiff.edits(a, b)
            checkScript(edits, turns: a, into: b)
            add(edits, to: &digest)
        }
        #expect(digest.value == 10_158_308_761_012_920_417)
    }

    /// Edit scripts of Characters (the generic, non-Int search) on Swedish and other text.
    @Test func editScriptsOfCharacters() {
        var generator = SeededGenerator(state: 77)
        let letters = Array("aåäöeé ,.\n\r\n👍🏽e\u{301}")
        var digest = Digest()
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...40, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...40, using: &generator)).map { _ in letters.randomElement(using: &generator)! }
            add(WordDiff.edits(a, b), to: &digest)
        }
        #expect(digest.value == 7_291_176_613_644_312_981)
    }

    private static let vocabulary: [String] = [
        "Ring", "polisen", "åtgärd", "kommunen", "och", "att", "du", "112", "Öst", "é", "x",
        " ", " ", " ", " ", "  ", "\n", "\n", "\n\n", "\r\n", "\t", "\u{A0}", "\u{202F}",
        "-", "–", ",", ",", ".", ".", "#", "##", "*", "[", "](", ")", "”", "…", "€",
    ]
    /// Scalars that take the String path: emoji, a combining accent, CJK, Cyrillic.
    private static let otherVocabulary = ["👍🏽", "e\u{301}", "漢字", "Привет", "\u{200D}"]

    private func text(_ count: Int, other: Bool, _ generator: inout SeededGenerator) -> String {
        (0..<count).map { _ in
            other && Int.random(in: 0..<8, using: &generator) == 0
                ? Self.otherVocabulary.randomElement(using: &generator)!
                : Self.vocabulary.randomElement(using: &generator)!
        }.joined()
    }

    /// A routine-like text: paragraphs of sentences, some of them long single lines.
    private func routine(_ paragraphs: Int, _ generator: inout SeededGenerator) -> [String] {
        let words = ["Ring", "polisen", "direkt", "om", "något", "händer", "och", "berätta", "för", "säkerhetssamordnaren",
                     "vad", "som", "har", "hänt", "Skriv", "ner", "diarienumret", "du", "får", "ledningen", "ska", "veta"]
        return (0..<paragraphs).map { _ in
            (0..<Int.random(in: 1...(Int.random(in: 0..<6, using: &generator) == 0 ? 120 : 25), using: &generator)).map { _ in
                words.randomElement(using: &generator)! + (Int.random(in: 0..<7, using: &generator) == 0 ? "." : "")
            }.joined(separator: " ")
        }
    }

    /// Segments and word counts: random token soups (plain and not), and routine-like texts
    /// where about half the paragraphs were rewritten, as councils do.
    @Test func segmentsOfRandomTexts() {
        var generator = SeededGenerator(state: 4_711)
        var digest = Digest()
        for round in 0..<1500 {
            let other = round % 4 == 0
            let old = text(Int.random(in: 0...60, using: &generator), other: other, &generator)
            let new: String
            switch round % 3 {
            case 0: new = text(Int.random(in: 0...60, using: &generator), other: other, &generator)
            case 1: new = old.split(separator: " ", omittingEmptySubsequences: false)
                .map { Int.random(in: 0..<4, using: &generator) == 0 ? text(2, other: other, &generator) : String($0) }
                .joined(separator: " ")
            default: new = old + text(Int.random(in: 0...5, using: &generator), other: other, &generator)
            }
            add(WordDiff.countedSegments(from: old, to: new), to: &digest)
        }
        for _ in 0..<60 {
            let base = routine(Int.random(in: 1...14, using: &generator), &generator)
            let own = base.map { paragraph in
                Bool.random(using: &generator) ? paragraph : routine(1, &generator)[0]
            }
            add(WordDiff.countedSegments(from: base.joined(separator: "\n\n"), to: own.joined(separator: "\n\n")), to: &digest)
            add(WordDiff.countedSegments(from: own.joined(separator: "\n"), to: base.joined(separator: "\n")), to: &digest)
        }
        #expect(digest.value == 6_372_285_188_956_303_070)
    }

    /// Edge cases, spelled out.
    @Test func edgeCases() {
        #expect(WordDiff.segments(from: "", to: "") == [])
        #expect(WordDiff.segments(from: "", to: "Ring 112.") == [.init(.insert, "Ring 112.")])
        #expect(WordDiff.segments(from: "Ring 112.", to: "") == [.init(.delete, "Ring 112.")])
        #expect(WordDiff.segments(from: "Ring 112.\n", to: "Ring 112.\n") == [.init(.equal, "Ring 112.\n")])
        #expect(WordDiff.segments(from: "abc def", to: "xyz uvw") == [.init(.delete, "abc def"), .init(.insert, "xyz uvw")])
        #expect(WordDiff.segments(from: "Möte i sal 3 👍🏽", to: "Möte i sal 4 👍🏽") == [
            .init(.equal, "Möte i sal "), .init(.delete, "3"), .init(.insert, "4"), .init(.equal, " 👍🏽"),
        ])
        #expect(WordDiff.edits([1, 2, 3], [4, 5]).map(\.operation) == [.delete, .delete, .delete, .insert, .insert])
    }
}
