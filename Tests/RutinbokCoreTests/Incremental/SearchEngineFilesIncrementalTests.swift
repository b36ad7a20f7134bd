import Foundation
import Testing
@testable import RutinbokCore

/// `robots.txt`, `sitemap.xml` and the portal's `404.html` in changed builds: the same bytes as
/// a clean build after each change that moves them, and the sitemap left unmade (not rewritten)
/// by a change that does not.
@Suite struct SearchEngineFilesIncrementalTests {
    typealias W = IncrementalWorkspace
    static let address = "https://rutiner.exempel.example/handbok/"

    private func workspace() async throws -> W {
        var w = try W()
        try w.append("content/site.yml", "address: \(Self.address)\n")
        #expect(await w.build().published)
        return w
    }

    private func sitemap(_ w: W) throws -> String {
        try String(contentsOfFile: "\(w.output)/sitemap.xml", encoding: .utf8)
    }

    /// A routine's text is in no list of pages: the sitemap is neither made nor written again.
    @Test func aTextEditLeavesTheSitemapAlone() async throws {
        var w = try await workspace()
        let before = W.identities(w.output)
        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening.\n")
        let result = await w.build()
        #expect(result.published)
        let rewritten = W.rewritten(before, W.identities(w.output))
        #expect(rewritten.contains("ana/egen.html"))
        #expect(!rewritten.contains("sitemap.xml") && !rewritten.contains("robots.txt") && !rewritten.contains("404.html"),
                "\(rewritten.sorted())")
        // The readability page and Ana's page in the portal show the edit (its LIX); the sitemap
        // and the page for a missing address were kept by their fingerprints.
        #expect(result.portalPagesRendered == 2)
        await expectSameAsClean(w)
    }

    @Test func routinesAndCouncilsComeAndGoInTheSitemap() async throws {
        var w = try await workspace()
        let text = try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8)
        try w.write("content/councils/ana/routines/ny.md", text.replacingOccurrences(of: "aliases: [akut-lage]\n", with: ""))
        #expect(await w.build().published)
        #expect(try sitemap(w).contains("<loc>\(Self.address)ana/ny.html</loc>"))
        await expectSameAsClean(w)

        try w.remove("content/councils/ana/routines/ny.md")
        #expect(await w.build().published)
        #expect(try !sitemap(w).contains("ana/ny.html"))
        await expectSameAsClean(w)

        for file in W.files("\(w.content)/councils/ana") {
            var text = try String(contentsOfFile: "\(w.content)/councils/ana/\(file)", encoding: .utf8)
            if file == "council.yml" { text = text.replacingOccurrences(of: "Ana <kommun>", with: "Cid kommun") }
            try w.write("content/councils/cid/\(file)", text)
        }
        #expect(await w.build().published)
        #expect(try sitemap(w).contains("<loc>\(Self.address)cid/</loc>"))
        #expect(try sitemap(w).contains("<loc>\(Self.address)handbocker/cid.html</loc>"))
        await expectSameAsClean(w)

        try w.remove("content/councils/bro")
        #expect(await w.build().published)
        #expect(try !sitemap(w).contains("bro/"))
        await expectSameAsClean(w)
    }

    /// A new address is in every line of the sitemap, in robots.txt and in the pages for a
    /// missing address; without one, the sitemap and robots.txt go.
    @Test func changingTheAddress() async throws {
        var w = try await workspace()
        let site = try String(contentsOfFile: "\(w.content)/site.yml", encoding: .utf8)
        let other = "https://handbok.annan.example/rutiner/"
        try w.write("content/site.yml", site.replacingOccurrences(of: Self.address, with: other))
        #expect(await w.build().published)
        #expect(try !sitemap(w).contains(Self.address) && sitemap(w).contains("<loc>\(other)ana/</loc>"))
        #expect(try String(contentsOfFile: "\(w.output)/robots.txt", encoding: .utf8).contains("Sitemap: \(other)sitemap.xml"))
        #expect(try String(contentsOfFile: "\(w.output)/404.html", encoding: .utf8).contains("<base href=\"/rutiner/\">"))
        await expectSameAsClean(w)

        try w.write("content/site.yml", site.replacingOccurrences(of: "address: \(Self.address)\n", with: ""))
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/sitemap.xml"))
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/robots.txt"))
        await expectSameAsClean(w)

        try w.write("content/site.yml", site)
        #expect(await w.build().published)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/sitemap.xml"))
        await expectSameAsClean(w)
    }

    /// An intranet output built public (the other way is refused: the intranet's version never
    /// lands where the public one is published from): robots.txt turns around and the sitemap
    /// comes, as a clean public build has them.
    @Test func switchingBetweenTheIntranetAndThePublicVersion() async throws {
        let w = try await workspace()
        let output = "\(w.root.path)/utdata"
        var options = w.options(output: output)
        options.includeInternal = true
        #expect(await Build.run(options, write: true).published)
        #expect(!FileManager.default.fileExists(atPath: "\(output)/sitemap.xml"))
        #expect(try String(contentsOfFile: "\(output)/robots.txt", encoding: .utf8) == "User-agent: *\nDisallow: /\n")

        options.includeInternal = false
        #expect(await Build.run(options, write: true).published)
        #expect(FileManager.default.fileExists(atPath: "\(output)/sitemap.xml"))
        let clean = TestPaths.temporaryFolder("rutinbok-clean").appendingPathComponent("output").path
        #expect(await Build.run(w.options(output: clean), write: true).published)
        #expect(W.tree(output) == W.tree(clean))
    }
}
