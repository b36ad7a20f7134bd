import Foundation
@testable import RutinbokCore
import Testing

@Suite("Portal: pages built from the demo")
struct PortalPagesTests {
    static let pages = ["index", "tackning", "exempel", "andringar", "granskning", "lasbarhet"]

    /// The visible text of each data cell of the table row whose header contains `name`.
    private func row(_ name: String, in html: String) -> [String] {
        row(in: html) { $0.hasPrefix("<tr><th scope=\"row\">") && $0.contains(">\(name)<") }
    }

    /// The visible text of each data cell of the first table row `line` picks.
    private func row(in html: String, where matches: (String) -> Bool) -> [String] {
        guard let line = html.components(separatedBy: "\n").first(where: matches) else { return [] }
        return line.components(separatedBy: "<td").dropFirst().map { cell in
            var text = String(cell.drop { $0 != ">" }.dropFirst())
            if let end = text.range(of: "</td>") { text = String(text[..<end.lowerBound]) }
            text = text.replacingOccurrences(of: "<span class=\"visually-hidden\">[^<]*</span>", with: "", options: .regularExpression)
            return text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        }
    }

    @Test func portalPages() async throws {
        let output = try await DemoContent.build()
        defer { try? FileManager.default.removeItem(atPath: output) }

        // The summary pages, and each handbook's page, which belongs under the overview.
        let handbookPages = try FileManager.default.contentsOfDirectory(atPath: "\(output)/handbocker").sorted().map { "handbocker/\($0)" }
        #expect(handbookPages.count == 7)
        for name in Self.pages.map(PageNames.html) + handbookPages {
            let html = read("\(output)/\(name)")
            #expect(html.contains("<html lang=\"sv\">"), "\(name)")
            #expect(count("<h1", in: html) == 1, "\(name)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#innehall\">"), "\(name)")
            #expect(html.contains("<main id=\"innehall\""), "\(name)")
            #expect(html.contains("<nav class=\"portal-nav\" aria-label="), "\(name)")
            if name.contains("/") {
                #expect(html.contains("<a href=\"../index.html\" aria-current=\"true\">Översikt</a>"), "\(name)")
            } else {
                #expect(html.contains("aria-current=\"page\""), "\(name)")
            }
            #expect(count("<table", in: html) == count("<caption", in: html), "\(name)")
            #expect(!html.contains("<th>"), "every header cell has a scope: \(name)")
            // Who publishes the portal and the base routines, and where to ask (site.yml).
            #expect(html.contains("Portalen och grundrutinerna ges ut av Exempelförbundet för kommuner och regioner. Frågor om dem: <a href=\"mailto:grundrutiner@exempelforbundet.example\" aria-label=\"grundrutiner@exempelforbundet.example\">"), "\(name)")
            // Every table scrolls sideways in a focusable region named by its caption.
            #expect(count("<table", in: html) == count("<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"", in: html), "\(name)")
            for label in html.components(separatedBy: "role=\"region\" aria-labelledby=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                #expect(html.contains("<caption id=\"\(label)\">"), "\(name): \(label)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: "\(output)/assets/tema/portal.css"))

        let index = read("\(output)/index.html")
        // Typ, Samverkansgrupp, Rutiner, Anpassade, Egna, Bortvalda, Delar utan rutin, Äldsta granskning av
        // egen text, Egna att granska: the base's and the group's texts are reviewed in one place.
        #expect(index.contains("<p>Alla 7 handböcker har rutiner i varje del av handboken.</p>"))
        #expect(row("Exempelby kommun", in: index) == ["Kommun", "Ingen", "16", "0", "1", "1", "Inga", "12 oktober 2026", "1"])
        #expect(row("Låtsasby kommun", in: index) == ["Kommun", "Samverkan Nordväst", "16", "3", "0", "0", "Inga", "8 oktober 2026", "0"])
        #expect(row("Region Exempelland", in: index) == ["Region", "Ingen", "17", "1", "1", "0", "Inga", "10 juni 2025", "1"])
        #expect(row("Region Exempelmark", in: index) == ["Region", "Ingen", "16", "1", "0", "0", "Inga", "10 november 2026", "0"])
        #expect(index.contains("<a href=\"exempelstad/index.html\">Exempelstads kommun</a>"))
        // Someone in danger who lands here finds 112 before the tables, and the way to their handbook.
        #expect(index.contains("<p class=\"portal-emergency-call\"><strong>Är du i fara?</strong> <a class=\"tel tel-112\" href=\"tel:112\"><span class=\"tel-label\">Ring</span> <span class=\"tel-number\">112</span></a></p>"))
        #expect(index.range(of: "portal-emergency")!.lowerBound < index.range(of: "<table")!.lowerBound)
        // … and a plain list of the handbooks to pick theirs from, not the overview's table.
        #expect(index.contains("<details class=\"portal-pick\"><summary>Välj din kommun eller region</summary>\n<ul><li><a href=\"exempelby/index.html\">Exempelby kommun</a></li><li><a href=\"exempelstad/index.html\">Exempelstads kommun</a></li>"))
        #expect(count("<li><a href=\"", in: index.components(separatedBy: "portal-pick")[1].components(separatedBy: "</details>")[0]) == 7)

        let coverage = read("\(output)/tackning.html")
        let councils = ["Exempelby kommun", "Exempelstads kommun", "Fiktiva kommun", "Låtsasby kommun",
                        "Påhittsjö kommun", "Region Exempelland", "Region Exempelmark"]
        // The matrix's row header is the title alone; the counts' row header links to the routine's page.
        func cells(_ title: String) -> [String] { row(in: coverage) { $0.hasPrefix("<tr><th scope=\"row\">\(title)</th>") } }
        func counts(_ id: String) -> [String] { row(in: coverage) { $0.hasPrefix("<tr><th scope=\"row\"><a href=\"tackning/\(id).html\">") } }
        // Ärvd, Anpassad, Bortvald: no handbook of the public demo keeps a base routine's text internal.
        #expect(counts("trygghetsbesok") == ["6", "0", "1"])
        #expect(counts("sociala-medier") == ["5", "2", "0"])
        #expect(counts("roller-och-ansvar") == ["3", "4", "0"])
        #expect(!coverage.contains("<th scope=\"col\" class=\"num\">Intern</th>"))
        // The legend names what to choose in the table with a column per handbook.
        #expect(coverage.contains("<dd>Egen text i stället för grundrutinen, skriven av kommunen, regionen eller en samverkansgrupp. Vad som har ändrats ser du på rutinens sida eller genom att välja ordet Anpassad i tabellen som har en kolumn för varje handbok.</dd>"))
        #expect(count("<table class=\"coverage-counts\">", in: coverage) == 5)
        #expect(count("<table class=\"coverage stack\">", in: coverage) == 5, "7 handböcker: the matrix too")
        #expect(cells("Trygghetsbesök i hemmet").first == "Bortvald")
        #expect(cells("Trygghetsbesök i hemmet").count == councils.count)
        let social = cells("Sociala medier")
        #expect(social == ["Ärvd", "Anpassad", "Ärvd", "Ärvd", "Ärvd", "Ärvd", "Anpassad från Exempelstads kommun"])
        #expect(coverage.contains("<td class=\"cell cell-anpassad\"><a href=\"andringar/region-exempelmark/sociala-medier.html\">Anpassad<span class=\"visually-hidden\">: Sociala medier i Region Exempelmark</span></a> <span class=\"cell-detail\">från Exempelstads kommun</span></td>"))
        #expect(coverage.contains("<td class=\"cell cell-anpassad\"><a href=\"andringar/lattsasby/roller-och-ansvar.html\">Anpassad<span class=\"visually-hidden\">: Roller och ansvar i Låtsasby kommun</span></a> <span class=\"cell-detail\">av Samverkan Nordväst</span></td>"))
        #expect(count("<td class=\"cell cell-anpassad\">", in: coverage) == 12)
        #expect(count("<td class=\"cell cell-utesluten\">Bortvald</td>", in: coverage) == 1)
        #expect(count("<td class=\"cell cell-arvd\">Ärvd</td>", in: coverage) == 99)
        // Each handbook's own routines, in a row of their own.
        #expect(coverage.contains("<tr><th scope=\"row\" id=\"handbok-fiktiva\"><a href=\"fiktiva/index.html\">Fiktiva kommun</a></th><td><span class=\"none\">Inga</span></td></tr>"))
        #expect(coverage.contains("<tr><th scope=\"row\" id=\"handbok-exempelby\"><a href=\"exempelby/index.html\">Exempelby kommun</a></th><td><ul><li><a href=\"exempelby/sammantraden-i-folkets-hus.html\">Sammanträden i Folkets hus</a> <span class=\"meta\">(Förebygga)</span></li></ul></td></tr>"))
        // An internal routine's title stays out of the public portal; the intranet's build lists it.
        #expect(!coverage.contains("Säkerhet i stadshuset"))
        let intranet = try await DemoContent.build(internal: true)
        defer { try? FileManager.default.removeItem(atPath: intranet) }
        #expect(read("\(intranet)/tackning.html").contains(
            "<a href=\"exempelstad/sakerhet-i-stadshuset.html\">Säkerhet i stadshuset</a> <span class=\"meta\">(Hantera en händelse; intern, bara i den interna handboken)</span>"))

