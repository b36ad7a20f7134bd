import Testing
@testable import RutinbokCore

/// Quoted texts that run over a line end: where a closing quote was most likely left out.
struct YAMLQuotesTests {
    typealias Span = YAMLQuotes.Span

    @Test(arguments: [
        "a: b\nc: d\n",
        "a: \"x\"\nb: 'y'\n",
        "a: 'it''s'\nb: c\n",
        "a: \"say \\\"hi\\\"\"\nb: c\n",
        "a: Anna \"B\nb: c\n",                        // a quote inside a plain text opens nothing
        "a: b # \"a comment\nc: d\n",
        "a: |\n  \"quoted\n  more\nb: \"x\"\n",      // block texts are taken as they are
        "a: >-\n  'x\n  y\nb: c\n",
        "a: [\"x\", 'y']\nb: { c: \"d\" }\n",
        "\"key\": value\n",
    ])
    func noneWhenEveryQuoteClosesOnItsLine(_ yaml: String) {
        #expect(YAMLQuotes.multiLineSpans(in: yaml) == [])
    }

    @Test func aQuoteClosedOnALaterLine() {
        #expect(YAMLQuotes.multiLineSpans(in: "a: \"x\nb: \"y\"\n") == [Span(line: 1, column: 4, closingLine: 2)])
        #expect(YAMLQuotes.multiLineSpans(in: "x: 1\n- 'x\n- y'\n") == [Span(line: 2, column: 3, closingLine: 3)])
        #expect(YAMLQuotes.multiLineSpans(in: "a: { b: \"x, c: d }\ne: \"f\"\n") == [Span(line: 1, column: 9, closingLine: 2)])
    }

    @Test func aQuoteNeverClosed() {
        #expect(YAMLQuotes.multiLineSpans(in: "a: \"x\nb: c\n") == [Span(line: 1, column: 4, closingLine: nil)])
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(YAMLQuotes.multiLineSpans(in: "åäö: \"x\nb: \"c\"\n") == [Span(line: 1, column: 6, closingLine: 2)])
    }

    @Test func aBlockTextEndsWhereTheIndentationDoes() {
        #expect(YAMLQuotes.multiLineSpans(in: "a: |\n  text\nb: \"x\nc: d\"\n") == [Span(line: 3, column: 4, closingLine: 4)])
    }
}
