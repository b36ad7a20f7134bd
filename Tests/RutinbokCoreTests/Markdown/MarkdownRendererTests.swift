import Foundation
@testable import RutinbokCore
import Testing

private func render(_ body: String, firstLine: Int = 1, allowRawHTML: Bool = false) -> RenderedMarkdown {
    MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML)).render(body, file: "rutiner/hot.md", firstLine: firstLine)
}

private func loc(_ line: Int, _ column: Int) -> RutinbokCore.SourceLocation {
    RutinbokCore.SourceLocation(file: "rutiner/hot.md", line: line, column: column)
}

@Suite struct HeadingIDTests {
    /// A number to call in a link is dialled as a contact's is: the trunk 0 that an
    /// international form shows, and the spaces and dashes, are not dialled.
    @Test func aLinkToCallDialsTheNumberAsAContactsIs() {
        let result = render("[Ring växeln](<tel:+46 (0)8-123 45 67>) eller [112](tel:112).\n")
        #expect(result.template == "<p><a href=\"tel:+4681234567\">Ring växeln</a> eller <a href=\"tel:112\">112</a>.</p>\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func slugsFoldSwedishLettersAndAccents() {
        let result = render("# Riskbedömning före mötet\n\n## Café i Åre\n")
        #expect(result.template == "<h1 id=\"riskbedomning-fore-motet\">Riskbedömning före mötet</h1>\n<h2 id=\"cafe-i-are\">Café i Åre</h2>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func idUsesTextWithoutMarkupAndKeepsTheMarkupInTheHeading() {
        let result = render("## Ring *112* eller `114 14`\n")
        #expect(result.template == "<h2 id=\"ring-112-eller-114-14\">Ring <em>112</em> eller <code>114 14</code></h2>\n")
        #expect(result.headings.map(\.text) == ["Ring 112 eller 114 14"])
    }

    @Test func duplicatesAreNumbered() {
        let result = render("## Steg\n\n## Steg\n\n## Steg\n")
        #expect(result.headings.map(\.id) == ["steg", "steg-1", "steg-2"])
        #expect(result.template == "<h2 id=\"steg\">Steg</h2>\n<h2 id=\"steg-1\">Steg</h2>\n<h2 id=\"steg-2\">Steg</h2>\n")
    }

    @Test func explicitIDIsReservedBeforeEarlierHeadingsTakeIt() {
        let result = render("## Kontakt\n\n## Polisen {#kontakt}\n\n## Kontakt\n")
        #expect(result.headings.map(\.id) == ["kontakt-1", "kontakt", "kontakt-2"])
        #expect(result.headings.map(\.text) == ["Kontakt", "Polisen", "Kontakt"])
        #expect(result.template == "<h2 id=\"kontakt-1\">Kontakt</h2>\n<h2 id=\"kontakt\">Polisen</h2>\n<h2 id=\"kontakt-2\">Kontakt</h2>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func explicitIDThatIsNotASlugIsFoldedWithAWarning() {
        let result = render("# Rubrik\n\n## Anmälan {#Polisanmälan}\n", firstLine: 5)
        #expect(result.headings.map(\.id) == ["rubrik", "polisanmalan"])
        #expect(result.diagnostics.map(\.description) == [
            "rutiner/hot.md:7:1: varning: rubrikens id 'Polisanmälan' innehåller annat än a–z, 0–9 och '-'; det används som 'polisanmalan' [heading-id]",
        ])
    }

    @Test func sameExplicitIDTwiceIsAnError() {
        let result = render("## A {#samma}\n\n## B {#samma}\n")
        #expect(result.diagnostics.map(\.description) == [
            "rutiner/hot.md:3:1: fel: rubrikens id 'samma' används två gånger på sidan [duplicate-heading-id]",
        ])
    }

    @Test func headingWithoutLettersGetsAFallbackID() {
        let result = render("## !!!\n\n## ???\n")
        #expect(result.headings.map(\.id) == ["rubrik", "rubrik-1"])
    }

    @Test func headingsListLevelsTextAndFileLines() {
        let result = render("Inledning.\n\n# Om du blir hotad\n\nText.\n\nUnderrubrik\n-----------\n\n### Efteråt\n", firstLine: 9)
        #expect(result.headings == [
            .init(id: "om-du-blir-hotad", text: "Om du blir hotad", level: 1, location: loc(11, 1)),
            .init(id: "underrubrik", text: "Underrubrik", level: 2, location: loc(15, 1)),
            .init(id: "efterat", text: "Efteråt", level: 3, location: loc(18, 1)),
        ])
    }
}

