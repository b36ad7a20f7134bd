@testable import RutinbokCore
import Testing

@Suite("Portal: word diff (Myers)")
struct PortalWordDiffTests {
    /// The script as compact text: " x" kept, "-x" deleted, "+x" inserted.
    private func script(_ a: String, _ b: String) -> [String] {
        WordDiff.edits(Array(a), Array(b)).map { edit in
            switch edit.operation {
            case .equal: " \(Array(a)[edit.a!])"
            case .delete: "-\(Array(a)[edit.a!])"
            case .insert: "+\(Array(b)[edit.b!])"
            }
        }
    }

    /// Applying the script to `a` must give `b`, and keeping must keep equal elements.
    private func check<T: Hashable>(_ a: [T], _ b: [T]) -> Int {
        var rebuilt: [T] = []
        var changes = 0
        var nextA = 0, nextB = 0
        for edit in WordDiff.edits(a, b) {
            switch edit.operation {
            case .equal:
                #expect(a[edit.a!] == b[edit.b!])
                #expect(edit.a == nextA && edit.b == nextB)
                rebuilt.append(a[edit.a!]); nextA += 1; nextB += 1
            case .delete:
                #expect(edit.a == nextA); nextA += 1; changes += 1
            case .insert:
                #expect(edit.b == nextB); rebuilt.append(b[edit.b!]); nextB += 1; changes += 1
            }
        }
        #expect(rebuilt == b)
        #expect(nextA == a.count && nextB == b.count)
        return changes
    }

    private func lcs<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    @Test func emptyInputs() {
        #expect(WordDiff.edits([Int](), []).isEmpty)
        #expect(script("", "ab") == ["+a", "+b"])
        #expect(script("ab", "") == ["-a", "-b"])
        #expect(WordDiff.segments(from: "", to: "") == [])
    }

    @Test func identicalTexts() {
        #expect(script("abc", "abc") == [" a", " b", " c"])
        let text = "Ring 112 om någon är i fara."
        #expect(WordDiff.segments(from: text, to: text) == [.init(.equal, text)])
    }

    @Test func allDifferent() {
        #expect(script("abc", "xyz") == ["-a", "-b", "-c", "+x", "+y", "+z"])
        #expect(WordDiff.segments(from: "hot och hat", to: "stöd efteråt")
                == [.init(.delete, "hot och hat"), .init(.insert, "stöd efteråt")])
    }

    @Test func insertionsAndDeletionsAtTheEnds() {
        #expect(script("bc", "abc") == ["+a", " b", " c"])
        #expect(script("ab", "abc") == [" a", " b", "+c"])
        #expect(script("abc", "bc") == ["-a", " b", " c"])
        #expect(script("abc", "ab") == [" a", " b", "-c"])
    }

    /// The example of Myers' paper: ABCABBA → CBABAC takes D = 5 edits, keeping a common
    /// subsequence of length 4. Several scripts are that short; this is the one the
    /// linear-space search finds (its middle snake differs from the greedy forward search's).
    @Test func myersPaperExample() {
        let edits = script("ABCABBA", "CBABAC")
        #expect(edits.filter { !$0.hasPrefix(" ") }.count == 5)
        #expect(edits == ["-A", "-B", " C", "-A", " B", "+A", " B", " A", "+C"])
    }

    @Test func swedishWordsAndPunctuation() {
        #expect(WordDiff.tokens("Ring polisen, nu!") == ["Ring", " ", "polisen", ",", " ", "nu", "!"])
        #expect(WordDiff.tokens("Åsa–Örjan\n\n## Rubrik") == ["Åsa", "–", "Örjan", "\n\n", "#", "#", " ", "Rubrik"])
        let edits = WordDiff.script(from: "Kontakta kommunikationschefen i kommunen.",
                                    to: "Kontakta kommunikationsdirektören i regionen.")
        #expect(edits.map(\.description) == [" Kontakta", "  ", "-kommunikationschefen", "+kommunikationsdirektören",
                                             "  ", " i", "  ", "-kommunen", "+regionen", " ."])
        #expect(WordDiff.segments(from: "Kontakta kommunikationschefen i kommunen.",
                                  to: "Kontakta kommunikationsdirektören i regionen.") == [
            .init(.equal, "Kontakta "), .init(.delete, "kommunikationschefen i kommunen"),
            .init(.insert, "kommunikationsdirektören i regionen"), .init(.equal, "."),
        ])
    }

    /// A long equal stretch between two changes stays visible.
    @Test func longEqualStretchIsNotFolded() {
        #expect(WordDiff.segments(from: "Ring polisen direkt när något händer, sedan kommunen.",
                                  to: "Ring 112 direkt när något händer, sedan regionen.") == [
            .init(.equal, "Ring "), .init(.delete, "polisen"), .init(.insert, "112"),
            .init(.equal, " direkt när något händer, sedan "), .init(.delete, "kommunen"), .init(.insert, "regionen"),
            .init(.equal, "."),
        ])
    }

    /// Against an LCS computed by dynamic programming: the script is valid and minimal.
    @Test func minimalOnRandomInputs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let a = (0..<Int.random(in: 0...14, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
            let b = (0..<Int.random(in: 0...14, using: &generator)).map { _ in Int.random(in: 0...3, using: &generator) }
            let changes = check(a, b)
            #expect(changes == a.count + b.count - 2 * lcs(a, b), "a=\(a) b=\(b)")
        }
    }

    @Test func segmentsRebuildBothTexts() {
        let old = "Vi tar bort kommentarer som:\n\n- innehåller hot,\n- hänger ut personer."
        let new = "Vi döljer kommentarer som:\n\n- innehåller hot eller trakasserier,\n- hänger ut personer,\n- är rasistiska."
        let segments = WordDiff.segments(from: old, to: new)
        #expect(segments.filter { $0.operation != .insert }.map(\.text).joined() == old)
        #expect(segments.filter { $0.operation != .delete }.map(\.text).joined() == new)
    }
}