        let examples = read("\(output)/exempel.html")
        #expect(count("<article class=\"example\">", in: examples) == 3)
        #expect(examples.contains("<a href=\"region-exempelmark/sociala-medier.html\">Region Exempelmark</a>"))
        #expect(examples.contains("rutinbok adopt exempelstad/sociala-medier --into &lt;din-kommun&gt;"))
        #expect(examples.contains("Ingen ännu"))
        // Exempelstad's "Sociala medier" and the group's "Utbildning och introduktion" replace
        // base routines: their change pages are linked; "Webbsändning av sammanträden" is
        // Exempelstad's own, with no base to compare with.
        #expect(examples.contains("<a href=\"andringar/exempelstad/sociala-medier.html\">Se vad Exempelstads kommun har ändrat<span class=\"visually-hidden\"> i Sociala medier</span></a>"))
        #expect(examples.contains("rutinbok adopt nordvast/utbildning-och-introduktion --into &lt;din-kommun&gt;"))
        #expect(count("Jämfört med grundrutinen", in: examples) == 2)
        // A group's example names the group, linked to its page in the portal, and links the
        // handbooks that share it to their copy, not the first member's start page.
        #expect(examples.contains("<div><dt>Från</dt><dd><a href=\"grupper/nordvast.html\">Samverkan Nordväst</a></dd></div>"))
        #expect(examples.contains("<div><dt>Gemensam för</dt><dd><ul class=\"inline-list\"><li><a href=\"fiktiva/utbildning-och-introduktion.html\">Fiktiva kommun</a></li><li><a href=\"lattsasby/utbildning-och-introduktion.html\">Låtsasby kommun</a></li><li><a href=\"pahittsjo/utbildning-och-introduktion.html\">Påhittsjö kommun</a></li></ul></dd></div>"))
        #expect(count("<dt>Gemensam för</dt>", in: examples) == 1, "a council's example is its own")
        #expect(examples.contains("<div><dt>Från</dt><dd><a href=\"exempelstad/index.html\">Exempelstads kommun</a></dd></div>"))

