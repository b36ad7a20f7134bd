/// Templates of a theme that no page uses. A theme's file replaces the shipped one of the same
/// name; one named otherwise (`heder.mustache`, `Header.mustache`) replaces nothing, and the
/// pages keep the shipped template without a word. So a template of the theme's own folder
/// that rutinbok does not render (`Theme.required`) and that no template includes
/// (`{{> name}}`, `{{< name}}`) is a warning.
extension TemplateChecks {
    /// `texts`: every template's text by its path in the theme (the shipped ones too: they may
    /// include one of the theme's).
    static func unusedTemplates(_ texts: [String: String], files: ThemeFiles) -> [Diagnostic] {
        var used = Set(Theme.required.keys)
        for text in texts.values {
            for tag in TemplateTag.all(in: text) {
                // Changed delimiters hide tags from this scan, and a dynamic partial names a
                // template by text: then nothing can be said to be unused.
                if tag.sigil == "=" || (tag.sigil == ">" && tag.name.hasPrefix("*")) { return [] }
                if tag.sigil == ">" || tag.sigil == "<" { used.insert(String(tag.name)) }
            }
        }
        let present = Set(files.templates.map { String($0.dropLast(".mustache".count)) })
        // `Footer.mustache` for a missing `footer.mustache` is said with the missing template.
        let misspeltRequired = Set(Theme.required.keys.filter { !present.contains($0) }.map { $0.lowercased() })
        return files.templates.filter { !files.isShipped($0) }.compactMap { path in
            let name = String(path.dropLast(".mustache".count))
            guard !used.contains(name), !misspeltRequired.contains(name.lowercased()) else { return nil }
            return .warning(SourceLocation(file: files.displayPath(path)),
                            "mallen '\(path)' används inte: rutinbok har ingen mall med det namnet, och ingen mall tar in den med '{{> \(name)}}'",
                            code: "unused-template", notes: meant(name, among: used) + [howNamesWork(overShipped: files.shipped != nil)])
        }
    }

    /// How a template's name makes it used. Replacing shipped files is said only of a theme
    /// laid over the shipped folder: a theme used alone replaces nothing.
    private static func howNamesWork(overShipped: Bool) -> String {
        let own = "en mall med ett eget namn används bara där en annan mall tar in den"
        return overShipped ? "en fil i temat ersätter rutinboks fil med samma namn och sökväg; " + own : own
    }

    /// The template probably meant: one that differs in capitals only, else the closest name.
    private static func meant(_ name: String, among used: Set<String>) -> [String] {
        if let other = used.sorted().first(where: { $0.lowercased() == name.lowercased() }) {
            return ["filen heter '\(name).mustache'; byt namn till '\(other).mustache'"]
        }
        return Suggestions.closest(to: name, in: used.sorted()).map { ["menade du '\($0).mustache'?"] } ?? []
    }
}
