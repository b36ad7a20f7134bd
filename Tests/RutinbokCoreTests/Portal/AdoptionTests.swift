import Foundation
@testable import RutinbokCore
import Testing

@Suite("Portal: rutinbok adopt")
struct PortalAdoptionTests {
    @Test func copiesWithProvenance() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let outcome = try Adoption.adopt("exempelstad/webbsandning-av-sammantraden", into: "exempelby", content: content,
                                         today: Day("2026-11-29")!)
        #expect(outcome.path == "\(content)/councils/exempelby/routines/webbsandning-av-sammantraden.md")
        let copy = read(outcome.path)
        let original = read("\(content)/councils/exempelstad/routines/webbsandning-av-sammantraden.md")
        #expect(original.contains("\nreviewed: 2026-11-02\n") && original.contains("\ndecided: \"Kommunfullmäktige"))
        #expect(!copy.contains("share:"))
        // Exempelstad's review and decision are not exempelby's: the date is the day of adoption,
        // the decision a comment to replace.
        #expect(copy.hasPrefix("---\n# Hämtad från exempelstad/webbsandning-av-sammantraden."))
        #expect(copy.contains("\nreviewed: 2026-11-29\n") && !copy.contains("2026-11-02"))
        #expect(copy.contains("\n# decided: \"Kommunfullmäktige 2026-06-15 § 77, dnr KS 2026/204\"   # Exempelstads kommuns beslut; skriv ert eget\n"))
        // Said with the council's name, and in words an editor who does not know YAML follows.
        #expect(outcome.notes.contains("'reviewed' är satt till i dag, och raden 'decided' (Exempelstads kommuns beslut) har gjorts om till en kommentar, med # först; skriv in ert eget beslut när det finns"), "\(outcome.notes)")
        #expect(!copy.contains("\ndecided:"))
        #expect(copy.contains("\nadopted_from: exempelstad/webbsandning-av-sammantraden\n---\n"))
        // The body is untouched.
        #expect(copy.components(separatedBy: "\n---\n").dropFirst().joined() == original.components(separatedBy: "\n---\n").dropFirst().joined())

