@testable import RutinbokCore
import Testing

private func render(_ body: String, firstLine: Int = 1, allowRawHTML: Bool = false) -> RenderedMarkdown {
    MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML)).render(body, file: "rutiner/kontakt.md", firstLine: firstLine)
}

private func loc(_ line: Int, _ column: Int) -> RutinbokCore.SourceLocation {
    RutinbokCore.SourceLocation(file: "rutiner/kontakt.md", line: line, column: column)
}

@Suite struct TableTests {
    /// Search and LIX read a row's cells as separate words (apart by a tab, which a comparison
    /// splits the row at), and a heading without a stray space.
    @Test func cellsAreWordsApartInThePlainText() {
        let result = render("## Vem ringer?\n\n| Vad | Vem |\n|---|---|\n| Bakgrundsljud? | *Trafik*, röster |\n| Anmäl | [polisen](#vem-ringer) |\n")
        #expect(result.text == "Vem ringer?\nVad\tVem\nBakgrundsljud?\tTrafik, röster\nAnmäl\tpolisen")
    }

    @Test func alignmentClasses() {
        let result = render("| Vem | Nummer | När | Not |\n|:----|:------:|----:|-----|\n| Polisen | 114 14 | Dygnet runt | – |\n")
        #expect(result.template == """
        <div class="table-wrap" role="region" tabindex="0" aria-label="Tabell: Vem, Nummer, När, Not"><table>
        <thead>
        <tr>
        <th scope="col" class="align-left">Vem</th><th scope="col" class="align-center">Nummer</th><th scope="col" class="align-right">När</th><th scope="col">Not</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td class="align-left">Polisen</td><td class="align-center">114 14</td><td class="align-right">Dygnet runt</td><td>–</td>
        </tr>
        </tbody>
        </table></div>

        """)
        #expect(result.diagnostics.isEmpty)
    }

    /// A cell holding a date and nothing else is marked, so that it stays whole on a phone
    /// whatever its column is called; a date among words, or in a header, is not.
    @Test func aCellHoldingOnlyADateIsMarked() {
        let result = render("| När | Vad |\n|---|:-:|\n| 2026-10-02 | Mejl 2026-10-03 |\n| 2026-10-04 14:30 | 2026-10-05 |\n| 2026-1-4 | 12026-10-02 |\n")
        #expect(result.template.contains("<td class=\"date\">2026-10-02</td><td class=\"align-center\">Mejl 2026-10-03</td>"))
        #expect(result.template.contains("<td class=\"date\">2026-10-04 14:30</td><td class=\"align-center date\">2026-10-05</td>"))
        #expect(result.template.contains("<td>2026-1-4</td><td class=\"align-center\">12026-10-02</td>"))
        #expect(TransformPass.isDate(" 2026-10-02 ") && !TransformPass.isDate("2026-10-02,") && !TransformPass.isDate("Datum"))
    }

    @Test func outerPipesAreOptionalAndHeaderOnlyHasNoBody() {
        let result = render("Vem | Nummer\n--- | ---\n")
        #expect(result.template == "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: Vem, Nummer\"><table>\n<thead>\n<tr>\n<th scope=\"col\">Vem</th><th scope=\"col\">Nummer</th>\n</tr>\n</thead>\n</table></div>\n")
    }

    @Test func escapedPipesStayInTheCell() {
        let result = render("| Val | Betydelse |\n|---|---|\n| a \\| b | `x\\|y` och \\* |\n")
        #expect(result.template == "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: Val, Betydelse\"><table>\n<thead>\n<tr>\n<th scope=\"col\">Val</th><th scope=\"col\">Betydelse</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a | b</td><td><code>x|y</code> och *</td>\n</tr>\n</tbody>\n</table></div>\n")
    }

    @Test func inlineMarkdownInCellsAndLinksRewritten() {
        let body = "Inledning.\n\n| Steg | Läs |\n|---|---|\n| *Ring* **nu** `112` | [Anmälan](anmalan.md#Polisanmälan) |\n"
        let result = render(body, firstLine: 6)
        #expect(result.template == "<p>Inledning.</p>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: Steg, Läs\"><table>\n<thead>\n<tr>\n<th scope=\"col\">Steg</th><th scope=\"col\">Läs</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><em>Ring</em> <strong>nu</strong> <code>112</code></td><td><a href=\"anmalan.html#polisanmalan\">Anmälan</a></td>\n</tr>\n</tbody>\n</table></div>\n")
        #expect(result.links.map(\.routine) == ["anmalan"])
        #expect(result.links.map(\.anchor) == ["polisanmalan"])
        #expect(result.links.map(\.written) == ["anmalan.md#Polisanmälan"])
    }

    @Test func linkInACellIsLocatedOnItsRow() {
        let body = "Inledning.\n\n| Steg | Läs |\n|---|---|\n| Ring | [Anmälan](anmalan.md) |\n"
        let result = render(body, firstLine: 6)
        #expect(result.links.count == 1)
        #expect(result.links.first?.location == loc(10, 10))
    }

    @Test func contactInACellIsInline() {
        let result = render("| Vem | Kontakt |\n|---|---|\n| Samordnare | [Anna](kontakt:sakerhet) |\n")
        #expect(result.contacts.map(\.id) == ["sakerhet"])
        #expect(result.contacts.map(\.style) == [.inline])
        #expect(result.html { " (\($0.id))" } == "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: Vem, Kontakt\"><table>\n<thead>\n<tr>\n<th scope=\"col\">Vem</th><th scope=\"col\">Kontakt</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Samordnare</td><td><a href=\"kontakter.html#sakerhet\">Anna</a> (sakerhet)</td>\n</tr>\n</tbody>\n</table></div>\n")
    }

    @Test func cellsThatLookLikeBlocksStayInline() {
        let result = render("| a | b | c |\n|---|---|---|\n| # ej rubrik | 1. ej lista | - ej punkt |\n")
        #expect(result.template == "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: a, b, c\"><table>\n<thead>\n<tr>\n<th scope=\"col\">a</th><th scope=\"col\">b</th><th scope=\"col\">c</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td># ej rubrik</td><td>1. ej lista</td><td>- ej punkt</td>\n</tr>\n</tbody>\n</table></div>\n")
        #expect(result.headings.isEmpty)
    }

    @Test func missingCellsAreEmptyAndExtraCellsDropped() {
        let result = render("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n")
        #expect(result.template == "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: a, b\"><table>\n<thead>\n<tr>\n<th scope=\"col\">a</th><th scope=\"col\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td><td></td>\n</tr>\n<tr>\n<td>1</td><td>2</td>\n</tr>\n</tbody>\n</table></div>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func headerAndDelimiterCountMismatchStaysAParagraph() {
        let result = render("Text.\n\n| a | b |\n|---|\n| 1 | 2 |\n", firstLine: 4)
        #expect(result.template == "<p>Text.</p>\n<p>| a | b |\n|---|\n| 1 | 2 |</p>\n")
        #expect(result.diagnostics.map(\.description) == [
            "rutiner/kontakt.md:6:1: varning: det här ser ut som en tabell, men rubrikraden har 2 celler och raden under den 1 [table-shape]",
        ])
    }

    @Test func tableDirectlyAfterAParagraphLine() {
        let result = render("Kontakter:\n| Vem | Nummer |\n|---|---|\n| Polisen | 114 14 |\n")
        #expect(result.template == "<p>Kontakter:</p>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: Vem, Nummer\"><table>\n<thead>\n<tr>\n<th scope=\"col\">Vem</th><th scope=\"col\">Nummer</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Polisen</td><td>114 14</td>\n</tr>\n</tbody>\n</table></div>\n")
    }

    @Test func delimiterRowWithOtherCharactersIsNoTable() {
        let result = render("| a | b |\n| -x- | --- |\n")
        #expect(result.template == "<p>| a | b |\n| -x- | --- |</p>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func tableInsideAListItem() {
        let result = render("- Kontakter:\n\n  | Vem | Nummer |\n  |-----|-------:|\n  | Polisen | 114 14 |\n- Nästa\n")
        #expect(result.template == "<ul>\n<li>\n<p>Kontakter:</p>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: Vem, Nummer\"><table>\n<thead>\n<tr>\n<th scope=\"col\">Vem</th><th scope=\"col\" class=\"align-right\">Nummer</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Polisen</td><td class=\"align-right\">114 14</td>\n</tr>\n</tbody>\n</table></div>\n</li>\n<li>\n<p>Nästa</p>\n</li>\n</ul>\n")
    }

    /// A table that opens a list item: its header row starts after the item's marker. It
    /// used to be read with the marker, as a header of one cell more, and stayed text.
    @Test func tableThatOpensAListItem() {
        let result = render("- | Vem | Nummer |\n  |-----|-------:|\n  | Polisen | 114 14 |\n1. > | Steg | [Anmälan](anmalan.md) |\n   > |---|---|\n")
        #expect(result.template == "<ul>\n<li>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: Vem, Nummer\"><table>\n<thead>\n<tr>\n<th scope=\"col\">Vem</th><th scope=\"col\" class=\"align-right\">Nummer</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Polisen</td><td class=\"align-right\">114 14</td>\n</tr>\n</tbody>\n</table></div>\n</li>\n</ul>\n<ol>\n<li>\n<blockquote>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: Steg, Anmälan\"><table>\n<thead>\n<tr>\n<th scope=\"col\">Steg</th><th scope=\"col\"><a href=\"anmalan.html\">Anmälan</a></th>\n</tr>\n</thead>\n</table></div>\n</blockquote>\n</li>\n</ol>\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.links.first?.location == loc(4, 15))
    }

    /// A cell is inline content, whatever it starts with: `-` (a table's "none"), `+`, `***`,
    /// a fence, a reference definition. Parsed as a document of its own, it became an empty
    /// list item or rule and its text was lost. As cmark-gfm renders them.
    @Test func cellsThatWouldStartABlockKeepTheirText() {
        let result = render("| a | b | c | d | e | f | g |\n|---|---|---|---|---|---|---|\n| - | + | *** | ```x | [a]: b | ~~~ | ___ |\n| *fet* | _kursiv_ | ```k``` | - x | # r | > c | -\tx |\n")
        let cells = result.template.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
        #expect(cells == ["-", "+", "***", "```x", "[a]: b", "~~~", "___", "<em>fet</em>", "<em>kursiv</em>", "<code>k</code>", "- x", "# r", "&gt; c", "-\tx"])
    }

    /// HTML at a cell's start is inline HTML, as in GFM: left out in safe mode, with a warning
    /// where it is, and the rest of the cell kept (an HTML block took the whole cell).
    @Test func htmlAtACellsStartLeavesTheRest() {
        let result = render("| a | b |\n|---|---|\n| <div>hej | <!-- x --> kvar |\n")
        #expect(result.template.contains("<td><!-- raw HTML omitted -->hej</td><td><!-- raw HTML omitted --> kvar</td>"), "\(result.template)")
        #expect(result.diagnostics.map(\.location) == [loc(3, 3)])
        let raw = render("| a |\n|---|\n| <b>fet</b> |\n", allowRawHTML: true)
        #expect(raw.template.contains("<td><b>fet</b></td>"), "\(raw.template)")
    }

    /// `---` right under a table is a rule after it and `===` a row of its own, as in GFM:
    /// cmark alone read the table's lines as the text of a heading.
    @Test func aRuleOrEqualsSignsUnderATable() {
        let result = render("Före\n| a | b |\n|---|---|\n| 1 | 2 |\n---\n\n| c | d |\n|---|---|\n| 3 | 4 |\n===\n\nRubrik\n---\n")
        #expect(result.template.hasPrefix("<p>Före</p>\n<div class=\"table-wrap\""))
        #expect(result.template.contains("<td>1</td><td>2</td>\n</tr>\n</tbody>\n</table></div>\n<hr />\n<div class=\"table-wrap\""))
        #expect(result.template.contains("<td>3</td><td>4</td>\n</tr>\n<tr>\n<td>===</td><td></td>\n</tr>\n</tbody>"))
        #expect(result.template.hasSuffix("<h2 id=\"rubrik\">Rubrik</h2>\n"))
        #expect(result.headings.map(\.id) == ["rubrik"])
        #expect(result.diagnostics.isEmpty)

        // cmark may end the heading at the line after its underline: the underline is found by
        // its look, and that line stays what it is (it was a row, and shown twice).
        let next = render("| a | b |\n|---|---|\n| 1 | 2 |\n---\nText efter.\n\n| c | d |\n|---|---|\n| 3 | 4 |\n===\n# Rubrik\n\n> | e | f |\n> |---|---|\n> | 5 | 6 |\n> ---\n> Mer.\n").template
        #expect(next.components(separatedBy: "<tr>").count - 1 == 7, "\(next)")
        #expect(next.components(separatedBy: "Text efter.").count == 2 && next.contains("<hr />\n<p>Text efter.</p>"), "\(next)")
        #expect(next.components(separatedBy: "Rubrik").count == 2 && next.contains("<h1 id=\"rubrik\">Rubrik</h1>"), "\(next)")
        #expect(next.contains("</table></div>\n<hr />\n<p>Mer.</p>\n</blockquote>"), "\(next)")
    }

    /// A checklist item whose text runs straight into a table: the box's label closes before
    /// the table. (The table cut the label in two and the process crashed freeing a node twice.)
    @Test func aTaskItemRunningIntoATable() {
        let result = render("- [ ] Fyll i\n  | Namn | Tel |\n  |---|---|\n  | Anna | 1 |\n- [x]\tKlar\n")
        #expect(result.template.contains("<li><label class=\"task\"><input type=\"checkbox\"> Fyll i</label>\n<div class=\"table-wrap\""))
        #expect(result.template.contains("<input type=\"checkbox\" checked> \tKlar</label>"))
    }

    /// A cell is parsed on its own, so `[text][ref]` did not find the document's definition
    /// and stayed text.
    @Test func referenceLinksInCells() {
        let result = render("| Var | Länk |\n|---|---|\n| Polisen | [polisen.se][polis] |\n| 1177 | [1177] |\n| Rutin | [anmälan][a] |\n\n[polis]: https://polisen.se\n> [1177]: https://www.1177.se \"Vård\"\n\n[a]: anmalan.md#gor-sa-har\n")
        #expect(result.template.contains("<td><a href=\"https://polisen.se\">polisen.se</a></td>"))
        #expect(result.template.contains("<td><a href=\"https://www.1177.se\" title=\"Vård\">1177</a></td>"))
        #expect(result.template.contains("<td><a href=\"anmalan.html#gor-sa-har\">anmälan</a></td>"))
        #expect(result.links.map(\.routine) == ["anmalan"])
        #expect(result.links.first?.location == loc(5, 11))
    }

    @Test func tableInsideABlockQuote() {
        let result = render("> | a | b |\n> |---|---|\n> | 1 | 2 |\n")
        #expect(result.template == "<blockquote>\n<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: a, b\"><table>\n<thead>\n<tr>\n<th scope=\"col\">a</th><th scope=\"col\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td><td>2</td>\n</tr>\n</tbody>\n</table></div>\n</blockquote>\n")
    }

    @Test func cellTextIsEscaped() {
        let result = render("| a |\n|---|\n| 1 < 2 & \"x\" |\n")
        #expect(result.template == "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Tabell: a\"><table>\n<thead>\n<tr>\n<th scope=\"col\">a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1 &lt; 2 &amp; &quot;x&quot;</td>\n</tr>\n</tbody>\n</table></div>\n")
    }

    @Test func cellSplitting() {
        #expect(TransformPass.cells("| a | b \\| c |").map(\.text) == ["a", "b | c"])
        #expect(TransformPass.cells("a|b").map(\.text) == ["a", "b"])
        #expect(TransformPass.cells("| a \\|").map(\.text) == ["a |"])
        #expect(TransformPass.delimiterRow("|:--|:-:|--:|---|") == ["left", "center", "right", nil])
        #expect(TransformPass.delimiterRow("| --- |") == [nil])
        #expect(TransformPass.delimiterRow("---") == nil)
        #expect(TransformPass.delimiterRow("| :: |") == nil)
    }
}
