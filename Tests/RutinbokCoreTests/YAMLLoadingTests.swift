@testable import RutinbokCore
import Testing

private let routineFile = "content/routines/hot.md"
private let councilFile = "content/councils/exempelby/council.yml"
private let siteFile = "content/site.yml"

private func at(_ file: String, _ line: Int, _ column: Int) -> RutinbokCore.SourceLocation {
    RutinbokCore.SourceLocation(file: file, line: line, column: column)
}

private func loadRoutine(_ text: String) -> (Routine?, [String]) {
    let (routine, diagnostics) = RoutineLoader.load(text, id: "hot", layer: .base, file: routineFile)
    return (routine, diagnostics.normalized().map(\.description))
}

private func loadCouncil(_ text: String) -> (Council?, [String]) {
    let (council, diagnostics) = CouncilLoader.loadCouncil(text, slug: "exempelby", directory: "/c/exempelby", file: councilFile)
    return (council, diagnostics.normalized().map(\.description))
}

private func loadSite(_ text: String) -> (SiteConfig, [String]) {
    let (config, diagnostics) = SiteConfigLoader.load(text, file: siteFile)
    return (config, diagnostics.normalized().map(\.description))
}

/// A valid routine with one front matter line swapped; `line` is the file line replaced.
private func routine(replacing line: Int? = nil, with replacement: String? = nil, adding extra: String? = nil) -> String {
    var lines = [
        "---",
        "title: Om du blir hotad just nu",
        "summary: Vad du gör direkt.",
        "phase: hantera",
        "order: 10",
        "audience: [alla, ledamot]",
        "owner: sakerhetssamordnare",
        "reviewed: 2026-09-01",
        "---",
        "# Rubrik",
        "",
    ]
    if let line { if let replacement { lines[line - 1] = replacement } else { lines.remove(at: line - 1) } }
    if let extra { lines.insert(extra, at: 8) }
    return lines.joined(separator: "\n")
}

