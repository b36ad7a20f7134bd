import Foundation
import Testing
@testable import RutinbokCore

/// Decoded front matter, council.yml and group.yml kept between builds: a load through the
/// cache must give exactly what parsing gives, diagnostics included, and a damaged, foreign
/// or missing cache must only make loading slower.
@Suite struct LoadCacheTests {
    typealias W = IncrementalWorkspace

    /// The fixture plus files whose loading reports problems: an unknown key and a contact
    /// without phone or email (warnings), and a routine whose YAML does not parse (an error).
    static func workspace(brokenYAML: Bool = true) throws -> W {
        var w = try W()
        try w.write("content/councils/ana/routines/varning.md", """
            ---
            title: Med varningar
            summary: En okänd nyckel.
            phase: hantera
            owner: samordnare
            reviewed: 2026-09-01
            farg: blå
            ---
            Text.

            """)
        try w.append("content/councils/bro/council.yml", "\n  vaxel:\n    role: Växeln\n    phone: \"070-000 00 99\"\n    fax: \"08-000 00 00\"\n")
        if brokenYAML {
            try w.write("content/routines/trasig.md", "---\ntitle: Trasig\nsummary: [öppen\nphase: hantera\n---\nText.\n")
        }
        return w
    }

    /// Every file the loader parses: routines, council.yml and group.yml.
    static func parsedFiles(_ w: W) -> Int {
        W.files(w.content).filter { $0.hasSuffix(".md") || $0.hasSuffix("council.yml") || $0.hasSuffix("group.yml") }.count
    }

    static func output(_ w: W) -> URL { URL(fileURLWithPath: w.output) }

    /// Everything loading made, in a stable order, as text: two loads are the same when this is.
    static func describe(_ loaded: (Site?, [Diagnostic])) -> String {
        guard let site = loaded.0 else { return "no site\n\(loaded.1)" }
        var lines = ["\(site.config)", "\(site.unloadable.sorted())"]
        lines += site.routines.map { "\($0)" }
        for id in site.groups.keys.sorted() { lines.append("\(site.groups[id]!)") }
        lines += site.councils.map { "\($0)" }
        lines += loaded.1.map { "\($0) \($0.location.line) \($0.location.column)" }
        return lines.joined(separator: "\n")
    }

    func uncached(_ w: W) async -> String {
        Self.describe(await ContentLoader.load(contentDirectory: w.content, cache: nil))
    }

    /// Loads through a cache read from the output's side; returns what it loaded and how many
    /// files came from the cache.
    func cached(_ w: W, save: Bool = true) async -> (String, hits: Int) {
        let cache = LoadCache(output: Self.output(w))
        let loaded = await ContentLoader.load(contentDirectory: w.content, cache: cache)
        if save { cache.save() }
        return (Self.describe(loaded), cache.hits.load(ordering: .relaxed))
    }

