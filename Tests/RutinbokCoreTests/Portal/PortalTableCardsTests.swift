import Foundation
@testable import RutinbokCore
import Testing

/// On a phone, every portal table but those of counts shows each row as a card (`table.stack`:
/// portal.css, and portal.js, which labels each cell with its column's heading and sets the ARIA
/// roles that keep the table's semantics). The markup carries only the class: roles on `tr`, `th`
/// and `td` are not valid HTML, and labels on every cell would weigh a table of thousands of rows
/// down. The browser tests check the cards as laid out; this checks which tables stack.
@Test func everyPortalTableButThoseOfCountsStacksOnAPhone() async throws {
    let output = try await DemoContent.build()
    defer { try? FileManager.default.removeItem(atPath: output) }
    var pages = ["index", "tackning", "andringar", "granskning", "lasbarhet"].map(PageNames.html)
    for folder in ["handbocker", "grupper", "tackning"] {
        pages += try FileManager.default.contentsOfDirectory(atPath: "\(output)/\(folder)").sorted().map { "\(folder)/\($0)" }
    }
    var stacked = 0, counts = 0
    for page in pages {
        let html = read("\(output)/\(page)")
        for opening in html.components(separatedBy: "<table").dropFirst().map({ String($0.prefix { $0 != ">" }) }) {
            let classes = opening.components(separatedBy: "class=\"").dropFirst().first?.prefix { $0 != "\"" }.split(separator: " ") ?? []
            if classes.contains("coverage-counts") || classes.contains("review-summary") {
                #expect(!classes.contains("stack"), "\(page): a table of counts stays a table")
                counts += 1
            } else {
                #expect(classes.contains("stack"), "\(page): <table\(opening)> does not stack on a phone")
                stacked += 1
            }
            #expect(!opening.contains("role="), "\(page): roles are set by portal.js, not in the markup")
        }
        #expect(!html.contains("data-label="), "\(page)")
    }
    #expect(stacked >= 25 && counts >= 5, "\(stacked) stacked tables, \(counts) of counts")
}