@Suite struct RoutineLoadingTests {
    @Test func fullExampleDecodesEveryField() throws {
        let text = """
        ---
        title: Om du blir hotad just nu
        summary: Vad du gör direkt när du känner dig hotad.
        phase: hantera
        order: 10
        audience: [alla, ledamot]
        owner: sakerhetssamordnare
        reviewed: 2026-09-01
        decided: "Kommunstyrelsen 2026-02-12 § 34, dnr KS 2026/123"
        access: internal
        review_interval_months: 6
        share: true
        adopted_from: exempelby/hot
        ---
        # Rubrik

        Text.

        """
        let (loaded, diagnostics) = RoutineLoader.load(text, id: "hot", layer: .council("exempelby"), file: routineFile)
        #expect(diagnostics.isEmpty)
        let routine = try #require(loaded)
        #expect(routine.id == "hot")
        #expect(routine.layer == .council("exempelby"))
        #expect(routine.title == "Om du blir hotad just nu")
        #expect(routine.summary == "Vad du gör direkt när du känner dig hotad.")
        #expect(routine.phase == Located(value: "hantera", location: at(routineFile, 4, 8)))
        #expect(routine.order == 10)
        #expect(routine.audience == [Located(value: "alla", location: at(routineFile, 6, 12)),
                                     Located(value: "ledamot", location: at(routineFile, 6, 18))])
        #expect(routine.owner == Located(value: "sakerhetssamordnare", location: at(routineFile, 7, 8)))
        #expect(routine.reviewed == Located(value: Day(year: 2026, month: 9, day: 1)!, location: at(routineFile, 8, 11)))
        #expect(routine.decided == "Kommunstyrelsen 2026-02-12 § 34, dnr KS 2026/123")
        #expect(routine.access == .internal)
        #expect(routine.reviewIntervalMonths == 6)
        #expect(routine.share == true)
        #expect(routine.adoptedFrom == Located(value: "exempelby/hot", location: at(routineFile, 13, 15)))
        #expect(routine.body == "# Rubrik\n\nText.\n")
        #expect(routine.bodyLine == 15)
        #expect(routine.location == at(routineFile, 1, 1))
    }

    @Test func defaultsForOptionalKeys() throws {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 5))
        #expect(diagnostics == [])
        let routine = try #require(loaded)
        #expect(routine.order == 100)
        #expect(routine.access == .public)
        #expect(routine.share == false)
        #expect(routine.decided == nil)
        #expect(routine.adoptedFrom == nil)
        #expect(routine.reviewIntervalMonths == nil)
        #expect(routine.bodyLine == 9)
    }

    @Test func unknownKeyWarnsWithSuggestionAtItsFileLine() {
        let (loaded, diagnostics) = loadRoutine(routine(adding: "desided: KS 2026-02-12"))
        #expect(loaded != nil)
        #expect(diagnostics == [
            "content/routines/hot.md:9:1: warning: unknown key 'desided' [unknown-key]\n  note: did you mean 'decided'?",
        ])
    }

    @Test func unknownKeyWithoutCloseMatchHasNoNote() {
        let (_, diagnostics) = loadRoutine(routine(adding: "färg: blå"))
        #expect(diagnostics == ["content/routines/hot.md:9:1: warning: unknown key 'färg' [unknown-key]"])
    }

    @Test func wrongTypes() {
        #expect(loadRoutine(routine(replacing: 5, with: "order: tio")).1 == [
            "content/routines/hot.md:5:8: error: 'order' must be a whole number, found the value 'tio' [yaml-type]",
        ])
        #expect(loadRoutine(routine(replacing: 6, with: "audience: {alla: ja}")).1 == [
            "content/routines/hot.md:6:11: error: 'audience' must be a list, found a set of 'key: value' lines [yaml-type]",
        ])
        #expect(loadRoutine(routine(replacing: 6, with: "audience: [alla, [x]]")).1 == [
            "content/routines/hot.md:6:18: error: each item of 'audience' must be text, found a list [yaml-type]",
        ])
        #expect(loadRoutine(routine(adding: "share: kanske")).1 == [
            "content/routines/hot.md:9:8: error: 'share' must be true or false, found the value 'kanske' [yaml-type]",
        ])
        #expect(loadRoutine(routine(adding: "review_interval_months: 0")).1 == [
            "content/routines/hot.md:9:25: error: 'review_interval_months' must be a whole number from 1 to 120, found the value '0' [yaml-type]",
        ])
        #expect(loadRoutine(routine(adding: "access: hemlig")).1 == [
            "content/routines/hot.md:9:9: error: 'access' must be 'public' or 'internal', found 'hemlig' [bad-value]",
        ])
    }

    @Test func titleThatIsNotTextLeavesNoRoutine() {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 2, with: "title: [Om, hot]"))
        #expect(loaded == nil)
        #expect(diagnostics == ["content/routines/hot.md:2:8: error: 'title' must be text, found a list [yaml-type]"])
    }

    @Test(arguments: ["2026-13-01", "2026-02-30", "1 september 2026", "2026-9-1"])
    func badDate(_ written: String) {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 8, with: "reviewed: \(written)"))
        #expect(loaded?.reviewed == nil)
        #expect(diagnostics == [
            "content/routines/hot.md:8:11: error: 'reviewed' must be a date written YYYY-MM-DD, found '\(written)' [bad-date]",
        ])
    }

    @Test func missingRequiredKeys() {
        let (loaded, diagnostics) = loadRoutine("---\ntitle: Hot\n---\nText\n")
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/routines/hot.md:2:1: error: missing 'owner' (the contact id of whoever keeps it current) [missing-key]",
            "content/routines/hot.md:2:1: error: missing 'phase' (which part of the handbook it belongs to) [missing-key]",
            "content/routines/hot.md:2:1: error: missing 'reviewed' (the date it was last reviewed, YYYY-MM-DD) [missing-key]",
            "content/routines/hot.md:2:1: error: missing 'summary' (one sentence on what the routine is for) [missing-key]",
        ])
    }

    @Test func emptyValueCountsAsMissing() {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 3, with: "summary: \"  \""))
        #expect(loaded == nil)
        #expect(diagnostics == ["content/routines/hot.md:2:1: error: missing 'summary' (one sentence on what the routine is for) [missing-key]"])
    }

    @Test func frontMatterProblems() {
        #expect(loadRoutine("# Rubrik\n\nText.\n").1 == [
            "content/routines/hot.md:1:1: error: the routine must start with front matter: a line '---', the routine's facts (title, summary, phase, owner, reviewed), and another '---' [missing-front-matter]",
        ])
        #expect(loadRoutine("---\ntitle: Hot\n\n# Rubrik\n").1 == [
            "content/routines/hot.md:1:1: error: the front matter opened here is never closed; add a line '---' after the last 'key: value' line [unclosed-front-matter]",
        ])
        #expect(loadRoutine(" \n\n").1 == ["content/routines/hot.md:1:1: error: the routine is empty [empty-routine]"])
        #expect(loadRoutine("---\n- a\n- b\n---\nText\n").1 == [
            "content/routines/hot.md:2:1: error: expected 'key: value' lines, found a list [yaml-type]",
        ])
    }

    @Test func emptyBodyIsReportedAtTheBodyLine() {
        let text = routine().replacingOccurrences(of: "# Rubrik\n", with: "\n")
        let (loaded, diagnostics) = loadRoutine(text)
        #expect(loaded != nil)
        #expect(diagnostics == ["content/routines/hot.md:10:1: error: the routine has no text after its front matter [empty-routine]"])
    }

    @Test func yamlSyntaxErrorPointsIntoTheFile() {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 4, with: "phase: [hantera"))
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/routines/hot.md:4:8: error: YAML syntax error: a list opened with '[' is never closed with ']' [yaml-syntax]\n  note: YAML reports: did not find expected ',' or ']' (while parsing a flow sequence at line 4) at line 5, column 6",
        ])
    }

    @Test func duplicateKey() {
        let (loaded, diagnostics) = loadRoutine(routine(adding: "title: Igen"))
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/routines/hot.md:9:1: error: the key 'title' is written twice; keep one [duplicate-key]\n  note: first written at line 2",
        ])
    }

    @Test func crlfRoutineLoads() {
        let text = routine().replacingOccurrences(of: "\n", with: "\r\n")
        let (loaded, diagnostics) = loadRoutine(text)
        #expect(diagnostics == [])
        #expect(loaded?.title == "Om du blir hotad just nu")
    }
}

