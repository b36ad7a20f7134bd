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

    @Test func findsTextNodesByWhatTheirTextHolds() {
        let document = MarkdownDocument(parsing: "Se [a](b c) och [d](e).\n\n`[f](g h)`\n\n- [i](j k)\n")
        let found = document.document.textNodes(containing: "](")
        #expect(found.map(\.literal) == ["Se [a](b c) och ", "[i](j k)"])
        #expect(found.allSatisfy { $0.kind == .text })
        #expect(document.document.textNodes(containing: "saknas").isEmpty)
    }

    @Test func customNodesAreWrittenVerbatimAroundTheirChildren() {
        let document = MarkdownDocument(parsing: "## Rubrik\n")
        let heading = document.document.firstChild!
        let custom = document.makeNode(.customBlock)
        custom.setCustomHTML(onEnter: "<h2 id=\"rubrik\">", onExit: "</h2>")
        heading.insertBefore(custom)
        heading.moveChildren(to: custom)
        heading.unlink()
        // A custom block puts its enter and exit HTML on lines of their own; that is why the
        // renderer wraps heading text in custom inlines instead.
        #expect(document.renderHTML() == "<h2 id=\"rubrik\">\nRubrik\n</h2>\n")
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

    @Test func inlineNodesHaveByteColumns() {
        let document = MarkdownDocument(parsing: "Åtgärd: *viktigt* [a](b)\n")
        let inlines = document.document.firstChild!.children
        #expect(inlines.map(\.kind) == [.text, .emphasis, .text, .link])
        // cmark counts bytes: "Åtgärd: " is 10 bytes in UTF-8.
        #expect(inlines[1].startColumn == 11)
        #expect(inlines[3].startColumn == 21)
        #expect(inlines[3].endColumn == 26)
    }

    @Test func blockGettersAndPositions() {
        let document = MarkdownDocument(parsing: "- a\n- b\n\n```swift\nkod\n```\n\n[l](u \"T\")\n")
        let blocks = document.document.children
        #expect(blocks.map(\.kind) == [.list, .codeBlock, .paragraph])
        #expect(blocks[0].isTightList)
        #expect(blocks[0].startLine == 1)
        #expect(blocks[2].startLine == 8 && blocks[2].endLine == 8)
        #expect(blocks[1].fenceInfo == "swift")
        #expect(blocks[1].literal == "kod\n")
        #expect(blocks[1].startLine == 4 && blocks[1].endLine == 6)
        let link = blocks[2].firstChild!
        #expect(link.title == "T")
        #expect(link.url == "u")
        #expect(link.plainText == "l")
        #expect(blocks[0].headingLevel == 0)
        #expect(blocks[0].literal == nil)
    }

    @Test func renderOptions() {
        let document = MarkdownDocument(parsing: "a\nb\n")
        #expect(document.renderHTML() == "<p>a\nb</p>\n")
        #expect(document.renderHTML(.hardBreaks) == "<p>a<br />\nb</p>\n")
        #expect(document.renderHTML(.sourcePositions) == "<p data-sourcepos=\"1:1-2:1\">a\nb</p>\n")
    }

    @Test func insertAndEditNodes() {
        let document = MarkdownDocument(parsing: "a *b* c\n")
        let paragraph = document.document.firstChild!
        let emphasis = paragraph.children[1]
        let marker = document.makeNode(.customInline)
        marker.setCustomHTML(onEnter: "<mark>", onExit: "</mark>")
        #expect(emphasis.insertAfter(marker))
        let text = document.makeNode(.text)
        text.literal = "x < y"
        #expect(marker.append(text))
        paragraph.children[0].literal = "A "
        #expect(document.renderHTML() == "<p>A <em>b</em><mark>x &lt; y</mark> c</p>\n")
        #expect(emphasis.next == marker)
        #expect(marker.previous == emphasis)
        #expect(marker.parent == paragraph)
        #expect(paragraph.lastChild?.literal == " c")
    }

    @Test func cmarkRefusesABlockInsideAParagraph() {
        let document = MarkdownDocument(parsing: "text\n")
        let paragraph = document.document.firstChild!
        #expect(!paragraph.append(document.makeNode(.paragraph)))
        #expect(document.renderHTML() == "<p>text</p>\n")
    }

    @Test func nodesMoveBetweenDocuments() {
        let target = MarkdownDocument(parsing: "före\n")
        let custom = target.makeNode(.customBlock)
        target.document.append(custom)
        do {
            let cell = MarkdownDocument(parsing: "*a* `b`\n")
            for child in cell.document.firstChild!.children { custom.append(child) }
        }
        #expect(target.renderHTML() == "<p>före</p>\n<em>a</em> <code>b</code>\n")
    }
}
