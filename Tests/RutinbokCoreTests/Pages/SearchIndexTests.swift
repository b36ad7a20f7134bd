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
}