@Suite struct CouncilLoadingTests {
    static let full = """
    name: Exempelby kommun
    kind: region
    group: nordvast
    population: 12000
    theme: { color: "#1d4f73", logo: assets/logo.svg }
    exclude: [trygghetstjanst, bevakning]
    review_interval_months: 24
    verify_interval_months: 3
    allow_raw_html: true
    contacts:
      sakerhetssamordnare:
        role: Säkerhetssamordnare
        name: Anna Exempel
        phone: "070-000 00 00"
        email: sakerhet@exempelby.example
        hours: Vardagar 08–16.30
        out_of_hours: Tjänsteman i beredskap via 112
        verified: 2026-10-01
        verify_interval_months: 12
      polisen:
        role: Polisen
        phone: "114 14"
    accessibility:
      status: delvis
      shortcomings: [Filmer saknar textning]
      feedback_email: webb@exempelby.example
      assessed: 2026-01-15

    """

    @Test func fullExampleDecodesEveryField() throws {
        let (loaded, diagnostics) = loadCouncil(Self.full)
        #expect(diagnostics == [])
        let council = try #require(loaded)
        #expect(council.slug == "exempelby")
        #expect(council.name == "Exempelby kommun")
        #expect(council.kind == .region)
        #expect(council.group == Located(value: "nordvast", location: at(councilFile, 3, 8)))
        #expect(council.population == 12000)
        #expect(council.themeColor == "#1d4f73")
        #expect(council.logo == Located(value: "assets/logo.svg", location: at(councilFile, 5, 34)))
        #expect(council.exclude == [Located(value: "trygghetstjanst", location: at(councilFile, 6, 11)),
                                    Located(value: "bevakning", location: at(councilFile, 6, 28))])
        #expect(council.reviewIntervalMonths == 24)
        #expect(council.verifyIntervalMonths == 3)
        #expect(council.allowRawHTML == true)
        #expect(council.directory == "/c/exempelby")
        #expect(council.location == at(councilFile, 1, 1))
        #expect(council.routines.isEmpty)
        #expect(council.contacts == [
            Contact(id: "sakerhetssamordnare", role: "Säkerhetssamordnare", name: "Anna Exempel", phone: "070-000 00 00",
                    email: "sakerhet@exempelby.example", hours: "Vardagar 08–16.30", outOfHours: "Tjänsteman i beredskap via 112",
                    verified: Day(year: 2026, month: 10, day: 1), location: at(councilFile, 11, 3), verifyIntervalMonths: 12,
                    verifiedLocation: at(councilFile, 18, 15)),
            Contact(id: "polisen", role: "Polisen", name: nil, phone: "114 14", email: nil, hours: nil, outOfHours: nil,
                    verified: nil, location: at(councilFile, 20, 3), verifyIntervalMonths: nil),
        ])
        let statement = try #require(council.accessibility)
        #expect(statement.status == .delvis)
        #expect(statement.shortcomings == ["Filmer saknar textning"])
        #expect(statement.feedbackEmail == "webb@exempelby.example")
        #expect(statement.assessed == Day(year: 2026, month: 1, day: 15))
    }

    @Test func minimalCouncilHasDefaults() throws {
        let (loaded, diagnostics) = loadCouncil("name: Liten kommun\nkind: kommun\n")
        #expect(diagnostics == [])
        let council = try #require(loaded)
        #expect(council.kind == .kommun)
        #expect(council.group == nil)
        #expect(council.exclude.isEmpty)
        #expect(council.contacts.isEmpty)
        #expect(council.allowRawHTML == false)
        #expect(council.themeColor == nil)
        #expect(council.accessibility == nil)
    }

    @Test func singleExcludeTextIsAListOfOne() {
        let (loaded, _) = loadCouncil("name: A\nkind: kommun\nexclude: trygghetstjanst\n")
        #expect(loaded?.exclude == [Located(value: "trygghetstjanst", location: at(councilFile, 3, 10))])
    }

    @Test func missingNameAndKind() {
        let (loaded, diagnostics) = loadCouncil("population: 100\n")
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:1:1: error: missing 'kind' (kommun, landsting or region) [missing-key]",
            "content/councils/exempelby/council.yml:1:1: error: missing 'name' (the council's name, e.g. 'Exempelby kommun') [missing-key]",
        ])
    }

    @Test func emptyFile() {
        let (loaded, diagnostics) = loadCouncil("")
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:1:1: error: missing 'kind' (kommun, landsting or region) [missing-key]",
            "content/councils/exempelby/council.yml:1:1: error: missing 'name' (the council's name, e.g. 'Exempelby kommun') [missing-key]",
        ])
    }

    @Test func badKindSuggests() {
        let (loaded, diagnostics) = loadCouncil("name: A\nkind: kommum\n")
        #expect(loaded?.kind == .kommun)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:2:7: error: 'kind' must be kommun, landsting or region, found 'kommum' [bad-value]\n  note: did you mean 'kommun'?",
        ])
    }

    @Test func unknownKeysAtEveryLevel() {
        let text = """
        name: A
        kind: kommun
        exlude: [x]
        theme:
          colour: "#000000"
        contacts:
          polisen:
            role: Polisen
            phon: "114 14"
            email: polis@exempel.example

        """
        let (_, diagnostics) = loadCouncil(text)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:3:1: warning: unknown key 'exlude' [unknown-key]\n  note: did you mean 'exclude'?",
            "content/councils/exempelby/council.yml:5:3: warning: unknown key 'colour' [unknown-key]\n  note: did you mean 'color'?",
            "content/councils/exempelby/council.yml:9:5: warning: unknown key 'phon' [unknown-key]\n  note: did you mean 'phone'?",
        ])
    }

    @Test func wrongTypesAndValues() {
        let text = """
        name: A
        kind: kommun
        population: många
        allow_raw_html: kanske
        exclude: {a: b}
        theme: { color: blå }
        accessibility:
          status: halvt
          assessed: 2026-1-15

        """
        let (_, diagnostics) = loadCouncil(text)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:3:13: error: 'population' must be a whole number, found the value 'många' [yaml-type]",
            "content/councils/exempelby/council.yml:4:17: error: 'allow_raw_html' must be true or false, found the value 'kanske' [yaml-type]",
            "content/councils/exempelby/council.yml:5:10: error: 'exclude' must be a list, found a set of 'key: value' lines [yaml-type]",
            "content/councils/exempelby/council.yml:6:17: error: 'color' must be a colour written #rrggbb, found 'blå' [bad-value]",
            "content/councils/exempelby/council.yml:8:11: error: 'status' must be helt, delvis or inte, found 'halvt' [bad-value]",
            "content/councils/exempelby/council.yml:9:13: error: 'assessed' must be a date written YYYY-MM-DD, found '2026-1-15' [bad-date]",
        ])
    }

    @Test func contactProblems() {
        let text = """
        name: A
        kind: kommun
        contacts:
          Säkerhet:
            role: Samordnare
            phone: "070-000 00 01"
          utan-nummer:
            role: Växeln
          utan-roll:
            email: x@exempel.example
            verified: igår
          fel: Polisen

        """
        let (loaded, diagnostics) = loadCouncil(text)
        #expect(loaded?.contacts.map(\.id) == ["Säkerhet", "utan-nummer", "utan-roll"])
        #expect(loaded?.contacts.map(\.role) == ["Samordnare", "Växeln", "utan-roll"])
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:4:3: error: contact id 'Säkerhet' may only use a–z, 0–9 and '-' [invalid-id]\n  note: write it as 'sakerhet'",
            "content/councils/exempelby/council.yml:7:3: error: contact 'utan-nummer' has neither 'phone' nor 'email'; readers would have no way to reach it [contact-unreachable]",
            "content/councils/exempelby/council.yml:10:5: error: missing 'role' (what the contact does, e.g. 'Säkerhetssamordnare') [missing-key]",
            "content/councils/exempelby/council.yml:11:15: error: 'verified' must be a date written YYYY-MM-DD, found 'igår' [bad-date]",
            "content/councils/exempelby/council.yml:12:8: error: 'fel' must be a set of 'key: value' lines, found the value 'Polisen' [yaml-type]",
        ])
    }

    @Test func yamlThatIsNotAMapping() {
        let (loaded, diagnostics) = loadCouncil("Exempelby kommun\n")
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:1:1: error: expected 'key: value' lines, found the value 'Exempelby kommun' [yaml-type]",
        ])
    }
}

