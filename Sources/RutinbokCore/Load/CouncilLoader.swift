import Foundation
import Yams

/// Reads `council.yml`; its contacts are read by `ContactLoader`, the routines and assets
/// beside it by `ContentLoader`.
enum CouncilLoader {
    static let councilKeys = ["name", "kind", "group", "population", "website", "theme", "exclude", "review_interval_months",
                              "verify_interval_months", "allow_raw_html", "quick_contacts", "contacts", "accessibility", "address"]
    static let themeKeys = ["color", "logo"]
    static let accessibilityKeys = AccessibilityStatementLoader.keys

    /// The section a key found at the top of council.yml or group.yml belongs in, when it is
    /// one of that section's keys, or a mapping of a contact's keys (a contact indented too
    /// little).
    static func section(of key: String, value: Yams.Node) -> String? {
        if themeKeys.contains(key) { return "theme" }
        if accessibilityKeys.contains(key) { return "accessibility" }
        let keys = value.mapping?.keys.compactMap(\.string) ?? []
        return !keys.isEmpty && keys.allSatisfy(ContactLoader.keys.contains) ? "contacts" : nil
    }

    static func loadCouncil(_ text: String, slug: String, directory: String, file: String) -> (Council?, [Diagnostic]) {
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0) {
        case .success(let mapping): yaml = mapping
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let name = yaml.string("name", required: "kommunens namn, till exempel 'Exempelby kommun'")
        var kind = Council.Kind.kommun
        if let value = yaml.located("kind", required: "kommun, landsting eller region") {
            if let parsed = Council.Kind(rawValue: value.value) { kind = parsed }
            else {
                yaml.report(.error(value.location, "'kind' ska vara kommun, landsting eller region, men här står '\(value.value)'", code: "bad-value",
                                   notes: Suggestions.didYouMean(value.value, among: Council.Kind.allCases.map(\.rawValue))))
            }
        }
        var council = Council(
            slug: slug, name: name ?? slug, kind: kind, group: yaml.located("group"),
            population: yaml.int("population"), themeColor: nil, logo: nil, exclude: yaml.strings("exclude"),
            reviewIntervalMonths: yaml.int("review_interval_months", in: 1...120),
            verifyIntervalMonths: yaml.int("verify_interval_months", in: 1...120),
            allowRawHTML: yaml.bool("allow_raw_html") ?? false,
            contacts: ContactLoader.contacts(&yaml), accessibility: nil, routines: [], assets: [], directory: directory,
            location: SourceLocation(file: file, line: 1, column: 1))
        council.quickContacts = yaml.strings("quick_contacts")
        if let website = yaml.located("website") {
            // A link readers follow from every page: an address on the web, nothing a browser runs.
            let lowered = website.value.lowercased()
            if (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")), let host = URL(string: website.value)?.host, host.contains(".") {
                council.website = website.value
            } else {
                yaml.report(.error(website.location, "'website' ska vara kommunens webbadress, till exempel https://www.exempelby.example, men här står '\(website.value)'", code: "bad-value"))
            }
        }
        if let address = yaml.located("address") {
            if let normalized = PublishedAddress.normalized(address.value) {
                council.address = normalized
            } else {
                yaml.report(.error(address.location, "'address' ska vara webbadressen där kommunen publicerar sin handbok, till exempel https://www.exempelby.example/handbok/, men här står '\(address.value)'", code: "bad-value"))
            }
        }
        if var theme = yaml.mapping("theme") {
            if theme.has("color"), theme.raw("color") == nil {
                // `color: #1d4f73` without quotes: YAML reads '#' as the start of a comment.
                theme.report(.warning(theme.location(ofKey: "color"), "'color' är tom; skriv färgen inom citattecken, till exempel color: \"#1d4f73\" (utan citattecken läses # som början på en kommentar)",
                                      code: "bad-value"))
            }
            if let color = theme.located("color") {
                if Color(hex: color.value) != nil { council.themeColor = color }
                else { theme.report(.error(color.location, "'color' ska vara en färg skriven #rrggbb, men här står '\(color.value)'", code: "bad-value")) }
            }
            council.logo = theme.located("logo")
            yaml.absorb(&theme, known: themeKeys)
        }
        council.accessibility = AccessibilityStatementLoader.load(from: &yaml)
        return (name == nil ? nil : council, yaml.finish(known: councilKeys, section: section(of:value:)))
    }
}
