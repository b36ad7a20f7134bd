import CommonMark
import Testing

@Suite struct MarkdownDocumentTests {
    @Test func rendersPlainCommonMarkLikeCmark() {
        let document = MarkdownDocument(parsing: "# Rubrik\n\nEtt *stycke* med [länk](https://exempel.example).\n")
        #expect(document.renderHTML() == "<h1>Rubrik</h1>\n<p>Ett <em>stycke</em> med <a href=\"https://exempel.example\">länk</a>.</p>\n")
    }

    @Test func safeModeDropsRawHTMLAndJavascriptLinks() {
        let document = MarkdownDocument(parsing: "<script>alert(1)</script>\n\n[x](javascript:alert(1))\n")
        let html = document.renderHTML()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(MarkdownDocument(parsing: "<b>ok</b>\n").renderHTML(.unsafe).contains("<b>ok</b>"))
    }

    @Test func keepsSourcePositions() {
        let document = MarkdownDocument(parsing: "Första\n\n## Andra\n\nText med [länk](a.md) här.\n")
        let heading = document.document.children[1]
        #expect(heading.kind == .heading)
        #expect(heading.startLine == 3)
        #expect(heading.headingLevel == 2)
        let link = document.document.descendantsAndSelf.first { $0.kind == .link }
        #expect(link?.url == "a.md")
        #expect(link?.startLine == 5)
        #expect(link?.startColumn == 10)
    }

    @Test func customNodesAreWrittenVerbatimAroundTheirChildren() {
        let document = MarkdownDocument(parsing: "## Rubrik\n")
        let heading = document.document.firstChild!
        let custom = document.makeNode(.customBlock)
        custom.setCustomHTML(onEnter: "<h2 id=\"rubrik\">", onExit: "</h2>")
        heading.insertBefore(custom)
        heading.moveChildren(to: custom)
        heading.unlink()
        #expect(document.renderHTML() == "<h2 id=\"rubrik\">Rubrik</h2>\n")
    }

    @Test func nodesOutliveTheirDocumentVariable() {
        // A node keeps its document alive, so reading it later is safe.
        let node = MarkdownDocument(parsing: "text\n").document.firstChild!.firstChild!
        #expect(node.literal == "text")
    }

    @Test func unusedNewNodesAreFreedWithTheDocument() {
        // Runs under the leak checker in CI's sanitizer job; here it must simply not crash.
        for _ in 0..<1000 {
            let document = MarkdownDocument(parsing: "a\n")
            _ = document.makeNode(.customInline)
            document.document.firstChild!.unlink()
        }
    }
}
