@testable import RutinbokCore
import Testing

/// Spaces from Word or a web page in YAML (`HardSpaces`), and texts that show nothing
/// (`RoutineLoader.showsNothing`): the edges the cases in `BrokenInputTests` do not reach.
@Suite struct HardSpacesTests {
    private func syntaxError(_ text: String) -> Diagnostic? {
        if case .failure(let diagnostic) = YAMLMapping.parse(text, file: "x.yml", lineOffset: 0) { return diagnostic }
        return nil
    }

    @Test func aHardSpaceAfterAListItemsKeyIsNamed() throws {
        let error = try #require(syntaxError("phases:\n  - id:\u{A0}hantera\n    label: Hantera\n"))
        #expect(error.message.hasPrefix("här står ett hårt mellanslag"), "\(error)")
        #expect((error.location.line, error.location.column) == (2, 8))
    }

    /// A zero-width space after the colon, with a space after it: only it is in the way.
    @Test func aZeroWidthSpaceBeforeTheSpaceIsOnlyToBeRemoved() throws {
        let error = try #require(syntaxError("contacts:\n  hr:\n    role:\u{200B} HR\n    phone: \"070-000 00 00\"\n"))
        #expect(error.message == "här står ett osynligt tecken (U+200B, från Word eller en webbsida); sudda det", "\(error)")
        #expect((error.location.line, error.location.column) == (3, 10))
    }

    /// One far above where libyaml stops, at the start of a longer text's line, is not blamed
    /// for a problem of its own further down.
    @Test func aHardSpaceFarFromTheProblemIsNotBlamed() throws {
        let text = "description: |\n  Rad ett.\n  \u{A0}Rad två.\ntitle: x\na: b\nc: d\nsummary: \"ej stängd\n"
        let error = try #require(syntaxError(text))
        #expect(!error.message.contains("hårt mellanslag"), "\(error)")
    }

    /// Inside a value it does no harm, and the file loads.
    @Test func aHardSpaceInsideAValueIsLeftAlone() {
        #expect(syntaxError("name: Anna\u{A0}Exempel\nrole: x\n") == nil)
    }

    @Test func aKeyIsShownWithItsInvisibleCharactersOnly() {
        #expect(HardSpaces.visible("phone\u{A0}") == "phone<U+00A0>")
        #expect(HardSpaces.visible("pho\u{AD}ne") == "pho<U+00AD>ne")
        #expect(HardSpaces.visible("hörn") == "hörn")
        #expect(HardSpaces.removed(from: "\u{200B}title\u{A0}") == "title")
    }

    @Test func aTextThatShowsNothing() {
        #expect(RoutineLoader.showsNothing("\n\n") == "")
        #expect(RoutineLoader.showsNothing("<!-- a -->\n\n<!-- b\nc -->\n")?.contains("kommentar") == true)
        #expect(RoutineLoader.showsNothing("<!-- aldrig stängd\n\nText.\n")?.contains("kommentar") == true)
        #expect(RoutineLoader.showsNothing("\u{200B}\u{FEFF}\n")?.contains("U+200B, U+FEFF") == true)
        #expect(RoutineLoader.showsNothing("<!-- a --> Text.") == nil)
        #expect(RoutineLoader.showsNothing("```\n<!-- a -->\n```\n") == nil)
        #expect(RoutineLoader.showsNothing("<p>Text</p>\n") == nil)
        #expect(RoutineLoader.showsNothing("Text.\n") == nil)
    }
}
