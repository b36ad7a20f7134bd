import Foundation
import Testing
@testable import RutinbokCore

/// A mistake in a file many handbooks share is one diagnostic that names them, not one per
/// council that inherits the file: at national scale a typo in a base routine would
/// otherwise be some 240 identical errors.
@Suite struct SharedFileDiagnosticsTests {
    static func check(_ content: String, councils: [String] = []) async -> [Diagnostic] {
        var options = Build.Options()
        options.content = content
        options.templates = DemoContent.templates
        options.today = DemoContent.today
        options.councils = councils
        return await Build.run(options, write: false).diagnostics
    }

    @Test func aTypoInABaseRoutineIsOneErrorNamingEveryHandbook() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let file = "\(content)/routines/hotad-just-nu.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let typo = try #require(text.range(of: "kontakt:sakerhetssamordnare"))
        try text.replacingCharacters(in: typo, with: "kontakt:sakerhetssamordnre").write(toFile: file, atomically: false, encoding: .utf8)

        let all = await Self.check(content).filter { $0.code == "unknown-contact" }
        try #require(all.count == 1, "\(all)")
        #expect(all[0].message == "det finns ingen kontakt 'sakerhetssamordnre'")
        #expect(all[0].handbook == nil)
        #expect(all[0].notes == ["menade du 'sakerhetssamordnare'?",
                                 "i 7 handböcker: Exempelby kommun, Exempelstads kommun, Fiktiva kommun, Låtsasby kommun, Påhittsjö kommun och 2 till"])
        #expect(all[0].notes == Array(all[0].description.components(separatedBy: "\n  obs: ").dropFirst()))

        let one = await Self.check(content, councils: ["lattsasby"]).filter { $0.code == "unknown-contact" }
        #expect(one.map(\.notes) == [["menade du 'sakerhetssamordnare'?", "i handboken för Låtsasby kommun"]])
    }

    /// A typo in a council's contact id made every routine that names the contact an error,
    /// each suggesting the typo as the fix: an editor would go and change base texts. When no
    /// routine has the council's close contact as its owner, the note points at council.yml.
    @Test func aTypoInACouncilsContactIDPointsAtCouncilYML() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let file = "\(content)/councils/exempelby/council.yml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let key = try #require(text.range(of: "  sakerhetssamordnare:\n"))
        let line = text[..<key.lowerBound].filter { $0 == "\n" }.count + 1
        try text.replacingCharacters(in: key, with: "  sakerhetsamordnare:\n").write(toFile: file, atomically: false, encoding: .utf8)

        let problems = await Self.check(content, councils: ["exempelby"]).filter { ["unknown-contact", "unknown-owner"].contains($0.code) }
        try #require(!problems.isEmpty)
        let note = "är kontakten 'sakerhetsamordnare' i \(file):\(line):3 felstavad? byt då dess id till 'sakerhetssamordnare'"
        for problem in problems {
            #expect(problem.notes.contains(note), "\(problem)")
            #expect(!problem.notes.contains("menade du 'sakerhetsamordnare'?"), "\(problem)")
        }
    }

    /// The merge keeps what differs apart: another message or place is another diagnostic,
    /// and a council's own file is never merged with anything.
    @Test func onlyTheSameProblemInTheSameSharedFileIsMerged() {
        let at = SourceLocation(file: "routines/a.md", line: 4, column: 2)
        let shared = ["A", "B", "C"].map { Diagnostic(.error, at, "no contact 'x'", code: "unknown-contact", notes: ["n"], handbook: $0) }
        let other = Diagnostic(.error, at, "no contact 'y'", code: "unknown-contact", handbook: "A")
        let elsewhere = Diagnostic(.error, at.at(line: 5), "no contact 'x'", code: "unknown-contact", handbook: "B")
        let own = Diagnostic(.error, at, "no contact 'x'", code: "unknown-contact", notes: ["n"])
        let merged = (shared.reversed() + [other, elsewhere, own, shared[0]]).normalized()
        #expect(merged.map(\.description) == [
            "routines/a.md:4:2: fel: no contact 'x' [unknown-contact]\n  obs: n",
            "routines/a.md:4:2: fel: no contact 'x' [unknown-contact]\n  obs: n\n  obs: i 3 handböcker: A, B, C",
            "routines/a.md:4:2: fel: no contact 'y' [unknown-contact]\n  obs: i handboken för A",
            "routines/a.md:5:1: fel: no contact 'x' [unknown-contact]\n  obs: i handboken för B",
        ])
        #expect(merged.normalized() == merged, "normalizing twice changes nothing")
        #expect(merged.errorCount == 4)
    }
}
