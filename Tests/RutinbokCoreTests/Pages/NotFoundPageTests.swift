import Foundation
import Testing
@testable import RutinbokCore

/// `<council>/404.html`, the page a web server shows for an address the handbook does not have
/// (docs/server.md): the emergency numbers, then the ways on. Served at any depth, its links
/// start from the handbook's folder when site.yml says where the output is published.
struct NotFoundPageTests {
    private func page(_ workspace: BrokenWorkspace) async throws -> String {
        let result = await Build.run(workspace.options(), write: true)
        #expect(result.published, "\(result.diagnostics)")
        return try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent("exby/404.html"), encoding: .utf8)
    }

    @Test func aMissingPageLeadsOnFromTheHandbook() async throws {
        let html = try await page(BrokenWorkspace())
        #expect(html.contains("<h1>Sidan finns inte</h1>"))
        #expect(html.contains("<a class=\"tel tel-112\" href=\"tel:112\">"))
        #expect(html.contains("<li><a href=\"index.html\">Handbokens startsida</a></li>"))
        #expect(html.contains("<li><a href=\"kontakter.html\">Kontakter</a></li>"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        // Without site.yml's address, links start from where the page is served.
        #expect(!html.contains("<base"))
    }

    @Test func withThePublishedAddressItsLinksWorkAtAnyDepth() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "address: https://rutiner.exempel.example/handbok\n")
        let html = try await page(workspace)
        // Before the Content-Security-Policy, whose base-uri 'none' would refuse it after. The
        // path alone: the page works at every name of the host (a base on another origin is
        // refused by a server's base-uri 'self').
        let base = try #require(html.range(of: "<base href=\"/handbok/exby/\">"))
        let policy = try #require(html.range(of: "Content-Security-Policy"))
        #expect(base.lowerBound < policy.lowerBound)
        // Only that page: the others are served where they are.
        let start = try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent("exby/index.html"), encoding: .utf8)
        #expect(!start.contains("<base"))
    }

    @Test func theBaseIsTheAddressPath() {
        #expect(PublishedAddress.path(of: "https://rutiner.exempel.example/") == "/")
        #expect(PublishedAddress.path(of: "https://rutiner.exempel.example:8443/handbok/exby/") == "/handbok/exby/")
        #expect(PublishedAddress.path(of: "http://intra/r%C3%A5d%20och%20st%C3%B6d/") == "/r%C3%A5d%20och%20st%C3%B6d/")
        // What an address may not hold (robots.txt and the base are written from it).
        #expect(PublishedAddress.normalized("https://rutiner.exempel.example") == "https://rutiner.exempel.example/")
        for bad in ["https://namn:losen@rutiner.exempel.example/", "https://rutiner.exempel.example/a\nDisallow: /", "https://rutiner.exempel.example/a b/", "https://rutiner.exempel.example/?q=1"] {
            #expect(PublishedAddress.normalized(bad) == nil, "\(bad)")
        }
    }

    /// A council that publishes its folder on its own site: its page's links lead there, not
    /// to the site's copy.
    @Test func aCouncilsOwnAddressComesFirst() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "address: https://rutiner.exempel.example/\n")
        try workspace.append("content/councils/exby/council.yml", "address: https://www.exby.example/handbok\n")
        let html = try await page(workspace)
        #expect(html.contains("<base href=\"/handbok/\">"))
        #expect(!html.contains("/exby/\">"))
    }
}
