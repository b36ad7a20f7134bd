import Foundation
@testable import RutinbokCore
import Testing

@Suite struct SwedishOrderTests {
    @Test func åäöComeAfterZ() {
        let names = ["Östersund", "Åre", "Västerås", "Ale", "Örebro", "Älvkarleby", "Eda", "Enköping", "Zinkgruvan", "östra Göinge"]
        #expect(names.sorted(by: SwedishOrder.precedes)
                == ["Ale", "Eda", "Enköping", "Västerås", "Zinkgruvan", "Åre", "Älvkarleby", "Örebro", "Östersund", "östra Göinge"])
    }

    @Test func accentsAndCaseDoNotMoveAName() {
        #expect(SwedishOrder.precedes("Hé", "Hf"))
        #expect(SwedishOrder.precedes("Ma", "mb"))
        #expect(SwedishOrder.key("Ü") == SwedishOrder.key("y"), "ü as y, as Swedish dictionaries have it")
        // Decomposed (o and a combining diaeresis), as names pasted from some PDFs are: still ö.
        #expect(SwedishOrder.key("O\u{308}stersund") == SwedishOrder.key("Östersund"))
        #expect(SwedishOrder.precedes("Västerås", "O\u{308}stersund"))
        #expect(SwedishOrder.key("Sko\u{308}vde") == SwedishOrder.key("Skövde"))
        #expect(SwedishOrder.key("e\u{301}") == SwedishOrder.key("é") && SwedishOrder.key("é") == SwedishOrder.key("e"))
        #expect(SwedishOrder.precedes("Dals-Ed", "Dalsland"), "a hyphen as a space, before letters")
        // Equal keys still give one order.
        #expect(SwedishOrder.precedes("a", "A") != SwedishOrder.precedes("A", "a"))
    }

    /// The portal lists municipalities, then regions, by name: the folder names would put
    /// Östersund (`ostersund`) among the O's and the regions among the R's.
    @Test func portalOrderIsKindThenName() async throws {
        let content = try DemoContent.copy()
        let councils = "\(content)/councils"
        for (slug, name, kind) in [("ostersund", "Östersunds kommun", "kommun"), ("aaa-region", "Region Åmark", "region"),
                                   ("ore", "Öre landsting", "landsting")] {
            try FileManager.default.copyItem(atPath: "\(councils)/exempelby", toPath: "\(councils)/\(slug)")
            let yml = "\(councils)/\(slug)/council.yml"
            try (try String(contentsOfFile: yml, encoding: .utf8))
                .replacingOccurrences(of: "name: Exempelby kommun", with: "name: \(name)")
                .replacingOccurrences(of: "kind: kommun", with: "kind: \(kind)")
                .write(toFile: yml, atomically: true, encoding: .utf8)
        }
        let loaded = try await DemoContent.load(content: content)
        #expect(Handbook.inPortalOrder(loaded.handbooks).map(\.council.name) == [
            "Exempelby kommun", "Exempelstads kommun", "Fiktiva kommun", "Låtsasby kommun", "Påhittsjö kommun", "Östersunds kommun",
            "Region Exempelland", "Region Exempelmark", "Region Åmark", "Öre landsting",
        ])
        let portal = Portal(site: loaded.site, handbooks: loaded.handbooks, bodies: loaded.bodies, today: DemoContent.today)
        #expect(portal.councils.map(\.council.slug) == portal.coverage.councils)
        #expect(portal.coverage.councils.first == "exempelby" && portal.coverage.councils.last == "ore")
        #expect(portal.review.councils.map(\.council.slug) == portal.coverage.councils)
    }
}
