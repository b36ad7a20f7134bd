import Foundation
import Testing
@testable import RutinbokCore

/// The accessibility statement (`<council>/tillganglighet.html`) says only what council.yml
/// lets it say: no "no known shortcomings" and no "we assessed it ourselves" for a council that
/// has assessed nothing, and the auditor's name when someone outside did the audit.
struct AccessibilityStatementTests {
    private func statement(_ workspace: BrokenWorkspace) async throws -> String {
        let result = await Build.run(workspace.options(), write: true)
        #expect(result.published, "\(result.diagnostics)")
        return try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent("exby/tillganglighet.html"), encoding: .utf8)
    }

    @Test func withoutAStatementThePageSaysNothingIsAssessed() async throws {
        let page = try await statement(BrokenWorkspace())
        #expect(page.contains("<p>Vi har ännu inte bedömt hur tillgänglig webbplatsen är. Berätta gärna för oss om något inte går att använda.</p>"))
        #expect(page.contains("Vi har ännu inte bedömt hur väl webbplatsen uppfyller lagen"))
        #expect(!page.contains("Vi känner inte till några brister"))
        #expect(!page.contains("självskattning"))
        #expect(!page.contains("Texterna i den här handboken har vi granskat själva"))
        // Feedback on accessibility does not go to the security coordinators' page.
        #expect(!page.contains("href=\"kontakter.html\">kontaktsidan"))
        #expect(page.contains("<p>Kontakta Exby kommun.</p>"))
    }

    @Test func anAuditFromOutsideIsNamedAndNoClaimIsMadeForTheKeyboard() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/councils/exby/council.yml",
                             "website: https://www.exby.example\naccessibility:\n  status: delvis\n  shortcomings: [Filmerna saknar undertexter.]\n  assessed: 2026-05-04\n  audited_by: Granskningsbyrån Exempel AB\n")
        let page = try await statement(workspace)
        #expect(page.contains("<p>Webbplatsen har granskats av Granskningsbyrån Exempel AB. Den senaste bedömningen gjordes den 4 maj 2026.</p>"))
        #expect(!page.contains("självskattning"))
        // A statement with shortcomings cannot also say the whole site works by keyboard.
        #expect(!page.contains("går att använda med enbart tangentbordet"))
        #expect(page.contains("<li>Filmerna saknar undertexter.</li>"))
        // Without feedback_email, the council's own web site.
        #expect(page.contains("Kontakta oss via <a href=\"https://www.exby.example\">Exby kommuns webbplats</a>."))
    }

    /// Digg's model statement keeps apart what fails the law, what the council judged a
    /// disproportionate burden (which Digg may review), and what the law does not cover.
    @Test func theThreeKindsOfExceptionStandApartAsInDiggsModel() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/councils/exby/council.yml", """
            accessibility:
              status: delvis
              shortcomings: [Filmerna saknar undertexter.]
              disproportionate_burden: [Gamla protokoll finns bara som inskannade bilder; att skriva om dem kostar mer än nyttan.]
              out_of_scope: [Polisens blanketter som handboken länkar till.]
              feedback_email: webb@exby.example
              assessed: 2026-05-04

            """)
        let page = try await statement(workspace)
        let failing = try #require(page.range(of: "<h4>Bristande förenlighet med lagkraven</h4>\n<ul><li>Filmerna saknar undertexter.</li></ul>"))
        let burden = try #require(page.range(of: "<h4>Oskäligt betungande anpassning</h4>"))
        let uncovered = try #require(page.range(of: "<h3 id=\"omfattas-inte\">Innehåll som inte omfattas av lagen</h3>\n<ul><li>Polisens blanketter som handboken länkar till.</li></ul>"))
        #expect(failing.upperBound < burden.lowerBound && burden.upperBound < uncovered.lowerBound)
        #expect(page.contains("<li>Gamla protokoll finns bara som inskannade bilder; att skriva om dem kostar mer än nyttan.</li>"))
        #expect(page.contains("Du kan be Digg granska bedömningen."))
    }

    /// A disproportionate burden is what a partial status may rest on; content the law does
    /// not cover is not, and goes with a fully compliant site.
    @Test func aBurdenAloneIsAShortcomingAndUncoveredContentIsNot() async throws {
        let burdened = try BrokenWorkspace()
        try burdened.append("content/councils/exby/council.yml",
                            "accessibility:\n  status: delvis\n  disproportionate_burden: [Kartan går inte att göra tillgänglig.]\n  feedback_email: webb@exby.example\n  assessed: 2026-05-04\n")
        let partly = try await statement(burdened)
        #expect(partly.contains("Vi vet att delar av webbplatsen inte är helt tillgängliga. Läs mer under <a href=\"#brister\">"))
        #expect(partly.contains("<h3 id=\"brister\">Innehåll som inte är tillgängligt</h3>"))
        #expect(!partly.contains("Bristande förenlighet med lagkraven"))
        let covered = try BrokenWorkspace()
        try covered.append("content/councils/exby/council.yml",
                           "accessibility:\n  status: helt\n  out_of_scope: [Polisens blanketter.]\n  feedback_email: webb@exby.example\n  assessed: 2026-05-04\n")
        let fully = try await statement(covered)
        #expect(fully.contains("Vi känner inte till några brister i webbplatsens tillgänglighet."))
        #expect(!fully.contains("id=\"brister\""))
        #expect(fully.contains("<li>Polisens blanketter.</li>"))
    }

    /// Digg asks for a "detailed, complete and clear" list: a shortcoming written out names
    /// the WCAG criteria it fails and when it is to be fixed, and the statement says when it
    /// was last updated apart from when the site was assessed.
    @Test func aShortcomingNamesItsCriteriaAndItsFixAndTheStatementItsOwnDate() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/councils/exby/council.yml", """
            accessibility:
              status: delvis
              shortcomings:
                - Filmerna saknar undertexter.
                - text: Tabellen över larmvägar har inga radrubriker
                  wcag: [1.3.1, 4.1.2, 1.3.1]
                  fix_by: 2026-09-30
                - text: Kartan saknar textalternativ!
                  wcag: 1.1.1
              feedback_email: webb@exby.example
              assessed: 2026-05-04
              updated: 2026-05-20

            """)
        let page = try await statement(workspace)
        #expect(page.contains("<ul><li>Filmerna saknar undertexter.</li><li>Tabellen över larmvägar har inga radrubriker (WCAG 1.3.1 och 4.1.2). Vi planerar att åtgärda bristen senast den 30 september 2026.</li><li>Kartan saknar textalternativ (WCAG 1.1.1)!</li></ul>"))
        #expect(page.contains("Den senaste bedömningen gjordes den 4 maj 2026."))
        #expect(page.contains("<p>Redogörelsen uppdaterades senast den 20 maj 2026.</p>"))
    }

    /// Without `updated`, the statement was last updated when the site was assessed.
    @Test func withoutAnUpdateDateTheAssessmentsDayIsTheStatements() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/councils/exby/council.yml",
                             "accessibility:\n  status: helt\n  feedback_email: webb@exby.example\n  assessed: 2026-05-04\n")
        let page = try await statement(workspace)
        #expect(page.contains("<p>Redogörelsen uppdaterades senast den 4 maj 2026.</p>"))
    }
}