@Suite struct LinkRewritingTests {
    @Test func routineLinkBecomesHTMLPage() {
        let result = render("Se [anmälan](anmalan.md).\n")
        #expect(result.template == "<p>Se <a href=\"anmalan.html\">anmälan</a>.</p>\n")
        #expect(result.links == [.init(routine: "anmalan", anchor: nil, written: "anmalan.md", location: loc(1, 4))])
    }

    @Test func anchorIsFolded() {
        let result = render("Läs\n[här](anmalan.md#Riskbedömning) först.\n", firstLine: 4)
        #expect(result.template == "<p>Läs\n<a href=\"anmalan.html#riskbedomning\">här</a> först.</p>\n")
        #expect(result.links == [.init(routine: "anmalan", anchor: "riskbedomning", written: "anmalan.md#Riskbedömning", location: loc(5, 1))])
    }

    @Test func samePageAnchor() {
        let result = render("Se [nedan](#Riskbedömning).\n")
        #expect(result.template == "<p>Se <a href=\"#riskbedomning\">nedan</a>.</p>\n")
        #expect(result.links == [.init(routine: nil, anchor: "riskbedomning", written: "#Riskbedömning", location: loc(1, 4))])
    }

    @Test func percentEncodedAnchorAndFileName() {
        let result = render("[a](#riskbed%C3%B6mning) [b](r%C3%A5d.md#F%C3%B6re)\n")
        #expect(result.template == "<p><a href=\"#riskbedomning\">a</a> <a href=\"rad.html#fore\">b</a></p>\n")
        #expect(result.links.map(\.routine) == [nil, "rad"])
        #expect(result.links.map(\.anchor) == ["riskbedomning", "fore"])
        #expect(result.links.map(\.location) == [loc(1, 1), loc(1, 26)])
    }

    @Test func relativeFolderAndCaseAreIgnoredForTheID() {
        let result = render("[a](../routines/Anmalan.MD)\n")
        #expect(result.template == "<p><a href=\"anmalan.html\">a</a></p>\n")
        #expect(result.links.map(\.routine) == ["anmalan"])
    }

    /// Links that lead nowhere in a handbook are told apart from those that do.
    @Test func pathsThatAreNotInTheHandbook() {
        func code(_ url: String) -> String? { TransformPass.pathProblem(url)?.code }
        // Fine: the council's assets, the handbook's own pages, web addresses, anchors.
        for url in ["assets/blankett.pdf", "./assets/blankett.pdf", "kontakter.html", "skriv-ut.html", "kontakter.vcf",
                    "index.html", "https://polisen.se", "tel:112", "#rubrik"] {
            #expect(code(url) == nil, "\(url)")
        }
        #expect(code("polisanmalan") == "link-not-md")
        #expect(code("polisanmalan.html#rubrik") == "link-not-md")
        // A routine's file with a query or a final '/' is no file of the output: a dead link.
        #expect(TransformPass.pathProblem("Polisanmalan.md?utskrift=1")?.message.contains("'polisanmalan.md'") == true)
        #expect(code("polisanmalan.md/") == "link-not-md")
        #expect(TransformPass.pathProblem("Polis Anmälan.html")?.message.contains("'polis-anmalan.md'") == true)
        #expect(code("../exempelby/index.html") == "link-outside")
        // Each '..' climbs one folder: two of them do not cancel out.
        #expect(code("../../exempelby/index.html") == "link-outside")
        #expect(code("/kontakt") == "link-outside")
        #expect(code("bilaga.pdf") == "link-file")
        #expect(TransformPass.pathProblem("www.polisen.se")?.notes == ["skriv hela adressen: 'https://www.polisen.se'"])
        // A host name without `www.` is a web address too, not a file for assets/ or a routine.
        #expect(TransformPass.pathProblem("polisen.se")?.notes == ["skriv hela adressen: 'https://polisen.se'"])
        #expect(TransformPass.pathProblem("1177.se/hot")?.notes == ["skriv hela adressen: 'https://1177.se/hot'"])
        #expect(TransformPass.pathProblem("Polisen.SE/anmal#x")?.message.contains("saknar 'https://'") == true)
        #expect(TransformPass.pathProblem("plan.pdf")?.notes == ["lägg filen i kommunens mapp assets/ och länka till 'assets/plan.pdf'"])
        #expect(TransformPass.pathProblem("rapport.odt/bilaga")?.code == "link-not-md")
    }

