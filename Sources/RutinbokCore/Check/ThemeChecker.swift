import Foundation

/// The council's theme: a colour readable under white text, and a logo that is a file of its own.
enum ThemeChecker {
    /// WCAG 2.1 AA for normal text.
    static let minimumContrast = 4.5

    static func check(_ council: Council) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let hex = council.themeColor, let color = Color(hex: hex.value) {
            let ratio = color.contrast(with: .white)
            if ratio < minimumContrast {
                diagnostics.append(.error(hex.location, "temafärgen \(hex.value) är för ljus för vit text (kontrast \(DecimalText.swedish(ratio)):1, minst 4,5:1 behövs)", code: "low-contrast",
                                          notes: ["välj en mörkare färg"]))
            }
        }
        if let logo = council.logo {
            if let problem = OutputPath.problem(with: logo.value) {
                diagnostics.append(.error(logo.location, "sökvägen till logotypen, '\(logo.value)', \(problem)", code: "unsafe-path"))
            } else if let published = council.publishedLogo {
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
}
