import Foundation
@testable import RutinbokCore
import Testing

@Suite("Portal: review report")
struct PortalReviewReportTests {
    private func report() async throws -> ReviewReport {
        let (report, diagnostics) = await Report.make(content: DemoContent.content, today: DemoContent.today)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(report)
    }

    /// LIX figures are written as `%.1f` writes them, ties included (2.25 is "2.2", 2.75 is
    /// "2.8": the binary value rounded exactly, half to even), for words per sentence over
    /// every count a routine has, and for any value.
    @Test func lixFiguresAreWrittenAsPrintfWritesThem() {
        #expect(DecimalText.point(2.25) == "2.2" && DecimalText.point(2.75) == "2.8")
        #expect(DecimalText.swedish(12.35) == String(format: "%.1f", 12.35).replacingOccurrences(of: ".", with: ","))
        #expect(DecimalText.swedish(1.005, places: 2) == String(format: "%.2f", 1.005).replacingOccurrences(of: ".", with: ","))
        #expect(DecimalText.swedishTrimmed(42) == "42" && DecimalText.swedishTrimmed(42.5) == "42,5" && DecimalText.swedishTrimmed(0.04) == "0")
        for words in 0...400 {
            for sentences in 1...60 {
                let value = Readability(words: words, sentences: sentences, longWords: 0).wordsPerSentence
                #expect(DecimalText.point(value) == String(format: "%.1f", value), "\(words) words, \(sentences) sentences")
            }
        }
        var generator = SeededGenerator(state: 7)
        for _ in 0..<10_000 {
            let value = Double.random(in: 0...1_000, using: &generator)
            #expect(DecimalText.point(value) == String(format: "%.1f", value))
        }
    }

    @Test func staleRoutineAndContact() async throws {
        let report = try await report()
        #expect(report.councils.count == 7)
        for review in report.councils {
            let routines = review.staleRoutines.map(\.routine.id), contacts = review.staleContacts.map(\.id)
            switch review.council.slug {
            case "region-exempelland":
                #expect(routines == ["roller-och-ansvar"])
                #expect(review.staleRoutines.first?.reviewed == Day("2025-06-10"))
                // Twelve months on (site.yml's interval): due then, overdue the day after.
                let due = try #require(review.staleRoutines.first?.dueBy)
                #expect(due == Day("2026-06-10"))
                let routine = try #require(review.staleRoutines.first?.routine)
                let config = try #require(await ContentLoader.load(contentDirectory: DemoContent.content).0?.config)
                #expect(!ReviewStatus.isOverdue(routine, council: review.council, config: config, today: due))
                #expect(ReviewStatus.isOverdue(routine, council: review.council, config: config, today: Day("2026-06-11")!))
                #expect(review.staleRoutines.first?.owner?.name == "Leif Låtsasson")
                #expect(contacts.isEmpty)
            case "exempelby":
                #expect(routines.isEmpty)
                #expect(contacts == ["foretagshalsovard"])
            default:
                #expect(routines.isEmpty && contacts.isEmpty, "\(review.council.slug)")
            }
        }
    }

