import Foundation
@testable import RutinbokCore
import Testing

/// A comparison as HTML: shaped as the routine's page, every change marked for eyes and ears.
@Suite("Portal: a comparison as HTML")
struct DiffHTMLTests {
    private func entry(_ line: OutlineLine, _ change: BlockDiff.Change) -> BlockDiff.Entry { .init(line: line, change: change) }
    private func html(_ entries: [BlockDiff.Entry]) -> String {
        var diff = BlockDiff(from: [], to: [])
        diff.entries = entries
        let html = DiffHTML.render(diff)
        #expect(html.hasPrefix(DiffHTML.open) && html.hasSuffix(DiffHTML.close))
        return String(html.dropFirst(DiffHTML.open.count).dropLast(DiffHTML.close.count))
    }
    private let ins = (DiffHTML.insertionOpen, DiffHTML.insertionClose), del = (DiffHTML.deletionOpen, DiffHTML.deletionClose)

    /// A card shows the contact's details by its id, marked whole when added or removed; a
    /// heading added whole says so in few words (a list of headings reads them all).
    /// Deleted words and the words replacing them may break apart; white space at the ends of
    /// a change stays outside its marks.
    @Test func headingsParagraphsAndCards() {
        var diff = BlockDiff(from: [], to: [])
        diff.entries = [
            entry(OutlineLine(.heading, level: 2), .equal("Före <mötet> & efter")),
            entry(OutlineLine(.heading, level: 4), .inserted("Detaljer")),
            entry(OutlineLine(.paragraph), .changed([.init(.equal, "Ring"), .init(.delete, " vakten"), .init(.insert, " polisen "), .init(.delete, "nu"), .init(.insert, "genast")])),
            entry(OutlineLine(.contactCard, contact: "vakt"), .deleted("vakt")),
            entry(OutlineLine(.contactCard, contact: "polis"), .equal("polis")),
        ]
        let names = ["vakt": "Vakten, Ove Ordning", "polis": "Polisen"]
        let result = String(DiffHTML.render(diff) { names[$0] ?? $0 }.dropFirst(DiffHTML.open.count).dropLast(DiffHTML.close.count))
        #expect(result == """
        <h3>Före &lt;mötet&gt; &amp; efter</h3>
        <h5><ins><span class="visually-hidden">[Ny rubrik: </span>Detaljer<span class="visually-hidden">]</span></ins></h5>
        <p>Ring \(del.0)vakten\(del.1) \(ins.0)polisen\(ins.1) \(del.0)nu\(del.1)<wbr>\(ins.0)genast\(ins.1)</p>
        <p class="diff-card">\(del.0)<span class="diff-card-label">Kontaktuppgifter:</span> Vakten, Ove Ordning\(del.1)</p>
        <p class="diff-card"><span class="diff-card-label">Kontaktuppgifter:</span> Polisen</p>

        """)
    }

    /// Items nest by their level; a paragraph with a level continues the open item; numbered
    /// items keep their numbers, and a list of the other kind at the same level is a new list.
    /// The box of a checklist item added whole is inside its marks.
    @Test func listsNest() {
        let result = html([
            entry(OutlineLine(.bullet, level: 1), .equal("Ring 112")),
            entry(OutlineLine(.bullet, level: 2), .equal("Säg var du är")),
            entry(OutlineLine(.paragraph, level: 1), .equal("Mer om punkten.")),
            entry(OutlineLine(.task, level: 1), .equal("Skriv ner")),
            entry(OutlineLine(.doneTask, level: 1), .inserted("Spara")),
            entry(OutlineLine(.numbered, level: 1, number: 3), .equal("Tredje")),
            entry(OutlineLine(.paragraph), .equal("Efter listan.")),
        ])
        #expect(result == """
        <ul>
        <li>Ring 112<ul>
        <li>Säg var du är</li>
        </ul>

        <p>Mer om punkten.</p></li>
        <li class="diff-task"><span aria-hidden="true">☐</span> Skriv ner</li>
        <li class="diff-task">\(ins.0)<span aria-hidden="true">☒</span> Spara\(ins.1)</li>
        </ul>
        <ol>
        <li value="3">Tredje</li>
        </ol>
        <p>Efter listan.</p>

        """)
    }

    /// A table or code block in a list item stays in the item, as on the routine's page.
    @Test func tablesAndCodeInAListItemStayInIt() {
        let result = html([
            entry(OutlineLine(.numbered, level: 1, number: 1), .equal("Ring rätt nummer:")),
            entry(OutlineLine(.tableHead, level: 1), .equal("Vem\tNummer")),
            entry(OutlineLine(.tableRow, level: 1), .changed([.init(.equal, "Polisen\t"), .init(.insert, "114 14")])),
            entry(OutlineLine(.code, level: 1), .equal("rad 1")),
            entry(OutlineLine(.code, level: 1), .inserted("rad 2")),
            entry(OutlineLine(.numbered, level: 1, number: 2), .equal("Skriv ner")),
            entry(OutlineLine(.tableRow), .equal("Efter\tlistan")),
        ])
        #expect(result == """
        <ol>
        <li value="1">Ring rätt nummer:
        \(HTML.tableWrapper(headerCells: ["Vem", "Nummer"]))<table>
        <thead>
        <tr><th scope="col">Vem</th><th scope="col">Nummer</th></tr>
        </thead>
        <tbody>
        <tr><td>Polisen</td><td>\(ins.0)114 14\(ins.1)</td></tr>
        </tbody>
        </table></div>

        <pre><code>rad 1
        \(ins.0)rad 2\(ins.1)</code></pre>
        </li>
        <li value="2">Skriv ner</li>
        </ol>
        \(HTML.tableWrapper(headerCells: [String]()))<table>
        <tbody>
        <tr><td>Efter</td><td>listan</td></tr>
        </tbody>
        </table></div>

        """)
    }

    /// An item that starts with a table or code keeps its own bullet or number: it used to
    /// join the item before it.
    @Test func itemsThatStartWithATableOrCodeKeepTheirMarker() {
        let result = html([
            entry(OutlineLine(.bullet, level: 1), .equal("Först")),
            entry(OutlineLine(.tableHead, level: 1, startsItem: .bullet), .equal("Vem\tTel")),
            entry(OutlineLine(.tableRow, level: 1), .equal("Polisen\t114 14")),
            entry(OutlineLine(.tableHead, level: 1, startsItem: .bullet), .inserted("Var\tNär")),
            entry(OutlineLine(.code, level: 1, number: 2, startsItem: .numbered), .equal("kod")),
        ])
        #expect(result.components(separatedBy: "<li>").count - 1 == 3, "three bullets: \(result)")
        #expect(result.hasPrefix("<ul>\n<li>Först</li>\n<li>\n\(HTML.tableWrapper(headerCells: ["Vem", "Tel"]))"))
        #expect(result.contains("</table></div>\n</li>\n<li>\n\(HTML.tableWrapper(headerCells: ["Var", "När"]))"), "\(result)")
        #expect(result.contains("</ul>\n<ol>\n<li value=\"2\">\n<pre><code>kod</code></pre>\n</li>\n</ol>\n"), "\(result)")
    }

    /// Rows are cells apart by tabs, in a wrapper named by the header row; a row with another
    /// number of cells, or a header after rows, starts another table.
    @Test func tablesSplitRowsIntoCells() {
        let result = html([
            entry(OutlineLine(.tableHead), .equal("Vem\tTelefon")),
            entry(OutlineLine(.tableRow), .changed([.init(.equal, "Vakten\t"), .init(.delete, "070"), .init(.insert, "112")])),
            entry(OutlineLine(.tableRow), .deleted("Ove\t070\tDag")),
            entry(OutlineLine(.tableHead), .inserted("Ny\ttabell")),
        ])
        #expect(result == """
        <div class="table-wrap" role="region" tabindex="0" aria-label="Tabell: Vem, Telefon"><table>
        <thead>
        <tr><th scope="col">Vem</th><th scope="col">Telefon</th></tr>
        </thead>
        <tbody>
        <tr><td>Vakten</td><td>\(del.0)070\(del.1)<wbr>\(ins.0)112\(ins.1)</td></tr>
        </tbody>
        </table></div>
        <div class="table-wrap" role="region" tabindex="0" aria-label="Tabell"><table>
        <tbody>
        <tr><td>\(del.0)Ove\(del.1)</td><td>\(del.0)070\(del.1)</td><td>\(del.0)Dag\(del.1)</td></tr>
        </tbody>
        </table></div>
        <div class="table-wrap" role="region" tabindex="0" aria-label="Tabell: Ny, tabell"><table>
        <thead>
        <tr><th scope="col">\(ins.0)Ny\(ins.1)</th><th scope="col">\(ins.0)tabell\(ins.1)</th></tr>
        </thead>
        </table></div>

        """)
    }

    @Test func boxesAndCode() {
        let result = html([
            entry(OutlineLine(.paragraph, box: .viktigt), .equal("Gå aldrig ensam.")),
            entry(OutlineLine(.paragraph, box: .quote), .equal("Ett citat.")),
            entry(OutlineLine(.code), .equal("rad 1")),
            entry(OutlineLine(.code), .inserted("rad <2>")),
        ])
        #expect(result == """
        <div class="callout callout-viktigt" role="note">
        <p class="callout-title">Viktigt</p>
        <p>Gå aldrig ensam.</p>
        </div>
        <blockquote>
        <p>Ett citat.</p>
        </blockquote>
        <pre><code>rad 1
        \(ins.0)rad &lt;2&gt;\(ins.1)</code></pre>

        """)
    }

    /// Whatever the blocks, every element opened is closed, in order, and an `li` only ever
    /// stands in a list.
    @Test func everyComparisonIsWellNested() {
        let kinds = OutlineLine.Kind.allCases, boxes: [OutlineLine.Box] = [.none, .none, .quote, .tips]
        var generator = SeededGenerator(state: 17)
        for _ in 0..<400 {
            let entries = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                let kind = kinds.randomElement(using: &generator)!
                let starts: OutlineLine.Kind? = [.code, .tableHead, .tableRow].contains(kind) && Bool.random(using: &generator)
                    ? [.bullet, .numbered, .task, .doneTask].randomElement(using: &generator) : nil
                let line = OutlineLine(kind, level: Int.random(in: 0...3, using: &generator), box: boxes.randomElement(using: &generator)!,
                                       number: kind == .numbered || starts == .numbered ? Int.random(in: 1...9, using: &generator) : 0,
                                       startsItem: starts)
                let changes: [BlockDiff.Change] = [.equal("a\tb"), .deleted("c"), .inserted("d\te"), .changed([.init(.equal, "f"), .init(.insert, "\tg")]),
                                                   .changed([.init(.equal, "h "), .init(.delete, "i"), .init(.insert, "j")])]
                return entry(line, changes.randomElement(using: &generator)!)
            }
            let result = html(entries)
            var open: [String] = []
            var wellNested = true
            let tag = try! NSRegularExpression(pattern: "<(/?)([a-z0-9]+)[^>]*>")
            for match in tag.matches(in: result, range: NSRange(result.startIndex..., in: result)) {
                let name = (result as NSString).substring(with: match.range(at: 2))
                guard name != "wbr", name != "br" else { continue }  // void elements close nothing
                if (result as NSString).substring(with: match.range(at: 1)) == "/" {
                    if open.popLast() != name { wellNested = false }
                } else {
                    if name == "li", !["ul", "ol"].contains(open.last ?? "") { wellNested = false }
                    open.append(name)
                }
            }
            #expect(wellNested && open.isEmpty, "\(entries.map { "\($0.line.kind) \($0.line.level) \($0.line.box)" })\n\(result)")
        }
    }
}
