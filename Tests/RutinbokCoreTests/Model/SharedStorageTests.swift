import Testing
@testable import RutinbokCore

/// `Routine` and `RenderedMarkdown` keep their fields in one shared box so that copies are
/// cheap; they must still behave as values: a change to a copy leaves the original as it was.
@Suite struct SharedStorageTests {
    static func routine() -> Routine {
        let location = SourceLocation(file: "content/routines/akut.md", line: 1, column: 1)
        return Routine(id: "akut", layer: .base, title: "Akut läge", summary: "Vad du gör.",
                       phase: Located(value: "hantera", location: location), order: 10, audience: [],
                       owner: Located(value: "sakerhet", location: location), access: .public, share: false,
                       body: "Text.\n", bodyLine: 8, location: location)
    }

    @Test func aChangedCopyOfARoutineLeavesTheOriginal() {
        let original = Self.routine()
        var copy = original
        copy.title = "Nytt namn"
        copy.reviewed = Located(value: Day(year: 2026, month: 11, day: 29)!, location: original.location)
        #expect(original.title == "Akut läge" && original.reviewed == nil)
        #expect(copy.title == "Nytt namn" && copy.reviewed != nil && copy.id == original.id)
        var again = copy
        again.body = "Annan text.\n"
        #expect(copy.body == "Text.\n" && again.body == "Annan text.\n" && again.title == "Nytt namn")
    }

    @Test func aChangedCopyOfARenderedBodyLeavesTheOriginal() {
        let original = MarkdownCacheTests.sample(1)
        var copy = original
        copy.template = "<p>annan</p>"
        copy.headings.removeAll()
        #expect(original.template != copy.template && original.headings.count == 1 && copy.headings.isEmpty)
    }

    @Test func aRoutineIsDescribedByItsFields() {
        let described = "\(Self.routine())"
        #expect(described.contains("title: \"Akut läge\"") && described.contains("bodyLine: 8"), "\(described)")
    }
}
