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
            "content/routines/hot.md:9:1: varning: okänd nyckel 'desided' [unknown-key]\n  obs: menade du 'decided'?",
        ])
    }

    @Test func unknownKeyWithoutCloseMatchHasNoNote() {
        let (_, diagnostics) = loadRoutine(routine(adding: "färg: blå"))
        #expect(diagnostics == ["content/routines/hot.md:9:1: varning: okänd nyckel 'färg' [unknown-key]"])
    }

    @Test func wrongTypes() {
        #expect(loadRoutine(routine(replacing: 5, with: "order: tio")).1 == [
            "content/routines/hot.md:5:8: fel: 'order' ska vara ett heltal, men här står värdet 'tio' [yaml-type]",
        ])
        #expect(loadRoutine(routine(replacing: 6, with: "audience: {alla: ja}")).1 == [
            "content/routines/hot.md:6:11: fel: 'audience' ska vara en lista, men här står rader med 'nyckel: värde' [yaml-type]",
        ])
        #expect(loadRoutine(routine(replacing: 6, with: "audience: [alla, [x]]")).1 == [
            "content/routines/hot.md:6:18: fel: varje post i 'audience' ska vara text, men här står en lista [yaml-type]",
        ])
        #expect(loadRoutine(routine(adding: "share: kanske")).1 == [
            "content/routines/hot.md:9:8: fel: 'share' ska vara true eller false, men här står värdet 'kanske' [yaml-type]",
        ])
        #expect(loadRoutine(routine(adding: "review_interval_months: 0")).1 == [
            "content/routines/hot.md:9:25: fel: 'review_interval_months' ska vara ett heltal från 1 till 120, men här står värdet '0' [yaml-type]",
        ])
        #expect(loadRoutine(routine(adding: "access: hemlig")).1 == [
            "content/routines/hot.md:9:9: fel: 'access' ska vara 'public' eller 'internal', men här står 'hemlig' [bad-value]",
        ])
    }

    @Test func titleThatIsNotTextLeavesNoRoutine() {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 2, with: "title: [Om, hot]"))
        #expect(loaded == nil)
        #expect(diagnostics == ["content/routines/hot.md:2:8: fel: 'title' ska vara text, men här står en lista [yaml-type]"])
    }

    @Test(arguments: ["1 september 2026", "2026-9-1"])
    func badDate(_ written: String) {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 8, with: "reviewed: \(written)"))
        #expect(loaded?.reviewed == nil)
        #expect(diagnostics == [
            "content/routines/hot.md:8:11: fel: 'reviewed' ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men här står '\(written)' [bad-date]",
        ])
    }

    /// Written right but no day of the calendar: the message says why, not how to write a date.
    @Test(arguments: [("2026-13-01", "det finns ingen månad 13; månaderna är 01–12"), ("2026-02-30", "februari 2026 har 28 dagar"),
                      ("2028-02-30", "februari 2028 har 29 dagar"), ("2026-04-31", "april 2026 har 30 dagar")])
    func dayThatDoesNotExist(_ written: String, _ why: String) {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 8, with: "reviewed: \(written)"))
        #expect(loaded?.reviewed == nil)
        #expect(diagnostics == ["content/routines/hot.md:8:11: fel: 'reviewed' är \(written), en dag som inte finns: \(why) [bad-date]"])
    }

    @Test func missingRequiredKeys() {
        let (loaded, diagnostics) = loadRoutine("---\ntitle: Hot\n---\nText\n")
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/routines/hot.md:2:1: fel: 'owner' saknas (kontakt-id för den som håller rutinen aktuell) [missing-key]",
            "content/routines/hot.md:2:1: fel: 'phase' saknas (vilken del av handboken rutinen hör till) [missing-key]",
            "content/routines/hot.md:2:1: fel: 'reviewed' saknas (dagen då rutinen senast granskades, ÅÅÅÅ-MM-DD) [missing-key]",
            "content/routines/hot.md:2:1: fel: 'summary' saknas (en mening om vad rutinen är till för) [missing-key]",
        ])
    }

    @Test func emptyValueCountsAsMissing() {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 3, with: "summary: \"  \""))
        #expect(loaded == nil)
        // At the empty value, not at the start of the front matter.
        #expect(diagnostics == ["content/routines/hot.md:3:10: fel: 'summary' saknas (en mening om vad rutinen är till för) [missing-key]"])
    }

    @Test func frontMatterProblems() {
        #expect(loadRoutine("# Rubrik\n\nText.\n").1 == [
            "content/routines/hot.md:1:1: fel: rutinen ska börja med en rad '---', sedan rutinens uppgifter (title, summary, phase, owner, reviewed) och en rad '---' till [missing-front-matter]",
        ])
        #expect(loadRoutine("---\ntitle: Hot\n\n# Rubrik\n").1 == [
            "content/routines/hot.md:1:1: fel: rutinens uppgifter, som börjar med '---' här, avslutas aldrig; lägg till en rad '---' efter den sista raden med 'nyckel: värde' [unclosed-front-matter]",
        ])
        #expect(loadRoutine(" \n\n").1 == ["content/routines/hot.md:1:1: fel: rutinen är tom [empty-routine]"])
        #expect(loadRoutine("---\n- a\n- b\n---\nText\n").1 == [
            "content/routines/hot.md:2:1: fel: här ska det stå rader med 'nyckel: värde', men här står en lista [yaml-type]",
        ])
    }

    @Test func emptyBodyIsReportedAtTheBodyLine() {
        let text = routine().replacingOccurrences(of: "# Rubrik\n", with: "\n")
        let (loaded, diagnostics) = loadRoutine(text)
        #expect(loaded != nil)
        #expect(diagnostics == ["content/routines/hot.md:10:1: fel: rutinen har ingen text efter uppgifterna överst [empty-routine]"])
    }

    @Test func yamlSyntaxErrorPointsIntoTheFile() {
        let (loaded, diagnostics) = loadRoutine(routine(replacing: 4, with: "phase: [hantera"))
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/routines/hot.md:4:8: fel: en lista som börjar med '[' avslutas aldrig med ']' [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected ',' or ']'\" på rad 5, kolumn 6 (\"while parsing a flow sequence\", från rad 4)",
        ])
    }

    @Test func duplicateKey() {
        let (loaded, diagnostics) = loadRoutine(routine(adding: "title: Igen"))
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/routines/hot.md:9:1: fel: nyckeln 'title' står två gånger; behåll en av dem [duplicate-key]\n  obs: första gången på rad 2",
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
      shortcomings:
        - Filmer saknar textning
        - text: Tabellen har inga radrubriker.
          wcag: [1.3.1, 4.1.2]
          fix_by: 2026-06-30
      feedback_email: webb@exempelby.example
      assessed: 2026-01-15
      updated: 2026-01-20

    """

    @Test func fullExampleDecodesEveryField() throws {
        let (loaded, diagnostics) = loadCouncil(Self.full)
        // The one contact without a date of checking says so.
        #expect(diagnostics == ["content/councils/exempelby/council.yml:20:3: varning: kontakten 'polisen' har inget datum i 'verified'; kontrollera uppgifterna och skriv dagen, ÅÅÅÅ-MM-DD [contact-unverified]"])
        let council = try #require(loaded)
        #expect(council.slug == "exempelby")
        #expect(council.name == "Exempelby kommun")
        #expect(council.kind == .region)
        #expect(council.group == Located(value: "nordvast", location: at(councilFile, 3, 8)))
        #expect(council.population == 12000)
        #expect(council.themeColor == Located(value: "#1d4f73", location: at(councilFile, 5, 17)))
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
        #expect(statement.shortcomings == [
            AccessibilityStatement.Shortcoming(text: "Filmer saknar textning"),
            AccessibilityStatement.Shortcoming(text: "Tabellen har inga radrubriker.", criteria: ["1.3.1", "4.1.2"],
                                               fixBy: Located(value: Day(year: 2026, month: 6, day: 30)!, location: at(councilFile, 29, 15))),
        ])
        #expect(statement.feedbackEmail == "webb@exempelby.example")
        #expect(statement.assessed == Day(year: 2026, month: 1, day: 15))
        #expect(statement.updated == Located(value: Day(year: 2026, month: 1, day: 20)!, location: at(councilFile, 32, 12)))
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
            "content/councils/exempelby/council.yml:1:1: fel: 'kind' saknas (kommun, landsting eller region) [missing-key]",
            "content/councils/exempelby/council.yml:1:1: fel: 'name' saknas (kommunens namn, till exempel 'Exempelby kommun') [missing-key]",
        ])
    }

    @Test func emptyFile() {
        let (loaded, diagnostics) = loadCouncil("")
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:1:1: fel: 'kind' saknas (kommun, landsting eller region) [missing-key]",
            "content/councils/exempelby/council.yml:1:1: fel: 'name' saknas (kommunens namn, till exempel 'Exempelby kommun') [missing-key]",
        ])
    }

    @Test func badKindSuggests() {
        let (loaded, diagnostics) = loadCouncil("name: A\nkind: kommum\n")
        #expect(loaded?.kind == .kommun)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:2:7: fel: 'kind' ska vara kommun, landsting eller region, men här står 'kommum' [bad-value]\n  obs: menade du 'kommun'?",
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
            "content/councils/exempelby/council.yml:3:1: fel: okänd nyckel 'exlude'; menade du 'exclude'? [misspelt-key]\n  obs: skriv 'exclude': som det står nu läses nyckeln inte, och rutinerna som skulle väljas bort publiceras",
            "content/councils/exempelby/council.yml:5:3: varning: okänd nyckel 'colour' [unknown-key]\n  obs: menade du 'color'?",
            "content/councils/exempelby/council.yml:7:3: varning: kontakten 'polisen' har inget datum i 'verified'; kontrollera uppgifterna och skriv dagen, ÅÅÅÅ-MM-DD [contact-unverified]",
            "content/councils/exempelby/council.yml:9:5: fel: okänd nyckel 'phon'; menade du 'phone'? [misspelt-key]\n  obs: skriv 'phone': som det står nu läses nyckeln inte, och läsaren ser inte telefonnumret",
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
            "content/councils/exempelby/council.yml:3:13: fel: 'population' ska vara ett heltal, men här står värdet 'många' [yaml-type]",
            "content/councils/exempelby/council.yml:4:17: fel: 'allow_raw_html' ska vara true eller false, men här står värdet 'kanske' [yaml-type]",
            "content/councils/exempelby/council.yml:5:10: fel: 'exclude' ska vara en lista, men här står rader med 'nyckel: värde' [yaml-type]",
            "content/councils/exempelby/council.yml:6:17: fel: 'color' ska vara en färg skriven #rrggbb, men här står 'blå' [bad-value]",
            "content/councils/exempelby/council.yml:7:1: varning: tillgänglighetsredogörelsen har ingen 'feedback_email'; skriv en e-postadress dit läsare kan skriva om något på webbplatsen inte går att använda [accessibility-no-feedback]",
            "content/councils/exempelby/council.yml:8:11: fel: 'status' ska vara helt, delvis eller inte, men här står 'halvt' [bad-value]",
            "content/councils/exempelby/council.yml:9:13: fel: 'assessed' ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men här står '2026-1-15' [bad-date]",
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
            "content/councils/exempelby/council.yml:4:3: fel: kontakt-id:t 'Säkerhet' får bara innehålla a–z, 0–9 och '-' [invalid-id]\n  obs: skriv det som 'sakerhet'",
            "content/councils/exempelby/council.yml:4:3: varning: kontakten 'Säkerhet' har inget datum i 'verified'; kontrollera uppgifterna och skriv dagen, ÅÅÅÅ-MM-DD [contact-unverified]",
            "content/councils/exempelby/council.yml:7:3: fel: kontakten 'utan-nummer' har varken 'phone' eller 'email'; läsarna kan inte nå den [contact-unreachable]",
            "content/councils/exempelby/council.yml:7:3: varning: kontakten 'utan-nummer' har inget datum i 'verified'; kontrollera uppgifterna och skriv dagen, ÅÅÅÅ-MM-DD [contact-unverified]",
            "content/councils/exempelby/council.yml:10:5: fel: 'role' saknas (vad kontakten gör, till exempel 'Säkerhetssamordnare') [missing-key]",
            "content/councils/exempelby/council.yml:11:15: fel: 'verified' ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men här står 'igår' [bad-date]",
            "content/councils/exempelby/council.yml:12:8: fel: 'fel' ska bestå av rader med 'nyckel: värde', men här står värdet 'Polisen' [yaml-type]",
        ])
    }

    @Test func yamlThatIsNotAMapping() {
        let (loaded, diagnostics) = loadCouncil("Exempelby kommun\n")
        #expect(loaded == nil)
        #expect(diagnostics == [
            "content/councils/exempelby/council.yml:1:1: fel: här ska det stå rader med 'nyckel: värde', men här står värdet 'Exempelby kommun' [yaml-type]",
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
            "content/site.yml:1:1: fel: 'title' saknas (handbokens namn) [missing-key]",
            "content/site.yml:1:1: fel: site.yml behöver minst en del under 'phases' [missing-key]",
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
            "content/site.yml:2:1: fel: site.yml behöver minst en del under 'phases' [missing-key]",
            "content/site.yml:3:5: fel: 'label' saknas (namnet som läsarna ser) [missing-key]",
            "content/site.yml:4:5: fel: varje post i 'phases' ska bestå av rader med 'nyckel: värde' [yaml-type]",
            // A misspelt required key is one problem, where it is written.
            "content/site.yml:8:5: fel: 'number' saknas (numret att ringa); här står 'nummer', som nog ska vara 'number' [missing-key]",
            "content/site.yml:10:3: varning: okänd nyckel 'lix_treshold' [unknown-key]\n  obs: menade du 'lix_threshold'?",
            "content/site.yml:11:27: fel: 'verify_interval_months' ska vara ett heltal från 1 till 120, men här står värdet '200' [yaml-type]",
        ])
    }

    @Test func wrongTypes() {
        let (_, diagnostics) = loadSite("title: H\nphases: hantera\ndefaults:\n  lix_threshold: hög\n")
        #expect(diagnostics == [
            "content/site.yml:2:1: fel: site.yml behöver minst en del under 'phases' [missing-key]",
            "content/site.yml:2:9: fel: 'phases' ska vara en lista, men här står värdet 'hantera' [yaml-type]",
            "content/site.yml:4:18: fel: 'lix_threshold' ska vara ett tal, men här står värdet 'hög' [yaml-type]",
        ])
    }

    /// Who publishes the portal and the base routines: a name, and an address for questions
    /// that must look like one.
    @Test func thePublisher() {
        let base = "title: H\nphases:\n  - id: a\n    label: A\n"
        let (config, diagnostics) = loadSite(base + "publisher:\n  name: Exempelförbundet\n  email: fragor@exempel.example\n")
        #expect(diagnostics.isEmpty)
        #expect(config.publisher?.name == "Exempelförbundet" && config.publisher?.email == "fragor@exempel.example")
        let (broken, problems) = loadSite(base + "publisher:\n  email: fragor(at)exempel.example\n  namn: X\n")
        #expect(broken.publisher == nil)
        #expect(problems.contains { $0.hasPrefix("content/site.yml:6:10: fel: e-postadressen 'fragor(at)exempel.example' ser inte ut som en e-postadress") }, "\(problems)")
        #expect(problems.contains("content/site.yml:7:3: fel: 'name' saknas (vem som ger ut portalen och grundrutinerna); här står 'namn', som nog ska vara 'name' [missing-key]"), "\(problems)")
        #expect(loadSite(base).0.publisher == nil)
    }

    /// libyaml trips over the line after the one set too far left; the error names that one.
    @Test func aLineSetTooFarLeftIsNamedNotTheLineAfterIt() {
        let quoted = "title: H\nphases:\n  - id: a\n    label: A\nnational_numbers:\n  polis:\n    label: Polisen\n  number: \"114 14\"\n\n    note: Dygnet runt\n"
        #expect(loadSite(quoted).1 == [
            "content/site.yml:8:3: fel: raden börjar i kolumn 3, men raderna före och efter den i kolumn 5; rader på samma nivå ska börja i samma kolumn [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected key\" på rad 10, kolumn 5 (\"while parsing a block mapping\", från rad 6)",
        ])
        // A plain value: YAML reads the next line on as the same text and trips over its ': '.
        let plain = quoted.replacingOccurrences(of: "\"114 14\"", with: "114 14")
        #expect(loadSite(plain).1 == [
            "content/site.yml:8:3: fel: raden börjar i kolumn 3, men raderna före och efter den i kolumn 5; rader på samma nivå ska börja i samma kolumn [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"mapping values are not allowed in this context\" på rad 10, kolumn 9",
        ])
        // A line ending in ':' opens a level: the next line further in is right, and the
        // line that is out of step is the one reported.
        let (_, opened) = loadSite("title: H\nphases:\n  - id: a\n    label: A\nx:\n  y:\n    z: 1\n  w:\n     v: 2\n    u: 3\n")
        #expect(opened.count == 1 && opened[0].hasPrefix("content/site.yml:10:5: fel: raden är indragen på ett annat sätt"), "\(opened)")
    }

    @Test func yamlSyntaxError() {
        let (config, diagnostics) = loadSite("title: H\nphases:\n  - id: a\n   label: b\n")
        #expect(config.phases.isEmpty)
        #expect(diagnostics == [
            "content/site.yml:4:4: fel: raden är indragen på ett annat sätt än listans rader ovanför [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected '-' indicator\" på rad 4, kolumn 4 (\"while parsing a block collection\", från rad 3)",
        ])
    }
}

/// Which unknown keys are taken for a slip of the finger on a key that keeps something out of
/// the handbook (`YAMLMapping.guardingKeys`), and so stop the build.
@Suite struct GuardingKeySlipTests {
    @Test(arguments: ["Access", "ACCESS", "acess", "acces", "accsess", "acccess", "caccess", "exlude", "exculde", "excluded", "Exclude"])
    func slips(_ key: String) {
        let intended = key.lowercased().hasPrefix("e") ? "exclude" : "access"
        #expect(YAMLMapping.isSlip(key, of: intended))
    }

    @Test(arguments: [("adress", "access"), ("adresser", "access"), ("success", "access"), ("include", "exclude"), ("excludes_all", "exclude")])
    func otherWords(_ key: String, _ intended: String) {
        #expect(!YAMLMapping.isSlip(key, of: intended))
    }
}


/// A list or group left open at the end of a file is found where it opens; a bracket in plain
/// text or in quotes or a comment opens nothing.
@Suite struct UnclosedBracketTests {
    @Test func theBracketThatOpensAValue() throws {
        let open = try #require(YAMLSyntaxProblem.unclosedBracket(in: "title: Ring 112 [akut\nmembers: [ana, bna\n"))
        #expect((open.line, open.column, open.bracket) == (2, 10, "["))
        let group = try #require(YAMLSyntaxProblem.unclosedBracket(in: "theme: { color: \"#1d4f73\", logo: [a, b]\n"))
        #expect((group.line, group.column, group.bracket) == (1, 8, "{"))
    }

    @Test func textQuotesAndCommentsOpenNothing() {
        #expect(YAMLSyntaxProblem.unclosedBracket(in: "summary: Se [länken\nname: \"[inte\" # [ingen\nmembers: [ana]\n") == nil)
    }
}