    @Test func aCachedLoadIsTheSameLoadDiagnosticsIncluded() async throws {
        let w = try Self.workspace()
        let expected = await uncached(w)
        #expect(expected.contains("yaml-syntax") && expected.contains("unknown-key") && expected.contains("bro/council.yml") && expected.contains("varning: okänd nyckel 'fax'"),
                "the fixture reports an error and warnings")
        let first = await cached(w)
        #expect(first.hits == 0, "a new output has no cache")
        #expect(first.0 == expected)
        let second = await cached(w)
        #expect(second.hits == Self.parsedFiles(w), "every file, the one with the YAML error too, comes from the cache")
        #expect(second.0 == expected)
    }

    @Test func anEditedFileIsParsedAgain() async throws {
        var w = try Self.workspace()
        _ = await cached(w)
        try w.write("content/routines/akut.md", try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8)
            .replacingOccurrences(of: "title: Akut läge", with: "title: Akut läge nu\nokänd: 1"))
        let expected = await uncached(w)
        #expect(expected.contains("Akut läge nu") && expected.contains("'okänd'"))
        let again = await cached(w)
        #expect(again.hits == Self.parsedFiles(w) - 1)
        #expect(again.0 == expected)
        // The same text in another place is another file: its locations name it.
        try w.write("content/councils/ana/routines/akut.md", try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8))
        let copied = await cached(w)
        #expect(copied.hits == Self.parsedFiles(w) - 1)
        #expect(copied.0 == (await uncached(w)))
    }

    @Test func aFixedYAMLErrorIsNoLongerReported() async throws {
        var w = try Self.workspace()
        _ = await cached(w)
        try w.write("content/routines/trasig.md", "---\ntitle: Hel\nsummary: Nu går den att läsa.\nphase: hantera\nowner: samordnare\nreviewed: 2026-09-01\n---\nText.\n")
        let again = await cached(w)
        #expect(!again.0.contains("yaml-syntax"))
        #expect(again.0 == (await uncached(w)))
    }

    @Test func aDamagedOrTruncatedCacheFallsBackSilently() async throws {
        let w = try Self.workspace()
        let expected = await uncached(w)
        _ = await cached(w)
        let path = LoadCache(output: Self.output(w)).path
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        let header = LoadCache(output: Self.output(w)).headerLength
        for length in [0, 5, header, header + 3, whole.count / 2, whole.count - 1] {
            try whole.prefix(length).write(to: URL(fileURLWithPath: path))
            let result = await cached(w, save: false)
            #expect(result.0 == expected, "cut at \(length)")
            #expect(result.hits < Self.parsedFiles(w), "cut at \(length)")
        }
        // A flipped byte inside one record: that record is a miss, the others are used.
        var flipped = whole
        let at = try #require(flipped.range(of: Data("Med varningar".utf8))).lowerBound
        flipped[at] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: path))
        let damaged = await cached(w)
        #expect(damaged.0 == expected)
        #expect(damaged.hits == Self.parsedFiles(w) - 1)
        // The record parsed again was appended, and is used from then on.
        #expect(await cached(w, save: false).hits == Self.parsedFiles(w))
    }

    @Test func aCacheOfAnotherBinaryOrFormatIsIgnored() async throws {
        let w = try Self.workspace()
        _ = await cached(w)
        let path = LoadCache(output: Self.output(w)).path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[LoadCache.magic.utf8.count] ^= 0xFF  // the binary's size in the header
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(LoadCache(output: Self.output(w)).count == 0)
        let other = await cached(w, save: false)
        #expect(other.hits == 0)
        #expect(other.0 == (await uncached(w)))
        try Data("rutinbok-load-cache 0\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(LoadCache(output: Self.output(w)).count == 0)
    }

    @Test func aChangedBuildLoadsThroughTheCacheAndEqualsACleanBuild() async throws {
        var w = try Self.workspace(brokenYAML: false)
        let first = await w.build()
        #expect(first.published)
        #expect(first.diagnostics.contains { $0.code == "unknown-key" })
        #expect(LoadCache(output: Self.output(w)).count == Self.parsedFiles(w), "the published build kept what it parsed")
        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening.\n")
        let second = await w.build()
        #expect(second.published && !second.unchanged)
        let (_, fresh) = await w.cleanBuild()
        #expect(second.diagnostics == fresh.diagnostics, "the same warnings, files, lines and columns")
        await expectSameAsClean(w)
        #expect(LoadCache(output: Self.output(w)).count == Self.parsedFiles(w) + 1, "the edited routine's new record appended")
    }

    @Test func aBuildThatStopsKeepsNoCache() async throws {
        let w = try Self.workspace()
        let result = await w.build()
        #expect(!result.published && result.diagnostics.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: LoadCache(output: Self.output(w)).path))
        // And checking alone never keeps one.
        let good = try Self.workspace(brokenYAML: false)
        _ = await Build.run(good.options(), write: false)
        #expect(!FileManager.default.fileExists(atPath: LoadCache(output: Self.output(good)).path))
    }
}