    @Test func otherLinksAreUntouchedAndNotRecorded() {
        let body = "[w](https://polisen.se/x.md) [t](tel:11414) [m](mailto:sakerhet@exempelby.example) [p](bilaga.pdf) [r](/rot.md) [q](x.md?a=1)\n"
        let result = render(body)
        #expect(result.template == "<p><a href=\"https://polisen.se/x.md\">w</a> <a href=\"tel:11414\">t</a> <a href=\"mailto:sakerhet@exempelby.example\">m</a> <a href=\"bilaga.pdf\">p</a> <a href=\"/rot.md\">r</a> <a href=\"x.md?a=1\">q</a></p>\n")
        #expect(result.links.isEmpty)
        // A file outside assets/, a path from the server's root and a routine's file with a
        // query are not in the handbook.
        #expect(result.diagnostics.map(\.code) == ["link-file", "link-outside", "link-not-md"])
    }

    @Test func titleIsKeptAndReferenceLinksAreRewritten() {
        let result = render("[a](x.md \"Rutinen\") och [b][ref].\n\n[ref]: y.md#Efteråt\n")
        #expect(result.template == "<p><a href=\"x.html\" title=\"Rutinen\">a</a> och <a href=\"y.html#efterat\">b</a>.</p>\n")
        #expect(result.links == [.init(routine: "x", anchor: nil, written: "x.md", location: loc(1, 1)),
                                 .init(routine: "y", anchor: "efterat", written: "y.md#Efteråt", location: loc(1, 25))])
    }

    @Test func bareHashLinkIsNotAnAnchorReference() {
        let result = render("[Till början](#)\n")
        #expect(result.template == "<p><a href=\"#\">Till början</a></p>\n")
        #expect(result.links.isEmpty)
    }

    @Test func linkLocationsAreFileLinesAndColumns() {
        let result = render("# Rubrik\n\n- Punkt med [länk](a.md)\n- [b](b.md#x)\n", firstLine: 8)
        #expect(result.links.map(\.location) == [loc(10, 13), loc(11, 3)])
    }
}

@Suite struct ContactReferenceTests {
    static func fill(_ reference: RenderedMarkdown.ContactReference) -> String {
        reference.style == .card ? "<div class=\"card\">\(reference.id)</div>" : " (\(reference.id))"
    }

    @Test func linkInsideASentenceIsInline() {
        let result = render("Ring [säkerhetssamordnaren](kontakt:sakerhetssamordnare) direkt.\n", firstLine: 6)
        #expect(result.contacts == [.init(id: "sakerhetssamordnare", style: .inline, location: loc(6, 6))])
        #expect(result.template == "<p>Ring <a href=\"kontakter.html#sakerhetssamordnare\">säkerhetssamordnaren</a>\u{1}0\u{1} direkt.</p>\n")
        #expect(result.html(contact: Self.fill) == "<p>Ring <a href=\"kontakter.html#sakerhetssamordnare\">säkerhetssamordnaren</a> (sakerhetssamordnare) direkt.</p>\n")
    }

    @Test func linkAloneInItsParagraphIsACard() {
        let result = render("Kontakta:\n\n[Säkerhetssamordnaren](kontakt:sakerhetssamordnare)\n\nSedan polisen.\n")
        #expect(result.contacts == [.init(id: "sakerhetssamordnare", style: .card, location: loc(3, 1))])
        #expect(result.template == "<p>Kontakta:</p>\n\u{1}0\u{1}\n<p>Sedan polisen.</p>\n")
        #expect(result.html(contact: Self.fill) == "<p>Kontakta:</p>\n<div class=\"card\">sakerhetssamordnare</div>\n<p>Sedan polisen.</p>\n")
    }

