/// What search engines read at the top of the output: `robots.txt` and the sitemap. Which a
/// build makes:
///
/// - a public build with site.yml's `address`: `robots.txt` lets every crawler in and names the
///   sitemap, `sitemap.xml` lists the public pages (`Sitemap`);
/// - an intranet build (`--internal`): `robots.txt` keeps every crawler out, with or without
///   `address`, and there is no sitemap. Its pages also ask not to be indexed (`noindex`), which
///   covers a crawler that reads a page it was not let in to by a link from elsewhere;
/// - a public build without `address`: neither. A sitemap's addresses must be absolute, and a
///   `robots.txt` that lets everyone in says what no file says.
///
/// A crawler reads `robots.txt` only at the root of a host: published under a path
/// (`https://kommun.example/rutiner/`), the file is the lines to put in the host's own
/// (docs/server.md).
enum SearchEngineFiles {
    static let robotsPath = "robots.txt"

    static func robots(address: String?, forIntranet: Bool) -> String? {
        if forIntranet { return "User-agent: *\nDisallow: /\n" }
        guard let address else { return nil }
        return "User-agent: *\nAllow: /\n\nSitemap: \(address)\(Sitemap.path)\n"
    }

    /// The sitemap of a build, when it has one.
    static func sitemap(of handbooks: [Handbook], portal: PortalPages) -> Sitemap? {
        guard !portal.forIntranet, let address = portal.portal.config.address else { return nil }
        return Sitemap(address: address, pages: Sitemap.pages(of: handbooks, portal: portal))
    }
}

extension PortalPages {
    /// Writes `robots.txt` and the sitemap's files, those this build has; returns the sitemap's
    /// fingerprint (recorded as `sitemap.xml`'s), the number of files and whether the sitemap
    /// was made. `robots.txt` is a line or three: made every time and, the same bytes as the
    /// previous build's, kept by the publisher. The sitemap is made only when its fingerprint
    /// (its list of pages) changed: a routine's text edit leaves it as it was.
    func writeSearchEngineFiles(of handbooks: [Handbook], to publisher: Publisher) throws
        -> (sitemap: (path: String, fingerprint: UInt64)?, files: Int, rendered: Bool) {
        var files = 0
        if let robots = SearchEngineFiles.robots(address: portal.config.address, forIntranet: forIntranet) {
            try publisher.write([OutputFile(path: SearchEngineFiles.robotsPath, contents: .text(robots))])
            files += 1
        }
        guard let sitemap = SearchEngineFiles.sitemap(of: handbooks, portal: self) else { return (nil, files, false) }
        let fingerprint = sitemap.fingerprint(everyPage: reuse.everyPage)
        let paths = sitemap.paths
        files += paths.count
        if reuse.previousPages[Sitemap.path] == fingerprint, publisher.reuse(files: Set(paths)).count == paths.count {
            return ((Sitemap.path, fingerprint), files, false)
        }
        try publisher.write(sitemap.files())
        return ((Sitemap.path, fingerprint), files, true)
    }
}