        let changes = try await DemoContent.portal().changes
        for change in changes {
            let path = "\(output)/andringar/\(change.council.slug)/\(change.routine.id).html"
            let html = read(path)
            #expect(html.contains("<ins>") || html.contains("<del>"), "\(path)")
            #expect(html.contains("href=\"../../assets/tema/portal.css\""))
            #expect(html.contains("<span class=\"visually-hidden\">[Tillagd text: </span>") || html.contains("<span class=\"visually-hidden\">[Borttagen text: </span>"))
        }
        let region = read("\(output)/andringar/region-exempelmark/sociala-medier.html")
        #expect(region.contains("<p class=\"lead\">Region Exempelmarks text jämförd med grundrutinen, ord för ord.</p>"))
        #expect(region.contains("Raden Kontaktuppgifter visar vilken kontakt texten hänvisar till. Telefonnummer och e-post jämförs inte."))
        // A group's text is the group's, shown in the member's handbook: said so, with each
        // name in the genitive ("Nordvästs", "kommuns").
        let group = read("\(output)/andringar/lattsasby/roller-och-ansvar.html")
        #expect(group.contains("<p class=\"lead\">Samverkan Nordvästs text, som Låtsasby kommun använder, jämförd med grundrutinen, ord för ord.</p>"), "\(group)")
        #expect(group.contains("<a href=\"../../lattsasby/roller-och-ansvar.html\">Läs rutinen som den står i Låtsasby kommuns handbok</a>"))
        #expect(region.contains("<del><span class=\"visually-hidden\">[Borttagen text: </span>våra officiella<span class=\"visually-hidden\"> – slut på borttagen text]</span></del><wbr><ins><span class=\"visually-hidden\">[Tillagd text: </span>regionens<span class=\"visually-hidden\"> – slut på tillagd text]</span></ins> konton och dina egna."))
        // A contact card shows whose details stand there, by the handbook's contacts.
        #expect(region.contains("<p class=\"diff-card\"><span class=\"diff-card-label\">Kontaktuppgifter:</span> "))
        #expect(region.contains("Hämtad från</dt><dd>Exempelstads kommun"))
        // Reviewed after its base (10 November against 5 October): nothing to flag.
        #expect(!region.contains("Grundrutinen har granskats efter den här texten."))
        // Region Exempelland's text was last reviewed in June 2025, its base since then.
        #expect(read("\(output)/andringar/region-exempelland/roller-och-ansvar.html")
            .contains("<p class=\"notice\"><strong>Grundrutinen har granskats efter den här texten.</strong> Se om det som har ändrats i grundrutinen också ska in i Region Exempellands text, och granska texten på nytt.</p>"))
        // A name that ends in s, x or z takes no s of its own; an abbreviation takes ":s".
        #expect(SwedishGenitive.of("Exempelby") == "Exempelbys")
        #expect(SwedishGenitive.of("Samverkan Nordväst") == "Samverkan Nordvästs")
        #expect(SwedishGenitive.of("Vännäs kommun") == "Vännäs kommuns" && SwedishGenitive.of("Samverkan Vännäs") == "Samverkan Vännäs")
        #expect(SwedishGenitive.of("Grupp Fyrkantz") == "Grupp Fyrkantz" && SwedishGenitive.of("Samverkan Box") == "Samverkan Box")
        #expect(SwedishGenitive.of("SKR") == "SKR:s" && SwedishGenitive.of("Samverkan KSL") == "Samverkan KSL:s")
        // Twelve adapted routines, eight texts: each of the group's two texts is one row for its three members.
        let changeList = read("\(output)/andringar.html")
        #expect(count("<tr><th scope=\"row\">", in: changeList) == 8)
        // A group's text names its members; each member's first row has its id, which the
        // overview's count of adapted routines links to.
        #expect(changeList.contains("<td><span id=\"handbok-fiktiva\"></span><span id=\"handbok-lattsasby\"></span><span id=\"handbok-pahittsjo\"></span>Fiktiva kommun, Låtsasby kommun, Påhittsjö kommun</td><td><a href=\"grupper/nordvast.html\">Samverkan Nordväst</a></td>"))
        #expect(count("id=\"handbok-fiktiva\"", in: changeList) == 1)
        let overviewLinks = read("\(output)/index.html")
        #expect(overviewLinks.contains("<td class=\"num\"><a href=\"andringar.html#handbok-lattsasby\"><span class=\"visually-hidden\">Anpassade rutiner i Låtsasby kommun: </span>3</a></td>"))
        #expect(!overviewLinks.contains("andringar.html#handbok-exempelby"), "Exempelby adapted nothing")
        // "Egna" leads to the handbook's row of own routines on the coverage page, "Bortvalda"
        // to the list of them on the handbook's page, where the count of routines leads too.
        #expect(overviewLinks.contains("<td class=\"num\"><a href=\"tackning.html#handbok-exempelby\"><span class=\"visually-hidden\">Egna rutiner i Exempelby kommun: </span>1</a></td><td class=\"num\"><a href=\"handbocker/exempelby.html#utesluten\"><span class=\"visually-hidden\">Bortvalda rutiner i Exempelby kommun: </span>1</a></td>"))
        #expect(overviewLinks.contains("<td class=\"num\"><a href=\"handbocker/lattsasby.html\"><span class=\"visually-hidden\">Rutiner i Låtsasby kommun: </span>16</a></td>"))
        #expect(!overviewLinks.contains("handbocker/lattsasby.html#"), "Låtsasby left nothing out")
        #expect(!overviewLinks.contains("tackning.html#handbok-lattsasby"), "Låtsasby has no routine of its own")
        #expect(read("\(output)/index.html").contains("jämförda med grundrutinen (8 texter just nu; en text som en samverkansgrupp delar räknas en gång, även om flera handböcker har den)"))

        let review = read("\(output)/granskning.html")
        #expect(review.contains("<tr><th scope=\"row\"><a href=\"#region-exempelland\">Region Exempelland</a></th><td class=\"num\">1</td><td class=\"num\">0</td></tr>"))
        #expect(review.contains("<tr><th scope=\"row\"><a href=\"#exempelby\">Exempelby kommun</a></th><td class=\"num\">0</td><td class=\"num\">1</td></tr>"))
        // When it should have been reviewed (twelve months on), and the change page, which
        // says that the base routine was reviewed since: why a review is due.
        #expect(review.contains("<thead><tr><th scope=\"col\">Rutin</th><th scope=\"col\">Senast granskad</th><th scope=\"col\">Skulle ha granskats senast</th><th scope=\"col\">Ansvarig</th></tr></thead>"))
        #expect(review.contains("<a href=\"region-exempelland/roller-och-ansvar.html\">Roller och ansvar</a> <span class=\"meta\">(<a href=\"andringar/region-exempelland/roller-och-ansvar.html\">jämför med grundrutinen<span class=\"visually-hidden\">: Roller och ansvar i Region Exempelland</span></a>)</span></th><td><time datetime=\"2025-06-10\">10 juni 2025</time></td><td><time datetime=\"2026-06-10\">10 juni 2026</time></td><td>Kanslidirektör, Leif Låtsasson, <a href=\"tel:0700000306\">070-000 03 06</a>, <a href=\"mailto:kanslidirektor@exempelland.example\" aria-label=\"kanslidirektor@exempelland.example\">kanslidirektor<wbr>@exempelland<wbr>.example</a></td>"))
        #expect(review.contains("<tr><th scope=\"row\">Företagshälsovård</th><td>Exempelhälsan AB, mottagningen</td><td><time datetime=\"2026-02-10\">10 februari 2026</time></td></tr>"))
        // Only handbooks with something due get a row and a section; the others are named once.
        #expect(review.contains("<p>2 av 7 handböcker har egna texter eller kontakter att se över, tillsammans 1 rutin att granska och 1 kontakt att kontrollera. Handböckerna med mest att göra står först.</p>"))
        #expect(!review.contains("id=\"gemensamt\""), "no shared text or contact is due")
        #expect(count("<section class=\"review-council\"", in: review) == 2)
        #expect(!review.contains("<h2 id=\"exempelstad\">"))
        #expect(review.contains("<li><a href=\"exempelstad/index.html\">Exempelstads kommun</a></li>"))
        // The overview links a count to its section only where there is one.
        let overview = read("\(output)/index.html")
        #expect(overview.contains("<td class=\"num\"><a href=\"granskning.html#exempelby\"><span class=\"visually-hidden\">Egna att granska eller kontrollera i Exempelby kommun: </span>1</a></td></tr>"))
        #expect(!overview.contains("granskning.html#exempelstad"))

        let readability = read("\(output)/lasbarhet.html")
        #expect(readability.contains("Gränsen för en varning är LIX 50."))
        // The hardest text first; a base text's row leads to the routine across the handbooks.
        let lix = readability.components(separatedBy: "\n").filter { $0.hasPrefix("<tr") && $0.contains("<th scope=\"row\">") }
            .map { Int(row(in: $0) { _ in true }[1]) ?? -1 }
        #expect(lix.count > 20)
        #expect(lix == lix.sorted(by: >), "\(lix)")
        #expect(readability.contains("<th scope=\"row\"><a href=\"tackning/riskbedomning-infor-sammantraden.html\">Riskbedömning inför sammanträden<span class=\"visually-hidden\">, grundrutinen i handböckerna</span></a></th><td>Grundrutin</td>"))
    }

    /// The readability page writes a threshold with decimals the Swedish way, as the report
    /// and the warnings do ("42,5", not "42.5"), and a whole one without them ("50").
    /// A change's size in correct Swedish: "1 ord tillagt", not "1 ord tillagda".
    @Test func wordCountsAgreeWithTheirNumber() {
        #expect(PortalPages.words(0, one: "tillagt", many: "tillagda") == "inga ord tillagda")
        #expect(PortalPages.words(1, one: "tillagt", many: "tillagda") == "1 ord tillagt")
        #expect(PortalPages.words(61, one: "tillagt", many: "tillagda") == "61 ord tillagda")
        #expect(PortalPages.counted(1, "handbok", "handböcker") == "1 handbok")
        #expect(PortalPages.counted(0, "handbok", "handböcker") == "0 handböcker")
        #expect(PortalPages.counted(310, "text", "texter") == "310 texter")
        #expect(PortalPages.counted(3113, "text", "texter") == "3\u{A0}113 texter")
        #expect(DecimalText.swedishWhole(1_234_567) == "1\u{A0}234\u{A0}567")
        #expect(DecimalText.swedishWhole(-12000) == "-12\u{A0}000")
        #expect(DecimalText.swedishWhole(0) == "0")
    }

    /// A group's routine of its own is listed among each member's own routines as written
    /// "av" the group, the matrix's word for the group's text; "från" there means adopted.
    @Test func aGroupsOwnRoutineIsListedAsTheGroupsText() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        try """
            ---
            title: Krisstödslinjen
            summary: Samverkan Nordväst har en gemensam stödlinje för förtroendevalda.
            phase: efterat
            audience: [alla]
            owner: kanslichef
            reviewed: 2026-10-08
            ---

            Ring stödlinjen när du behöver prata med någon efter en händelse.

            """.write(toFile: "\(content)/groups/nordvast/routines/krisstodslinjen.md", atomically: true, encoding: .utf8)
        let (output, result) = await TestPaths.build(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(result.published, "\(result.diagnostics)")
        let coverage = read("\(output.path)/tackning.html")
        #expect(coverage.contains("<a href=\"lattsasby/krisstodslinjen.html\">Krisstödslinjen</a> <span class=\"meta\">(Stöd efteråt; av <a href=\"grupper/nordvast.html\">Samverkan Nordväst</a>)</span>"), "\(coverage)")
        #expect(!coverage.contains("från Samverkan Nordväst"))
    }

    /// A handbook with no text of its own but its group's is not said to have "no own texts"
    /// beside counts of adapted and own routines that are the group's.
    @Test func theOverviewTellsAGroupsTextsFromNone() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        for file in ["councils/fiktiva/routines/hot-via-telefon.md", "councils/exempelby/routines/sammantraden-i-folkets-hus.md"] {
            try FileManager.default.removeItem(atPath: "\(content)/\(file)")
        }
        let (output, result) = await TestPaths.build(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(result.published, "\(result.diagnostics)")
        let index = read("\(output.path)/index.html")
        func row(_ slug: String) -> String {
            index.components(separatedBy: "<tr>").first { $0.hasPrefix("<th scope=\"row\"><a href=\"\(slug)/index.html\">") } ?? ""
        }
        #expect(row("fiktiva").contains("<span class=\"none\">Bara gruppens texter</span>"), "\(row("fiktiva"))")
        #expect(row("exempelby").contains("<span class=\"none\">Inga egna texter</span>"), "\(row("exempelby"))")
    }

    /// No routine shared: the examples page says so, and how one gets there, instead of
    /// "0 att hämta" and instructions for nothing.
    @Test func examplesPageWithNoExamples() async throws {
        let content = try DemoContent.copy()
        for file in ["councils/exempelstad/routines/webbsandning-av-sammantraden.md", "councils/exempelstad/routines/sociala-medier.md",
                     "groups/nordvast/routines/utbildning-och-introduktion.md"] {
            let path = "\(content)/\(file)"
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains("share: true\n"))
            try text.replacingOccurrences(of: "share: true\n", with: "").write(toFile: path, atomically: true, encoding: .utf8)
        }
        let (output, result) = await TestPaths.build(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(result.published, "\(result.diagnostics)")
        let examples = read("\(output.path)/exempel.html")
        #expect(examples.contains("Just nu finns inga. En rutin kommer med här när den som skrev den skriver <code>share: true</code> bland rutinens uppgifter överst i filen."))
        // Said once, not again below the lead in other words.
        #expect(count("share: true", in: examples) == 1, "\(examples)")
        #expect(!examples.contains("Inga rutiner är markerade för att delas"))
        #expect(!examples.contains("Så hämtar du ett exempel"))
        #expect(!examples.contains("<h2"))
    }

    /// Below the tables of the overview, a handbook's page and a group's page, what each column
    /// and word means is a list of terms under a heading, as on the coverage page, not one
    /// paragraph of "Term: definition." sentences. The overview's count of routines is of the
    /// handbook the build publishes: in the intranet's build, the internal one.
    @Test func theTablesLegendsAreListsOfTermsThatSayWhichHandbookIsCounted() async throws {
        let output = try await DemoContent.build()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let legend = "</table>\n</div>\n<h3 id=\"sa-laser-du\">Så läser du tabellen</h3>\n<dl class=\"legend legend-terms\">\n"
        for page in ["index.html", "handbocker/exempelby.html", "grupper/nordvast.html"] {
            let html = read("\(output)/\(page)")
            #expect(count(legend, in: html) == 1, "\(page)")
            #expect(!html.contains("table-note"), "\(page)")
        }
        let index = read("\(output)/index.html")
        #expect(index.contains("<div><dt>Rutiner</dt><dd>Rutinerna i den publicerade handboken. Välj antalet för att se varje rutin i handboken, i vilken form handboken har den och vad som ska granskas.</dd></div>"))
        #expect(index.contains("<div><dt>Bortvalda</dt><dd>Grundrutiner som handboken har valt bort.</dd></div>"))
        #expect(count("<div><dt>", in: index) == 7)
        let handbook = read("\(output)/handbocker/exempelby.html")
        #expect(handbook.contains("<div><dt><span class=\"cell-tag cell-arvd\">Ärvd</span></dt><dd>Grundrutinen utan ändringar.</dd></div>"))
        #expect(handbook.contains("<div><dt>LIX</dt><dd>Läsbarhetsindex, där ett högre tal betyder en svårare text. Över 50 räknas texten som svår att läsa. Grundrutinernas LIX står på <a href=\"../lasbarhet.html\">sidan Läsbarhet</a>.</dd></div>"))
        let group = read("\(output)/grupper/nordvast.html")
        #expect(group.contains("<div><dt><span class=\"cell-tag cell-anpassad\">Anpassad</span></dt><dd>Gruppens text i stället för en grundrutin.</dd></div>"))
        #expect(group.contains("<div><dt>Dags att granska</dt><dd>"))

        let intranet = try await DemoContent.build(internal: true)
        defer { try? FileManager.default.removeItem(atPath: intranet) }
        let inside = read("\(intranet)/index.html")
        #expect(inside.contains("<div><dt>Rutiner</dt><dd>Rutinerna i den interna handboken, också de interna rutinerna. Välj antalet"))
        #expect(!inside.contains("publicerade handboken"))
        // Exempelstad's internal routine is counted inside, not outside.
        #expect(index.contains("<span class=\"visually-hidden\">Rutiner i Exempelstads kommun: </span>17</a>"))
        #expect(inside.contains("<span class=\"visually-hidden\">Rutiner i Exempelstads kommun: </span>18</a>"))
    }

    /// A shared routine its council keeps internal is no example in the intranet's build
    /// either: `rutinbok adopt` refuses it, so the library would offer a command that fails.
    /// The counts on the library and the overview are of what is offered, and every command
    /// the library shows copies its routine.
    @Test func theIntranetsExampleLibraryOffersOnlyWhatAdoptCopies() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let path = "\(content)/councils/exempelstad/routines/webbsandning-av-sammantraden.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("share: true\n"))
        try text.replacingOccurrences(of: "share: true\n", with: "share: true\naccess: internal\n").write(toFile: path, atomically: true, encoding: .utf8)
        var options = Build.Options()
        options.content = content
        options.templates = DemoContent.templates
        options.output = TestPaths.temporaryFolder("rutinbok-portal").appendingPathComponent("intranat").path
        options.today = DemoContent.today
        options.includeInternal = true
        let result = await Build.run(options, write: true)
        #expect(result.published, "\(result.diagnostics)")
        defer { try? FileManager.default.removeItem(atPath: options.output) }

        let examples = read("\(options.output)/exempel.html")
        #expect(count("<article class=\"example\">", in: examples) == 2)
        #expect(!examples.contains("Webbsändning av sammanträden") && !examples.contains("webbsandning-av-sammantraden"))
        #expect(examples.contains("Just nu finns 2 att hämta."))
        #expect(read("\(options.output)/index.html").contains("rutiner som kommuner och regioner delar med sig av (2 just nu)"))
        // The routine is in the intranet's handbook all the same.
        #expect(FileManager.default.fileExists(atPath: "\(options.output)/exempelstad/webbsandning-av-sammantraden.html"))

        let commands = examples.components(separatedBy: "<code>rutinbok adopt ").dropFirst().map { String($0.prefix { $0 != " " }) }
        #expect(commands == ["exempelstad/sociala-medier", "nordvast/utbildning-och-introduktion"])
        for source in commands {
            let outcome = try Adoption.adopt(source, into: "exempelby", content: content, today: DemoContent.today)
            #expect(FileManager.default.fileExists(atPath: outcome.path), "\(source)")
        }
    }

    /// A year on, much is due: the handbook with the most to do comes first, and the total
    /// is the sum of the rows.
    @Test func reviewPageMostDueFirst() async throws {
        let loaded = try await DemoContent.load()
        let theme = try #require(Theme.load(directory: DemoContent.templates).0)
        let view = PortalPages(site: loaded.site, handbooks: loaded.handbooks, bodies: loaded.bodies, theme: theme,
                               today: Day("2027-12-01")!).reviewView()
        let due = view.sections.map { $0.routineCount + $0.contactCount }
        #expect(view.sections.count == 7 && view.clear.isEmpty)
        #expect(due == due.sorted(by: >), "\(due)")
        #expect(Set(due).count > 1, "the demo's handbooks differ in what is due, or the order would test nothing")
        let routines = view.sections.reduce(0) { $0 + $1.routineCount }, contacts = view.sections.reduce(0) { $0 + $1.contactCount }
        // Every row says when it was due, after its last review and before today; a council's
        // own routine has no change page to link, its text of a base routine has.
        let rows = view.sections.flatMap(\.routines)
        #expect(rows.allSatisfy { $0.reviewedISO < $0.dueByISO && $0.dueByISO < "2027-12-01" })
        #expect(rows.contains { $0.changeHref == nil } && rows.contains { $0.changeHref != nil })
        #expect(rows.compactMap(\.changeHref).allSatisfy { $0.hasPrefix("andringar/") })
        #expect(view.dueTotal == "\(routines) rutiner att granska och \(contacts) kontakter att kontrollera")

        // What several handbooks share is listed once, not under each handbook with that
        // council's owner: base routines, and the group's routines and contacts.
        let report = ReviewReport(handbooks: loaded.handbooks, bodies: loaded.bodies, config: loaded.site.config, today: Day("2027-12-01")!)
        let sharedFiles = Set(report.councils.flatMap(\.staleRoutines).filter { $0.routine.layer == .base || $0.routine.layer == .group("nordvast") }.map(\.routine.location.file))
        #expect(view.sharedRoutines.count == sharedFiles.count && sharedFiles.count > 1)
        #expect(view.sharedRoutines.contains { $0.source == "Grundrutin" && $0.handbooks == "i 7 handböcker" && $0.href?.hasPrefix("tackning/") == true })
        #expect(view.sharedRoutines.contains { $0.source == "Samverkan Nordväst" })
        let sharedRows = Set(view.sharedRoutines.map(\.title))
        #expect(!rows.contains { row in sharedRows.contains(row.title) && row.changeHref == nil }, "no base routine under a handbook")
        let groupContacts = Set(loaded.site.groups["nordvast"]?.contacts.map(\.role) ?? [])
        #expect(!groupContacts.isEmpty && Set(view.sharedContacts.map(\.role)) == groupContacts)
        #expect(view.sharedContacts.allSatisfy { $0.group == "Samverkan Nordväst" })
        #expect(report.councils.allSatisfy { review in review.ownStaleContacts.allSatisfy { $0.location.file.hasSuffix("/\(review.council.slug)/council.yml") } })
        #expect(contacts == report.councils.reduce(0) { $0 + $1.ownStaleContacts.count }, "no group contact under a handbook")
        #expect(view.sharedTotal == "\(view.sharedRoutines.count) rutiner att granska och \(view.sharedContacts.count) kontakter att kontrollera")
    }

    @Test func readabilityThresholdWithADecimalComma() async throws {
        var loaded = try await DemoContent.load()
        let theme = try #require(Theme.load(directory: DemoContent.templates).0)
        func threshold(_ value: Double) -> String {
            loaded.site.config.lixThreshold = value
            return PortalPages(site: loaded.site, handbooks: loaded.handbooks, bodies: loaded.bodies, theme: theme,
                               today: DemoContent.today).readabilityView().threshold
        }
        #expect(threshold(42.5) == "42,5")
        #expect(threshold(50) == "50")
    }

    /// A handbook with a part (a phase in site.yml) that has no routine is named on the
    /// overview, and the check warns its editor: the part would drop out of the menu unseen.
    @Test func aHandbookWithAnEmptyPartIsNamedAndWarned() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        // Exempelby's own text of the one follow-up routine, filed under "Stöd efteråt".
        let base = try String(contentsOfFile: "\(content)/routines/uppfoljning-och-oversyn.md", encoding: .utf8)
        try base.replacingOccurrences(of: "phase: uppfoljning", with: "phase: efterat")
            .write(toFile: "\(content)/councils/exempelby/routines/uppfoljning-och-oversyn.md", atomically: false, encoding: .utf8)

        let output = TestPaths.temporaryFolder("rutinbok-portal").appendingPathComponent("output").path
        var options = Build.Options()
        options.content = content
        options.templates = DemoContent.templates
        options.output = output
        options.today = DemoContent.today
        let result = await Build.run(options, write: true)
        let warnings = result.diagnostics.filter { $0.code == "empty-phase" }
        #expect(warnings.map(\.description) == [
            "\(content)/councils/exempelby/council.yml:1:1: varning: handboken för Exempelby kommun har ingen rutin i delen 'Uppföljning' [empty-phase]\n  obs: varje del av handboken (phases i site.yml) behöver minst en rutin; skriv en egen rutin med 'phase: uppfoljning', eller ta bort en grundrutin i delen ur 'exclude'",
        ])
        let index = read("\(output)/index.html")
        #expect(row("Exempelby kommun", in: index)[6] == "Uppföljning")
        #expect(row("Låtsasby kommun", in: index)[6] == "Inga")
        #expect(index.contains("<strong>1 av 7 handböcker saknar rutiner i någon del.</strong>"))
        #expect(!read("\(output)/exempelby/index.html").contains("index.html#uppfoljning"))
    }

    /// A public build's output names nothing it does not publish: no internal routine (its
    /// title or its file), no internal contact, no path of the machine that built it. rutinbok's own bookkeeping
    /// (the manifest, with every input and diagnostic) is kept beside the output.
    @Test func thePublicOutputKeepsInternalRoutinesAndTheMachineOutOfIt() async throws {
        let output = try await DemoContent.build()
        let internalFile = "\(DemoContent.content)/councils/exempelstad/routines/sakerhet-i-stadshuset.md"
        let internalTitle = try #require(try String(contentsOfFile: internalFile, encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("title: ") }?.dropFirst("title: ".count))
        var looked = 0
        for case let path as String in FileManager.default.enumerator(atPath: output)! {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: "\(output)/\(path)", isDirectory: &isFolder)
            guard !isFolder.boolValue, let text = try? String(contentsOfFile: "\(output)/\(path)", encoding: .utf8) else { continue }
            looked += 1
            #expect(!text.contains("sakerhet-i-stadshuset"), "\(path) names the internal routine's file")
            #expect(!text.contains(internalTitle), "\(path) names the internal routine")
            #expect(!text.contains("Stadens larmcentral") && !text.contains("vakthavande") && !text.contains("000 02 99") && !text.contains("700000299")
                        && !text.contains("#larmcentral"),
                    "\(path) names the contact only the internal routine has (access: internal)")
            #expect(!text.contains(DemoContent.root), "\(path) names a path of the machine that built it")
        }
        #expect(looked > 200)
        // The handbook's page in the portal, which lists every routine it has, was among them.
        #expect(read("\(output)/handbocker/exempelstad.html").contains("Webbsändning av sammanträden"))
        #expect(!FileManager.default.fileExists(atPath: "\(output)/.rutinbok-manifest"))
    }
}