    @Test func severalReferencesAreFilledInOrder() {
        let body = "[A](kontakt:a)\n\nRing [B](kontakt:b) eller [C](KONTAKT:c).\n"
        let result = render(body)
        #expect(result.contacts.map(\.id) == ["a", "b", "c"])
        #expect(result.contacts.map(\.style) == [.card, .inline, .inline])
        #expect(result.contacts.map(\.location) == [loc(1, 1), loc(3, 6), loc(3, 27)])
        #expect(result.html(contact: Self.fill) == "<div class=\"card\">a</div>\n<p>Ring <a href=\"kontakter.html#b\">B</a> (b) eller <a href=\"kontakter.html#c\">C</a> (c).</p>\n")
        #expect(result.links.isEmpty)
    }

    @Test func withoutReferencesTheTemplateIsTheHTML() {
        let result = render("Inget att fylla i.\n")
        #expect(result.html { _ in "X" } == "<p>Inget att fylla i.</p>\n")
    }

    @Test func markerCharacterInInputIsNeutralised() {
        let result = render("Tecken \u{1}0\u{1} här och [B](kontakt:b).\n")
        #expect(result.contacts.map(\.id) == ["b"])
        #expect(result.template == "<p>Tecken \u{FFFD}0\u{FFFD} här och <a href=\"kontakter.html#b\">B</a>\u{1}0\u{1}.</p>\n")
        #expect(result.html(contact: Self.fill) == "<p>Tecken \u{FFFD}0\u{FFFD} här och <a href=\"kontakter.html#b\">B</a> (b).</p>\n")
    }

    @Test func markerCharacterAloneNeverCallsTheFiller() {
        var calls = 0
        let result = render("\u{1}0\u{1}\n\n`\u{1}`\n")
        let html = result.html { _ in calls += 1; return "X" }
        #expect(calls == 0)
        #expect(html == "<p>\u{FFFD}0\u{FFFD}</p>\n<p><code>\u{FFFD}</code></p>\n")
    }
}

