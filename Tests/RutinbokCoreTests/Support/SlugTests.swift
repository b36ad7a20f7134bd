@testable import RutinbokCore
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Riskbedömning före mötet", "riskbedomning-fore-motet"),
        ("Åtgärder & ansvar", "atgarder-ansvar"),
        ("Café-möte", "cafe-mote"),
        ("  Om du blir hotad  just nu! ", "om-du-blir-hotad-just-nu"),
        ("114 14", "114-14"),
        ("Ændring", "aendring"),
        ("!!!", ""),
    ])
    func folds(_ text: String, _ expected: String) {
        #expect(Slug.make(text) == expected)
    }

    @Test func validity() {
        #expect(Slug.isValid("polisanmalan"))
        #expect(!Slug.isValid("Polisanmälan"))
        #expect(!Slug.isValid("../etc"))
        #expect(!Slug.isValid(""))
    }
}
