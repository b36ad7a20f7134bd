import Foundation
@testable import RutinbokCore
import Testing

/// Each handbook's page in the portal (`handbocker/<council>.html`): with more than 12
/// handbooks the coverage page has no column per handbook, and this page is where SKR sees which
/// routines one council has, in what form, what it left out and what of its own is due.
@Suite("Portal: one page per handbook")
struct PortalHandbookPageTests {
    /// The links of a page, as written.
    private func links(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The visible text of each cell (header cell first) of the routine table's row whose
    /// link text is `title`.
    private func routineRow(_ title: String, in html: String) -> [String] {
        guard let line = html.components(separatedBy: "\n").first(where: { $0.hasPrefix("<tr><th scope=\"row\"><a href=\"../") && $0.contains(">\(title)</a>") })
        else { return [] }
        return line.components(separatedBy: "</th>").flatMap { $0.components(separatedBy: "</td>") }.dropLast().map { cell in
            cell.replacingOccurrences(of: "<span class=\"visually-hidden\">[^<]*</span>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespaces)
        }
    }

    /// The text of each `<li>` of the list that follows the heading with `id`.
    private func listItems(after id: String, in html: String) -> [String] {
        guard let start = html.range(of: "<h2 id=\"\(id)\">") else { return [] }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</ul>"), let next = rest.range(of: "<h2"), end.lowerBound < next.lowerBound else { return [] }
        return rest[..<end.lowerBound].components(separatedBy: "<li>").dropFirst().map {
            $0.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func everyHandbookHasAPageWhoseLinksLeadSomewhere() async throws {
        let output = try await DemoContent.build()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let portal = try await DemoContent.portal()
        let pages = try FileManager.default.contentsOfDirectory(atPath: "\(output)/handbocker")
        #expect(Set(pages) == Set(portal.councils.map { "\($0.council.slug).html" }))
        // The title's genitive, written out: "Exempelby kommuns", "Region Exempellands".
        #expect(read("\(output)/handbocker/exempelby.html").contains("<h1>Exempelby kommuns rutiner</h1>"))
        #expect(read("\(output)/handbocker/region-exempelland.html").contains("<h1>Region Exempellands rutiner</h1>"))
        for summary in portal.councils {
            let slug = summary.council.slug
            let html = read("\(output)/handbocker/\(slug).html")
            #expect(html.contains("<h1>\(SwedishGenitive.of(summary.council.name)) rutiner</h1>"), "\(slug)")
            #expect(html.contains("<title>\(SwedishGenitive.of(summary.council.name)) rutiner – Portal – "), "\(slug)")
            #expect(html.contains("<a href=\"../\(slug)/index.html\">Läs handboken för \(summary.council.name)</a>"), "\(slug)")
            // A row per routine of the handbook, each linked to its page there.
            let table = html.components(separatedBy: "<caption id=\"rutiner-tabell\">").dropFirst().first?.components(separatedBy: "</table>").first ?? ""
            #expect(count("<tr><th scope=\"row\"><a href=\"../\(slug)/", in: table) == summary.routines, "\(slug)")
            // Files of the output; an address with a scheme (tel:, mailto:) is not one.
            for link in links(html) where !link.hasPrefix("#") && !link.contains(":") {
                let target = URL(fileURLWithPath: "\(output)/handbocker/\(link.prefix { $0 != "#" })").standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: target), "\(slug): \(link)")
                // An anchor on another page of the portal is there.
                if let hash = link.firstIndex(of: "#") {
                    #expect(read(target).contains("id=\"\(link[link.index(after: hash)...])\""), "\(slug): \(link)")
                }
            }
        }
        // The overview links each handbook's count of routines to its page.
        let index = read("\(output)/index.html")
        for summary in portal.councils {
            #expect(index.contains("<a href=\"handbocker/\(summary.council.slug).html\"><span class=\"visually-hidden\">Rutiner i \(summary.council.name): </span>\(summary.routines)</a>"))
        }
    }

    @Test func aHandbooksPageSaysWhatItHasAndWhatItLacks() async throws {
        let output = try await DemoContent.build()
        defer { try? FileManager.default.removeItem(atPath: output) }

        // Exempelby: the base routines as they are, one of its own, the home visit left out,
        // a contact to check.
        let exempelby = read("\(output)/handbocker/exempelby.html")
        #expect(exempelby.contains("<p>Handboken har 16 rutiner: 15 oförändrade grundrutiner och 1 egen rutin. Den har valt bort 1 grundrutin. Alla delar av handboken har rutiner.</p>"))
        #expect(routineRow("Sammanträden i Folkets hus", in: exempelby).prefix(4) == ["Sammanträden i Folkets hus", "Förebygga", "Egen", "12 oktober 2026"])
        #expect(routineRow("Sociala medier", in: exempelby).prefix(3) == ["Sociala medier", "Förebygga", "Ärvd"])
        #expect(listItems(after: "utesluten", in: exempelby) == ["Trygghetsbesök i hemmet (Förebygga)"])
        #expect(exempelby.contains("<li><a href=\"../tackning/trygghetsbesok.html\">Trygghetsbesök i hemmet</a> <span class=\"meta\">(Förebygga)</span></li>"))
        #expect(routineRow("Trygghetsbesök i hemmet", in: exempelby).isEmpty)
        #expect(exempelby.contains("<p>Handboken har egna texter och kontakter att se över: 1 kontakt att kontrollera. De står också på <a href=\"../granskning.html#exempelby\">sidan Granskning</a>.</p>"))
        #expect(exempelby.contains("<tr><th scope=\"row\">Företagshälsovård</th><td>Exempelhälsan AB, mottagningen</td><td><time datetime=\"2026-02-10\">10 februari 2026</time></td></tr>"))

        // Låtsasby: its group's texts and its own, each with its change page.
        let lattsasby = read("\(output)/handbocker/lattsasby.html")
        #expect(lattsasby.contains("<p>Handboken har 16 rutiner: 13 oförändrade grundrutiner och 3 anpassade (1 med egen text, 2 med Samverkan Nordvästs text). Den har inte valt bort någon rutin. Alla delar av handboken har rutiner.</p>"))
        #expect(routineRow("Roller och ansvar", in: lattsasby).prefix(3) == ["Roller och ansvar (jämför med grundrutinen)", "Styrning och ansvar", "Anpassad Samverkan Nordvästs text"])
        #expect(routineRow("Riskbedömning inför sammanträden", in: lattsasby)[2] == "Anpassad egen text")
        #expect(lattsasby.contains("<a href=\"../andringar/lattsasby/roller-och-ansvar.html\">jämför med grundrutinen<span class=\"visually-hidden\">: Roller och ansvar</span></a>"))
        #expect(!lattsasby.contains("../andringar/lattsasby/sociala-medier.html"), "an inherited routine has no change page")
        #expect(lattsasby.contains("<p class=\"none\">Handboken har inte valt bort någon rutin.</p>"))
        #expect(lattsasby.contains("Handbokens egna rutiner är granskade och dess egna kontakter kontrollerade i tid."))
        #expect(!lattsasby.contains("granskning.html#lattsasby"), "no section of its own on the review page")

        // Region Exempelmark adopted its text; Region Exempelland's is past review.
        #expect(routineRow("Sociala medier", in: read("\(output)/handbocker/region-exempelmark.html"))[2]
                    == "Anpassad egen text, hämtad från Exempelstads kommun")
        let region = read("\(output)/handbocker/region-exempelland.html")
        #expect(routineRow("Roller och ansvar", in: region)[3...4] == ["10 juni 2025", "Ja skulle ha granskats senast 10 juni 2026"])
        #expect(routineRow("Sociala medier", in: region)[4] == "Nej")
        #expect(region.contains("<caption id=\"egna-rutiner-att-granska\">Egna rutiner att granska</caption>"))
    }

    /// A public build names no internal routine on a handbook's page, nor counts one it left
    /// out; a base routine whose text the council keeps internal is named, as the coverage
    /// page names it, since the published handbook lacks it. The intranet's build shows them.
    @Test func internalRoutinesStayOutOfThePublicPages() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        // Exempelstad keeps its own text of "Hot via brev eller paket" on the intranet.
        let letter = try String(contentsOfFile: "\(content)/routines/misstankt-forsandelse.md", encoding: .utf8)
        try letter.replacingOccurrences(of: "\nphase:", with: "\naccess: internal\nphase:")
            .write(toFile: "\(content)/councils/exempelstad/routines/misstankt-forsandelse.md", atomically: true, encoding: .utf8)
        // A base routine kept internal, which Exempelby leaves out.
        let visit = try String(contentsOfFile: "\(content)/routines/trygghetsbesok.md", encoding: .utf8)
        try visit.replacingOccurrences(of: "title: Trygghetsbesök i hemmet", with: "title: Larmkod för stadshuset")
            .replacingOccurrences(of: "\nphase:", with: "\naccess: internal\nphase:")
            .write(toFile: "\(content)/routines/larmkod.md", atomically: true, encoding: .utf8)
        let yml = "\(content)/councils/exempelby/council.yml"
        try String(contentsOfFile: yml, encoding: .utf8).replacingOccurrences(of: "exclude: [trygghetsbesok]", with: "exclude: [trygghetsbesok, larmkod]")
            .write(toFile: yml, atomically: true, encoding: .utf8)

        func build(intranet: Bool) async -> String {
            let output = TestPaths.temporaryFolder("rutinbok-portal").appendingPathComponent("output").path
            var options = Build.Options()
            options.content = content
            options.templates = DemoContent.templates
            options.output = output
            options.today = DemoContent.today
            options.includeInternal = intranet
            let result = await Build.run(options, write: true)
            #expect(result.published, "\(result.diagnostics)")
            return output
        }
        let output = await build(intranet: false)
        defer { try? FileManager.default.removeItem(atPath: output) }
        for path in try FileManager.default.contentsOfDirectory(atPath: "\(output)/handbocker") {
            let html = read("\(output)/handbocker/\(path)")
            for secret in ["Säkerhet i stadshuset", "sakerhet-i-stadshuset", "Larmkod för stadshuset", "larmkod"] {
                #expect(!html.contains(secret), "\(path) names \(secret)")
            }
        }
        let exempelby = read("\(output)/handbocker/exempelby.html")
        #expect(listItems(after: "utesluten", in: exempelby) == ["Trygghetsbesök i hemmet (Förebygga)"])
        #expect(exempelby.contains("Den har valt bort 1 grundrutin."))
        // The overview counts what the page lists.
        #expect(read("\(output)/index.html").contains("<a href=\"handbocker/exempelby.html#utesluten\"><span class=\"visually-hidden\">Bortvalda rutiner i Exempelby kommun: </span>1</a>"))
        let exempelstad = read("\(output)/handbocker/exempelstad.html")
        #expect(routineRow("Hot via brev eller paket", in: exempelstad).isEmpty)
        #expect(exempelstad.contains("<p>Handboken har 16 rutiner: 13 oförändrade grundrutiner, 2 anpassade med egen text och 1 egen rutin."))
        #expect(listItems(after: "intern", in: exempelstad) == ["Hot via brev eller paket (Hantera en händelse)"])
        #expect(exempelstad.contains("<a href=\"../tackning/misstankt-forsandelse.html\">Hot via brev eller paket</a>"))
        #expect(!read("\(output)/handbocker/exempelby.html").contains("<h2 id=\"intern\">"))

        let intranet = await build(intranet: true)
        defer { try? FileManager.default.removeItem(atPath: intranet) }
        let inside = read("\(intranet)/handbocker/exempelstad.html")
        #expect(routineRow("Säkerhet i stadshuset", in: inside).prefix(3) == ["Säkerhet i stadshuset (intern, bara i den interna handboken)", "Hantera en händelse", "Egen"])
        #expect(routineRow("Hot via brev eller paket", in: inside).prefix(3) == ["Hot via brev eller paket (intern, bara i den interna handboken) (jämför med grundrutinen)", "Hantera en händelse", "Anpassad egen text"])
        #expect(!inside.contains("<h2 id=\"intern\">"))
        #expect(listItems(after: "utesluten", in: read("\(intranet)/handbocker/exempelby.html")) == ["Larmkod för stadshuset (Förebygga)", "Trygghetsbesök i hemmet (Förebygga)"])
    }

    /// Thirteen handbooks: the coverage page has no column each, and says where one
    /// handbook's routines are seen.
    @Test func aLargePortalsCoveragePageLeadsToTheHandbooksPages() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        for n in 1...6 {
            try FileManager.default.copyItem(atPath: "\(content)/councils/exempelby", toPath: "\(content)/councils/kopia-\(n)")
            let yml = "\(content)/councils/kopia-\(n)/council.yml"
            try String(contentsOfFile: yml, encoding: .utf8).replacingOccurrences(of: "name: Exempelby kommun", with: "name: Kopia \(n) kommun")
                .write(toFile: yml, atomically: true, encoding: .utf8)
        }
        let (outputURL, result) = await TestPaths.build(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(result.published, "\(result.diagnostics)")
        let output = outputURL.path
        #expect(read("\(output)/tackning.html").contains("Vilka rutiner en viss handbok har ser du på handbokens egen sida: välj antalet rutiner i <a href=\"index.html#handbocker\">listan över handböcker</a>."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(output)/handbocker").count == 13)
        #expect(read("\(output)/handbocker/kopia-6.html").contains("<h1>Kopia 6 kommuns rutiner</h1>"))
    }

    @Test func aCouncilMayNotTakeTheFolderOfTheHandbooksPages() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        try FileManager.default.moveItem(atPath: "\(content)/councils/exempelby", toPath: "\(content)/councils/handbocker")
        let (_, result) = await TestPaths.build(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(!result.published)
        #expect(result.diagnostics.contains { $0.code == "reserved-slug" && $0.message.contains("'handbocker'") })
    }

    /// The summary in plain Swedish: numbers agree with their nouns, parts that are 0 are left out.
    @Test func theSummaryInWords() {
        #expect(PortalPages.routinesInWords(total: 0, inherited: 0, adaptedOwn: 0, adaptedByGroup: 0, groupText: "g", added: 0)
                    == "Handboken har inga rutiner.")
        #expect(PortalPages.routinesInWords(total: 1, inherited: 1, adaptedOwn: 0, adaptedByGroup: 0, groupText: "g", added: 0)
                    == "Handboken har 1 rutin: 1 oförändrad grundrutin.")
        #expect(PortalPages.routinesInWords(total: 3, inherited: 0, adaptedOwn: 1, adaptedByGroup: 0, groupText: "g", added: 2)
                    == "Handboken har 3 rutiner: 1 anpassad med egen text och 2 egna rutiner.")
        #expect(PortalPages.routinesInWords(total: 4, inherited: 2, adaptedOwn: 0, adaptedByGroup: 2, groupText: "Samverkan Nordvästs text", added: 0)
                    == "Handboken har 4 rutiner: 2 oförändrade grundrutiner och 2 anpassade med Samverkan Nordvästs text.")
        #expect(PortalPages.routinesInWords(total: 1200, inherited: 1197, adaptedOwn: 1, adaptedByGroup: 1, groupText: "g", added: 1)
                    == "Handboken har 1\u{A0}200 rutiner: 1\u{A0}197 oförändrade grundrutiner, 2 anpassade (1 med egen text, 1 med g) och 1 egen rutin.")
        #expect(PortalPages.missingPhasesInWords([]) == "Alla delar av handboken har rutiner.")
        #expect(PortalPages.missingPhasesInWords(["Uppföljning"]) == "Delen Uppföljning har ingen rutin.")
        #expect(PortalPages.missingPhasesInWords(["Förebygga", "Stöd efteråt", "Uppföljning"])
                    == "Delarna Förebygga, Stöd efteråt och Uppföljning har inga rutiner.")
        #expect(PortalPages.excludedInWords([]) == "Den har inte valt bort någon rutin.")
    }
}