@Suite struct TaskListTests {
    @Test func uncheckedAndCheckedTasks() {
        let result = render("- [ ] Ring 112\n- [x] Spara meddelandet\n- [X] Skriv ner tiden\n")
        #expect(result.template == """
        <p class="hint task-hint">Kryssa för det du har gjort. Kryssen sparas inte när du lämnar sidan.</p>
        <ul>
        <li><label class="task"><input type="checkbox"> Ring 112</label></li>
        <li><label class="task"><input type="checkbox" checked> Spara meddelandet</label></li>
        <li><label class="task"><input type="checkbox" checked> Skriv ner tiden</label></li>
        </ul>

        """)
    }

    @Test func linkAtTheStartOfAnItemIsNotATask() {
        let result = render("- [länk](x)\n- [ ]inte en uppgift\n")
        #expect(result.template == "<ul>\n<li><a href=\"x\">länk</a></li>\n<li>[ ]inte en uppgift</li>\n</ul>\n")
    }

    @Test func taskWithInlineMarkupAndContinuation() {
        let result = render("1. [ ] Ring *polisen*\n   och berätta\n")
        #expect(result.template == TransformPass.taskHint + "<ol>\n<li><label class=\"task\"><input type=\"checkbox\"> Ring <em>polisen</em>\noch berätta</label></li>\n</ol>\n")
        #expect(result.text == "Ring polisen och berätta", "the hint is no part of the routine's text (search, LIX)")
    }
}

@Suite struct CalloutTests {
    @Test func markerAloneOnTheFirstLine() {
        let result = render("> [!VIKTIGT]\n> Ring 112 om du är i fara.\n")
        #expect(result.template == "<div class=\"callout callout-viktigt\" role=\"note\">\n<p class=\"callout-title\">Viktigt</p>\n<p>Ring 112 om du är i fara.</p>\n</div>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func markerFollowedByTextOnTheSameLine() {
        let result = render("> [!TIPS] Ta en skärmdump.\n>\n> Spara den.\n")
        #expect(result.template == "<div class=\"callout callout-tips\" role=\"note\">\n<p class=\"callout-title\">Tips</p>\n<p>Ta en skärmdump.</p>\n<p>Spara den.</p>\n</div>\n")
    }

    @Test(arguments: [
        ("OBS", "obs", "Obs"), ("VARNING", "varning", "Varning"), ("NOTE", "obs", "Obs"),
        ("WARNING", "varning", "Varning"), ("IMPORTANT", "viktigt", "Viktigt"), ("tips", "tips", "Tips"),
    ])
    func kinds(_ written: String, _ kind: String, _ title: String) {
        let result = render("> [!\(written)]\n> Text.\n")
        #expect(result.template == "<div class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\">\(title)</p>\n<p>Text.</p>\n</div>\n")
    }

    @Test func markerOnlyGivesAnEmptyBox() {
        let result = render("> [!OBS]\n")
        #expect(result.template == "<div class=\"callout callout-obs\" role=\"note\">\n<p class=\"callout-title\">Obs</p>\n</div>\n")
    }

    @Test func unknownKindStaysAQuoteWithAWarning() {
        let result = render("Text.\n\n> [!FARA]\n> Akta dig.\n", firstLine: 3)
        #expect(result.template == "<p>Text.</p>\n<blockquote>\n<p>[!FARA]\nAkta dig.</p>\n</blockquote>\n")
        #expect(result.diagnostics.map(\.description) == [
            "rutiner/hot.md:5:3: varning: okänd ruta '[!FARA]'; den visas som ett citat [unknown-callout]\n  obs: rutor: [!VIKTIGT], [!TIPS], [!OBS], [!VARNING]",
        ])
    }

    @Test func aMisspeltKindIsSuggested() {
        let result = render("> [!viktig]\n> Ring 112.\n")
        #expect(result.diagnostics.map(\.notes) == [["menade du '[!VIKTIGT]'?", "rutor: [!VIKTIGT], [!TIPS], [!OBS], [!VARNING]"]])
    }

    @Test func plainQuoteIsUntouched() {
        let result = render("> Citat [med länk](https://exempel.example).\n")
        #expect(result.template == "<blockquote>\n<p>Citat <a href=\"https://exempel.example\">med länk</a>.</p>\n</blockquote>\n")
        #expect(result.diagnostics.isEmpty)
    }
}

@Suite struct SafeModeTests {
    @Test func rawHTMLBlockIsOmittedWithAWarning() {
        let result = render("Text.\n\n<div class=\"x\">hej</div>\n", firstLine: 10)
        #expect(result.template == "<p>Text.</p>\n<!-- raw HTML omitted -->\n")
        #expect(result.diagnostics.map(\.description) == [
            "rutiner/hot.md:12:1: varning: HTML-kod tas inte med på sidan; skriv med Markdown i stället [raw-html]",
        ])
    }

    @Test func inlineHTMLIsOmittedWithOneWarningPerLine() {
        let result = render("Text <b>fet</b>.\n")
        #expect(result.template == "<p>Text <!-- raw HTML omitted -->fet<!-- raw HTML omitted -->.</p>\n")
        #expect(result.diagnostics.map(\.description) == [
            "rutiner/hot.md:1:6: varning: HTML-kod tas inte med på sidan; skriv med Markdown i stället [raw-html]",
        ])
    }

    /// An HTML comment is an editor's note: left out like all HTML, but without a warning.
    /// A comment with more HTML after it is HTML all the same.
    @Test func aCommentIsLeftOutWithoutAWarning() {
        let result = render("Text <!-- en anteckning --> mer.\n\n<!-- Att göra:\nfråga Anna -->\n")
        #expect(result.template == "<p>Text <!-- raw HTML omitted --> mer.</p>\n<!-- raw HTML omitted -->\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(render("<!-- x --> <b>fet</b>\n").diagnostics.map(\.code) == ["raw-html"])
    }

    @Test func javascriptLinkIsBlankedWithAWarning() {
        let result = render("Klicka [här](JavaScript:alert(1)).\n", firstLine: 2)
        #expect(result.template == "<p>Klicka <a href=\"\">här</a>.</p>\n")
        #expect(result.diagnostics.map(\.description) == [
            "rutiner/hot.md:2:8: varning: länken 'JavaScript:alert(1)' tas bort: länkar får inte köra kod [unsafe-link]",
        ])
        #expect(result.links.isEmpty)
    }

    @Test func allowRawHTMLLetsInlineHTMLAndScriptLinksThrough() {
        let result = render("Text <b>fet</b> [x](javascript:alert(1)).\n", allowRawHTML: true)
        #expect(result.template == "<p>Text <b>fet</b> <a href=\"javascript:alert(1)\">x</a>.</p>\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func allowRawHTMLLetsHTMLBlocksThroughWithoutWarning() {
        let result = render("<div class=\"x\">hej</div>\n", allowRawHTML: true)
        #expect(result.template == "<div class=\"x\">hej</div>\n")
        #expect(result.diagnostics.isEmpty)
    }
}

@Suite struct LineEndingTests {
    @Test func crlfBodyRendersLikeLF() {
        let lf = "# Rubrik\n\n- [ ] Ring\n- [x] Klar\n\n> [!OBS]\n> Text.\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n"
        let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
        let expected = render(lf).template
        #expect(expected.contains("<input type=\"checkbox\" checked>"))
        #expect(render(crlf).template == expected)
    }
}

@Suite struct PlainCommonMarkTests {
    static let samples = [
        "# Rubrik\n\nEtt *stycke* med **fet** text och `kod`.\n",
        "Setext\n======\n\nAndra\n-----\n\n***\n\n> Citat\n> med två rader\n",
        "1. Ett\n2. Två\n   - nästlad\n   - lista\n\n3. Tre\n",
        "```swift\nlet x = 1 < 2\n```\n\n    indenterad kod\n\nText med  \nhård radbrytning och\\\nen till.\n",
        "Länk <https://exempel.example> och [ref][1] och ![bild](bild.png \"Titel\").\n\n[1]: https://exempel.example/sida \"Sida\"\n",
        "Entiteter &amp; &copy; &#35; och \\*escape\\* och < > & \" '.\n\n## Rubrik med `kod` {ej}\n",
        "- a\n- b\n\n- c\n\n+ annan lista\n\n10) tio\n11) elva\n",
        "Text med | pipa men ingen tabell.\n\n| bara en rad |\n",
    ]

    static func cmark(_ input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark")
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark")), arguments: samples)
    func sameAsCmarkApartFromHeadingIDs(_ sample: String) throws {
        let ours = render(sample).template.replacingOccurrences(of: " id=\"[^\"]*\"", with: "", options: .regularExpression)
        let reference = try Self.cmark(sample)
        #expect(!reference.isEmpty)
        #expect(ours == reference)
    }
}

@Suite struct PlainTextTests {
    @Test func oneLinePerBlock() {
        let result = render("# Rubrik\n\nEtt *stycke*\nsom fortsätter.\n\n- punkt\n\n```\nkod\n```\n")
        #expect(result.text.hasPrefix("Rubrik\nEtt stycke som fortsätter.\npunkt"))
        #expect(result.text == "Rubrik\nEtt stycke som fortsätter.\npunkt\nkod\n")
    }
}

@Suite struct PrintVariantTests {
    let body = """
    ## Ring först

    Se [nedan](#Efteråt), [riskbedömningen](risk.md#Före-mötet) och [risk](risk.md). Ring [samordnaren](kontakt:samordnare).

    - [ ] Spara
    - [x] Ring

    ## Efteråt

    """

    @Test func pageAndPrintComeFromOneRender() {
        let result = MarkdownRenderer().render(body, file: "akut.md", printID: "akut")
        #expect(result.template == """
        <h2 id="ring-forst">Ring först</h2>
        <p>Se <a href="#efterat">nedan</a>, <a href="risk.html#fore-motet">riskbedömningen</a> och <a href="risk.html">risk</a>. Ring <a href="kontakter.html#samordnare">samordnaren</a>\u{1}0\u{1}.</p>
        <p class="hint task-hint">Kryssa för det du har gjort. Kryssen sparas inte när du lämnar sidan.</p>
        <ul>
        <li><label class="task"><input type="checkbox"> Spara</label></li>
        <li><label class="task"><input type="checkbox" checked> Ring</label></li>
        </ul>
        <h2 id="efterat">Efteråt</h2>

        """)
        #expect(result.printTemplate == """
        <h4 id="akut--ring-forst">Ring först</h4>
        <p>Se <a href="#akut--efterat">nedan</a>, <a href="#risk--fore-motet">riskbedömningen</a> och <a href="#rutin-risk">risk</a>. Ring <a href="#kontakt-samordnare">samordnaren</a>\u{1}0\u{1}.</p>
        <ul>
        <li><span class="task-box" aria-hidden="true">☐</span> Spara</li>
        <li><span class="task-box" aria-hidden="true">☒</span> Ring</li>
        </ul>
        <h4 id="akut--efterat">Efteråt</h4>

        """)
        // The contact is filled into either variant.
        #expect(result.html(print: true) { _ in " (Anna)" }.contains("samordnaren</a> (Anna)."))
    }

    @Test func withoutAPrintIDThereIsNoPrintVariant() {
        #expect(MarkdownRenderer().render(body, file: "akut.md").printTemplate == nil)
    }
}

/// What many headings or links in one file cost grew with the square of their number (a
/// security review stalled a build for a minute with one 250 kB file); the results are the same.
@Suite struct ManyOfAKindTests {
    @Test func repeatedHeadingsAreNumberedInOrder() {
        let result = MarkdownRenderer().render(String(repeating: "## Rubrik\n\n", count: 300) + "## Rubrik-3 {#rubrik-3}\n", file: "r.md")
        #expect(result.headings.map(\.id) == ["rubrik"] + (1...2).map { "rubrik-\($0)" } + (4...300).map { "rubrik-\($0)" } + ["rubrik-3"])
    }

    /// Columns count scalars, whatever order the nodes of a line are located in.
    @Test func linksOnOneLineAreLocatedWhereTheyAre() {
        let line = (0..<50).map { "å [l\($0)](saknas\($0).md)" }.joined(separator: " ")
        let result = MarkdownRenderer().render("Inledning.\n\n" + line + "\n", file: "r.md")
        let columns = result.links.map(\.location.column)
        var expected: [Int] = []
        var column = 1
        for index in 0..<50 {
            column += 2  // "å "
            expected.append(column)
            column += "[l\(index)](saknas\(index).md) ".count
        }
        #expect(columns == expected)
        #expect(result.links.allSatisfy { $0.location.line == 3 })
        let lines = SourceLines("åäö x\nab")
        #expect(lines.scalarColumn(line: 1, byteColumn: 8) == 5)
        #expect(lines.scalarColumn(line: 1, byteColumn: 3) == 2, "an earlier column after a later one")
        #expect(lines.scalarColumn(line: 2, byteColumn: 2) == 2)
    }
}

/// Links and images to the council's `assets/`, recorded for the check stage, and text that
/// looks like a link but is none.
@Suite struct AssetAndLinkSyntaxTests {
    @Test func linksAndImagesToAssetsAreRecordedDecoded() {
        let result = render("Se [blanketten](assets/blankett.pdf) och ![Karta](./assets/bilder/karta%201.png \"Karta\").\n\n[Ruta](assets/x.pdf#sida=2)\n")
        #expect(result.assets == [
            .init(path: "blankett.pdf", written: "assets/blankett.pdf", image: false, location: loc(1, 4)),
            .init(path: "bilder/karta 1.png", written: "./assets/bilder/karta%201.png", image: true, location: loc(1, 42)),
            .init(path: "x.pdf", written: "assets/x.pdf#sida=2", image: false, location: loc(3, 1)),
        ])
        #expect(result.diagnostics.isEmpty)
    }

    /// What the browser follows decides which file a link leads to: a public build keeps back
    /// only files no published link leads to, so every spelling of a link must count.
    @Test func aLinkToAnAssetIsFollowedAsABrowserWould() {
        let result = render("[a](assets/./plan.pdf) [b](%61ssets/plan.pdf) [c](assets/sub/../plan.pdf) [d](assets//plan.pdf) [e](./assets/plan.pdf?v=2#sida)\n")
        #expect(result.assets.map(\.path) == Array(repeating: "plan.pdf", count: 5))
        #expect(result.diagnostics.isEmpty)
        let outside = render("[f](assets/../../plan.pdf) [g](assets/mapp/)\n")
        #expect(outside.assets.isEmpty)
        // A folder names no file, and leads nowhere on a web server.
        #expect(outside.diagnostics.map(\.code) == ["link-outside", "link-folder"])
        // Out of the handbook's folder and into another one's assets/ is no asset of this one.
        let twoUp = render("[h](../../assets/plan.pdf)\n")
        #expect(twoUp.assets.isEmpty)
        #expect(twoUp.diagnostics.map(\.code) == ["link-outside"])
    }

    @Test func anImageOutsideAssetsIsNotPublished() {
        let result = render("![Karta](bilder/karta.png)\n\n![Logga](https://exempel.example/logga.png)\n")
        #expect(result.assets.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["link-file"])
        #expect(result.diagnostics.first?.location == loc(1, 1))
        #expect(result.diagnostics.first?.notes == ["lägg bilden i kommunens mapp assets/ och skriv 'assets/karta.png'"])
    }

    @Test func aLinkWithSpacesInItsAddressIsNamed() {
        let result = render("Text.\n\nSe [Polisanmälan](polisanmalan.md#Gör så här) nu.\n")
        #expect(result.diagnostics.map(\.code) == ["link-syntax"])
        #expect(result.diagnostics.first?.message == "'[Polisanmälan](polisanmalan.md#Gör så här)' blev ingen länk och visas som det står")
        #expect(result.diagnostics.first?.notes == ["skriv rubriken med bindestreck, 'polisanmalan.md#gor-sa-har', eller sätt adressen inom < >: '(<polisanmalan.md#Gör så här>)'"])
        #expect(result.diagnostics.first?.location == loc(3, 4), "where the remnant begins, not its paragraph")
    }

    @Test func everyRemnantOfAParagraphIsNamedImagesAsImages() {
        let result = render("Se [a](a.md#Gör så här) och ![Karta](assets/karta 1.png) här.\n")
        #expect(result.diagnostics.map(\.message) == [
            "'[a](a.md#Gör så här)' blev ingen länk och visas som det står",
            "'![Karta](assets/karta 1.png)' blev ingen bild och visas som det står",
        ])
        // Columns count characters: "så här) och " holds two that are two bytes each.
        #expect(result.diagnostics.map(\.location) == [loc(1, 4), loc(1, 29)])
    }

    @Test func realLinksCodeAndTitlesAreNoRemnants() {
        let result = render("[rätt](polisanmalan.md), [titel](https://a.example \"En titel\"), [vinkel](<polisanmalan.md#Gör så här>) och `[kod](x y)`.\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.links.map(\.anchor) == [nil, "gor-sa-har"])
    }
}

/// What a reader who cannot see the page, or hears only its links or headings, would miss.
@Suite struct AccessibleTextTests {
    @Test func onlyLinksThatSayNothingOfWhereTheyLeadAreReported() {
        let body = "Läs [här](a.md), [Läs mer!](https://a.example) och [länk](#x).\n\n"
            + "Läs [mer om polisanmälan](polisanmalan.md), [Här hittar du stödet](stod.md) och <https://polisen.se>.\n"
        let result = render(body)
        #expect(result.diagnostics.filter { $0.code == "link-text" }.map(\.location) == [loc(1, 5), loc(1, 18), loc(1, 52)])
    }

    @Test func imagesNeedWordsForThoseWhoCannotSeeThem() {
        let result = render("![](assets/karta.png)\n\n![ ](assets/b.png)\n\n![Karta över entrén](assets/c.png)\n")
        #expect(result.diagnostics.filter { $0.code == "image-alt" }.map(\.location) == [loc(1, 1), loc(3, 1)])
    }

    @Test func aHeadingMayGoDownOneLevelAndUpAnyNumber() {
        let body = "## A\n\n### B\n\n#### C\n\n## D\n\n#### E\n\n### F\n\n##### G\n"
        let result = render(body)
        #expect(result.diagnostics.filter { $0.code == "heading-skip" }.map(\.location) == [loc(9, 1), loc(13, 1)])
        #expect(render("### Först\n").diagnostics.map(\.code) == ["heading-skip"])
    }
}
