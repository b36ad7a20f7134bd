import Foundation
import Testing
@testable import RutinbokCore

/// `404.html` at the top of the output, the page a web server shows for an address the output
/// does not have (docs/server.md): in the portal's frame, 112 first, then the other national
/// numbers and the ways to the overview and its list of handbooks; linked from nowhere.
struct PortalNotFoundPageTests {
    private func build(_ workspace: BrokenWorkspace, forIntranet: Bool = false) async throws {
        var options = workspace.options()
        options.includeInternal = forIntranet
        let result = await Build.run(options, write: true)
        #expect(result.published, "\(result.diagnostics)")
    }

    private func page(_ workspace: BrokenWorkspace, _ path: String = "404.html") throws -> String {
        try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theTopOfTheOutputHasAPageForAMissingAddress() async throws {
        let workspace = try BrokenWorkspace()
        try await build(workspace)
        let html = try page(workspace)
        #expect(html.contains("<title>Sidan finns inte – Portal – Testhandbok</title>"))
        #expect(html.contains("<body class=\"portal page-portal-404\">"))
        #expect(html.contains("<h1>Sidan finns inte</h1>"))
        #expect(html.contains("<a class=\"tel tel-112\" href=\"tel:112\">"))
        #expect(html.contains("<li><a href=\"index.html\">Portalens startsida</a></li>"))
        #expect(html.contains("<li><a href=\"index.html#handbocker\">Handböckerna för alla kommuner och regioner</a></li>"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        // In the portal's frame, but no page of its navigation: none is marked as shown.
        #expect(html.contains("<nav class=\"portal-nav\""))
        #expect(!html.contains("aria-current"))
        // Without site.yml's address, its links start from where the page is served.
        #expect(!html.contains("<base"))
        // The list it leads to is there.
        #expect(try page(workspace, "index.html").contains("<h2 id=\"handbocker\">"))
    }

    @Test func noPageLinksToIt() async throws {
        let workspace = try BrokenWorkspace()
        try await build(workspace)
        let output = URL(fileURLWithPath: workspace.output)
        let pages = try #require(FileManager.default.enumerator(atPath: output.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        for path in pages {
            let html = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!html.contains("404.html"), "\(path) links to a page for a missing address")
        }
    }

    /// 112 first, whatever site.yml's order; the other numbers after it in site.yml's order,
    /// and 112 not twice.
    @Test func theEmergencyNumberComesFirstThenTheOthers() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace("content/site.yml", "  - { id: nodlage, label: Nödläge, number: \"112\" }\n", with: """
              - { id: polisen, label: Polisen, number: "114 14", description: Inte akut. }
              - { id: nodlage, label: Nödläge, number: "112" }
              - { id: sjukvard, label: Sjukvårdsrådgivning, number: "1177", description: Råd om vård. }

            """)
        try await build(workspace)
        let html = try page(workspace)
        let emergency = try #require(html.range(of: "href=\"tel:112\""))
        let police = try #require(html.range(of: "href=\"tel:11414\""))
        let care = try #require(html.range(of: "href=\"tel:1177\""))
        #expect(emergency.lowerBound < police.lowerBound && police.lowerBound < care.lowerBound)
        #expect(html.components(separatedBy: "tel:112\"").count == 2)
        #expect(html.contains("<h2>Fler nummer att ringa</h2>"))
    }

    @Test func withThePublishedAddressItsLinksWorkAtAnyDepth() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "address: https://rutiner.exempel.example/handbok\n")
        try await build(workspace)
        let html = try page(workspace)
        // Before the Content-Security-Policy, whose base-uri 'none' would refuse it after.
        let base = try #require(html.range(of: "<base href=\"/handbok/\">"))
        let policy = try #require(html.range(of: "Content-Security-Policy"))
        #expect(base.lowerBound < policy.lowerBound)
        // Only that page: the others are served where they are.
        #expect(!(try page(workspace, "index.html")).contains("<base"))
        #expect(!(try page(workspace, "tillganglighet.html")).contains("<base"))
    }

    @Test func theIntranetHasOneToo() async throws {
        let workspace = try BrokenWorkspace()
        try await build(workspace, forIntranet: true)
        let html = try page(workspace)
        #expect(html.contains("<h1>Sidan finns inte</h1>"))
        #expect(html.components(separatedBy: "<meta name=\"robots\" content=\"noindex, nofollow\">").count == 2)
    }
}
