import Foundation
import Testing
@testable import RutinbokCore

/// `<council>/fickkort.html`, the card to print and keep in a wallet: 112 first, the other
/// national numbers, the box of whom to call, and how old its numbers are.
struct PocketCardPageTests {
    private func card(_ workspace: BrokenWorkspace) async throws -> String {
        let result = await Build.run(workspace.options(), write: true)
        #expect(result.published, "\(result.diagnostics)")
        let html = try String(contentsOf: URL(fileURLWithPath: workspace.output).appendingPathComponent("exby/fickkort.html"), encoding: .utf8)
        let start = try #require(html.range(of: "<div class=\"pocket-card\">"))
        let end = try #require(html.range(of: "</div>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func theCardLeadsWith112AndCarriesWhomToCall() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace("content/site.yml", "  - { id: nodlage, label: Nödläge, number: \"112\" }\n", with: """
              - { id: brottsofferjouren, label: Brottsofferjourens stödlinje, number: "116 006" }
              - { id: nodlage, label: Nödläge, number: "112" }

            """)
        let html = try await card(workspace)
        let emergency = try #require(html.range(of: "Är du i fara? Ring <a class=\"tel\" href=\"tel:112\">112</a>"))
        let victims = try #require(html.range(of: "<li><a class=\"tel\" href=\"tel:116006\">116 006<span class=\"visually-hidden\">, Brottsofferjourens stödlinje</span></a> Brottsofferjourens stödlinje</li>"))
        #expect(emergency.lowerBound < victims.lowerBound, "112 leads, whatever site.yml's order")
        #expect(html.contains("<span class=\"pocket-card-council\">Exby kommun</span>"))
        // The council's own contact, then the group's (the box of whom to call, three at most),
        // each number on a line of its own under the name.
        let own = try #require(html.range(of: "Säkerhetssamordnare, Anna Exempel</span><br><a class=\"tel\" href=\"tel:0700000001\">070-000 00 01<span class=\"visually-hidden\">, Säkerhetssamordnare, Anna Exempel</span></a>"))
        let shared = try #require(html.range(of: "HR-stöd</span><br><a class=\"tel\" href=\"tel:0700000009\">070-000 00 09<span class=\"visually-hidden\">, HR-stöd</span></a>"))
        #expect(own.lowerBound < shared.lowerBound)
        #expect(html.contains("Uppgifterna kontrollerades 15 januari 2026."))
        // Without site.yml's address, the card cannot say where the handbook is.
        #expect(!html.contains("Hela handboken"))
    }

    @Test func itSaysWhereTheHandbookIsAndTheOldestCheckOfItsNumbers() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.append("content/site.yml", "address: https://rutiner.exempel.example/\n")
        try workspace.replace("content/groups/grannar/group.yml", "verified: 2026-01-15", with: "verified: 2025-12-24")
        let html = try await card(workspace)
        #expect(html.contains("Hela handboken: <a class=\"address\" href=\"https://rutiner.exempel.example/exby/\">https://rutiner.exempel.example/exby/</a>"))
        #expect(html.contains("Uppgifterna kontrollerades 24 december 2025."))
        // A council that publishes its handbook itself gives its own address.
        try workspace.append("content/councils/exby/council.yml", "address: https://www.exby.example/handbok/\n")
        let own = try await card(workspace)
        #expect(own.contains("Hela handboken: <a class=\"address\" href=\"https://www.exby.example/handbok/\">https://www.exby.example/handbok/</a>"))
    }

    @Test func aContactNeverCheckedLeavesTheDateOut() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace("content/groups/grannar/group.yml", "    verified: 2026-01-15\n", with: "")
        let html = try await card(workspace)
        #expect(html.contains("HR-stöd"))
        #expect(!html.contains("kontrollerades"), "a date would claim more than is true")
    }

    @Test func aRoutineCannotTakeTheCardsName() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.write("content/routines/fickkort.md", try workspace.read("content/routines/hotad.md"))
        #expect(await workspace.check().contains {
            $0.hasPrefix("content/routines/fickkort.md") && $0.hasSuffix("[reserved-id]")
        })
    }
}