        // The portal now shows where the example spread.
        let loaded = try await DemoContent.load(content: content)
        let library = ExampleLibrary(handbooks: loaded.handbooks)
        #expect(library.example("exempelstad/webbsandning-av-sammantraden")?.adoptedBy == ["exempelby"])
        let routine = try #require(loaded.handbooks.first { $0.council.slug == "exempelby" }?.routine("webbsandning-av-sammantraden"))
        #expect(routine.routine.adoptedFrom?.value == "exempelstad/webbsandning-av-sammantraden")
        #expect(routine.routine.share == false)
        #expect(routine.origin == .added)
    }

    /// A group offers a routine as a council does: once, under its own name and id; a council
    /// outside the group can adopt it, a member has it already. The copy's page names its source.
    @Test func aGroupsRoutineIsAnExampleToo() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let before = try await DemoContent.load(content: content)
        let offered = ExampleLibrary(handbooks: before.handbooks).examples.filter { $0.key == "nordvast/utbildning-och-introduktion" }
        #expect(offered.count == 1, "offered once, though three handbooks show it")
        #expect(offered.first?.offeredBy == "Samverkan Nordväst")

        #expect(throws: Adoption.Failure.self) { try Adoption.adopt("nordvast/utbildning-och-introduktion", into: "fiktiva", content: content, today: DemoContent.today) }
        #expect(throws: Adoption.Failure.self) { try Adoption.adopt("nordvst/utbildning-och-introduktion", into: "exempelby", content: content, today: DemoContent.today) }
        let outcome = try Adoption.adopt("nordvast/utbildning-och-introduktion", into: "exempelby", content: content, today: Day("2026-11-29")!)
        #expect(outcome.path == "\(content)/councils/exempelby/routines/utbildning-och-introduktion.md")
        #expect(read(outcome.path).contains("\nadopted_from: nordvast/utbildning-och-introduktion\n"))
        // The group's routine has no 'decided': no note says one was made a comment.
        #expect(!read(outcome.path).contains("decided"))
        #expect(outcome.notes.contains("'reviewed' är satt till i dag; skriv in ert beslut under 'decided' när det finns"), "\(outcome.notes)")

        var options = Build.Options()
        options.content = content
        options.templates = DemoContent.templates
        options.today = DemoContent.today
        options.output = TestPaths.temporaryFolder("rutinbok-group-adopt").appendingPathComponent("output").path
        let result = await Build.run(options, write: true)
        #expect(result.published, "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.code == "unknown-source" })
        #expect(read("\(options.output)/exempelby/utbildning-och-introduktion.html").contains("<dt>Bygger på</dt><dd>Samverkan Nordvästs rutin</dd>"))
        let examples = read("\(options.output)/exempel.html")
        #expect(examples.contains("<a href=\"exempelby/utbildning-och-introduktion.html\">Exempelby kommun</a>"))
        #expect(read("\(options.output)/tackning.html").contains("från Samverkan Nordväst"))
    }

    /// A copy left as it was that still names the council it came from, or an adapted one
    /// whose title or summary still does, is another council's text: a warning until adapted. A copy that names no one is a tested example taken
    /// as it is, which is what the portal is for: no warning (under --strict one stopped it).
    @Test func anUnchangedCopyIsAWarningUntilAdapted() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let outcome = try Adoption.adopt("exempelstad/webbsandning-av-sammantraden", into: "lattsasby", content: content, today: DemoContent.today)
        func warnings() async -> [Diagnostic] {
            var options = Build.Options()
            options.content = content
            options.templates = DemoContent.templates
            options.today = DemoContent.today
            return await Build.run(options, write: false).diagnostics.filter { $0.code == "adopted-unchanged" }
        }
        let unchanged = await warnings()
        #expect(unchanged.map(\.message) == ["rutinen är ordagrant densamma som 'exempelstad/webbsandning-av-sammantraden' och nämner Exempelstad; anpassa texten till er kommun"])
        #expect(unchanged.first?.location.file.hasSuffix("councils/lattsasby/routines/webbsandning-av-sammantraden.md") == true)
        try (read(outcome.path) + "\nI Låtsasby sänds mötena från Bygdegården.\n").write(toFile: outcome.path, atomically: false, encoding: .utf8)
        #expect(await warnings().isEmpty)
        // Adapted, but with a summary that still names where it came from: the start page shows it.
        let adapted = read(outcome.path)
        try adapted.replacingOccurrences(of: "\nsummary: ", with: "\nsummary: I Exempelstad och hos oss gäller detta. ").write(toFile: outcome.path, atomically: false, encoding: .utf8)
        #expect(await warnings().map(\.message) == ["rutinens titel eller sammanfattning nämner fortfarande Exempelstad, som rutinen hämtades från ('exempelstad/webbsandning-av-sammantraden'); anpassa dem till er kommun"])
        try adapted.write(toFile: outcome.path, atomically: false, encoding: .utf8)

        // Word for word, with the council's name taken out of the source: nothing to adapt.
        let source = "\(content)/councils/exempelstad/routines/webbsandning-av-sammantraden.md"
        try read(source).replacingOccurrences(of: "i Exempelstad ", with: "").write(toFile: source, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: outcome.path)
        _ = try Adoption.adopt("exempelstad/webbsandning-av-sammantraden", into: "lattsasby", content: content, today: DemoContent.today)
        #expect(!read(source).contains("Exempelstad"), "the source names its council nowhere else")
        #expect(await warnings().isEmpty)
    }

    /// The place a council's name names, as a word of the text or its genitive, however short.
    @Test func theNamedPlaceIsAWordOfTheText() {
        #expect(SiteChecker.namedPlace(in: "Mötena i Åre sänds.", of: "Åre kommun") == "Åre")
        #expect(SiteChecker.namedPlace(in: "Åres fullmäktige sänds.", of: "Åre kommun") == "Åre")
        #expect(SiteChecker.namedPlace(in: "Vi har en fåre.", of: "Åre kommun") == nil, "inside another word")
        #expect(SiteChecker.namedPlace(in: "I Exempelstad sänds mötena.", of: "Exempelstads kommun") == "Exempelstad")
        #expect(SiteChecker.namedPlace(in: "Regionens möten.", of: "Region Exempelland") == nil)
        // The small words and points of the compass of a name are no place.
        #expect(SiteChecker.namedPlace(in: "Hot och hat mot kommuner", of: "Ludvika och Smedjebackens kommuner") == nil)
        #expect(SiteChecker.namedPlace(in: "Möten i Lilla salen", of: "Lilla Edets kommun") == nil)
        #expect(SiteChecker.namedPlace(in: "Östra entrén", of: "Östra Göinge kommun") == nil)
        #expect(SiteChecker.namedPlace(in: "Så gör vi i Lilla Edet", of: "Lilla Edets kommun") == "Edet")
        #expect(SiteChecker.namedPlace(in: "Samverkan Nordväst beslutar.", of: "Samverkan Nordväst") == "Nordväst")
    }

    /// An example corrected after it was taken: the copy's council is told, until it has
    /// reviewed its own version again.
    @Test func aCopyIsToldWhenItsSourceIsReviewedAgain() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let outcome = try Adoption.adopt("exempelstad/webbsandning-av-sammantraden", into: "lattsasby", content: content, today: Day("2026-11-10")!)
        func warnings() async -> [Diagnostic] {
            var options = Build.Options()
            options.content = content
            options.templates = DemoContent.templates
            options.today = Day("2026-11-20")!
            return await Build.run(options, write: false).diagnostics.filter { $0.code == "adopted-source-newer" }
        }
        #expect(await warnings().isEmpty)
        let source = "\(content)/councils/exempelstad/routines/webbsandning-av-sammantraden.md"
        let reviewed = try #require(read(source).firstMatch(of: /reviewed: (\d{4}-\d\d-\d\d)/))
        try read(source).replacingOccurrences(of: "reviewed: \(reviewed.1)", with: "reviewed: 2026-11-15").write(toFile: source, atomically: false, encoding: .utf8)
        let newer = await warnings()
        #expect(newer.map(\.message) == ["'exempelstad/webbsandning-av-sammantraden', som rutinen hämtades från, har granskats igen 2026-11-15, efter er version (2026-11-10); se vad som har ändrats och granska er version"])
        #expect(newer.first?.location.file.hasSuffix("councils/lattsasby/routines/webbsandning-av-sammantraden.md") == true)
        try read(outcome.path).replacingOccurrences(of: "reviewed: 2026-11-10", with: "reviewed: 2026-11-18").write(toFile: outcome.path, atomically: false, encoding: .utf8)
        #expect(await warnings().isEmpty)
    }

    /// A group takes an example for all its members: the copy goes into the group's
    /// routines/, and every member's handbook has it.
    @Test func aGroupAdoptsForItsMembers() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let outcome = try Adoption.adopt("exempelstad/webbsandning-av-sammantraden", into: "nordvast", content: content, today: DemoContent.today)
        #expect(outcome.path == "\(content)/groups/nordvast/routines/webbsandning-av-sammantraden.md")
        #expect(outcome.notes.contains { $0.contains("nordvast/group.yml (och medlemmarnas council.yml)") })
        #expect(read(outcome.path).contains("\nadopted_from: exempelstad/webbsandning-av-sammantraden\n"))
        let loaded = try #require(await ContentLoader.load(contentDirectory: content).0)
        let (handbooks, _) = Resolver.resolve(loaded, options: .init())
        for member in ["fiktiva", "lattsasby", "pahittsjo"] {
            let handbook = try #require(handbooks.first { $0.council.slug == member })
            #expect(handbook.routine("webbsandning-av-sammantraden")?.routine.layer == .group("nordvast"), "\(member)")
        }
        #expect(handbooks.first { $0.council.slug == "exempelby" }?.routine("webbsandning-av-sammantraden") == nil)
    }

    /// The example page links each adopter's own copy, which may have another id.
    @Test func theExamplePageLinksARenamedCopy() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let outcome = try Adoption.adopt("exempelstad/webbsandning-av-sammantraden", into: "exempelby", content: content, today: DemoContent.today)
        // Adapted as the notes ask (Exempelby has no lawyer), and given an id of its own.
        let adapted = read(outcome.path).replacingOccurrences(of: "kontakt:jurist", with: "kontakt:kanslichef")
        try adapted.write(toFile: "\(content)/councils/exempelby/routines/sanda-moten.md", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: outcome.path)
        var options = Build.Options()
        options.content = content
        options.templates = DemoContent.templates
        options.output = TestPaths.temporaryFolder("rutinbok-adopted").appendingPathComponent("output").path
        options.today = DemoContent.today
        let result = await Build.run(options, write: true)
        #expect(result.published, "\(result.diagnostics)")
        let examples = read("\(options.output)/exempel.html")
        #expect(examples.contains("<a href=\"exempelby/sanda-moten.html\">Exempelby kommun</a>"))
        #expect(!examples.contains("exempelby/webbsandning-av-sammantraden.html"))
        #expect(FileManager.default.fileExists(atPath: "\(options.output)/exempelby/sanda-moten.html"))
    }

    @Test func replacesAnEarlierAdoptedFrom() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let outcome = try Adoption.adopt("region-exempelmark/sociala-medier", into: "region-exempelland", content: content, today: DemoContent.today)
        let copy = read(outcome.path)
        #expect(count("adopted_from:", in: copy) == 1)
        #expect(copy.contains("adopted_from: region-exempelmark/sociala-medier"))
        // 'sociala-medier' is a base routine's id too: the copy replaces it, which is said first.
        #expect(outcome.notes.first == "'sociala-medier' har samma id som en grundrutin: kopian ersätter grundrutinen i handboken för Region Exempelland")
        // Councils are named by their names in what the editor reads.
        #expect(outcome.notes.dropFirst().first?.hasPrefix("Region Exempelmark har inte märkt") == true)
    }

    /// A source's former ids are addresses in its own handbook: the copy has none, in either
    /// way a list is written, and the lines after the list stay.
    @Test func dropsTheSourcesFormerIDs() {
        let today = Day("2026-11-29")!
        for yaml in ["title: T\naliases: [gammal, aldre]\nowner: x", "title: T\naliases:\n  - gammal\n  - aldre\nowner: x",
                     "title: T\naliases:\n- gammal\n- aldre\nowner: x"] {
            let rewritten = Adoption.rewrite(yaml, adoptedFrom: "exempelstad/t", decision: "beslut", today: today).yaml
            #expect(!rewritten.contains("aliases") && !rewritten.contains("gammal") && !rewritten.contains("aldre"), "\(rewritten)")
            #expect(rewritten.contains("\ntitle: T\nowner: x\n"), "\(rewritten)")
        }
    }

    /// A routine its council keeps internal is not an example: copied only with `force`.
    @Test func refusesAnInternalRoutineWithoutForce() throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let target = "\(content)/councils/exempelby/routines/sakerhet-i-stadshuset.md"
        do {
            _ = try Adoption.adopt("exempelstad/sakerhet-i-stadshuset", into: "exempelby", content: content, today: DemoContent.today)
            Issue.record("an internal routine was adopted")
        } catch {
            #expect("\(error)".contains("Exempelstads kommun har gjort 'sakerhet-i-stadshuset' intern"))
            #expect("\(error)".contains("fråga Exempelstads kommun först"))
            #expect("\(error)".contains("--force"))
        }
        #expect(!FileManager.default.fileExists(atPath: target))
        let outcome = try Adoption.adopt("exempelstad/sakerhet-i-stadshuset", into: "exempelby", content: content, force: true, today: DemoContent.today)
        #expect(outcome.path == target)
        #expect(read(target).contains("\naccess: internal"))

        // Quoted, as the loader reads it too (a security audit found it copied without a word).
        let source = "\(content)/councils/exempelstad/routines/sakerhet-i-stadshuset.md"
        try read(source).replacingOccurrences(of: "\naccess: internal", with: "\naccess: \"internal\"").write(toFile: source, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: target)
        #expect(throws: (any Error).self) {
            try Adoption.adopt("exempelstad/sakerhet-i-stadshuset", into: "exempelby", content: content, today: DemoContent.today)
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func refusesToOverwrite() throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let existing = "\(content)/councils/region-exempelmark/routines/sociala-medier.md"
        let before = read(existing)
        #expect(throws: Adoption.Failure.self) {
            try Adoption.adopt("exempelstad/sociala-medier", into: "region-exempelmark", content: content, today: DemoContent.today)
        }
        #expect(read(existing) == before)
    }

    @Test func checksCouncilsAndIDs() throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        func failure(_ source: String, _ target: String) -> String {
            do { _ = try Adoption.adopt(source, into: target, content: content, today: DemoContent.today); return "" }
            catch { return "\(error)" }
        }
        #expect(failure("exempelstd/sociala-medier", "exempelby").contains("det finns ingen kommun, region eller grupp 'exempelstd'"))
        #expect(failure("exempelstd/sociala-medier", "exempelby").contains("menade du 'exempelstad'?"))
        #expect(failure("exempelstd/sociala-medier", "exempelby").contains("obs: kommuner, regioner och grupper: exempelby, "))
        #expect(failure("exempelstad/sociala-medier", "nowhere").contains("det finns ingen kommun, region eller grupp 'nowhere'"))
        #expect(failure("exempelstad/sociala-medier", "nowhere").contains("obs: kommuner, regioner och grupper: exempelby, exempelstad, "))
        #expect(failure("exempelstad/sociala-medie", "exempelby").contains("exempelstad har ingen rutin 'sociala-medie'"))
        #expect(failure("sociala-medier", "exempelby").contains("<kommun>/<rutin-id>"))
        // A base routine is everyone's already; the note says how to adapt it instead.
        let base = failure("exempelby/hotad-just-nu", "exempelstad")
        #expect(base.contains("'hotad-just-nu' är en grundrutin, som alla kommuner redan har"))
        #expect(base.contains("rutinbok new routine hotad-just-nu --council exempelstad --from hotad-just-nu --content \(content)"))
        #expect(failure("exempelstad/sociala-medier", "exempelstad").contains("rutinen finns redan hos exempelstad"))
        #expect(!FileManager.default.fileExists(atPath: "\(content)/councils/exempelby/routines/sociala-medier.md"))
    }
}
