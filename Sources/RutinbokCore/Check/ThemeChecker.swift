import Foundation

/// The council's theme: a colour readable under white text, and a logo that is a file of its own.
enum ThemeChecker {
    /// WCAG 2.1 AA for normal text.
    static let minimumContrast = 4.5

    static func check(_ council: Council) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let hex = council.themeColor, let color = Color(hex: hex) {
            let ratio = color.contrast(with: .white)
            if ratio < minimumContrast {
                diagnostics.append(.error(council.location, "the theme colour \(hex) is too light for white text (contrast \(String(format: "%.1f", ratio)):1, at least 4.5:1 is needed)", code: "low-contrast",
                                          notes: ["choose a darker colour"]))
            }
        }
        if let logo = council.logo {
            if let problem = OutputPath.problem(with: logo.value) {
                diagnostics.append(.error(logo.location, "the logo path '\(logo.value)' \(problem)", code: "unsafe-path"))
            } else if let published = council.publishedLogo, !council.assets.contains(String(published.dropFirst("assets/".count))) {
                diagnostics.append(.error(logo.location, "there is no file '\(logo.value)' in the council folder", code: "missing-asset",
                                          notes: ["put the logo in councils/\(council.slug)/assets/"]))
            }
        }
        return diagnostics
    }
}
