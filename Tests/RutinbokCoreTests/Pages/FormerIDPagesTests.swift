import Foundation
import Testing
@testable import RutinbokCore

/// A routine's former ids (`aliases`): each is a page at the old address that leads to the
/// routine, in every handbook that shows the routine, whichever layer's text names it.
@Suite struct FormerIDPagesTests {
    private typealias W = IncrementalWorkspace

    private func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The end-to-end fixture's akut.md has `aliases: [akut-lage]`; its theme's layout has no
    /// `refresh`, so the page leads on by its link alone. The shipped layout goes on at once.
    @Test func aFormerIDLeadsToTheRoutine() async throws {
        let w = try W()
        #expect(await w.build().published)
        for council in ["ana", "bro"] {
            let page = try read("\(w.output)/\(council)/akut-lage.html")
            #expect(page.contains("<h1>Sidan har en ny adress</h1>"))
            #expect(page.contains("<a href=\"akut.html\">Akut läge</a>"))
            #expect(!page.contains("http-equiv=\"refresh\""), "the fixture's layout has no refresh")
            // Not a routine of the handbook: no entry in the search index or the navigation.
            #expect(try !read("\(w.output)/\(council)/sokindex.js").contains("akut-lage"))
            #expect(try !read("\(w.output)/\(council)/index.html").contains("akut-lage"))
        }

        var options = w.options(output: TestPaths.temporaryFolder("rutinbok-shipped").appendingPathComponent("output").path)
        options.templates = TestPaths.packageRoot.appendingPathComponent("templates").path
        #expect(await Build.run(options, write: true).published)
        let shipped = try read("\(options.output)/ana/akut-lage.html")
        #expect(shipped.contains("<meta http-equiv=\"refresh\" content=\"0; url=akut.html\">\n<link rel=\"canonical\" href=\"akut.html\">"))
        #expect(shipped.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), "search engines keep the routine's page, not this one")
        #expect(shipped.contains("<title>Sidan har en ny adress – Ana &lt;kommun&gt;</title>"))
        // The reader who came by an old link still has the emergency numbers.
        #expect(shipped.contains("tel:112"))
    }

    /// A former id in the base text counts in a handbook that shows its group's text of the
    /// routine (bro's risk is its group's): the old address was every handbook's. The base file
    /// is not among bro's inputs, so its handbook's former ids are; an incremental build
    /// follows each edit as a clean one would.
    @Test func everyLayersFormerIDsCountAndFollowEdits() async throws {
        var w = try W()
        #expect(await w.build().published)
        try w.write("content/routines/risk.md", try read("\(w.content)/routines/risk.md")
            .replacingOccurrences(of: "\n---\n", with: "\naliases: [riskbedomning]\n---\n"))
        #expect(await w.build().published)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/ana/riskbedomning.html"))
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/bro/riskbedomning.html"))
        await expectSameAsClean(w)

        // The group's new title reaches the page at the former id.
        let group = "content/groups/dalen/routines/risk.md"
        let text = try read("\(w.root.path)/\(group)")
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") }.map { String($0.dropFirst(7)) })
        try w.write(group, text.replacingOccurrences(of: "title: \(title)", with: "title: Riskbedömning i gruppen"))
        #expect(await w.build().published)
        #expect(try read("\(w.output)/bro/riskbedomning.html").contains(">Riskbedömning i gruppen</a>"))
        await expectSameAsClean(w)

        // Taken away again: the pages go.
        try w.write("content/routines/risk.md", try read("\(w.content)/routines/risk.md")
            .replacingOccurrences(of: "\naliases: [riskbedomning]\n", with: "\n"))
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/ana/riskbedomning.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/bro/riskbedomning.html"))
        await expectSameAsClean(w)
    }

    /// A handbook that leaves the routine out has no page at its former id: ana excludes extra,
    /// and its internal routine has none in a public build, one in an intranet build.
    @Test func aRoutineLeftOutHasNoFormerPage() async throws {
        var w = try W()
        try w.write("content/routines/extra.md", try read("\(w.content)/routines/extra.md")
            .replacingOccurrences(of: "\n---\n", with: "\naliases: [gammal-extra]\n---\n"))
        try w.write("content/councils/ana/routines/hemlig.md", try read("\(w.content)/councils/ana/routines/hemlig.md")
            .replacingOccurrences(of: "\n---\n", with: "\naliases: [gammal-hemlig]\n---\n"))
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/ana/gammal-extra.html"))
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/bro/gammal-extra.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/ana/gammal-hemlig.html"))

        var options = w.options(output: TestPaths.temporaryFolder("rutinbok-intranet").appendingPathComponent("output").path)
        options.includeInternal = true
        #expect(await Build.run(options, write: true).published)
        #expect(try read("\(options.output)/ana/gammal-hemlig.html").contains("<a href=\"hemlig.html\">Intern rutin</a>"))
    }
}
