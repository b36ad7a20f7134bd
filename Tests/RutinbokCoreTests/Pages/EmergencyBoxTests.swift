import Foundation
import Testing
@testable import RutinbokCore

/// What someone threatened right now finds first: the box with 112 at the top of every page,
/// and the start page's box of whom to call, with when to call them.
struct EmergencyBoxTests {
    private func build(_ workspace: BrokenWorkspace) async throws -> Build.Result {
        let result = await Build.run(workspace.options(), write: true)
        #expect(result.published, "\(result.diagnostics)")
        return result
    }

    private func page(_ workspace: BrokenWorkspace, _ path: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everyPageLinksToTheAcuteRoutine() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "acute_routine: hotad\n")
        _ = try await build(workspace)
        let link = "<p class=\"emergency-acute\"><a href=\"hotad.html\">Om du blir hotad</a></p>"
        for path in ["exby/index.html", "exby/anmalan.html", "exby/lokalt.html", "exby/kontakter.html", "exby/sok.html"] {
            #expect(try page(workspace, path).contains(link), "\(path)")
        }
    }

    /// On the acute routine's own page, and on the contacts page, the box's link to that page
    /// is the current page, not a way elsewhere: a screen reader says so.
    @Test func theBoxMarksTheLinkToThePageItIsOn() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "acute_routine: hotad\n")
        _ = try await build(workspace)
        let acuteHere = "<a href=\"hotad.html\" aria-current=\"page\">Om du blir hotad</a>"
        let contactsHere = "<a href=\"kontakter.html\" aria-current=\"page\">Alla kontakter</a>"
        let acute = try page(workspace, "exby/hotad.html")
        #expect(acute.contains(acuteHere))
        #expect(acute.contains("<a href=\"kontakter.html\">Alla kontakter</a>"))
        let contacts = try page(workspace, "exby/kontakter.html")
        #expect(contacts.contains(contactsHere))
        #expect(contacts.contains("<a href=\"hotad.html\">Om du blir hotad</a>"))
        for path in ["exby/index.html", "exby/anmalan.html", "exby/sok.html"] {
            let other = try page(workspace, path)
            #expect(!other.contains(contactsHere) && !other.contains(acuteHere), "\(path)")
        }
    }

    /// A contact named in a sentence ("Ring HR så bokar vi tid") is followed by how to reach
    /// them: the phone number, or the e-mail address when there is no number. Without a number
    /// it had shown only the name.
    @Test func aContactInASentenceShowsHowToReachThem() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/councils/exby/council.yml", "  hr:\n    role: HR\n    name: Hanna Hittepå\n    email: hr@exby.example\n    verified: 2026-01-15\n")
        try workspace.append("content/councils/exby/routines/lokalt.md", "\nKontakta [HR](kontakt:hr) eller [samordnaren](kontakt:samordnare) så bokar vi tid.\n")
        _ = try await build(workspace)
        let page = try page(workspace, "exby/lokalt.html")
        #expect(page.contains("<span class=\"contact-inline\">(Hanna Hittepå, <a class=\"mail\" href=\"mailto:hr@exby.example\" aria-label=\"hr@exby.example\">"), "\(page)")
        #expect(page.contains("<span class=\"contact-inline\">(Anna Exempel, <a class=\"tel\" href=\"tel:0700000001\">070-000 00 01</a>)</span>"))
    }

    @Test func aHandbookWithoutTheAcuteRoutineHasNoLinkToIt() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "acute_routine: hotad\n")
        try workspace.append("content/councils/exby/council.yml", "exclude: [hotad]\n")
        _ = try await build(workspace)
        let start = try page(workspace, "exby/index.html")
        #expect(!start.contains("emergency-acute"))
        #expect(!start.contains("hotad.html"))
    }

    @Test func withoutAnAcuteRoutineTheBoxHasOnlyTheNumbers() async throws {
        let workspace = try BrokenWorkspace()
        _ = try await build(workspace)
        let start = try page(workspace, "exby/index.html")
        #expect(start.contains("class=\"tel tel-112\""))
        #expect(!start.contains("emergency-acute"))
    }

    /// The national numbers come after every contact of the council: a phone screen or more
    /// down. The top of the page leads to them.
    @Test func theContactsPageLeadsToTheNationalNumbers() async throws {
        let workspace = try BrokenWorkspace()
        _ = try await build(workspace)
        let contacts = try page(workspace, "exby/kontakter.html")
        let jump = try #require(contacts.range(of: "<a href=\"#nationella-nummer\">Gå till de nationella numren</a>"))
        let section = try #require(contacts.range(of: "<h2 id=\"nationella-nummer\">"))
        let firstContact = try #require(contacts.range(of: "class=\"contact-entry\""))
        #expect(jump.lowerBound < firstContact.lowerBound && firstContact.lowerBound < section.lowerBound)
    }

    @Test func theStartPageSaysWhenToCallAndWhomAfterHours() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace("content/councils/exby/council.yml", "    verified: 2026-01-15\n",
                              with: "    verified: 2026-01-15\n    hours: Vardagar 08.00–17.00\n    out_of_hours: Ring säkerhetsjouren på 070-000 00 09.\n")
        _ = try await build(workspace)
        let start = try page(workspace, "exby/index.html")
        let box = try #require(start.components(separatedBy: "id=\"snabbkontakter\"").dropFirst().first?.components(separatedBy: "</section>").first)
        #expect(box.contains("<span class=\"quick-when\">Vardagar 08.00–17.00</span>"))
        // Out of its sentence, the after-hours number says whose route it is.
        #expect(box.contains("<span class=\"quick-when\">Utanför kontorstid: Ring säkerhetsjouren på <a class=\"tel\" href=\"tel:0700000009\">070-000 00 09<span class=\"visually-hidden\">, Säkerhetssamordnare utanför kontorstid</span></a>.</span>"))
        // The call button names whom it calls, as the contact cards' buttons do.
        #expect(box.contains("<a class=\"tel\" href=\"tel:0700000001\">070-000 00 01<span class=\"visually-hidden\">, Säkerhetssamordnare</span></a>"))
    }
}
