@testable import RutinbokCore
import Testing

/// A name finds a file of `assets/` by its bytes, as a web server does.
@Suite struct AssetLookupTests {
    @Test func byBytesNotByCharacters() {
        let composed = "r\u{E5}d.pdf", decomposed = "ra\u{30A}d.pdf"
        #expect(composed == decomposed, "Swift takes them for the same string")
        #expect(AssetLookup.find(composed, in: [composed]) == .found)
        #expect(AssetLookup.find(composed, in: [decomposed]) == .otherForm(decomposed))
        #expect(AssetLookup.find("Karta.PNG", in: ["karta.png"]) == .otherCapitals("karta.png"))
        #expect(AssetLookup.find("karta.png", in: ["bilder/karta.png"]) == .missing)
        #expect(AssetLookup.note(.otherForm(decomposed), written: composed)?.contains("Unicode") == true)
        #expect(AssetLookup.note(.missing, written: "x") == nil)
    }
}