    @Test func textFormat() async throws {
        let text = try await report().rendered(as: .text)
        #expect(text.hasPrefix("Läget den 29 november 2026 (gränsen för LIX: 50)\n"))
        #expect(text.contains("""
            Region Exempelland (region-exempelland)
              egna rutiner att granska:
                roller-och-ansvar – Roller och ansvar: granskad 2025-06-10, skulle ha granskats senast 2026-06-10; ansvarig: Kanslidirektör, Leif Låtsasson (kanslidirektor@exempelland.example) [\(FolderPath.canonical(DemoContent.content))/councils/region-exempelland/routines/roller-och-ansvar.md]
              egna kontakter att kontrollera: inga
            """))
        // The last day in time, as a routine's: six months on (site.yml's interval).
        #expect(text.contains("foretagshalsovard – Företagshälsovård, Exempelhälsan AB, mottagningen: kontrollerad 2026-02-10, skulle ha kontrollerats senast 2026-08-10 ["))
        #expect(count("egna rutiner att granska: inga", in: text) == 6)
        #expect(count("egna kontakter att kontrollera: inga", in: text) == 6)
        #expect(!text.contains("Gemensamma texter"), "nothing shared is due")
    }

    /// A base routine or a group's contact past its date is listed once, with the handbooks
    /// it concerns, not under each handbook with that council's owner.
    @Test func textFormatListsSharedItemsOnce() async throws {
        let loaded = try await DemoContent.load()
        let text = ReviewReport(handbooks: loaded.handbooks, bodies: loaded.bodies, config: loaded.site.config, today: Day("2027-07-01")!).rendered(as: .text)
        #expect(text.contains("\nGemensamma texter och kontakter (skrivs och granskas på ett ställe, för alla handböcker som har dem)\n  rutiner att granska:\n    trygghetsbesok – Trygghetsbesök i hemmet: granskad 2026-06-12, skulle ha granskats senast 2027-06-12; text från grundrutinerna, i 6 handböcker ["))
        #expect(count("trygghetsbesok – ", in: text) == 1)
        let groupContact = try #require(loaded.site.groups["nordvast"]?.contacts.first)
        #expect(count("\(groupContact.id) – \(groupContact.roleAndName): kontrollerad", in: text) == 1)
        #expect(count("\(groupContact.id) – \(groupContact.roleAndName): kontrollerad \(groupContact.verified!), skulle ha kontrollerats senast ", in: text) == 1)
        #expect(text.contains("; Samverkan Nordväst, i "))
        #expect(count("  LIX: ", in: text) == 7)
    }

    @Test func jsonFormat() async throws {
        let json = try await report().rendered(as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["today"] as? String == "2026-11-29")
        #expect(object["lix_threshold"] as? Double == 50)
        let councils = try #require(object["councils"] as? [[String: Any]])
        let bySlug = Dictionary(uniqueKeysWithValues: councils.map { ($0["slug"] as! String, $0) })
        #expect(bySlug["region-exempelland"]?["routines_past_review"] as? [String] == ["roller-och-ansvar"])
        let contacts = bySlug["exempelby"]?["contacts_past_verification"] as? [[String: Any]]
        #expect(contacts?.map { $0["id"] as? String } == ["foretagshalsovard"])
        #expect(contacts?.first?["verified"] as? String == "2026-02-10")
        #expect(contacts?.first?["verify_due"] as? String == "2026-08-10", "six months on: whom to remind, and since when")
        let routines = try #require(bySlug["exempelby"]?["routines"] as? [[String: Any]])
        #expect(routines.count == 16)
        #expect(routines.allSatisfy { ($0["lix"] as? Double ?? 0) > 0 && $0["lix_high"] as? Bool == false })
        let stale = try #require((bySlug["region-exempelland"]?["routines"] as? [[String: Any]])?.first { $0["id"] as? String == "roller-och-ansvar" })
        #expect(stale["overdue"] as? Bool == true)
        #expect(stale["reviewed"] as? String == "2025-06-10")
        #expect(stale["owner_name"] as? String == "Leif Låtsasson")
        #expect(stale["owner_email"] as? String == "kanslidirektor@exempelland.example")
        #expect(stale["review_due"] as? String == "2026-06-10")
        #expect(stale["form"] as? String == "anpassad")
        #expect(routines.filter { $0["form"] as? String == "egen" }.map { $0["id"] as? String } == ["sammantraden-i-folkets-hus"])
    }

    @Test func csvFormat() async throws {
        let csv = try await report().rendered(as: .csv)
        // A byte order mark first: Excel reads UTF-8 without one as another code page.
        #expect(csv.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(csv.dropFirst()).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "Handbokens id;Handbok;Typ;Form;Id;Titel eller roll;Namn;Granskad eller kontrollerad;Ska granskas eller kontrolleras senast;Dags att granska eller kontrollera;Ansvarig (roll);Ansvarig (namn);Ansvarig (e-post);LIX;LIX över gränsen;Fil;Skriven av")
        let overdue = lines.filter { $0.contains(";ja;") }
        #expect(overdue.count == 2)
        #expect(overdue.contains { $0.hasPrefix("region-exempelland;Region Exempelland;rutin;anpassad;roller-och-ansvar;Roller och ansvar;;2025-06-10;2026-06-10;ja;Kanslidirektör;Leif Låtsasson;kanslidirektor@exempelland.example;") })
        // A comma is not the separator: the name that holds one needs no quotes.
        #expect(overdue.contains { $0.hasPrefix("exempelby;Exempelby kommun;kontakt;;foretagshalsovard;Företagshälsovård;Exempelhälsan AB, mottagningen;2026-02-10;2026-08-10;ja;") })
        // One row per routine of each handbook: 16 + 17 + 16 + 16 + 17 + 17 + 16.
        let routines = lines.filter { $0.contains(";rutin;") }
        #expect(routines.count == 115)
        // The form, as the coverage page counts it: 99 inherited cells, 12 adapted, and the additions.
        let forms = routines.map { $0.split(separator: ";", omittingEmptySubsequences: false)[3] }
        #expect(forms.filter { $0 == "ärvd" }.count == 99)
        #expect(forms.filter { $0 == "anpassad" }.count == 12)
        #expect(forms.filter { $0 == "egen" }.count == 4)
        #expect(routines.contains { $0.hasPrefix("exempelby;Exempelby kommun;rutin;egen;sammantraden-i-folkets-hus;") })
        // LIX with a decimal comma, in its own field.
        #expect(routines.allSatisfy { $0.split(separator: ";", omittingEmptySubsequences: false)[13].allSatisfy { $0.isNumber || $0 == "," } })
        #expect(routines.contains { $0.split(separator: ";", omittingEmptySubsequences: false)[13].contains(",") })
        // Who wrote each text and keeps each contact: the base's publisher, the group, the council.
        func writer(_ line: String) -> Substring { line.split(separator: ";", omittingEmptySubsequences: false)[16] }
        #expect(routines.filter { $0.contains(";ärvd;") }.allSatisfy { writer($0) == "grundrutin" })
        #expect(routines.contains { $0.hasPrefix("exempelby;Exempelby kommun;rutin;egen;sammantraden-i-folkets-hus;") && writer($0) == "Exempelby kommun" })
        let lattsasby = lines.filter { $0.hasPrefix("lattsasby;") }
        #expect(lattsasby.contains { $0.contains(";kontakt;;sakerhetssamordnare;") && writer($0) == "Samverkan Nordväst" })
        #expect(lattsasby.contains { $0.contains(";rutin;") && writer($0) == "Samverkan Nordväst" })
    }

    /// The accessibility statement is due a year after its assessment, and a shortcoming on
    /// the day after its `fix_by`: the report says so in each format, as the check warns.
    @Test func theStatementsAssessmentAndFixesAreDueLikeReviews() async throws {
        let loaded = try await DemoContent.load()
        // Exempelby was assessed 2026-10-15, Exempelstad 2026-11-05 with a fix due 2027-03-31.
        let report = ReviewReport(handbooks: loaded.handbooks, bodies: loaded.bodies, config: loaded.site.config, today: Day("2027-11-01")!)
        let text = report.rendered(as: .text)
        let content = DemoContent.content
        #expect(text.contains("\n  tillgänglighetsredogörelsen att se över: ja, bedömd 2026-10-15, skulle ha bedömts igen senast 2027-10-15 [\(content)/councils/exempelby/council.yml]\n"))
        #expect(text.contains("""
            [\(content)/councils/exempelstad/council.yml]
              tillgänglighetsredogörelsen att se över: nej, nästa bedömning senast 2027-11-05
              brister att åtgärda:
                Tabellen i rutinen om riskbedömning har inga rubriker för rader (WCAG 1.3.1): skulle vara åtgärdad senast 2027-03-31 [\(content)/councils/exempelstad/council.yml]

            """))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.rendered(as: .json).utf8)) as? [String: Any])
        let councils = try #require(object["councils"] as? [[String: Any]])
        let exempelstad = try #require(councils.first { $0["slug"] as? String == "exempelstad" }?["accessibility"] as? [String: Any])
        #expect(exempelstad["assessed"] as? String == "2026-11-05" && exempelstad["assessment_due"] as? String == "2027-11-05")
        #expect(exempelstad["overdue"] as? Bool == false)
        let fix = try #require((exempelstad["shortcomings"] as? [[String: Any]])?.first)
        #expect(fix["wcag"] as? [String] == ["1.3.1"] && fix["fix_by"] as? String == "2027-03-31" && fix["overdue"] as? Bool == true)
        let exempelby = try #require(councils.first { $0["slug"] as? String == "exempelby" }?["accessibility"] as? [String: Any])
        #expect(exempelby["overdue"] as? Bool == true)
        let rows = report.rendered(as: .csv).components(separatedBy: "\r\n")
        #expect(rows.contains("exempelby;Exempelby kommun;tillgänglighetsredogörelse;;;Tillgänglighetsredogörelse;;2026-10-15;2027-10-15;ja;;;;;;\(content)/councils/exempelby/council.yml;Exempelby kommun"))
        #expect(rows.contains("exempelstad;Exempelstads kommun;tillgänglighetsbrist;;WCAG 1.3.1;Tabellen i rutinen om riskbedömning har inga rubriker för rader.;;;2027-03-31;ja;;;;;;\(content)/councils/exempelstad/council.yml;Exempelstads kommun"))
        #expect(rows.filter { $0.contains(";tillgänglighetsredogörelse;") }.count == 7)
        #expect(rows.contains { $0.hasPrefix("region-exempelmark;Region Exempelmark;tillgänglighetsbrist;;WCAG 2.1.1, 2.4.3;") })
        // On the earliest `fix_by` of the demo (Region Exempelmark's), no fix is past yet.
        let before = ReviewReport(handbooks: loaded.handbooks, bodies: loaded.bodies, config: loaded.site.config, today: Day("2027-02-28")!)
        #expect(before.councils.allSatisfy { $0.statement.overdueFixes.isEmpty })
        #expect(!before.rendered(as: .text).contains("brister att åtgärda"))
    }

    /// A report of every handbook is read by whoever publishes the portal: it says when the
    /// portal's own statement is due too. One of chosen councils does not.
    @Test func aReportOfEveryHandbookSaysWhenThePortalsStatementIsDue() async throws {
        let whole = try await report()
        let text = whole.rendered(as: .text)
        #expect(text.contains("\n\nPortalen\n  tillgänglighetsredogörelsen att se över: nej, nästa bedömning senast 2027-10-20\n\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(whole.rendered(as: .json).utf8)) as? [String: Any])
        let portal = try #require(object["portal_accessibility"] as? [String: Any])
        #expect(portal["assessment_due"] as? String == "2027-10-20" && portal["overdue"] as? Bool == false)
        let (chosen, _) = await Report.make(content: DemoContent.content, today: DemoContent.today, councils: ["exempelby"])
        let one = try #require(chosen)
        #expect(one.portalStatement == nil && !one.rendered(as: .text).contains("Portalen"))
        let overdue = try #require(await Report.make(content: DemoContent.content, today: Day("2027-10-21")!).0)
        #expect(overdue.rendered(as: .text).contains("\nPortalen\n  tillgänglighetsredogörelsen att se över: ja, bedömd 2026-10-20, skulle ha bedömts igen senast 2027-10-20 ["))
    }

    /// A report exits with the errors a build of the same handbooks stops at: an unknown part
    /// of the handbook and a link to no routine among them, not only files that do not load.
    @Test func theReportHasTheErrorsABuildOfTheSameHandbooksStopsAt() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.write("content/councils/exby/routines/egen.md", """
            ---
            title: Egen rutin
            summary: Bara i Exby.
            phase: hanter
            audience: [alla]
            owner: samordnare
            reviewed: 2026-05-01
            ---

            Läs [rutinen som inte finns](finns-inte.md).

            """)
        let (report, diagnostics) = await Report.make(content: workspace.content, today: BrokenWorkspace.defaultToday)
        #expect(report != nil, "the report is still written, for what could be read")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(Set(errors.map(\.code)) == ["unknown-phase", "broken-link"], "\(errors)")
        let built = await Build.run(workspace.options(), write: false).diagnostics.filter { $0.severity == .error }
        #expect(Set(built.map(\.description)) == Set(errors.map(\.description)))
    }

    /// A routine whose review date cannot be read is due: a spreadsheet filtered on "ja", or
    /// the text's list, would otherwise hide the one routine no one knows the date of.
    @Test func aRoutineWithoutAReadableReviewDateIsDue() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace("content/councils/exby/routines/lokalt.md", "reviewed: 2026-01-15", with: "reviewed: 15/1/2026")
        let (report, diagnostics) = await Report.make(content: workspace.content, today: BrokenWorkspace.defaultToday, councils: ["exby"])
        #expect(diagnostics.map(\.code).contains("bad-date"))
        let made = try #require(report)
        #expect(made.rendered(as: .text).contains("\n  egna rutiner att granska:\n    lokalt – Sammanträden i Exby: granskningsdatumet ('reviewed') saknas eller går inte att läsa ["))
        let row = try #require(made.rendered(as: .csv).split(separator: "\r\n").first { $0.contains(";lokalt;") })
        #expect(row.split(separator: ";", omittingEmptySubsequences: false)[9] == "ja", "\(row)")
    }

    /// A handbook without a statement is told to write one: the law asks for it.
    @Test func aHandbookWithoutAStatementIsToldToWriteOne() async throws {
        let workspace = try BrokenWorkspace()
        let (report, _) = await Report.make(content: workspace.content, today: BrokenWorkspace.defaultToday, councils: ["exby"])
        let text = try #require(report).rendered(as: .text)
        #expect(text.contains("\n  tillgänglighetsredogörelse: saknas; skriv den under 'accessibility' ["))
        #expect(!text.contains("att se över"))
    }

    @Test func csvQuoting() {
        #expect(ReviewReport.csvField("a,b") == "a,b")
        #expect(ReviewReport.csvField("a;b") == "\"a;b\"")
        #expect(ReviewReport.csvField("två\nrader") == "\"två\nrader\"")
        #expect(ReviewReport.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReviewReport.csvField("plain") == "plain")
        // CR LF is one Character: it was neither of the two line breaks looked for.
        #expect(ReviewReport.csvField("två\r\nrader") == "\"två\r\nrader\"")
    }

    /// A title or a name that a spreadsheet would run as a formula is text (OWASP's advice).
    @Test(arguments: ["=HYPERLINK(\"https://x.example\")", "+1", "-2+3", "@SUM(1)", "\t=1"])
    func csvFormulasAreText(_ field: String) {
        #expect(ReviewReport.csvField(field).hasPrefix("'") || ReviewReport.csvField(field).hasPrefix("\"'"))
        #expect(ReviewReport.csvField(field).contains(field.replacingOccurrences(of: "\"", with: "\"\"")))
    }
}
