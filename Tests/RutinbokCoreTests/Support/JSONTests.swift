import Foundation
import Testing
@testable import RutinbokCore

/// JSON strings as the search index writes them (`JSON`, by hand, eight bytes at a time).
@Suite struct JSONTests {
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
