import Foundation
@testable import RutinbokCore
import Testing

/// The coverage page's counts and each base routine's page across the handbooks
/// (`tackning/<id>.html`), in the demo's portal of seven handbooks and in one of thirteen,
/// where a column per handbook no longer fits.
@Suite("Portal: one page per base routine across the handbooks")
struct RoutineCoveragePagesTests {
    /// The links of a page, as written.
    private func links(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The text of each `<li>` of the list that follows the heading with `id`.
    private func listItems(after id: String, in html: String) -> [String] {
        guard let start = html.range(of: "<h2 id=\"\(id)\">") else { return [] }
        let rest = html[start.upperBound...]
        let section = rest.range(of: "</ul>").map { rest[..<$0.lowerBound] } ?? rest
        return section.components(separatedBy: "<li>").dropFirst().map {
            $0.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func everyPublishedBaseRoutineHasAPageWhoseLinksLeadSomewhere() async throws {
        let output = try await DemoContent.build()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let loaded = try await DemoContent.load()
        let publicBase = loaded.site.routines.filter { $0.access != .internal }.map(\.id)
        let pages = try FileManager.default.contentsOfDirectory(atPath: "\(output)/tackning")
        #expect(Set(pages) == Set(publicBase.map { "\($0).html" }))
        let coverage = read("\(output)/tackning.html")
        for id in publicBase {
            #expect(coverage.contains("<a href=\"tackning/\(id).html\">"), "\(id)")
            let html = read("\(output)/tackning/\(id).html")
            #expect(count("<h1", in: html) == 1)
            #expect(html.contains("<a href=\"../tackning.html\" aria-current=\"true\">Täckning</a>"), "\(id): the navigation says where the page belongs")
            // Files of the output; an address with a scheme (mailto:, tel:) is not one.
            for link in links(html) where !link.hasPrefix("#") && !link.contains(":") {
                let target = URL(fileURLWithPath: "\(output)/tackning/\(link.prefix { $0 != "#" })").standardizedFileURL.path
                #expect(FileManager.default.fileExists(atPath: target), "\(id): \(link)")
            }
        }
    }

    @Test func aRoutinesPageNamesEachHandbookUnderItsForm() async throws {
        let output = try await DemoContent.build()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let portal = try await DemoContent.portal()

        let roles = read("\(output)/tackning/roller-och-ansvar.html")
        #expect(roles.contains("<h1>Roller och ansvar</h1>"))
        #expect(roles.contains("Portalen har 7 handböcker."))
        #expect(roles.contains("<p>Grundrutinen utan ändringar, i 3 handböcker.</p>"))
        // The group's text in each member, and the region's own; word counts as the change list has them.
        for change in portal.changes where change.routine.id == "roller-och-ansvar" {
            // The group, which wrote the text, is linked to its page.
            let by = change.groupName.map { "<a href=\"../grupper/nordvast.html\">\($0)</a>" } ?? change.council.name
            #expect(roles.contains("<tr><th scope=\"row\"><a href=\"../andringar/\(change.council.slug)/roller-och-ansvar.html\">\(change.council.name)<span class=\"visually-hidden\">: ändringar</span></a></th><td>\(by)</td><td class=\"num\">\(change.insertedWords)</td><td class=\"num\">\(change.deletedWords)</td></tr>"),
                    "\(change.council.slug)")
        }
        #expect(portal.changes.filter { $0.routine.id == "roller-och-ansvar" }.count == 4)
        #expect(listItems(after: "arvd", in: roles) == ["Exempelby kommun", "Exempelstads kommun", "Region Exempelmark"])
        #expect(roles.contains("<a href=\"../exempelstad/roller-och-ansvar.html\">Exempelstads kommun</a>"))
        #expect(roles.contains("Ingen handbok har valt bort rutinen."))

        // Exempelby leaves the home visit out: named under Bortvald, linked to its start page.
        let visit = read("\(output)/tackning/trygghetsbesok.html")
        #expect(listItems(after: "utesluten", in: visit) == ["Exempelby kommun"])
        #expect(visit.contains("<a href=\"../exempelby/index.html\">Exempelby kommun</a>"))
        #expect(listItems(after: "arvd", in: visit).count == 6)
        #expect(visit.contains("Ingen handbok har skrivit en egen version av rutinen."))

        // Adopted from another council: said where it came from.
        let social = read("\(output)/tackning/sociala-medier.html")
        #expect(social.contains("<td>Region Exempelmark, hämtad från Exempelstads kommun</td>"))
    }

    /// Thirteen handbooks: no table with a column each, the counts and the routines' pages
    /// instead; a base routine a council keeps internal is counted in a column of its own.
    @Test func aLargePortalShowsCountsAndAnInternalColumnWhenNeeded() async throws {
        let content = try DemoContent.copy()
        let councils = "\(content)/councils"
        for n in 1...6 {
            try FileManager.default.copyItem(atPath: "\(councils)/exempelby", toPath: "\(councils)/kopia-\(n)")
            let yml = "\(councils)/kopia-\(n)/council.yml"
            let text = try String(contentsOfFile: yml, encoding: .utf8)
            try text.replacingOccurrences(of: "name: Exempelby kommun", with: "name: Kopia \(n) kommun")
                .write(toFile: yml, atomically: true, encoding: .utf8)
        }
        // Exempelstad keeps its own text of "Hot via brev eller paket" on the intranet.
        let base = try String(contentsOfFile: "\(content)/routines/misstankt-forsandelse.md", encoding: .utf8)
        try base.replacingOccurrences(of: "\nphase:", with: "\naccess: internal\nphase:")
            .write(toFile: "\(councils)/exempelstad/routines/misstankt-forsandelse.md", atomically: true, encoding: .utf8)

        let (outputURL, result) = await TestPaths.build(content: URL(fileURLWithPath: content),
                                                        templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(result.published, "\(result.diagnostics)")
        let output = outputURL.path
        let coverage = read("\(output)/tackning.html")
        #expect(!coverage.contains("<table class=\"coverage stack\">"), "no matrix")
        #expect(!coverage.contains("cell-arvd\">Ärvd</td>"))
        #expect(coverage.contains("Portalen har 13 handböcker, fler än 12. En tabell med en kolumn per handbok blir då för bred. Tabellerna visar därför"))
        #expect(coverage.contains("<dd>Handbokens egen text finns bara i den interna handboken.</dd>"))
        #expect(coverage.contains("<dd>Egen text i stället för grundrutinen, skriven av kommunen, regionen eller en samverkansgrupp. Vad som har ändrats ser du på rutinens sida.</dd>"))
        #expect(coverage.contains("<th scope=\"col\" class=\"num\">Intern</th>"))
        // Ärvd, Anpassad, Bortvald, Intern.
        #expect(coverage.contains("<tr><th scope=\"row\"><a href=\"tackning/trygghetsbesok.html\">Trygghetsbesök i hemmet</a></th><td class=\"num\">6</td><td class=\"num\">0</td><td class=\"num\">7</td><td class=\"num\">0</td></tr>"))
        #expect(coverage.contains("<tr><th scope=\"row\"><a href=\"tackning/misstankt-forsandelse.html\">Hot via brev eller paket</a></th><td class=\"num\">12</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">1</td></tr>"))

        // Own routines by title: Exempelby's, in each of its six copies too, comes first.
        #expect(!coverage.contains("<caption id=\"egna-tabell\">Egna rutiner per handbok</caption>"))
        // No row per handbook: the overview's count of own routines links nowhere.
        #expect(!coverage.contains("id=\"handbok-"))
        #expect(!read("\(output)/index.html").contains("tackning.html#handbok-"))
        let titles = coverage.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><th scope=\"row\">") && $0.contains("class=\"inline-list\"") }
        #expect(titles.first?.hasPrefix("<tr><th scope=\"row\">Sammanträden i Folkets hus <span class=\"meta\">(Förebygga)</span></th><td class=\"num\">7</td>") == true)
        #expect(titles.first?.contains("<li><a href=\"kopia-6/sammantraden-i-folkets-hus.html\">Kopia 6 kommun</a></li>") == true)
        #expect(titles.count == 4, "\(titles.count) titles")

        let visit = read("\(output)/tackning/trygghetsbesok.html")
        #expect(visit.contains("Portalen har 13 handböcker."))
        #expect(listItems(after: "utesluten", in: visit) == ["Exempelby kommun"] + (1...6).map { "Kopia \($0) kommun" })
        let letter = read("\(output)/tackning/misstankt-forsandelse.html")
        #expect(listItems(after: "intern", in: letter) == ["Exempelstads kommun"])
        #expect(letter.contains("<a href=\"../exempelstad/index.html\">Exempelstads kommun</a>"))
        #expect(!letter.contains("../exempelstad/misstankt-forsandelse.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(output)/exempelstad/misstankt-forsandelse.html"))
    }

    @Test func aCouncilMayNotTakeTheFolderOfTheRoutinePages() async throws {
        let content = try DemoContent.copy()
        try FileManager.default.moveItem(atPath: "\(content)/councils/exempelby", toPath: "\(content)/councils/tackning")
        let (_, result) = await TestPaths.build(content: URL(fileURLWithPath: content),
                                                templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(!result.published)
        #expect(result.diagnostics.contains { $0.code == "reserved-slug" && $0.message.contains("'tackning'") })
    }
}
