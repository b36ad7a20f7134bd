import Testing
@testable import RutinbokCore

/// A stand-in text counts only as a line of its own, list marker and indentation allowed:
/// the same words inside an editor's own sentence are the editor's.
@Suite struct StandInTextsTests {
    @Test func aStandInIsFoundAsAWholeLineOnly() {
        let body = """
            Första steget.
            1. Första steget.
              2) Första steget.  
            - Första steget.
            Det första steget. Första steget.
            Första steget. Sedan nästa.
            1.Första steget.
            Första stegen.
            * Första steget.
            """
        let found = StandInTexts.lines(of: "Första steget.", in: body)
        #expect(found.map(\.line) == [0, 1, 2, 3, 8])
        #expect(found.map(\.column) == [1, 4, 6, 3, 3])
    }

    @Test func onlyCouncilRoutinesAreLookedAt() {
        let summary = Located(value: StandInTexts.summary, location: SourceLocation(file: "x.md", line: 3, column: 10))
        let body = "\n\(StandInTexts.introduction)\n"
        #expect(StandInTexts.find(summary: summary, body: body, bodyLine: 9, layer: .base, file: "x.md").isEmpty)
        #expect(StandInTexts.find(summary: summary, body: body, bodyLine: 9, layer: .group("g"), file: "x.md").isEmpty)
        let found = StandInTexts.find(summary: summary, body: body, bodyLine: 9, layer: .council("c"), file: "x.md")
        #expect(found.map { "\($0.location.line):\($0.location.column)" } == ["3:10", "10:1"])
        #expect(found.allSatisfy { $0.code == "unfinished-routine" && $0.severity == .error })
    }
}
