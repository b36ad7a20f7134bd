@testable import RutinbokCore
import Testing

@Suite("Portal: data from the demo content")
struct PortalDataTests {
    @Test func coverageCells() async throws {
        let coverage = try await DemoContent.portal().coverage
        #expect(coverage.councils == ["exempelby", "exempelstad", "fiktiva", "lattsasby",
                                      "pahittsjo", "region-exempelland", "region-exempelmark"])
        #expect(coverage.cell(council: "exempelby", routine: "trygghetsbesok") == .excluded)
        #expect(coverage.cell(council: "exempelby", routine: "hotad-just-nu") == .inherited)
        #expect(coverage.cell(council: "exempelstad", routine: "trygghetsbesok") == .inherited)
        #expect(coverage.cell(council: "exempelstad", routine: "sociala-medier") == .adapted(byGroup: false, adoptedFrom: nil))
        #expect(coverage.cell(council: "region-exempelmark", routine: "sociala-medier")
                == .adapted(byGroup: false, adoptedFrom: "exempelstad/sociala-medier"))
        #expect(coverage.cell(council: "lattsasby", routine: "roller-och-ansvar") == .adapted(byGroup: true, adoptedFrom: nil))
        #expect(coverage.cell(council: "lattsasby", routine: "riskbedomning-infor-sammantraden") == .adapted(byGroup: false, adoptedFrom: nil))
        #expect(coverage.cell(council: "region-exempelland", routine: "roller-och-ansvar") == .adapted(byGroup: false, adoptedFrom: nil))
        #expect(coverage.cell(council: "fiktiva", routine: "hot-via-telefon") == .adapted(byGroup: false, adoptedFrom: nil))
        #expect(coverage.cell(council: "pahittsjo", routine: "hot-via-telefon") == .inherited)
        // 16 base routines in 5 phases, every one a row.
        #expect(coverage.phases.map(\.phase.id) == ["styrning", "forebygga", "hantera", "efterat", "uppfoljning"])
        #expect(coverage.phases.flatMap(\.rows).count == 16)
        // All cells: 112 = 16 × 7; 1 left out, 12 adapted, the rest inherited.
        let cells = coverage.phases.flatMap(\.rows).flatMap(\.cells)
        #expect(cells.count == 112)
        #expect(cells.filter { $0 == .excluded }.count == 1)
        #expect(cells.filter { if case .adapted = $0 { true } else { false } }.count == 12)
        #expect(cells.filter { $0 == .inherited }.count == 99)
    }

    /// A council's own version kept internal: "Intern" in its column. A base routine kept
    /// internal has no row in a public build (its title is as internal as its text), and is
    /// inherited in an internal one.
    @Test func internalOnlyCell() async throws {
        var loaded = try await DemoContent.load()
        let index = try #require(loaded.site.councils.firstIndex { council in
            council.routines.contains { routine in loaded.site.routines.contains { $0.id == routine.id } }
        })
        let adapted = try #require(loaded.site.councils[index].routines.firstIndex { routine in loaded.site.routines.contains { $0.id == routine.id } })
        loaded.site.councils[index].routines[adapted].access = .internal
        let slug = loaded.site.councils[index].slug, id = loaded.site.councils[index].routines[adapted].id
        let coverage = Coverage(site: loaded.site, handbooks: Resolver.resolve(loaded.site).0)
        #expect(coverage.cell(council: slug, routine: id) == .internalOnly)
        #expect(Coverage.Cell.internalOnly.label == "Intern")

        loaded.site.routines = loaded.site.routines.map { routine in
            var routine = routine
            if routine.id == "trygghetsbesok" { routine.access = .internal }
            return routine
        }
        let publicCoverage = Coverage(site: loaded.site, handbooks: Resolver.resolve(loaded.site).0)
        #expect(publicCoverage.cell(council: "exempelstad", routine: "trygghetsbesok") == nil)
        let intranet = Coverage(site: loaded.site, handbooks: Resolver.resolve(loaded.site, options: .init(includeInternal: true)).0)
        #expect(intranet.cell(council: "exempelstad", routine: "trygghetsbesok") == .inherited)
        #expect(intranet.cell(council: "exempelby", routine: "trygghetsbesok") == .excluded)
    }

    @Test func ownAdditions() async throws {
        let additions = try await DemoContent.portal().coverage.additions
        func ids(_ slug: String) -> [String] { additions[slug]?.map(\.routine.id) ?? [] }
        #expect(ids("exempelby") == ["sammantraden-i-folkets-hus"])
        #expect(Set(ids("exempelstad")) == ["sakerhet-i-stadshuset", "webbsandning-av-sammantraden"])
        #expect(additions["exempelstad"]?.first { $0.routine.id == "sakerhet-i-stadshuset" }?.published == false)
        #expect(ids("region-exempelland") == ["besok-i-verksamheterna"])
        #expect(ids("pahittsjo") == ["medborgardialog"])
        #expect(ids("lattsasby").isEmpty && ids("fiktiva").isEmpty && ids("region-exempelmark").isEmpty)
    }

    @Test func councilCounts() async throws {
        let rows = try await DemoContent.portal().councils
        func row(_ slug: String) -> [Int] {
            guard let s = rows.first(where: { $0.council.slug == slug }) else { return [] }
            return [s.routines, s.adapted, s.added, s.excluded, s.toReview]
        }
        #expect(row("exempelby") == [16, 0, 1, 1, 1])
        #expect(row("exempelstad") == [17, 2, 1, 0, 0])
        #expect(row("fiktiva") == [16, 3, 0, 0, 0])
        #expect(row("region-exempelland") == [17, 1, 1, 0, 1])
        #expect(row("lattsasby") == [16, 3, 0, 0, 0])
        #expect(row("pahittsjo") == [17, 2, 1, 0, 0])
        #expect(row("region-exempelmark") == [16, 1, 0, 0, 0])
        #expect(rows.first { $0.council.slug == "region-exempelland" }?.oldestReview == Day("2025-06-10"))
        // Its own texts only: base and group routines are reviewed in one place, for all.
        #expect(rows.first { $0.council.slug == "exempelby" }?.oldestReview == Day("2026-10-12"))
    }

    @Test func exampleLibrary() async throws {
        let library = try await DemoContent.portal().examples
        // The group's shared routine is offered once, by the group, though three handbooks show it.
        #expect(library.examples.map(\.key) == ["exempelstad/sociala-medier", "exempelstad/webbsandning-av-sammantraden", "nordvast/utbildning-och-introduktion"])
        #expect(library.example("exempelstad/sociala-medier")?.adoptedBy == ["region-exempelmark"])
        #expect(library.example("exempelstad/webbsandning-av-sammantraden")?.adoptedBy == [])
        // A group has no page: its example names the handbooks that show its text.
        #expect(library.example("nordvast/utbildning-och-introduktion")?.members.map(\.slug) == ["fiktiva", "lattsasby", "pahittsjo"])
        #expect(library.example("exempelstad/sociala-medier")?.members.isEmpty == true)
    }

    @Test func changesForEveryAdaptedRoutine() async throws {
        let loaded = try await DemoContent.load()
        let portal = Portal(site: loaded.site, handbooks: loaded.handbooks, bodies: loaded.bodies, today: DemoContent.today)
        let changes = portal.changes.map { "\($0.council.slug)/\($0.routine.id)" }
        #expect(changes.count == 12)
        #expect(changes.contains("region-exempelmark/sociala-medier"))
        #expect(changes.contains("lattsasby/roller-och-ansvar"))
        for change in portal.changes {
            // Both texts' blocks come back out of the diff, and something did change.
            let diff = try #require(change.diff, "every change is diffed by default")
            let handbook = try #require(loaded.handbooks.first { $0.council.slug == change.council.slug })
            let base = try #require(loaded.bodies.body(for: change.base, in: handbook))
            let own = try #require(loaded.bodies.body(for: change.routine, in: handbook))
            #expect(BlockDiffSides(diff).old == BlockDiff.Block.of(base))
            #expect(BlockDiffSides(diff).new == BlockDiff.Block.of(own))
            #expect(change.insertedWords + change.deletedWords > 0)
            #expect(change.insertedWords == diff.insertedWords && change.deletedWords == diff.deletedWords)
        }
        let group = portal.changes.first { $0.council.slug == "lattsasby" && $0.routine.id == "roller-och-ansvar" }
        #expect(group?.groupName == "Samverkan Nordväst")
    }

    @Test func lixWarningAboveThreshold() async throws {
        let loaded = try await DemoContent.load()
        #expect(ReadabilityChecker.check(loaded.handbooks, bodies: loaded.bodies, threshold: 50).isEmpty)
        let strict = ReadabilityChecker.check(loaded.handbooks, bodies: loaded.bodies, threshold: 30)
        #expect(!strict.isEmpty)
        #expect(strict.allSatisfy { $0.code == "lix-high" && $0.severity == .warning && $0.location.file.hasSuffix(".md") })
        // Each file once, however many councils inherit it.
        #expect(Set(strict.map(\.location.file)).count == strict.count)
    }
}