/// A contact without a name, on the pages that list contacts past verification with the
/// shipped templates: the cell stays empty. A template that finds no `name` in a row looks in
/// the section around it, and showed the council's name as the contact's.
@Test func aContactWithoutANameIsNotGivenTheCouncilsName() async throws {
    let workspace = try IncrementalWorkspace()
    var options = workspace.options()
    options.templates = TestPaths.packageRoot.appendingPathComponent("templates").path
    #expect(await Build.run(options, write: true).published)
    for page in ["granskning.html", "handbocker/bro.html"] {
        let html = try String(contentsOfFile: "\(workspace.output)/\(page)", encoding: .utf8)
        #expect(html.contains("<tr><th scope=\"row\">Nämndsekreterare</th><td></td>"), "\(page)")
    }
}

/// The portal has an accessibility statement of its own, from site.yml's `accessibility`, and
/// every portal page's footer links it: the portal is a public web site too.
@Test func thePortalHasItsOwnAccessibilityStatement() async throws {
    let (output, result) = await TestPaths.build(content: TestPaths.packageRoot.appendingPathComponent("content"),
                                                 templates: TestPaths.packageRoot.appendingPathComponent("templates"))
    #expect(result.published)
    let statement = try String(contentsOf: output.appendingPathComponent("tillganglighet.html"), encoding: .utf8)
    #expect(statement.contains("<p class=\"lead\">Exempelförbundet för kommuner och regioner står bakom den här portalen. Här ser du alla kommuners och regioners handböcker sida vid sida. Varje handbok har en egen tillgänglighetsredogörelse, som dess kommun eller region står bakom.</p>"))
    #expect(statement.contains("Webbplatsen är delvis förenlig med lagen"))
    #expect(statement.contains("<li>Täckningstabellen med en kolumn per handbok är svår att överblicka med skärmläsare."))
    #expect(statement.contains("<a href=\"mailto:tillganglighet@exempelforbundet.example\">"))
    #expect(statement.contains("Vi har själva granskat portalen (självskattning). Den senaste bedömningen gjordes den 20 oktober 2026."))
    // Not a page of the navigation: linked from every page's footer, at its depth.
    #expect(!statement.contains("aria-current=\"page\">Tillgänglighetsredogörelse"))
    for (page, href) in [("index.html", "tillganglighet.html"), ("handbocker/exempelby.html", "../tillganglighet.html"),
                         ("andringar/region-exempelland/roller-och-ansvar.html", "../../tillganglighet.html")] {
        let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
        #expect(html.contains("<p><a href=\"\(href)\">Tillgänglighetsredogörelse</a></p>\n</footer>"), "\(page)")
    }
}

