import Foundation
import Testing
@testable import RutinbokCore
import Yams

/// `rutinbok new council` and `rutinbok new routine`, on a private copy of the demo content.
@Suite struct ScaffoldTests {
    /// A copy of content/ and templates/ in a temporary folder, loaded.
    struct Tree {
        let root: URL
        var content: String { root.appendingPathComponent("content").path }
        var templates: String { root.appendingPathComponent("templates").path }

        init() throws {
            root = TestPaths.temporaryFolder("rutinbok-scaffold")
            for folder in ["content", "templates"] {
                try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(folder),
                                                 to: root.appendingPathComponent(folder))
            }
        }

        func site() async throws -> Site {
            try #require(await ContentLoader.load(contentDirectory: content).0)
        }

        func check(_ council: String) async -> [Diagnostic] {
            var options = Build.Options()
            options.content = content
            options.templates = templates
            options.councils = [council]
            options.today = Day("2026-11-29")!
            return await Build.run(options, write: false).diagnostics
        }
    }

    static let today = Day("2026-11-29")!

    @Test func newCouncilNamesEveryContactTheRoutinesReferToAndBuilds() async throws {
        let tree = try Tree()
        let site = try await tree.site()
        let file = try Scaffold.council(.init(slug: "nyby", name: "Nyby kommun", kind: .kommun), site: site, contentDirectory: tree.content)
        #expect(file.path == "\(tree.content)/councils/nyby/council.yml")
        try Scaffold.write(file)

        // Every owner and every kontakt: link in the base routines, found here by plain text search.
        var expected = Set(site.routines.map(\.owner.value))
        let pattern = try Regex(#"\(kontakt:([a-z0-9-]+)\)"#)
        for routine in site.routines {
            for match in routine.body.matches(of: pattern) { expected.insert(String(match.output[1].substring!)) }
        }
        // And the contacts site.yml puts first on the start page, such as the after-hours
        // number (tib) no routine names: without it the box showed office hours only.
        let quick = site.config.quickContacts.map(\.value)
        #expect(quick.contains { !expected.contains($0) }, "the demo's quick contacts include one no routine names")
        expected.formUnion(quick)
        let reloaded = try await tree.site()
        let council = try #require(reloaded.councils.first { $0.slug == "nyby" })
        #expect(Set(council.contacts.map(\.id)) == expected)
        #expect(file.contents.contains("  tib:\n    # Visas på startsidan, i rutan Vem du ringer när något har hänt (quick_contacts i site.yml).\n"))
        #expect(council.name == "Nyby kommun")
        #expect(council.kind == .kommun)
        #expect(council.accessibility?.status == .delvis)
        #expect(council.contacts.first { $0.id == "sakerhetssamordnare" }?.role == "Säkerhetssamordnare")
        #expect(file.contents.contains("# Används i "))
        // The theme is offered commented out: an empty colour would warn in a council just made.
        #expect(file.contents.contains("# theme:\n#   color: \"#1d4f73\""))
        // The content is not in ./content: the suggested command must say where it is.
        #expect(file.nextSteps.contains { $0.contains("rutinbok serve --content \(tree.content),") })

        // What the editor must fill in is reported, and nothing else: every routine's owner and
        // contact links resolve. Filled in, the council builds.
        let errors = await tree.check("nyby").filter { $0.severity == .error }
        #expect(Set(errors.map(\.code)) == ["contact-unreachable", "accessibility-incomplete"], "\(errors)")
        #expect(errors.filter { $0.code == "contact-unreachable" }.count == council.contacts.count)
        try Self.fillIn(file.path)
        let problems = await tree.check("nyby")
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        #expect(!problems.contains { $0.code == "bad-value" }, "\(problems)")
    }

    /// What an editor does with a new council.yml: a phone number for every contact and the
    /// accessibility statement's shortcomings.
    static func fillIn(_ path: String) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n    phone:\n", with: "\n    phone: \"070-000 00 50\"\n")
        text = text.replacingOccurrences(of: "  shortcomings: []", with: "  shortcomings: [\"Logotypen saknar textbeskrivning.\"]")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func aGroupMemberGetsOnlyTheContactsTheGroupDoesNotHave() async throws {
        let tree = try Tree()
        let site = try await tree.site()
        let file = try Scaffold.council(.init(slug: "nyas", name: "Nyås kommun", kind: .kommun, group: "nordvast"),
                                        site: site, contentDirectory: tree.content)
        try Scaffold.write(file)
        let council = try #require(try await tree.site().councils.first { $0.slug == "nyas" })
        let groupContacts = Set(site.groups["nordvast"]!.contacts.map(\.id))
        #expect(!council.contacts.isEmpty)
        #expect(Set(council.contacts.map(\.id)).isDisjoint(with: groupContacts))
        #expect(council.group?.value == "nordvast")
        #expect(file.contents.contains("Från Samverkan Nordväst får ni redan"))
        #expect(file.nextSteps.contains { $0.contains("members:") })
        // A council the group already lists is not told to add itself.
        let groupFile = "\(tree.content)/groups/nordvast/group.yml"
        let listed = try String(contentsOfFile: groupFile, encoding: .utf8).replacingOccurrences(of: "members: [", with: "members: [nyby, ")
        try listed.write(toFile: groupFile, atomically: false, encoding: .utf8)
        let listedFile = try Scaffold.council(.init(slug: "nyby", name: "Nyby kommun", kind: .kommun, group: "nordvast"),
                                              site: try await tree.site(), contentDirectory: tree.content)
        #expect(!listedFile.nextSteps.contains { $0.contains("members:") }, "\(listedFile.nextSteps)")
        try Self.fillIn(file.path)
        let errors = await tree.check("nyas").filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func newCouncilRefusals() async throws {
        let tree = try Tree()
        let site = try await tree.site()
        func refusal(_ request: Scaffold.CouncilRequest) -> Scaffold.Refusal? {
            do { _ = try Scaffold.council(request, site: site, contentDirectory: tree.content); return nil }
            catch { return error as? Scaffold.Refusal }
        }
        #expect(refusal(.init(slug: "exempelby", name: "X", kind: .kommun))?.message.contains("finns redan") == true)
        #expect(refusal(.init(slug: "Ny By", name: "X", kind: .kommun))?.notes == ["skriv det som 'ny-by'"])
        #expect(refusal(.init(slug: "", name: "X", kind: .kommun)) != nil)
        #expect(refusal(.init(slug: "../ut", name: "X", kind: .kommun)) != nil)
        for reserved in PageNames.reservedCouncilSlugs.sorted() {
            #expect(refusal(.init(slug: reserved, name: "X", kind: .kommun))?.message.contains("portalen använder") == true, "\(reserved)")
        }
        #expect(refusal(.init(slug: "nyby", name: "  ", kind: .kommun))?.message.contains("--name") == true)
        let group = refusal(.init(slug: "nyby", name: "X", kind: .kommun, group: "nordvst"))
        #expect(group?.message == "det finns ingen grupp 'nordvst'")
        #expect(group?.notes.first == "menade du 'nordvast'?")
    }

    @Test func writeNeverOverwrites() throws {
        let folder = TestPaths.temporaryFolder("rutinbok-scaffold-write")
        let file = Scaffold.NewFile(path: folder.appendingPathComponent("a/b.yml").path, contents: "one\n", nextSteps: [])
        try Scaffold.write(file)
        var second = file
        second.contents = "two\n"
        #expect(throws: Scaffold.Refusal.self) { try Scaffold.write(second) }
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "one\n")
    }

    @Test func newRoutineCopiesTheInheritedVersionWithTodaysReviewDate() async throws {
        let tree = try Tree()
        let site = try await tree.site()
        let copy = try Scaffold.routine(.init(id: "hotad-just-nu", council: "exempelby", from: "hotad-just-nu", today: Self.today),
                                        site: site, contentDirectory: tree.content)
        #expect(copy.path == "\(tree.content)/councils/exempelby/routines/hotad-just-nu.md")
        #expect(copy.contents.contains("reviewed: 2026-11-29\n"))
        #expect(copy.contents.contains("# Kopierad från grundrutinen 'hotad-just-nu'"))
        #expect(copy.contents.contains("Lita på din känsla."))
        try Scaffold.write(copy)

        // A group member copies the group's version of a routine the group has adapted.
        let grouped = try Scaffold.routine(.init(id: "roller-och-ansvar", council: "fiktiva", from: "roller-och-ansvar", today: Self.today),
                                           site: site, contentDirectory: tree.content)
        let groupText = try String(contentsOfFile: "\(tree.content)/groups/nordvast/routines/roller-och-ansvar.md", encoding: .utf8)
        #expect(grouped.contents.contains("# Kopierad från 'roller-och-ansvar' i gruppen nordvast."))
        let lastGroupLine = try #require(groupText.split(separator: "\n").last)
        #expect(grouped.contents.contains(lastGroupLine))
        try Scaffold.write(grouped)

        let reloaded = try await tree.site()
        let routine = try #require(reloaded.councils.first { $0.slug == "exempelby" }?.routines.first { $0.id == "hotad-just-nu" })
        #expect(routine.reviewed?.value == Self.today)
        #expect(!(await tree.check("exempelby")).hasErrors)
        #expect(!(await tree.check("fiktiva")).hasErrors)
    }

    @Test func aBlankRoutineHasCompleteFrontMatterAndBuilds() async throws {
        let tree = try Tree()
        let site = try await tree.site()
        let blank = try Scaffold.routine(.init(id: "lokal-rutin", council: "lattsasby", today: Self.today),
                                         site: site, contentDirectory: tree.content)
        for key in RoutineLoader.keys { #expect(blank.contents.contains("\(key):"), "\(key)") }
        try Scaffold.write(blank)
        let routine = try #require(try await tree.site().councils.first { $0.slug == "lattsasby" }?.routines.first { $0.id == "lokal-rutin" })
        #expect(routine.title == "Lokal rutin")
        #expect(routine.reviewed?.value == Self.today)
        // Låtsasby has no security coordinator of its own: the group's is the owner.
        #expect(routine.owner.value == "sakerhetssamordnare")
        // Its stand-in texts are reported, each where it stands, until they are replaced.
        let errors = await tree.check("lattsasby").filter { $0.severity == .error }
        #expect(errors.map(\.code) == Array(repeating: "unfinished-routine", count: 4), "\(errors)")
        let text = try String(contentsOfFile: blank.path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(errors.map(\.location.line) == [StandInTexts.summary, StandInTexts.introduction, StandInTexts.steps[0], StandInTexts.steps[1]].map { stand in
            (lines.firstIndex { $0.contains(stand) } ?? -1) + 1
        })
        var written = text.replacingOccurrences(of: StandInTexts.summary, with: "Så tar vi emot hot mot lokala politiker.")
        written = written.replacingOccurrences(of: StandInTexts.introduction, with: "Rutinen gäller alla förtroendevalda i Låtsasby.")
        for (index, step) in StandInTexts.steps.enumerated() { written = written.replacingOccurrences(of: step, with: "Steg \(index + 1) görs så här.") }
        try written.write(toFile: blank.path, atomically: false, encoding: .utf8)
        let problems = await tree.check("lattsasby")
        #expect(!problems.hasErrors, "\(problems.filter { $0.severity == .error })")
    }

    /// A blank routine under an inherited routine's id takes its place: the editor is told so,
    /// and how to start from its text instead. A new id is told nothing of the kind.
    @Test func aBlankRoutineThatReplacesAnInheritedOneSaysSo() async throws {
        let tree = try Tree()
        let site = try await tree.site()
        let base = try Scaffold.routine(.init(id: "polisanmalan", council: "exempelby", today: Self.today), site: site, contentDirectory: tree.content)
        #expect(base.nextSteps.first == "den tomma rutinen ersätter grundrutinen 'polisanmalan' i handboken för Exempelby kommun; vill du utgå från dess text, ta bort filen och skriv: "
                + SuggestedCommand.make("new routine polisanmalan --council exempelby --from polisanmalan", content: tree.content))
        let grouped = try Scaffold.routine(.init(id: "roller-och-ansvar", council: "fiktiva", today: Self.today), site: site, contentDirectory: tree.content)
        #expect(grouped.nextSteps.first?.hasPrefix("den tomma rutinen ersätter samverkansgruppens rutin 'roller-och-ansvar' i handboken för Fiktiva kommun;") == true,
                "\(grouped.nextSteps)")
        let new = try Scaffold.routine(.init(id: "lokal-rutin", council: "exempelby", today: Self.today), site: site, contentDirectory: tree.content)
        #expect(!new.nextSteps.contains { $0.contains("ersätter") })
    }

    @Test func newRoutineRefusals() async throws {
        let tree = try Tree()
        let site = try await tree.site()
        func refusal(_ request: Scaffold.RoutineRequest) -> Scaffold.Refusal? {
            do { _ = try Scaffold.routine(request, site: site, contentDirectory: tree.content); return nil }
            catch { return error as? Scaffold.Refusal }
        }
        #expect(refusal(.init(id: "x", council: "nyb"))?.message == "det finns ingen kommun eller region 'nyb'")
        #expect(refusal(.init(id: "x", council: "nyb"))?.notes.contains { $0.hasPrefix("kommuner och regioner: exempelby, ") } == true)
        // A group's id is no council's: it is said so, with the group's members, and not offered as a new council.
        #expect(refusal(.init(id: "x", council: "nordvast"))?.message == "'nordvast' är en grupp (Samverkan Nordväst), inte en kommun eller region")
        #expect(refusal(.init(id: "x", council: "nordvast"))?.notes == ["gruppens medlemmar: fiktiva (Fiktiva kommun), lattsasby (Låtsasby kommun), pahittsjo (Påhittsjö kommun)"])
        #expect(refusal(.init(id: "x", council: "exempelby", from: "hotad"))?.message == "det finns ingen grundrutin 'hotad'")
        // Too far from any id for a typo, but the start of exactly one.
        #expect(refusal(.init(id: "x", council: "exempelby", from: "hotad"))?.notes.first == "menade du 'hotad-just-nu'?")
        #expect(refusal(.init(id: "kontakter", council: "exempelby")) != nil)
        #expect(refusal(.init(id: "Min Rutin", council: "exempelby"))?.notes == ["skriv det som 'min-rutin'"])
        #expect(refusal(.init(id: "../../x", council: "exempelby")) != nil)
        // The council already has its own version of this routine.
        #expect(refusal(.init(id: "sammantraden-i-folkets-hus", council: "exempelby"))?.message.contains("finns redan") == true)
    }

    /// A suggested command works when typed as shown, wherever the content is.
    @Test func suggestedCommandsNameTheContentFolder() {
        #expect(SuggestedCommand.make("check", content: "content") == "rutinbok check")
        #expect(SuggestedCommand.make("check", content: "./content/") == "rutinbok check")
        #expect(SuggestedCommand.make("check", content: "../kommuner/innehåll") == "rutinbok check --content ../kommuner/innehåll")
        #expect(SuggestedCommand.make("serve", content: "Mina filer/content") == "rutinbok serve --content \"Mina filer/content\"")
        #expect(SuggestedCommand.make("serve", content: "a$b") == "rutinbok serve --content 'a$b'")
    }
}

/// Names given on the command line are written into YAML in double quotes, by scalar: a `"`
/// with a combining mark after it is another Character, and it ended the quotes.
@Suite struct ScaffoldQuotingTests {
    @Test func quotesAndLineBreaksAreEscapedWhateverFollowsThem() throws {
        for text in ["Nyby \"́kommun", "rad\r\nrad", "a\\\u{301}b", "Vanlig: text # inte kommentar"] {
            let yaml = "name: " + Scaffold.quoted(text) + "\n"
            let node = try #require(try Yams.compose(yaml: yaml))
            #expect(node.mapping?["name"]?.string == text, "\(yaml)")
        }
    }
}
