import Foundation
import Testing
@testable import RutinbokCore

/// Where the shipped theme puts what a frightened reader looks for: whom to call before the
/// introduction, on screen and on paper, and a header that says where the reader is.
struct PageLayoutTests {
    private func build(_ workspace: BrokenWorkspace) async throws {
        let result = await Build.run(workspace.options(), write: true)
        #expect(result.published, "\(result.diagnostics)")
    }

    private func page(_ workspace: BrokenWorkspace, _ path: String) throws -> String {
        try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent(path), encoding: .utf8)
    }

    private func position(of text: String, in page: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String.Index {
        try #require(page.range(of: text), "no \(text)", sourceLocation: sourceLocation).lowerBound
    }

    private func header(_ page: String) throws -> String {
        try #require(page.components(separatedBy: "<header class=\"site-header\">").dropFirst().first?.components(separatedBy: "</header>").first)
    }

    /// The menu is a <details> (no script); on the contacts page its link there is the current
    /// page, on a routine's page the link to the routine's part says the reader is within it.
    @Test func theHeaderMenuMarksWhereTheReaderIs() async throws {
        let workspace = try BrokenWorkspace()
        try await build(workspace)
        let contacts = try header(page(workspace, "exby/kontakter.html"))
        #expect(contacts.contains("<details class=\"menu\">\n<summary>Meny</summary>"))
        #expect(contacts.contains("<a href=\"kontakter.html\" aria-current=\"page\">Kontakter</a>"))
        #expect(!contacts.contains("aria-current=\"true\""))
        let routine = try header(page(workspace, "exby/hotad.html"))
        #expect(routine.contains("<a href=\"index.html#hantera\" aria-current=\"true\">Hantera</a>"))
        #expect(routine.contains("<a href=\"index.html#forebygga\">Förebygga</a>"))
        #expect(routine.contains("<a href=\"kontakter.html\">Kontakter</a>"))
        let other = try header(page(workspace, "exby/lokalt.html"))
        #expect(other.contains("<a href=\"index.html#forebygga\" aria-current=\"true\">Förebygga</a>"))
        for path in ["exby/index.html", "exby/sok.html", "exby/skriv-ut.html", "exby/tillganglighet.html"] {
            #expect(!(try header(page(workspace, path))).contains("aria-current"), "\(path)")
        }
    }

    /// The start page's box of whom to call comes right after the title, before the
    /// introduction; the contacts page shows the contacts before the button that saves them.
    @Test func numbersToCallComeBeforeWhatCanWait() async throws {
        let workspace = try BrokenWorkspace()
        try await build(workspace)
        let start = try page(workspace, "exby/index.html")
        #expect(try position(of: "<h1>", in: start) < position(of: "id=\"snabbkontakter\"", in: start))
        #expect(try position(of: "href=\"tel:0700000001\"", in: start) < position(of: "<p class=\"lead\">", in: start))
        let contacts = try page(workspace, "exby/kontakter.html")
        #expect(try position(of: "class=\"contact-entry\"", in: contacts) < position(of: "class=\"vcard-download\"", in: contacts))
        #expect(try position(of: "class=\"vcard-download\"", in: contacts) < position(of: "id=\"nationella-nummer\"", in: contacts))
        #expect(contacts.contains("En fil (vCard) med alla kontakter ovan."))
    }

    /// The contacts page and the print page's list start with whom to call first, as the start
    /// page's box has them: a group's coordinator named there came after every contact of the
    /// member's own.
    @Test func theContactsPageStartsWithWhomToCallFirst() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace("content/councils/exby/council.yml", "group: grannar\n", with: "group: grannar\nquick_contacts: [hr, samordnare]\n")
        try await build(workspace)
        let contacts = try page(workspace, "exby/kontakter.html")
        let roles = contacts.components(separatedBy: "<section class=\"contact-group\">\n<h2>").dropFirst().compactMap { $0.split(separator: "<").first }
        #expect(Array(roles.prefix(2)) == ["HR-stöd", "Säkerhetssamordnare"], "\(roles)")
        // The printed list, which goes on notice boards, in the same order.
        let print = try page(workspace, "exby/skriv-ut.html")
        let printed = print.components(separatedBy: "<ul class=\"print-contacts\">").dropFirst().first?
            .components(separatedBy: "<strong>").dropFirst().compactMap { $0.split(separator: "<").first } ?? []
        #expect(Array(printed.prefix(2)) == ["HR-stöd", "Säkerhetssamordnare"], "\(printed)")
    }

    /// A printed handbook is read from its first page: the box of whom to call follows the
    /// title there, before the contents; the full list stays last. A checklist's item has a
    /// box to tick with a pen, and a class the theme takes its bullet away by.
    @Test func thePrintPageStartsWithWhomToCall() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/routines/hotad.md", "\n- [ ] Spara meddelandet\n- [x] Ring 112\n")
        try await build(workspace)
        let print = try page(workspace, "exby/skriv-ut.html")
        let box = try position(of: "<section class=\"quick-contacts\" aria-labelledby=\"snabbkontakter\">", in: print)
        #expect(try position(of: "<h1>", in: print) < box)
        #expect(try box < position(of: "href=\"tel:0700000001\"", in: print))
        #expect(try position(of: "href=\"tel:0700000001\"", in: print) < position(of: "<nav class=\"toc\"", in: print))
        #expect(print.contains("<a href=\"#kontaktlista\">Kontakter</a>.</p>\n</section>"))
        #expect(try position(of: "<nav class=\"toc\"", in: print) < position(of: "id=\"kontaktlista\"", in: print))
        #expect(print.contains("<li><span class=\"task-box\" aria-hidden=\"true\">☐</span> Spara meddelandet</li>"))
        #expect(print.contains("<li><span class=\"task-box\" aria-hidden=\"true\">☒</span> Ring 112</li>"))
    }

    /// The emergency buttons keep their number whole while their words may wrap.
    @Test func theEmergencyButtonsKeepTheirNumbersWhole() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace("content/site.yml", "  - { id: nodlage, label: Nödläge, number: \"112\" }\n",
                              with: "  - { id: nodlage, label: Nödläge, number: \"112\" }\n  - { id: polisen, label: Polisen, number: \"114 14\" }\n")
        try await build(workspace)
        let start = try page(workspace, "exby/index.html")
        #expect(start.contains("<a class=\"tel tel-112\" href=\"tel:112\"><span class=\"tel-label\">Ring</span> <span class=\"tel-number\">112</span></a>"))
        #expect(start.contains("<a class=\"tel tel-police\" href=\"tel:11414\"><span class=\"tel-label\">Polisen, inte akut</span> <span class=\"tel-number\">114 14</span></a>"))
        let contacts = try page(workspace, "exby/kontakter.html")
        #expect(contacts.contains("<a class=\"tel\" href=\"tel:0700000001\">Ring <span class=\"tel-number\">070-000 00 01</span><span class=\"visually-hidden\">, Säkerhetssamordnare, Anna Exempel</span></a>"))
    }

    /// The portal's page of a handbook has the box with 112, as the overview does, before its
    /// tables, and leads to the handbook's contacts.
    @Test func thePortalsHandbookPageHasTheEmergencyBox() async throws {
        let workspace = try BrokenWorkspace()
        try await build(workspace)
        let handbook = try page(workspace, "handbocker/exby.html")
        let box = try position(of: "<div class=\"portal-emergency\">", in: handbook)
        #expect(handbook.contains("<strong>Är du i fara?</strong> <a class=\"tel tel-112\" href=\"tel:112\">"))
        #expect(handbook.contains("<a href=\"../exby/kontakter.html\">Kontakter i handboken för Exby kommun</a>"))
        #expect(try box < position(of: "<table", in: handbook))
    }
}
