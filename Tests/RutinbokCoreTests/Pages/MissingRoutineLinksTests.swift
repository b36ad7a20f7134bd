import Foundation
import Testing
@testable import RutinbokCore

/// A council that leaves out a base routine (`exclude`) could not build when another base
/// routine, which it cannot edit, linked to it. Its pages now show the link's words alone.
struct MissingRoutineLinksTests {
    @Test func linksToTheRoutinesAreReplacedByTheirWords() {
        let html = #"<p>Se <a href="anmalan.html">anmälan</a>, <a href="anmalan.html#gor-sa-har" title="x">gör <em>så</em></a> och <a href="anmalan-2.html">annat</a>.</p>"#
        #expect(MissingRoutineLinks.remove(["anmalan"], from: html, print: false)
                == #"<p>Se anmälan, gör <em>så</em> och <a href="anmalan-2.html">annat</a>.</p>"#)
        let print = ##"<p><a href="#rutin-anmalan">A</a> <a href="#anmalan--gor-sa-har">B</a> <a href="#rutin-anmalan-2">C</a></p>"##
        #expect(MissingRoutineLinks.remove(["anmalan"], from: print, print: true) == ##"<p>A B <a href="#rutin-anmalan-2">C</a></p>"##)
        #expect(MissingRoutineLinks.remove([], from: html, print: false) == html)
    }

    @Test func aHandbookThatExcludesALinkedRoutineBuildsWithoutTheLink() async throws {
        let w = try BrokenWorkspace()
        try w.append("content/councils/exby/council.yml", "exclude: [anmalan]\n")
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        #expect(result.diagnostics.map(\.code) == ["link-removed"])
        for path in ["exby/hotad.html", "exby/skriv-ut.html"] {
            let page = try String(contentsOfFile: "\(w.output)/\(path)", encoding: .utf8)
            #expect(!page.contains("anmalan.html") && !page.contains("#rutin-anmalan") && !page.contains("#anmalan--"), "\(path)")
        }
        let source = try w.read("content/routines/hotad.md")
        let words = try #require(source.firstMatch(of: /\[([^\]]+)\]\(anmalan\.md/)).1
        #expect(try String(contentsOfFile: "\(w.output)/exby/hotad.html", encoding: .utf8).contains(String(words)))
    }
}