@Suite struct SiteConfigLoadingTests {
    static let full = """
    title: Handbok mot hot och våld
    description: Rutiner för förtroendevalda.
    phases:
      - id: styrning
        label: Styrning och ansvar
      - id: hantera
        label: Hantera
    audiences:
      - id: alla
        label: Alla förtroendevalda
    national_numbers:
      - id: nodnummer
        label: SOS Alarm
        number: "112"
        description: Vid akut fara.
      - id: polisen
        label: Polisen
        number: 114 14
    defaults:
      review_interval_months: 24
      verify_interval_months: 3
      lix_threshold: 45.5

    """

    @Test func fullExampleDecodesEveryField() {
        let (config, diagnostics) = loadSite(Self.full)
        #expect(diagnostics == [])
        #expect(config.title == "Handbok mot hot och våld")
        #expect(config.description == "Rutiner för förtroendevalda.")
        #expect(config.phases == [Phase(id: "styrning", label: "Styrning och ansvar", rank: 0), Phase(id: "hantera", label: "Hantera", rank: 1)])
        #expect(config.audiences == [Audience(id: "alla", label: "Alla förtroendevalda")])
        #expect(config.nationalNumbers == [
            NationalNumber(id: "nodnummer", label: "SOS Alarm", number: "112", description: "Vid akut fara."),
            NationalNumber(id: "polisen", label: "Polisen", number: "114 14", description: ""),
        ])
        #expect(config.nationalNumbers.map(\.tel) == ["112", "11414"])
        #expect(config.reviewIntervalMonths == 24)
        #expect(config.verifyIntervalMonths == 3)
        #expect(config.lixThreshold == 45.5)
        #expect(config.phase("hantera")?.rank == 1)
        #expect(config.audience("alla")?.label == "Alla förtroendevalda")
        #expect(config.location == at(siteFile, 1, 1))
    }

    @Test func defaultsWhenLeftOut() {
        let (config, diagnostics) = loadSite("title: H\nphases:\n  - id: hantera\n    label: Hantera\n")
        #expect(diagnostics == [])
        #expect(config.description == "")
        #expect(config.reviewIntervalMonths == 12)
        #expect(config.verifyIntervalMonths == 6)
        #expect(config.lixThreshold == 50)
        #expect(config.audiences.isEmpty)
    }

    @Test func missingTitleAndPhases() {
        let (config, diagnostics) = loadSite("description: x\n")
        #expect(config.title == "Handbok")
        #expect(diagnostics == [
            "content/site.yml:1:1: error: missing 'title' (the handbook's name) [missing-key]",
            "content/site.yml:1:1: error: site.yml needs at least one phase under 'phases' [missing-key]",
        ])
    }

    @Test func problemsInListsAndDefaults() {
        let text = """
        title: H
        phases:
          - id: hantera
          - etikett
        national_numbers:
          - id: polisen
            label: Polisen
            nummer: 114 14
        defaults:
          lix_treshold: 40
          verify_interval_months: 200

        """
        let (config, diagnostics) = loadSite(text)
        #expect(config.phases.isEmpty)
        #expect(config.nationalNumbers.isEmpty)
        #expect(config.verifyIntervalMonths == 6)
        #expect(diagnostics == [
            "content/site.yml:2:1: error: site.yml needs at least one phase under 'phases' [missing-key]",
            "content/site.yml:3:5: error: missing 'label' (the name readers see) [missing-key]",
            "content/site.yml:4:5: error: each item of 'phases' must be a set of 'key: value' lines [yaml-type]",
            "content/site.yml:6:5: error: missing 'number' (the number to call) [missing-key]",
            "content/site.yml:8:5: warning: unknown key 'nummer' [unknown-key]\n  note: did you mean 'number'?",
            "content/site.yml:10:3: warning: unknown key 'lix_treshold' [unknown-key]\n  note: did you mean 'lix_threshold'?",
            "content/site.yml:11:27: error: 'verify_interval_months' must be a whole number from 1 to 120, found the value '200' [yaml-type]",
        ])
    }

    @Test func wrongTypes() {
        let (_, diagnostics) = loadSite("title: H\nphases: hantera\ndefaults:\n  lix_threshold: hög\n")
        #expect(diagnostics == [
            "content/site.yml:2:1: error: site.yml needs at least one phase under 'phases' [missing-key]",
            "content/site.yml:2:9: error: 'phases' must be a list, found the value 'hantera' [yaml-type]",
            "content/site.yml:4:18: error: 'lix_threshold' must be a number, found the value 'hög' [yaml-type]",
        ])
    }

    @Test func yamlSyntaxError() {
        let (config, diagnostics) = loadSite("title: H\nphases:\n  - id: a\n   label: b\n")
        #expect(config.phases.isEmpty)
        #expect(diagnostics == [
            "content/site.yml:4:4: error: YAML syntax error: this line is indented differently from the list items above it [yaml-syntax]\n  note: YAML reports: did not find expected '-' indicator (while parsing a block collection at line 3) at line 4, column 4",
        ])
    }
}
