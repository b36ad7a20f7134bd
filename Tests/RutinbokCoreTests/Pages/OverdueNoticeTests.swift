import Foundation
import Testing
@testable import RutinbokCore

/// A routine past its review date tells the reader so, and whom to ask.
struct OverdueNoticeTests {
    @Test func anOverdueRoutineSaysWhomToAsk() async throws {
        let workspace = try BrokenWorkspace()
        let result = await Build.run(workspace.options(today: Day("2027-06-01")!), write: true)
        #expect(result.published, "\(result.diagnostics)")
        let page = try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent("exby/hotad.html"), encoding: .utf8)
        #expect(page.contains("<strong>Rutinen kan vara inaktuell.</strong> Den granskades senast 15 januari 2026 och skulle ha granskats igen. "
            + "Fråga den som ansvarar för rutinen om vad som gäller: Säkerhetssamordnare, Anna Exempel, <a class=\"tel\" href=\"tel:0700000001\">070-000 00 01</a>.</p>"))
    }

    @Test func aRoutineInTimeHasNoNotice() async throws {
        let workspace = try BrokenWorkspace()
        _ = await Build.run(workspace.options(), write: true)
        let page = try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent("exby/hotad.html"), encoding: .utf8)
        #expect(!page.contains("notice-overdue"))
    }
}
