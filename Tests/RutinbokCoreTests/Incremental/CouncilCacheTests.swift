import Foundation
import Testing
@testable import RutinbokCore

/// Whole councils kept between builds: a council whose folder did not change is taken from
/// the council cache without reading its files, and everything a build makes of it (pages,
/// portal, diagnostics) must be what loading and rendering its files would give.
@Suite struct CouncilCacheTests {
    typealias W = IncrementalWorkspace

    /// The load cache's fixture (warnings from loading both councils), and in bro a routine
    /// whose body the Markdown stage warns about and one whose LIX is over the threshold.
    static func workspace() throws -> W {
        var w = try LoadCacheTests.workspace(brokenYAML: false)
        try w.write("content/councils/bro/routines/med-html.md", """
            ---
            title: Med HTML
            summary: Text med en HTML-tagg.
            phase: hantera
            owner: samordnare
            reviewed: 2026-09-01
            ---
            Ring <b>genast</b> till samordnaren.

            """)
        try w.write("content/councils/bro/routines/svar-text.md", """
            ---
            title: Svår text
            summary: Långa ord och långa meningar.
            phase: hantera
            owner: samordnare
            reviewed: 2026-09-01
            ---
            Säkerhetsorganisationens utvecklingsarbete förutsätter kontinuerliga riskbedömningar, \
            informationssäkerhetsklassificeringar, incidentrapporteringsrutiner och förtroendevaldas \
            kompetensutvecklingsinsatser inom samtliga verksamhetsområden och ansvarsnivåer.

            """)
        return w
    }

    static func councilCache(_ w: W) -> CouncilCache {
        var plan = IncrementalPlan(w.options())
        plan.groupFolders()
        return CouncilCache(output: URL(fileURLWithPath: w.output), content: w.content, folders: plan.councilFolders())
    }

    @Test func aCouncilFromTheCacheLoadsAsItsFilesDo() async throws {
        let w = try Self.workspace()
        let expected = LoadCacheTests.describe(await ContentLoader.load(contentDirectory: w.content, cache: nil))
        let first = Self.councilCache(w)
        #expect(LoadCacheTests.describe(await ContentLoader.load(contentDirectory: w.content, cache: nil, councilCache: first)) == expected)
        #expect(first.hits.load(ordering: .relaxed) == 0, "a new output has no council cache")
        first.commit(first.prepare(RenderedBodies()))
        let second = Self.councilCache(w)
        // The description holds every routine's body: those are read from their files now.
        #expect(LoadCacheTests.describe(await ContentLoader.load(contentDirectory: w.content, cache: nil, councilCache: second)) == expected)
        #expect(second.hits.load(ordering: .relaxed) == 2, "both councils, warnings and all")
    }

    @Test func unchangedCouncilsComeFromTheCacheWithWhatLoadingAndRenderingThemReported() async throws {
        var w = try Self.workspace()
        let first = await w.build()
        #expect(first.published && first.councilsFromCache == 0)
        let bro = first.diagnostics.filter { $0.location.file.contains("/councils/bro/") }.map(\.code)
        #expect(Set(bro).isSuperset(of: ["unknown-key", "raw-html", "lix-high"]),
                "bro's council.yml, a body and a readability check each report something")
        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening.\n")
        let second = await w.build()
        #expect(second.published && !second.unchanged)
        #expect(second.councilsFromCache == 1, "bro did not change")
        let (_, clean) = await w.cleanBuild()
        #expect(second.diagnostics == clean.diagnostics, "the same warnings, files, lines and columns")
        await expectSameAsClean(w)
        try w.append("content/councils/bro/routines/med-html.md", "\nOch en till.\n")
        let third = await w.build()
        #expect(third.councilsFromCache == 1, "ana, this time")
        #expect(third.diagnostics == (await w.cleanBuild()).1.diagnostics)
        await expectSameAsClean(w)
    }

    @Test func aCouncilFromTheCacheWhosePagesMustBeRenderedRendersItsBodiesAgain() async throws {
        var w = try Self.workspace()
        _ = await w.build()
        // bro's pages cannot be kept (one is gone) and no rendered body is left to look up:
        // its bodies come from the council cache's record and are rendered again.
        try FileManager.default.removeItem(atPath: "\(w.output)/bro/med-html.html")
        try FileManager.default.removeItem(at: Publisher.beside(URL(fileURLWithPath: w.output), "cache"))
        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening.\n")
        let result = await w.build()
        #expect(result.published && result.councilsFromCache == 1)
        #expect(result.diagnostics == (await w.cleanBuild()).1.diagnostics)
        await expectSameAsClean(w)
        // A template change renders every page, the councils' from the cache too.
        try w.append("templates/routine.mustache", "\n")
        let templated = await w.build()
        #expect(templated.councilsFromCache == 2)
        await expectSameAsClean(w)
    }

    @Test func aDamagedCouncilCacheOnlyMakesLoadingSlower() async throws {
        var w = try Self.workspace()
        _ = await w.build()
        try w.append("content/councils/ana/routines/egen.md", "\nEn mening.\n")
        _ = await w.build()
        let path = Self.councilCache(w).path
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        var edits = 0
        for length in [0, 7, whole.count / 2, whole.count - 1] {
            try whole.prefix(length).write(to: URL(fileURLWithPath: path))
            edits += 1
            try w.append("content/councils/ana/routines/egen.md", "\nÄndring \(edits).\n")
            let result = await w.build()
            #expect(result.published, "cut at \(length)")
            #expect(result.diagnostics == (await w.cleanBuild()).1.diagnostics, "cut at \(length)")
            await expectSameAsClean(w)
        }
        // A flipped byte inside bro's record: bro is loaded from its files.
        var flipped = try Data(contentsOf: URL(fileURLWithPath: path))
        let at = try #require(flipped.range(of: Data("Svår text".utf8), options: .backwards)).lowerBound
        flipped[at] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: path))
        try w.append("content/councils/ana/routines/egen.md", "\nÄndring igen.\n")
        let damaged = await w.build()
        #expect(damaged.councilsFromCache == 0)
        #expect(damaged.diagnostics == (await w.cleanBuild()).1.diagnostics)
        await expectSameAsClean(w)
    }
}
