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
}
