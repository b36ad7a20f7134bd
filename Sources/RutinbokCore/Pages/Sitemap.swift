/// `sitemap.xml` at the top of the output (sitemaps.org's protocol 0.9): the address of every
/// page a reader should find through a search engine, made only by a public build whose
/// site.yml says where the output is published (`address`), since a sitemap's addresses are
/// absolute. `SearchEngineFiles` decides when and writes it.
///
/// Listed: the portal's pages (its overview as the folder's own address, the summary pages,
/// the accessibility statement, each base routine's, handbook's and group's page, each change
/// page), then each handbook in the portal's order: its start page (the folder's address),
/// its routines in reading order, its contacts page and its accessibility statement.
/// Not listed: the pages for a missing address and those at routines' former ids (both ask
/// not to be indexed), the search page (a form with no text of its own), the pages to print
/// (the print page, every routine again on one page, and the pocket card, the contacts page's
/// numbers on two faces to cut out), and files that are no pages. No `<lastmod>`: nothing the build
/// knows says when a page's bytes last changed (`reviewed` is a review, not an edit, and a
/// page changes with its handbook's contacts too), and a date made from the build's day would
/// be neither true nor stable.
///
/// One file holds 50,000 addresses (the protocol's limit; 50 MB is out of reach at under a
/// thousand bytes an address). The benchmark's national corpus has 17,718 in 1.6 MB (310
/// handbooks of some 46 listed pages, 14,200 in all, and 3,500 of the portal's, most of them
/// change pages). Beyond the limit, `sitemap.xml` becomes a sitemap index of
/// `sitemap-1.xml`, `sitemap-2.xml` …, each of up to `limit` addresses.
struct Sitemap: Sendable {
    /// A page's address below `address`: `folder` ("" at the top, "exempelby/") and the page's
    /// name without `.html`, or "" for the folder's own address. Kept apart so that making the
    /// list joins no strings for the 13,000 routine pages.
    struct Page: Sendable, Equatable {
        var folder: String
        var name: String
    }

    static let path = "sitemap.xml"
    static let limit = 50_000
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// site.yml's `address`, ending in `/`.
    let address: String
    let pages: [Page]
    /// Addresses per file; `limit` but in tests.
    var perFile = Sitemap.limit

    init(address: String, pages: [Page]) {
        self.address = address
        self.pages = pages
    }

    /// The files it is written as: `sitemap.xml` alone, or an index and its parts.
    var paths: [String] {
        pages.count <= perFile ? [Self.path] : [Self.path] + (1...partCount).map(Self.partPath)
    }

    static func partPath(_ number: Int) -> String { "sitemap-\(number).xml" }

    private var partCount: Int { (pages.count + perFile - 1) / perFile }

    func files() -> [OutputFile] {
        guard pages.count > perFile else { return [OutputFile(path: Self.path, contents: .bytes(urlSet(pages[...])))] }
        var files = [OutputFile(path: Self.path, contents: .bytes(index()))]
        for number in 1...partCount {
            let part = pages[(number - 1) * perFile..<min(number * perFile, pages.count)]
            files.append(OutputFile(path: Self.partPath(number), contents: .bytes(urlSet(part))))
        }
        return files
    }

    /// What the files are made of, with `everyPage` (site.yml, templates, options, rutinbok
    /// itself): an unchanged fingerprint keeps the previous build's files unmade.
    func fingerprint(everyPage: UInt64) -> UInt64 {
        var hash = ContentHash()
        hash.add("sitemap")
        hash.add(everyPage)
        hash.add(address)
        hash.add(UInt64(perFile))
        hash.add(UInt64(pages.count))
        for page in pages {
            hash.add(page.folder)
            hash.add(page.name)
        }
        return hash.value
    }

    private func urlSet(_ part: ArraySlice<Page>) -> [UInt8] {
        var xml = SitemapXML(root: "urlset")
        for page in part {
            xml.open("url")
            xml.append(address)
            xml.append(page.folder)
            if !page.name.isEmpty {
                xml.append(page.name)
                xml.append(".html")
            }
            xml.close("url")
        }
        return xml.finish()
    }

    private func index() -> [UInt8] {
        var xml = SitemapXML(root: "sitemapindex")
        for number in 1...partCount {
            xml.open("sitemap")
            xml.append(address)
            xml.append(Self.partPath(number))
            xml.close("sitemap")
        }
        return xml.finish()
    }
}
