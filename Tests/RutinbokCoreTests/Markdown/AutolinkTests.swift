import Foundation
@testable import RutinbokCore
import Testing

private func html(_ body: String) -> String {
    MarkdownRenderer().render(body, file: "rutiner/r.md").template
}

private func link(_ href: String, _ text: String) -> String { "<a class=\"address\" href=\"\(href)\">\(text)</a>" }

/// Addresses written out in the text are links, by GFM's rules (`Autolinks`).
@Suite struct AutolinkTests {
    /// The GFM spec's examples of extended autolinks (www, http(s), e-mail), in a
    /// handbook's words: where an address starts and ends, and which domains count.
    @Test(arguments: [
        ("Läs mer på www.polisen.se.", "<p>Läs mer på \(link("http://www.polisen.se", "www.polisen.se")).</p>\n"),
        ("Ring eller gå till https://www.1177.se/Stockholm/ dygnet runt.",
         "<p>Ring eller gå till \(link("https://www.1177.se/Stockholm/", "https://www.1177.se/Stockholm/")) dygnet runt.</p>\n"),
        ("Mejla sakerhet@exempelby.example!", "<p>Mejla \(link("mailto:sakerhet@exempelby.example", "sakerhet@exempelby.example"))!</p>\n"),
        // The text ends at '<'; `?`, `!`, `.`, `,`, `:`, `*`, `_`, `~` at the end are the sentence's.
        ("www.commonmark.org/he<lp", "<p>\(link("http://www.commonmark.org/he", "www.commonmark.org/he"))&lt;lp</p>\n"),
        ("Se www.commonmark.org/a.b.", "<p>Se \(link("http://www.commonmark.org/a.b", "www.commonmark.org/a.b")).</p>\n"),
        // A ')' belongs to the address only with its '(' there.
        ("(Se https://sv.wikipedia.org/wiki/Hot_(juridik))",
         "<p>(Se \(link("https://sv.wikipedia.org/wiki/Hot_(juridik)", "https://sv.wikipedia.org/wiki/Hot_(juridik)")))</p>\n"),
        ("www.google.com/search?q=(business))+ok", "<p>\(link("http://www.google.com/search?q=(business))+ok", "www.google.com/search?q=(business))+ok"))</p>\n"),
        // An entity-like ending is not part of it.
        ("www.google.com/search?q=commonmark&hl;", "<p>\(link("http://www.google.com/search?q=commonmark", "www.google.com/search?q=commonmark"))&amp;hl;</p>\n"),
        // No '_' in the last two parts of a domain.
        ("www.xxx.yyy._zzz och www._xxx.yyy.zzz", "<p>www.xxx.yyy._zzz och \(link("http://www._xxx.yyy.zzz", "www._xxx.yyy.zzz"))</p>\n"),
        // E-mail: '+' only in the name, no '-' or '_' at the end, a final '.' is the sentence's.
        // Of a run with two `@`, only the last can be an address, as in cmark-gfm.
        ("x a@b@c.se och a@b.se@c.se.", "<p>x a@\(link("mailto:b@c.se", "b@c.se")) och a@\(link("mailto:b.se@c.se", "b.se@c.se")).</p>\n"),
        ("hello@mail+xyz.example går inte, men hello+xyz@mail.example går.",
         "<p>hello@mail+xyz.example går inte, men \(link("mailto:hello+xyz@mail.example", "hello+xyz@mail.example")) går.</p>\n"),
        ("a.b-c_d@a.b. a.b-c_d@a.b- a.b-c_d@a.b_", "<p>\(link("mailto:a.b-c_d@a.b", "a.b-c_d@a.b")). a.b-c_d@a.b- a.b-c_d@a.b_</p>\n"),
        // Only after white space, `*`, `_`, `~`, `(` or at the start, and never inside a word.
        ("xwww.exempel.example och *www.exempel.example*",
         "<p>xwww.exempel.example och <em>\(link("http://www.exempel.example", "www.exempel.example"))</em></p>\n"),
        // Other characters escaped as cmark escapes a link's address.
        ("https://exempel.example/å?a=1&b='2'", "<p>\(link("https://exempel.example/%C3%A5?a=1&amp;b=&#x27;2", "https://exempel.example/å?a=1&amp;b='2"))'</p>\n"),
        // Text that is a link already, or code, stays as it is.
        ("[www.exempel.example](https://annan.example) och `www.exempel.example` och <https://x.example>",
         "<p><a href=\"https://annan.example\">www.exempel.example</a> och <code>www.exempel.example</code> och <a href=\"https://x.example\">https://x.example</a></p>\n"),
    ])
    func addressesBecomeLinks(_ markdown: String, _ expected: String) {
        #expect(html(markdown) == expected)
    }

    /// In a checklist item, after its box, too.
    @Test func inChecklistItems() {
        #expect(html("- [ ] www.polisen.se\n").contains("<input type=\"checkbox\"> \(link("http://www.polisen.se", "www.polisen.se"))</label>"))
    }

    /// Long runs cost what their length does: `a@` 25,000 times, or 25,000 `)` after an
    /// address, took 8 and 22 seconds when each `@` and `)` scanned the run again.
    @Test func longRunsOfAtSignsAndParentheses() {
        #expect(!html(String(repeating: "a@", count: 25_000) + "\n").contains("<a "))
        let closing = html("https://x.se/" + String(repeating: ")", count: 25_000) + "\n")
        #expect(closing.hasPrefix("<p>\(link("https://x.se/", "https://x.se/")))))"))
    }

    /// In table cells and headings too; a heading's id and the plain text (search, LIX,
    /// change pages) are the text as written.
    @Test func inCellsAndHeadingsAndThePlainText() {
        let result = MarkdownRenderer().render("## Mer på www.brå.se\n\n| Var | Adress |\n|---|---|\n| Polisen | www.polisen.se |\n", file: "r.md")
        #expect(result.template.contains("<h2 id=\"mer-pa-www-bra-se\">Mer på \(link("http://www.br%C3%A5.se", "www.brå.se"))</h2>"))
        #expect(result.template.contains("<td>\(link("http://www.polisen.se", "www.polisen.se"))</td>"))
        #expect(result.text == "Mer på www.brå.se\nVar\tAdress\nPolisen\twww.polisen.se")
        #expect(result.headings.map(\.id) == ["mer-pa-www-bra-se"])
    }

    /// Paragraphs of addresses, punctuation and Markdown, rendered here and by cmark-gfm
    /// (GitHub's reference implementation, `-e autolink`): the same HTML, paragraph by
    /// paragraph, apart from the links' class.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm"), "cmark-gfm is not installed (scripts/ensure-deps installs it)"))
    func sameLinksAsCmarkGFM() throws {
        let words = ["Läs", "på", "och", "(", ")", "www.", "www.polisen.se", "https://", "http://", "ftp://", "HTTPS://", "x.se", "a_b",
                     ".", ",", "!", "?", ":", ";", "&", "/", "sida", "(b)", "å", "–", "'", "\"", "www.x_y.se", "www.x.y_z", "1177.se",
                     "xhttp://a.se", "www.brå.se", "#a", "?q=1", "%20", "-", "www.a-b.se/x?y=z&w=1", "http://a.b.c/d(e)f)", "x@y"]
        // Markdown syntax and e-mail addresses only after a space: glued to an address,
        // cmark-gfm's order of parsing (addresses while it reads the inlines, not after)
        // decides, which is nothing a routine's text depends on.
        let spaced = ["`kod`", "[x](https://y.se)", "**", "*", "_", "~", "&amp;", "namn@exempel.example", "a.b+c@d-e.f", "mailto:a@b.se", "@a.se"]
        var generator = SeededGenerator(state: 2026)
        var paragraphs: [String] = []
        while paragraphs.count < 3000 {
            var text = "Text "
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                if Int.random(in: 0..<4, using: &generator) == 0 {
                    text += " " + spaced.randomElement(using: &generator)! + " "
                } else {
                    text += words.randomElement(using: &generator)! + (Bool.random(using: &generator) ? "" : " ")
                }
            }
            paragraphs.append(text.trimmingCharacters(in: .whitespaces))
        }
        let document = paragraphs.joined(separator: "\n\n") + "\n"
        let ours = html(document).replacingOccurrences(of: " class=\"address\"", with: "").split(separator: "\n")
        let theirs = try Self.cmarkGFM(document).split(separator: "\n")
        #expect(ours.count == paragraphs.count && theirs.count == paragraphs.count)
        let differing = zip(paragraphs, zip(ours, theirs)).filter { $0.1.0 != $0.1.1 }
        #expect(differing.isEmpty, "\(differing.count) differ, first: \(differing.prefix(3).map { "\($0.0)\n  ours: \($0.1.0)\n  gfm:  \($0.1.1)" }.joined(separator: "\n"))")
        #expect(ours.filter { $0.contains("<a href") }.count > 1000, "most paragraphs have a link")
    }

    static func cmarkGFM(_ input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "autolink"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        // Written from another thread: the output pipe fills while the input is still written.
        let writer = Thread { try? stdin.fileHandleForWriting.write(contentsOf: Data(input.utf8)); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
