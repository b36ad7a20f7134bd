import Foundation

/// The council's theme: a colour readable under white text and as the colour of links, and a
/// logo that is a file of its own.
enum ThemeChecker {
    /// WCAG 2.1 AA for normal text.
    static let minimumContrast = 4.5
    /// The light grey of the boxes links stand on (the emergency strip, the box of whom to
    /// call, callouts): `--soft` in the shipped rutinbok.css. Darker than white, so a colour
    /// that reads on it reads on white too.
    static let boxBackground = Color(hex: "#f2f4f6")!

    static func check(_ council: Council) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let hex = council.themeColor, let color = Color(hex: hex.value) {
            let onWhite = color.contrast(with: .white), onBoxes = color.contrast(with: boxBackground)
            if onBoxes < minimumContrast {
                // Shown rounded down: "4,5:1" for 4,48 would read as enough.
                let (ratio, use) = onWhite < minimumContrast ? (onWhite, "vit text") : (onBoxes, "länkar på den ljusgrå bakgrunden i rutorna")
                let shown = DecimalText.swedish((ratio * 100).rounded(.down) / 100, places: 2)
                diagnostics.append(.error(hex.location, "temafärgen \(hex.value) är för ljus för \(use) (kontrast \(shown):1, minst 4,5:1 behövs)", code: "low-contrast",
                                          notes: ["välj en mörkare färg, till exempel \(darkEnough(color).hex), samma färg mörkare"]))
            }
        }
        if let logo = council.logo {
            if logo.value.contains("://") || logo.value.hasPrefix("//") {
                // A logo from another site would be loaded from there: the handbook loads nothing from outside.
                diagnostics.append(.error(logo.location, "logotypen ska vara en fil i kommunens mapp, inte en webbadress: '\(logo.value)'", code: "bad-value",
                                          notes: ["spara logotypen i councils/\(council.slug)/assets/ och skriv till exempel logo: assets/logo.svg"]))
            } else if let problem = OutputPath.problem(with: logo.value) {
                diagnostics.append(.error(logo.location, "sökvägen till logotypen, '\(logo.value)', \(problem)", code: "unsafe-path"))
            } else if let published = council.publishedLogo, !council.assetsUnreadable {
                let name = String(published.dropFirst("assets/".count))
                let match = AssetLookup.find(name, in: council.assets)
                switch match {
                case .found: break
                case .otherCapitals(let other), .otherForm(let other):
                    diagnostics.append(.error(logo.location, "det finns ingen fil '\(logo.value)' i kommunens mapp: filen i councils/\(council.slug)/assets/ heter '\(other)'",
                                              code: "missing-asset", notes: AssetLookup.note(match, written: name).map { [$0] } ?? []))
                case .missing:
                    diagnostics.append(.error(logo.location, "det finns ingen fil '\(logo.value)' i kommunens mapp", code: "missing-asset",
                                              notes: ["lägg logotypen i councils/\(council.slug)/assets/"]))
                }
            }
        }
        return diagnostics
    }

    /// The lightest shade of `color`, darkened in steps of 1 %, that reaches the contrast on
    /// the boxes' background.
    static func darkEnough(_ color: Color) -> Color {
        // Each shade as it will be written (#rrggbb), so rounding cannot take it below.
        func shade(_ factor: Double) -> Color { Color(hex: color.darkened(by: max(factor, 0)).hex)! }
        var factor = 1.0
        while factor > 0, shade(factor).contrast(with: boxBackground) < minimumContrast { factor -= 0.01 }
        return shade(factor)
    }
}
