import Foundation
import Testing
@testable import RutinbokCore

/// In the intranet's handbook (`--internal`), an internal routine says so, on its page and in
/// the start page's list, so that no one passes it on by mistake.
struct InternalRoutineTests {
    private let utbildning = "content/routines/utbildning.md"

    private func options(_ workspace: BrokenWorkspace, output: String? = nil) -> Build.Options {
        var options = workspace.options()
        options.includeInternal = true
        if let output { options.output = output }
        return options
    }

    private func read(_ output: String, _ path: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: output).appendingPathComponent(path), encoding: .utf8)
    }

    @Test func anInternalRoutineIsMarkedInTheIntranetsHandbook() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace(utbildning, "reviewed: 2026-01-15\n", with: "reviewed: 2026-01-15\naccess: internal\n")
        let result = await Build.run(options(workspace), write: true)
        #expect(result.published, "\(result.diagnostics)")
        let page = try read(workspace.output, "exby/utbildning.html")
        #expect(page.contains("<p class=\"notice notice-internal\" role=\"note\"><strong>Intern rutin.</strong>"))
        // A printed copy, the likeliest to leave the organisation, says so too: once, at the routine.
        let print = try read(workspace.output, "exby/skriv-ut.html")
        #expect(print.components(separatedBy: "notice-internal").count == 2)
        let section = try #require(print.components(separatedBy: "id=\"rutin-utbildning\"").dropFirst().first)
        #expect(section.components(separatedBy: "</section>")[0].contains("<strong>Intern rutin.</strong> Sprid den inte utanför organisationen."))
        let start = try read(workspace.output, "exby/index.html")
        #expect(start.contains("<a href=\"utbildning.html\">Utbildning</a> <span class=\"routine-summary\">Introduktion för nya förtroendevalda.</span> <span class=\"badge badge-internal\">Intern</span>"))
        // A public routine has no mark.
        #expect(!(try read(workspace.output, "exby/hotad.html")).contains("notice-internal"))
        #expect(start.components(separatedBy: "badge-internal").count == 2)
    }

    /// Made internal after the last build: its page and the start page's list change, and
    /// the incremental build is the clean build's, byte for byte.
    @Test func turningARoutineInternalReachesTheStartPage() async throws {
        let workspace = try BrokenWorkspace()
        #expect(await Build.run(options(workspace), write: true).published)
        try workspace.replace(utbildning, "reviewed: 2026-01-15\n", with: "reviewed: 2026-01-15\naccess: internal\n")
        let result = await Build.run(options(workspace), write: true)
        #expect(result.published && result.filesChanged > 0)
        let clean = TestPaths.temporaryFolder("rutinbok-internal-clean").appendingPathComponent("output").path
        #expect(await Build.run(options(workspace, output: clean), write: true).published)
        let incremental = TestPaths.snapshot(URL(fileURLWithPath: workspace.output))
        let made = TestPaths.snapshot(URL(fileURLWithPath: clean))
        #expect(incremental.keys.sorted() == made.keys.sorted())
        #expect(incremental.filter { made[$0.key] != $0.value }.keys.sorted() == [])
        #expect(try read(workspace.output, "exby/index.html").contains("badge-internal"))
    }
}
