import Foundation
@testable import RutinbokCore

/// Edits of the theme laid over the shipped templates (`tema/` over `templates/`): overrides
/// of templates and assets added, changed and deleted (so that the shipped file comes back),
/// and a template of the theme's own that nothing uses (a warning).
extension EditSequence {
    /// The shipped templates' paths, below `templates/`.
    var shippedTemplates: [String] {
        IncrementalWorkspace.files(templates).filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
    }

    /// The theme's files, below `tema/`.
    var themeFiles: [String] { IncrementalWorkspace.files(theme) }

    mutating func editTheme() -> String? {
        switch int(0...5) {
        case 0:
            let own = Set(themeFiles)
            guard let name = pick(shippedTemplates.filter { !own.contains($0) }), let text = read("templates/\(name)") else { return nil }
            save("tema/\(name)", text + "<!-- tema \(next()) -->\n")
            return "overrode \(name) in tema/"
        case 1:
            guard let name = pick(themeFiles.filter { $0.hasSuffix(".mustache") }), let text = read("tema/\(name)") else { return nil }
            save("tema/\(name)", text + "<!-- tema \(next()) -->\n")
            return "changed tema/\(name)"
        case 2:
            guard let name = pick(themeFiles) else { return nil }
            remove("tema/\(name)")
            return "deleted tema/\(name)"
        case 3:
            let file = chance(0.5) ? "tema/assets/style.css" : "tema/assets/tema-\(next()).css"
            save(file, "h2{color:#\(int(100...999))}\n")
            return "wrote \(file)"
        case 4:
            // A template the theme holds and nothing includes: a warning, stored for no-op builds.
            save("tema/oanvand-\(next()).mustache", "<p>{{name}}</p>\n")
            return "added a template to tema/ that nothing uses"
        default:
            // The shipped file under an override changed: no page may change with it.
            let own = Set(themeFiles)
            guard let name = pick(shippedTemplates.filter { own.contains($0) }), let text = read("templates/\(name)") else { return nil }
            save("templates/\(name)", text + "<!-- under temat \(next()) -->\n")
            return "changed templates/\(name), which tema/ replaces"
        }
    }
}