/// The portal's stylesheet and script are the portal's: copied once to the top of the output,
/// not into each handbook, whose pages never load them (620 files at national scale).
@Test func thePortalsOwnAssetsStayWithThePortal() async throws {
    let (output, result) = await TestPaths.build(content: TestPaths.packageRoot.appendingPathComponent("content"),
                                                 templates: TestPaths.packageRoot.appendingPathComponent("templates"))
    #expect(result.published)
    let exists = { (path: String) in FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) }
    #expect(exists("assets/tema/portal.css") && exists("assets/tema/portal.js"))
    #expect(exists("exempelby/assets/tema/rutinbok.css") && exists("exempelby/assets/tema/rutinbok.js"))
    #expect(!exists("exempelby/assets/tema/portal.css") && !exists("exempelby/assets/tema/portal.js"))
}

/// `rutinbok redirects`: the demo's renamed routine in each handbook, as a web server's rules
/// under a path; a council that leaves the routine out has no move.
@Test func redirectsForRenamedRoutines() async throws {
    let content = TestPaths.packageRoot.appendingPathComponent("content").path
    let (all, problems) = await Redirects.make(content: content)
    #expect(!problems.contains { $0.severity == .error })
    let redirects = try #require(all)
    #expect(redirects.moves.count == 7)
    #expect(redirects.moves.first == .init(from: "exempelby/hot-via-e-post.html", to: "exempelby/hot-via-e-post-och-sociala-medier.html"))
    let (one, _) = await Redirects.make(content: content, councils: ["exempelby"])
    let chosen = try #require(one)
    #expect(chosen.rendered(as: .text, prefix: "rutiner") == "/rutiner/exempelby/hot-via-e-post.html\t/rutiner/exempelby/hot-via-e-post-och-sociala-medier.html\n")
    // Swedish genitive of a name written in lower case: "nginx:s".
    #expect(chosen.rendered(as: .nginx, prefix: "/rutiner/").contains("\n# Ta bort raden map_hash_bucket_size om den redan står i nginx:s inställningar.\n"))
    #expect(chosen.rendered(as: .nginx, prefix: "/rutiner/").contains(
        "\nmap $uri $rutinbok_moved {\n    /rutiner/exempelby/hot-via-e-post.html /rutiner/exempelby/hot-via-e-post-och-sociala-medier.html;\n}\n"))
    #expect(chosen.rendered(as: .apache).hasSuffix(
        "\nRewriteEngine on\nRewriteRule ^/exempelby/hot-via-e-post\\.html$ /exempelby/hot-via-e-post-och-sociala-medier.html [R=301,L]\n"))
    #expect(Redirects.regex("/a.b/(c)+d") == "/a\\.b/\\(c\\)\\+d")
    // A council's folder published alone (`--own-site`): the addresses start at the folder.
    #expect(chosen.insideTheirFolders().rendered(as: .text, prefix: "/handbok/") == "/handbok/hot-via-e-post.html\t/handbok/hot-via-e-post-och-sociala-medier.html\n")
}
