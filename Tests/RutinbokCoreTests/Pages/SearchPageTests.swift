import Foundation
import Testing
@testable import RutinbokCore

/// The search page and its index as a build writes them with the shipped theme.
struct SearchPageTests {
    private func build(_ workspace: BrokenWorkspace) async throws {
        let result = await Build.run(workspace.options(), write: true)
        #expect(result.published, "\(result.diagnostics)")
    }

    /// Without JavaScript the search cannot run: the notice comes before the form, not below
    /// the empty results, and leads to what a reader in trouble needs, the acute routine and
    /// the contacts.
    @Test func withoutScriptThePageLeadsToTheAcuteRoutineAndTheContacts() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "acute_routine: hotad\n")
        try await build(workspace)
        let page = try workspace.read("output/exby/sok.html")
        let notice = try #require(page.range(of: "<noscript>"))
        let form = try #require(page.range(of: "<form class=\"search-page-form\""))
        #expect(notice.lowerBound < form.lowerBound)
        let text = try #require(page[notice.upperBound...].components(separatedBy: "</noscript>").first)
        #expect(text.contains("<a href=\"hotad.html\">Om du blir hotad</a>"), "\(text)")
        #expect(text.contains("<a href=\"kontakter.html\">"), "\(text)")
        #expect(try workspace.read("output/exby/sokindex.js").hasSuffix("];\nwindow.RUTINBOK_SOK_AKUT = \"hotad.html\";\n"))
    }

    @Test func aHandbookWithoutTheAcuteRoutineNamesNone() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "acute_routine: hotad\n")
        try workspace.append("content/councils/exby/council.yml", "exclude: [hotad]\n")
        try await build(workspace)
        let page = try workspace.read("output/exby/sok.html")
        #expect(!page.contains("hotad.html"))
        #expect(page.contains("<a href=\"kontakter.html\">kontaktsidan</a>"))
        #expect(try workspace.read("output/exby/sokindex.js").hasSuffix("];\n"))
    }
}
