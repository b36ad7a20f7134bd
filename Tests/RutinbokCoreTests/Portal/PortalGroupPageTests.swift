import Foundation
@testable import RutinbokCore
import Testing

/// Each group's page in the portal (`grupper/<id>.html`): a group's routines and contacts are
/// written and reviewed in one place for all its members, and this is where its coordinator
/// sees them together, with which members use another text and what is due.
@Suite("Portal: one page per group")
struct PortalGroupPageTests {
    /// The links of a page, as written.
    private func links(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// The visible text of `html`'s part, tags and visually hidden text taken out.
    private func text(_ html: some StringProtocol) -> String {
        String(html).replacingOccurrences(of: "<span class=\"visually-hidden\">[^<]*</span>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }

    /// The lines of the table whose caption has `id`, one per body row.
    private func rows(of id: String, in html: String) -> [String] {
        guard let table = html.components(separatedBy: "<caption id=\"\(id)\">").dropFirst().first?.components(separatedBy: "</table>").first
        else { return [] }
        return table.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><th scope=\"row\">") }
    }

    /// Every link of the page at `path` in `output` that leads to a file of the output leads
    /// to one that is there, and to an id that is there.
    private func expectLinksResolve(_ path: String, in output: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let folder = (path as NSString).deletingLastPathComponent
        for link in links(read("\(output)/\(path)")) where !link.contains(":") {
            let file = link.prefix { $0 != "#" }
            let target = file.isEmpty ? "\(output)/\(path)" : URL(fileURLWithPath: "\(output)/\(folder)/\(file)").standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: target), "\(path): \(link)", sourceLocation: sourceLocation)
            if let hash = link.firstIndex(of: "#") {
                #expect(read(target).contains("id=\"\(link[link.index(after: hash)...])\""), "\(path): \(link)", sourceLocation: sourceLocation)
            }
        }
    }

    /// An internal routine (`larmkedja`) and an internal contact (`larmcentral`) of the group
    /// in `group`, reviewed and verified on `dated`.
    private func addInternalRoutineAndContact(to group: String, dated: String) throws {
        try """
            ---
            title: Gruppens larmkedja
            summary: Vem som larmar vem inom Samverkan Nordväst.
            phase: hantera
            audience: [alla]
            owner: kanslichef
            reviewed: \(dated)
            access: internal
            ---

            Ring kanslichefen först.

            """.write(toFile: "\(group)/routines/larmkedja.md", atomically: true, encoding: .utf8)
        let settings = try String(contentsOfFile: "\(group)/group.yml", encoding: .utf8)
        try (settings + """
              larmcentral:
                role: Gruppens larmcentral
                name: Lars Larm
                phone: "070-000 05 09"
                verified: \(dated)
                access: internal

            """).write(toFile: "\(group)/group.yml", atomically: true, encoding: .utf8)
    }

    /// The intranet's build of `content` (internal routines and contacts included), into a
    /// folder beside `output`; where it is.
    private func buildIntranet(_ content: String, beside output: URL) async -> String {
        var options = Build.Options()
        options.content = content
        options.templates = DemoContent.templates
        options.output = output.deletingLastPathComponent().appendingPathComponent("intranat").path
        options.today = DemoContent.today
        options.includeInternal = true
        let result = await Build.run(options, write: true)
        #expect(result.published, "\(result.diagnostics)")
        return options.output
    }

    @Test func theDemoGroupHasAPageWithItsMembersRoutinesAndContacts() async throws {
        let output = try await DemoContent.build()
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(output)/grupper") == ["nordvast.html"])
        let path = PortalPages.groupPath(group: "nordvast")
        let html = read("\(output)/\(path)")
        #expect(html.contains("<title>Samverkan Nordväst – Portal – "))
        #expect(html.contains("<h1>Samverkan Nordväst</h1>"))
        #expect(html.contains("<p>Låtsasby, Påhittsjö och Fiktiva kommuner delar flera rutiner, kontakter och en säkerhetssamordnare.</p>"))
        // Under the overview in the navigation, as the handbooks' pages are.
        #expect(html.contains("<a href=\"../index.html\" aria-current=\"true\">Översikt</a>"))

        // The members in the portal's order (not group.yml's, which lists Låtsasby first),
        // each linked to its page in the portal.
        let members = html.components(separatedBy: "<h2 id=\"medlemmar\">")[1].components(separatedBy: "</ul>")[0]
        #expect(links(members).filter { $0.hasPrefix("../handbocker/") }
            == ["../handbocker/fiktiva.html", "../handbocker/lattsasby.html", "../handbocker/pahittsjo.html"])
        #expect(members.contains("<a href=\"../handbocker/lattsasby.html\">Låtsasby kommun</a>"))
        #expect(html.contains("Samverkan Nordväst har 3 medlemmar."))

        // The group's two routines in reading order (Styrning before Förebygga), each linked
        // to the first member's copy and its change page: both replace base routines.
        let routines = rows(of: "rutiner-tabell", in: html)
        #expect(routines.count == 2)
        #expect(text(routines[0]) == "Roller och ansvar (jämför med grundrutinen)Styrning och ansvarAnpassad8 oktober 2026Nej38Inga")
        #expect(routines[0].hasPrefix("<tr><th scope=\"row\"><a href=\"../fiktiva/roller-och-ansvar.html\">Roller och ansvar<span class=\"visually-hidden\">, i handboken för Fiktiva kommun</span></a>"))
        #expect(routines[0].contains("<a href=\"../andringar/fiktiva/roller-och-ansvar.html\">jämför med grundrutinen"))
        #expect(text(routines[1]).hasPrefix("Utbildning och introduktion (jämför med grundrutinen)Förebygga"))

        // Its five contacts, none past verification on the demo's day.
        let contacts = rows(of: "kontakter-tabell", in: html)
        #expect(contacts.count == 5)
        #expect(text(contacts[0]) == "SäkerhetssamordnareIngrid Inbillad8 oktober 2026Nej")
        #expect(html.contains("<p>Samverkan Nordvästs rutiner är granskade och dess kontakter kontrollerade i tid.</p>"))
        expectLinksResolve(path, in: output)

        // Linked from where the portal names the group: the overview's group column, each
        // member's page, the example library, the change list and pages, the coverage pages.
        let index = read("\(output)/index.html")
        #expect(count("<td><a href=\"grupper/nordvast.html\">Samverkan Nordväst</a></td>", in: index) == 3)
        #expect(index.contains("<td><span class=\"none\">Ingen</span></td>"), "a council of no group")
        for member in ["fiktiva", "lattsasby", "pahittsjo"] {
            #expect(read("\(output)/handbocker/\(member).html").contains("ingår i <a href=\"../grupper/nordvast.html\">Samverkan Nordväst</a>."), "\(member)")
        }
        #expect(!read("\(output)/handbocker/exempelby.html").contains("grupper/"))
        #expect(read("\(output)/exempel.html").contains("<dd><a href=\"grupper/nordvast.html\">Samverkan Nordväst</a></dd>"))
        #expect(read("\(output)/andringar/lattsasby/roller-och-ansvar.html").contains("<dt>Anpassad av</dt><dd><a href=\"../../grupper/nordvast.html\">Samverkan Nordväst</a></dd>"))
        #expect(!read("\(output)/andringar/exempelstad/sociala-medier.html").contains("grupper/"), "a council's own text")
        #expect(read("\(output)/tackning/roller-och-ansvar.html").contains("<td><a href=\"../grupper/nordvast.html\">Samverkan Nordväst</a></td>"))
    }

    /// Members with their own text or none, the group's internal routines and contacts in a
    /// public and an internal build, and what is due.
    @Test func membersThatUseAnotherTextAndWhatStaysInternal() async throws {
        let content = try DemoContent.copy()
        let group = "\(content)/groups/nordvast"
        // Låtsasby writes its own text of the group's training routine; Påhittsjö leaves out
        // its roles; the roles are long past review.
        let training = try String(contentsOfFile: "\(group)/routines/utbildning-och-introduktion.md", encoding: .utf8)
        try training.replacingOccurrences(of: "share: true\n", with: "")
            .appending("\nLåtsasby ordnar också en egen kväll.\n")
            .write(toFile: "\(content)/councils/lattsasby/routines/utbildning-och-introduktion.md", atomically: true, encoding: .utf8)
        let pahittsjo = try String(contentsOfFile: "\(content)/councils/pahittsjo/council.yml", encoding: .utf8)
        try pahittsjo.replacingOccurrences(of: "group: nordvast\n", with: "group: nordvast\nexclude: [roller-och-ansvar]\n")
            .write(toFile: "\(content)/councils/pahittsjo/council.yml", atomically: true, encoding: .utf8)
        let roles = try String(contentsOfFile: "\(group)/routines/roller-och-ansvar.md", encoding: .utf8)
        try roles.replacingOccurrences(of: "reviewed: 2026-10-08", with: "reviewed: 2024-10-08")
            .write(toFile: "\(group)/routines/roller-och-ansvar.md", atomically: true, encoding: .utf8)
        try addInternalRoutineAndContact(to: group, dated: "2026-10-08")

        let (output, result) = await TestPaths.build(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(result.published, "\(result.diagnostics)")
        let path = PortalPages.groupPath(group: "nordvast")
        let html = read("\(output.path)/\(path)")
        let routines = rows(of: "rutiner-tabell", in: html)
        #expect(routines.count == 2, "the internal routine has no row in a public build")
        #expect(!html.contains("larmkedja") && !html.contains("Larmkedja"))
        #expect(!html.contains("larmcentral") && !html.contains("Lars Larm"))
        #expect(rows(of: "kontakter-tabell", in: html).count == 5)

        // Roles: Påhittsjö left it out, linked to its list of left-out routines; past review.
        #expect(routines[0].contains("<span class=\"cell-detail\">Valt bort:</span> <a href=\"../handbocker/pahittsjo.html#utesluten\">Påhittsjö kommun</a>"))
        #expect(text(routines[0]).contains("Ja skulle ha granskats senast 8 oktober 2025"))
        // Training: Låtsasby has its own text, linked to its page of it.
        #expect(routines[1].contains("<span class=\"cell-detail\">Egen text:</span> <a href=\"../lattsasby/utbildning-och-introduktion.html\">Låtsasby kommun</a>"))
        #expect(!routines[1].contains("<span class=\"none\">Inga</span>"))
        // What is due, with the review page's list of shared texts, which has the id linked.
        #expect(html.contains("<p>Samverkan Nordväst har 1 rutin att granska. De står också under <a href=\"../granskning.html#gemensamt\">Gemensamma texter och kontakter</a>"))
        let due = rows(of: "rutiner-att-granska", in: html)
        #expect(due.count == 1 && due[0].contains(">Roller och ansvar</a>"))
        expectLinksResolve(path, in: output.path)

        // The internal build shows them, marked as internal.
        let intranetOutput = await buildIntranet(content, beside: output)
        let intranet = read("\(intranetOutput)/\(path)")
        let internalRoutines = rows(of: "rutiner-tabell", in: intranet)
        #expect(internalRoutines.count == 3)
        #expect(internalRoutines.contains { $0.contains(">Gruppens larmkedja<") && $0.contains("(intern, bara i den interna handboken)") })
        #expect(rows(of: "kontakter-tabell", in: intranet).contains { text($0).hasPrefix("Gruppens larmcentral (intern, bara i den interna handboken)Lars Larm") })
        expectLinksResolve(path, in: intranetOutput)
    }

    /// The body rows of the table whose caption has `id`, whatever the row's class (the
    /// readability page marks a row over the threshold).
    private func anyRows(of id: String, in html: String) -> [String] {
        guard let table = html.components(separatedBy: "<caption id=\"\(id)\">").dropFirst().first?.components(separatedBy: "</table>").first
        else { return [] }
        return table.components(separatedBy: "\n").filter { $0.hasPrefix("<tr") && $0.contains("<th scope=\"row\">") }
    }

    /// The review page's shared routines and contacts, and the readability page's texts, name
    /// the group that wrote or keeps them: the name leads to the group's page. A year after the
    /// demo's day, its group's two texts are past review and its contacts past verification.
    @Test func theReviewAndReadabilityPagesLinkAGroupsNameToItsPage() async throws {
        let (output, result) = await TestPaths.build(content: URL(fileURLWithPath: DemoContent.content),
                                                     templates: URL(fileURLWithPath: DemoContent.templates), today: "2027-11-29")
        #expect(result.published, "\(result.diagnostics)")
        let group = "<td><a href=\"grupper/nordvast.html\">Samverkan Nordväst</a></td>"

        let review = read("\(output.path)/granskning.html")
        let routines = rows(of: "gemensamt-rutiner", in: review)
        let groups = routines.filter { $0.contains(group) }
        #expect(groups.map { String(text($0).prefix(16)) }.sorted() == ["Roller och ansva", "Utbildning och i"])
        // A base routine's row says so, and links no group.
        let base = routines.filter { $0.contains("<td>Grundrutin</td>") }
        #expect(!base.isEmpty && base.count + groups.count == routines.count)
        #expect(!base.contains { $0.contains("grupper/") })
        let contacts = rows(of: "gemensamt-kontakter", in: review)
        #expect(contacts.count == 5 && contacts.allSatisfy { $0.contains(group) }, "\(contacts)")
        expectLinksResolve("granskning.html", in: output.path)

        // Each of the group's texts once, its name linked to the group's page; a council's name
        // to its handbook's page; "Grundrutin" not linked.
        let readability = read("\(output.path)/lasbarhet.html")
        let texts = anyRows(of: "lix-tabell", in: readability)
        #expect(texts.filter { $0.contains(group) }.map { String(text($0).prefix(16)) }.sorted() == ["Roller och ansva", "Utbildning och i"])
        #expect(texts.contains { $0.contains("<td>Grundrutin</td>") })
        #expect(texts.contains { $0.contains("<td><a href=\"handbocker/exempelstad.html\">Exempelstads kommun</a></td>") })
        #expect(!texts.contains { $0.contains("<td>Exempelstads kommun</td>") })
        #expect(texts.filter { $0.contains("grupper/") }.count == 2)
        expectLinksResolve("lasbarhet.html", in: output.path)
    }

    /// A member that keeps its own text of a group routine internal: in a public build the
    /// group's page links its name to the list of such routines on the member's page, as a
    /// member that left the routine out is linked to its list of those.
    @Test func aMembersInternalTextLinksToItsListOfThem() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let roles = try String(contentsOfFile: "\(content)/groups/nordvast/routines/roller-och-ansvar.md", encoding: .utf8)
        try roles.replacingOccurrences(of: "\n---\n", with: "\naccess: internal\n---\n")
            .write(toFile: "\(content)/councils/lattsasby/routines/roller-och-ansvar.md", atomically: true, encoding: .utf8)
        // A routine of the group's own, which the base does not have; Påhittsjö keeps its text
        // of it internal.
        let meeting = """
            ---
            title: Gruppens möten
            summary: Hur gruppen möts.
            phase: forebygga
            audience: [alla]
            owner: kanslichef
            reviewed: 2026-10-08
            ---

            Vi möts varje månad.

            """
        try meeting.write(toFile: "\(content)/groups/nordvast/routines/gruppens-moten.md", atomically: true, encoding: .utf8)
        try meeting.replacingOccurrences(of: "\n---\n\nVi", with: "\naccess: internal\n---\n\nPåhittsjö")
            .write(toFile: "\(content)/councils/pahittsjo/routines/gruppens-moten.md", atomically: true, encoding: .utf8)
        let (output, result) = await TestPaths.build(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(result.published, "\(result.diagnostics)")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let path = PortalPages.groupPath(group: "nordvast")
        let routines = rows(of: "rutiner-tabell", in: read("\(output.path)/\(path)"))
        #expect(routines.first?.contains("<span class=\"cell-detail\">Egen text bara i den interna handboken:</span> <a href=\"../handbocker/lattsasby.html#intern\">Låtsasby kommun</a>") == true,
                "\(routines)")
        #expect(read("\(output.path)/handbocker/lattsasby.html").contains("<h2 id=\"intern\">"))
        // The group's own routine is on Påhittsjö's list too, with the group's name.
        let meetingRow = routines.first { $0.contains(">Gruppens möten<") }
        #expect(meetingRow?.contains("<a href=\"../handbocker/pahittsjo.html#intern\">Påhittsjö kommun</a>") == true, "\(routines)")
        #expect(read("\(output.path)/handbocker/pahittsjo.html")
            .contains("<h2 id=\"intern\">Bara i den interna handboken</h2>\n<p>Rutiner som handboken har en egen text av, men bara i den interna handboken. Den publicerade handboken har dem inte.</p>\n<ul class=\"council-list\">\n<li>Gruppens möten <span class=\"meta\">(Förebygga; Samverkan Nordväst)</span></li>"))
        expectLinksResolve(path, in: output.path)
    }

    /// A public build names none of the group's internal routines and contacts on the review
    /// and readability pages, linked or not; the intranet's build lists them, with the group's
    /// name leading to its page there, which shows them.
    @Test func theGroupsInternalThingsAreLinkedOnlyOnTheIntranet() async throws {
        let content = try DemoContent.copy()
        let group = "\(content)/groups/nordvast"
        let roles = try String(contentsOfFile: "\(group)/routines/roller-och-ansvar.md", encoding: .utf8)
        try roles.replacingOccurrences(of: "reviewed: 2026-10-08", with: "reviewed: 2024-10-08")
            .write(toFile: "\(group)/routines/roller-och-ansvar.md", atomically: true, encoding: .utf8)
        try addInternalRoutineAndContact(to: group, dated: "2024-10-08")
        let link = "<td><a href=\"grupper/nordvast.html\">Samverkan Nordväst</a></td>"

        let (output, result) = await TestPaths.build(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: DemoContent.templates))
        #expect(result.published, "\(result.diagnostics)")
        let review = read("\(output.path)/granskning.html"), readability = read("\(output.path)/lasbarhet.html")
        let routines = rows(of: "gemensamt-rutiner", in: review)
        #expect(routines.count == 1 && routines[0].contains(">Roller och ansvar</a>") && routines[0].contains(link), "\(routines)")
        #expect(!review.contains("id=\"gemensamt-kontakter\""), "the group's public contacts are in time")
        for (page, html) in [("granskning.html", review), ("lasbarhet.html", readability)] {
            #expect(!html.contains("larmkedja") && !html.contains("Larmkedja"), "\(page)")
            #expect(!html.contains("larmcentral") && !html.contains("Lars Larm"), "\(page)")
            expectLinksResolve(page, in: output.path)
        }
        #expect(anyRows(of: "lix-tabell", in: readability).filter { $0.contains(link) }.count == 2)

        let intranetOutput = await buildIntranet(content, beside: output)
        let intranetReview = read("\(intranetOutput)/granskning.html")
        #expect(rows(of: "gemensamt-rutiner", in: intranetReview).contains { $0.contains(">Gruppens larmkedja</a>") && $0.contains(link) })
        #expect(rows(of: "gemensamt-kontakter", in: intranetReview).contains { text($0).hasPrefix("Gruppens larmcentralLars Larm") && $0.contains(link) })
        #expect(anyRows(of: "lix-tabell", in: read("\(intranetOutput)/lasbarhet.html"))
            .contains { $0.contains(">Gruppens larmkedja<") && $0.contains(link) })
        #expect(read("\(intranetOutput)/\(PortalPages.groupPath(group: "nordvast"))").contains(">Gruppens larmkedja<"))
        for page in ["granskning.html", "lasbarhet.html"] { expectLinksResolve(page, in: intranetOutput) }
    }

    /// A council folder may not take the name of the portal's folder of group pages.
    @Test func aCouncilFolderNamedAsTheGroupsFolderIsRefused() async throws {
        let content = try DemoContent.copy()
        try FileManager.default.copyItem(atPath: "\(content)/councils/exempelby", toPath: "\(content)/councils/grupper")
        let (site, problems) = await ContentLoader.load(contentDirectory: content)
        #expect(site?.councils.contains { $0.slug == "grupper" } == false)
        #expect(problems.contains { $0.code == "reserved-slug" && $0.location.file.hasSuffix("councils/grupper") })
    }
}
