import Foundation
@testable import RutinbokCore
import Testing

/// What each line of a rendered body's text is (`RenderedMarkdown.outline`): what the portal's
/// change pages show a routine's blocks by.
@Suite struct OutlineTests {
    private func render(_ body: String) -> RenderedMarkdown {
        MarkdownRenderer().render(body, file: "rutiner/hot.md", printID: "hot")
    }

    private func describe(_ body: RenderedMarkdown) -> [String] {
        OutlineLine.blocks(of: body.outline, text: body.text).map { line, text in
            var parts = ["\(line.kind)"]
            if line.level > 0 { parts.append("\(line.level)") }
            if line.box != .none { parts.append("\(line.box)") }
            if line.number > 0 { parts.append("#\(line.number)") }
            if let item = line.startsItem { parts.append("starts \(item)") }
            return parts.joined(separator: " ") + ": " + text
        }
    }

    @Test func everyKindOfBlock() {
        let body = render("""
        # Titel

        Ett stycke
        på två rader.

        ## Steg

        - Ring 112
          - Säg var du är

          Ett stycke till i punkten.
        - [ ] Skriv ner vad som hände
        - [x] Spara meddelandet

        3. Tredje
        4. Fjärde

        | Vem | Telefon |
        | --- | --- |
        | Vakten | |

        > [!VIKTIGT]
        > Gå aldrig ensam.

        > Ett citat.

        ```
        kod rad 1

        kod rad 3
        ```

        [Säkerhetssamordnare](kontakt:sakerhet)

        - [Vakten](kontakt:vakt)
        """)
        #expect(describe(body) == [
            "heading 1: Titel",
            "paragraph: Ett stycke på två rader.",
            "heading 2: Steg",
            "bullet 1: Ring 112",
            "bullet 2: Säg var du är",
            "paragraph 1: Ett stycke till i punkten.",
            "task 1: Skriv ner vad som hände",
            "doneTask 1: Spara meddelandet",
            "numbered 1 #3: Tredje",
            "numbered 1 #4: Fjärde",
            "tableHead: Vem\tTelefon",
            "tableRow: Vakten\t",
            "paragraph viktigt: Gå aldrig ensam.",
            "paragraph quote: Ett citat.",
            "code: kod rad 1",
            "code: ",
            "code: kod rad 3",
            "contactCard: sakerhet",
            "contactCard 1: vakt",
        ])
    }

    /// Every line of the text has its entry, in order, and the cards none: across every
    /// routine of the demo and the guide's examples.
    @Test func theOutlineHasALineForEveryLineOfText() throws {
        let root = DemoContent.root
        let files = try FileManager.default.subpathsOfDirectory(atPath: "\(root)/content").filter { $0.hasSuffix(".md") }
            .map { "\(root)/content/\($0)" }
            + (try FileManager.default.contentsOfDirectory(atPath: "\(root)/docs/guide")).filter { $0.hasSuffix(".md") }
            .map { "\(root)/docs/guide/\($0)" }
        #expect(files.count > 20)
        for file in files {
            let body = render(try String(contentsOfFile: file, encoding: .utf8))
            var lines = body.text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            #expect(body.outline.filter { $0.kind != .contactCard }.count == lines.count, "\(file)")
            #expect(body.outline.filter { $0.kind == .contactCard }.count == body.contacts.filter { $0.style == .card }.count, "\(file)")
        }
    }

    /// A line break or tab written as an entity is text in a line, not a line or a cell of its own.
    @Test func entitiesDoNotBreakLines() {
        let body = render("Ett&#10;stycke.\n\n| Vem | Kod |\n| --- | --- |\n| Vakten | `a&#9;b` |\n")
        #expect(describe(body) == ["paragraph: Ett stycke.", "tableHead: Vem\tKod", "tableRow: Vakten\ta&#9;b"])
    }

    /// The invariant on bodies made at random from the blocks routines use, entities, tabs,
    /// empty cells and items that start with code among them.
    @Test func theOutlineHasALineForEveryLineOfRandomBodies() {
        let pieces = [
            "# Rubrik", "## Underrubrik {#egen}", "- punkt", "- punkt\n  - inne i den", "1. ett\n2. två", "3) tre",
            "- [ ] att göra\n- [x] gjort", "> citat\n> på två rader", "> [!VIKTIGT]\n> Gå inte ensam.\n>\n> - punkt i rutan",
            "| a | b |\n| --- | --- |\n| 1 | |", "| ensam |\n| --- |\n| |", "```\nkod\n\nmer kod\n```", "    indragen kod",
            "Text&#10;med radbrytning&#9;och tabb.", "Text\tmed tabb.", "[Kort](kontakt:vakt)", "- [Kort](kontakt:vakt)",
            "- ```\n  kod i en punkt\n  ```", "Stycke\nmed mjuk radbrytning.", "Rad med hård  \nradbrytning.", "***", "<div>html</div>",
            "- | a | b |\n  | --- | --- |\n  | c | d |",
        ]
        var generator = SeededGenerator(state: 3)
        for _ in 0..<300 {
            let body = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "\n\n")
            let rendered = render(body)
            var lines = rendered.text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            #expect(rendered.outline.filter { $0.kind != .contactCard }.count == lines.count, "\(body.debugDescription)")
            // Tabs stand only between a row's cells.
            for (line, text) in OutlineLine.blocks(of: rendered.outline, text: rendered.text) where line.kind != .tableHead && line.kind != .tableRow {
                #expect(!text.contains("\t"), "\(line.kind): \(text.debugDescription) in \(body.debugDescription)")
            }
        }
    }

    /// An item that starts with a table or code: its first line says which item it begins.
    @Test func itemsThatStartWithATableOrCode() {
        let body = render("- | Vem | Tel |\n  |---|---|\n  | Polisen | 114 14 |\n- Nästa\n\n3. ```\n   kod\n   rad\n   ```\n4. Sista\n")
        #expect(describe(body) == [
            "tableHead 1 starts bullet: Vem\tTel",
            "tableRow 1: Polisen\t114 14",
            "bullet 1: Nästa",
            "code 1 #3 starts numbered: kod",
            "code 1: rad",
            "numbered 1 #4: Sista",
        ])
    }

    /// The outline is kept in the Markdown cache with the rest of the body.
    @Test func theOutlineSurvivesTheCache() throws {
        let body = render("## Steg\n\n1. Ring\n\n> [!TIPS]\n> Spara numret.\n\n[Vakten](kontakt:vakt)\n\n- ```\n  kod\n  ```\n")
        var writer = ByteWriter()
        body.write(to: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { bytes in
            var reader = ByteReader(bytes)
            return try #require(RenderedMarkdown(from: &reader))
        }
        #expect(decoded.outline == body.outline)
        #expect(decoded.outline.contains { $0.kind == .contactCard && $0.contact == "vakt" })
        #expect(decoded.outline.contains { $0.box == .tips })
        #expect(decoded.outline.contains { $0.kind == .code && $0.startsItem == .bullet })
    }
}
