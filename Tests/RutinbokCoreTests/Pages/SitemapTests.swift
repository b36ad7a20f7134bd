import Foundation
import Testing
@testable import RutinbokCore

/// `sitemap.xml` and `robots.txt` at the top of the output (`SearchEngineFiles`): what a
/// public build with site.yml's `address` lists, what an intranet build says, and that the
/// file is well-formed XML in the sitemaps.org namespace, read by an XML parser.
@Suite struct SitemapTests {
    static let address = "https://rutiner.exempel.example/handbok/"

    private func build(address: String? = SitemapTests.address, forIntranet: Bool = false) async throws -> IncrementalWorkspace {
        var w = try IncrementalWorkspace()
        if let address { try w.append("content/site.yml", "address: \(address)\n") }
        var options = w.options()
        options.includeInternal = forIntranet
        let result = await Build.run(options, write: true)
        #expect(result.published, "\(result.diagnostics)")
        return w
    }

    private func read(_ w: IncrementalWorkspace, _ path: String) -> Data? {
        FileManager.default.contents(atPath: "\(w.output)/\(path)")
    }

    /// Every page of the output, but those for a missing address, those at former ids (which
    /// ask not to be indexed), the search pages and the pages to print, once each.
    @Test func listsEveryPublicPageOnceAndNothingElse() async throws {
        let w = try await build()
        let data = try #require(read(w, "sitemap.xml"))
        let sitemap = try #require(SitemapReader.read(data))
        #expect(sitemap.root?.name == "urlset")
        #expect(sitemap.root?.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9")
        #expect(!sitemap.elements.contains("lastmod"))
        let locations = sitemap.locations
        #expect(locations.first == Self.address)
        #expect(Set(locations).count == locations.count)
        let listed = Set(locations.map { location -> String in
            #expect(location.hasPrefix(Self.address), "\(location)")
            let path = String(location.dropFirst(Self.address.count))
            return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        })
        let pages = Set(IncrementalWorkspace.files(w.output).filter { $0.hasSuffix(".html") })
        let left = pages.subtracting(listed)
        #expect(listed.subtracting(pages).isEmpty, "listed but not in the output: \(listed.subtracting(pages).sorted())")
        #expect(left == ["404.html", "ana/404.html", "bro/404.html", "ana/akut-lage.html", "bro/akut-lage.html",
                         "ana/sok.html", "bro/sok.html", "ana/skriv-ut.html", "bro/skriv-ut.html",
                         "ana/fickkort.html", "bro/fickkort.html"], "\(left.sorted())")
        // The portal's pages first, then each handbook's, its start page (the folder's own
        // address) before its routines.
        let ana = try #require(locations.firstIndex(of: Self.address + "ana/"))
        let bro = try #require(locations.firstIndex(of: Self.address + "bro/"))
        let change = try #require(locations.firstIndex(of: Self.address + "andringar/bro/risk.html"))
        let routine = try #require(locations.firstIndex(of: Self.address + "ana/akut.html"))
        #expect(change < ana && ana < routine && routine < bro)
    }

    @Test func robotsLetsCrawlersInAndNamesTheSitemap() async throws {
        let w = try await build()
        let robots = try #require(read(w, "robots.txt"))
        #expect(String(decoding: robots, as: UTF8.self) == "User-agent: *\nAllow: /\n\nSitemap: \(Self.address)sitemap.xml\n")
    }

    /// A sitemap's addresses must be absolute: without `address` there is none, and no
    /// `robots.txt` either, which would only say what no file says.
    @Test func withoutAnAddressThereIsNeither() async throws {
        let w = try await build(address: nil)
        #expect(read(w, "sitemap.xml") == nil)
        #expect(read(w, "robots.txt") == nil)
    }

    /// The intranet's version keeps crawlers out and lists nothing, with `address` too.
    @Test func theIntranetKeepsCrawlersOut() async throws {
        let w = try await build(forIntranet: true)
        #expect(read(w, "sitemap.xml") == nil)
        #expect(read(w, "robots.txt").map { String(decoding: $0, as: UTF8.self) } == "User-agent: *\nDisallow: /\n")
        #expect(IncrementalWorkspace.files(w.output).contains("ana/hemlig.html"))
    }

    /// Each page of the intranet's version, with the shipped theme, asks not to be indexed,
    /// for a crawler that comes by a link from elsewhere and is not kept out by robots.txt.
    @Test func everyPageOfTheIntranetAsksNotToBeIndexed() async throws {
        let workspace = try BrokenWorkspace()
        var options = workspace.options()
        options.includeInternal = true
        #expect(await Build.run(options, write: true).published)
        let pages = IncrementalWorkspace.files(workspace.output).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        for path in pages {
            let html = try String(contentsOfFile: "\(workspace.output)/\(path)", encoding: .utf8)
            #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), "\(path) does not ask not to be indexed")
        }
    }

    /// Beyond the protocol's 50,000 addresses a file, `sitemap.xml` is an index of parts.
    @Test func beyondTheLimitTheSitemapIsAnIndexOfParts() throws {
        let pages = (1...5).map { Sitemap.Page(folder: "ana/", name: "r\($0)") }
        var sitemap = Sitemap(address: Self.address, pages: pages)
        #expect(sitemap.paths == ["sitemap.xml"])
        sitemap.perFile = 2
        #expect(sitemap.paths == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let files = sitemap.files()
        #expect(files.map(\.path) == sitemap.paths)
        var bytes: [String: Data] = [:]
        for file in files {
            guard case .bytes(let data) = file.contents else { Issue.record("\(file.path) is not bytes"); continue }
            bytes[file.path] = Data(data)
        }
        let index = try #require(SitemapReader.read(bytes["sitemap.xml"] ?? Data()))
        #expect(index.root?.name == "sitemapindex")
        #expect(index.root?.namespace == Sitemap.namespace)
        #expect(index.locations == (1...3).map { "\(Self.address)sitemap-\($0).xml" })
        var listed: [String] = []
        for number in 1...3 {
            let part = try #require(SitemapReader.read(bytes["sitemap-\(number).xml"] ?? Data()))
            #expect(part.root?.name == "urlset" && part.root?.namespace == Sitemap.namespace)
            #expect(part.locations.count == (number < 3 ? 2 : 1))
            listed += part.locations
        }
        #expect(listed == pages.map { "\(Self.address)ana/\($0.name).html" })
        #expect(Sitemap.limit == 50_000)
    }

    /// What a URL may not hold is percent-encoded, what XML gives a meaning is an entity.
    @Test func addressesAreWrittenAsURLsInXML() throws {
        let sitemap = Sitemap(address: "https://x.example/råd & 'stöd'/", pages: [Sitemap.Page(folder: "", name: "")])
        let file = try #require(sitemap.files().first)
        guard case .bytes(let bytes) = file.contents else { Issue.record("no bytes"); return }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<loc>https://x.example/r%C3%A5d%20&amp;%20&apos;st%C3%B6d&apos;/</loc>"), "\(text)")
        let parsed = try #require(SitemapReader.read(Data(bytes)))
        #expect(parsed.locations == ["https://x.example/r%C3%A5d%20&%20'st%C3%B6d'/"])
    }
}
