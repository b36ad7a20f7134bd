import Foundation
import Testing
@testable import RutinbokCore

@Suite struct SearchIndexTests {
    @Test func jsonStringsEscapeWhatMustBeEscaped() {
        #expect(JSON.string("Hot \"nu\"\\ och\nsen\t</script>\u{1}\u{2028}åäö") ==
                "\"Hot \\\"nu\\\"\\\\ och\\nsen\\t\\u003c/script>\\u0001\\u2028åäö\"")
    }

    @Test func jsonStringsParseBackToTheText() throws {
        for text in ["", "Polisanmälan – 114 14", "\"\\\n\r\t<>&", "emoji 🚨 och é", "\u{0}\u{1f}\u{2029}"] {
            let data = Data("[\(JSON.string(text))]".utf8)
            let parsed = try JSONSerialization.jsonObject(with: data) as? [String]
            #expect(parsed == [text])
        }
    }

    /// Long texts go eight bytes at a time: every character that needs an escape is found
    /// wherever it falls in a word, and the result is what a byte-by-byte escape gives.
    @Test func jsonStringsEscapeAtEveryPositionOfALongText() throws {
        let pieces = ["a", "å", "ö", "\"", "\\", "\n", "<", "\u{1}", "\u{1f}", " ", "\u{2028}", "\u{2029}", "–", "€", "🚨", "\u{7f}", "\u{80}"]
        var generator = SeededGenerator(state: 11)
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 200] {
            for _ in 0..<200 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                #expect(JSON.string(text) == byteByByte(text), "\(Array(text.unicodeScalars))")
            }
        }
        for byte in 0..<256 {
            let words = (0..<8).map { position in (0..<8).reduce(UInt64(0x6161_6161_6161_6161)) { word, index in
                index == position ? (word & ~(UInt64(0xFF) << (8 * index))) | (UInt64(byte) << (8 * index)) : word
            } }
            let needs = byte < 0x20 || [0x22, 0x5C, 0x3C, 0xE2].contains(byte)
            for word in words where needs { #expect(JSON.mayNeedEscape(word), "byte \(byte)") }
        }
    }

    /// The contacts page is the index's last entry, after the routines' items: a build that
    /// patches routine items keeps it, and the result is what a whole new index would be.
    @Test func contactsComeAfterTheRoutinesAndStayWhenItemsArePatched() throws {
        let a = Array(#"{"u":"a.html"}"#.utf8), b = Array(#"{"u":"b.html"}"#.utf8), c = Array(#"{"u":"c.html"}"#.utf8)
        let tail = Array(#"{"u":"kontakter.html"}"#.utf8)
        let file = try #require(SearchIndex.script([a, b] as [[UInt8]?], tail: tail))
        #expect(String(decoding: file.bytes, as: UTF8.self) == #"window.RUTINBOK_SOK = [{"u":"a.html"},{"u":"b.html"},{"u":"kontakter.html"}];"# + "\n")
        #expect(file.itemCount == 2)
        let patched = file.replacing([1: SearchIndex.item(c, at: 1)])
        #expect(patched == SearchIndex.script([a, c] as [[UInt8]?], tail: tail))
        #expect(String(decoding: SearchIndex.script([], tail: tail), as: UTF8.self) == #"window.RUTINBOK_SOK = [{"u":"kontakter.html"}];"# + "\n")
    }

    @Test func contactsEntryHoldsEveryContactAndTheNationalNumbers() throws {
        let place = SourceLocation(file: "council.yml", line: 1, column: 1)
        let contacts = [
            Contact(id: "samordnare", role: "Säkerhetssamordnare", name: "Anna Exempel", phone: "070-000 00 01",
                    email: "sakerhet@exby.example", hours: "Vardagar 08–16", location: place),
            Contact(id: "jour", role: "Tjänsteperson i beredskap", phone: "070-000 00 07",
                    outOfHours: "Ring växeln på 0100-00 00 00.", location: place),
        ]
        let numbers = [NumberView(label: "Polisen", number: "114 14", tel: "11414", description: "När det inte är akut.")]
        let entry = try #require(JSONSerialization.jsonObject(with: Data(SearchIndex.contactsEntry(contacts, numbers: numbers))) as? [String: Any])
        #expect(entry["u"] as? String == "kontakter.html" && entry["t"] as? String == "Kontakter")
        #expect(entry["b"] as? String == """
            Säkerhetssamordnare, Anna Exempel. Telefon 070-000 00 01. E-post sakerhet@exby.example. Vardagar 08–16.
            Tjänsteperson i beredskap. Telefon 070-000 00 07. Utanför kontorstid: Ring växeln på 0100-00 00 00.
            114 14 Polisen. När det inte är akut.
            """)
    }

    /// The escape as the JSON and JavaScript rules give it, one scalar at a time.
    private func byteByByte(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
