import RutinbokCore

/// What `rutinbok check` says of a theme laid over the shipped templates: how many files are
/// the theme's and how many come from rutinbok, then which of the theme's differ from
/// rutinbok's (to compare after an upgrade), are its own, or are copies of rutinbok's as they
/// are (docs/themes.md, "What `check` says of a theme").
enum ThemeOverlayWording {
    static func lines(_ overlay: ThemeOverlay) -> [String] {
        let changed = overlay.replaced.filter { !overlay.identical.contains($0) }
        var summary = "Temat i \(overlay.theme)/ "
        summary += overlay.replaced.isEmpty ? "ersätter ingen av rutinboks filer" : "ersätter \(overlay.replaced.count) av rutinboks filer"
        if !overlay.added.isEmpty { summary += " och lägger till \(overlay.added.count)" }
        let rest = switch overlay.inherited {
        case 0: "ingen fil tas"
        case 1: "den andra tas"
        case let count: "de andra \(count) tas"
        }
        summary += "; \(rest) från \(overlay.shipped)/."
        var lines = [summary]
        if !changed.isEmpty { lines.append("Ändrade i temat (jämför dem med rutinboks när rutinbok uppdateras): \(list(changed)).") }
        if !overlay.added.isEmpty { lines.append("Nya i temat: \(list(overlay.added)).") }
        if !overlay.identical.isEmpty {
            lines.append("Likadana som rutinboks (ta bort dem ur temat, så följer rutinboks nya versioner med när rutinbok uppdateras): \(list(overlay.identical)).")
        }
        return lines
    }

    private static func list(_ paths: [String]) -> String {
        paths.joined(separator: ", ")
    }
}
