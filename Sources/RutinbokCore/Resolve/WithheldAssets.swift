import Foundation

/// A council's files in `assets/` that a public build leaves out: those internal routines of
/// its handbook link to and nothing published uses, such as a floor plan only the intranet's
/// routine on the town hall's security shows. Other files in `assets/` are
/// published as before (a file nothing links to may be linked from elsewhere).
///
/// Decided in two steps, both on the paths links lead to as the link checks resolve them
/// (`RenderedMarkdown.AssetReference`: `./`, query, anchor, escapes, entities and percent
/// encoding undone). The resolver proposes the files an internal routine of the handbook (the
/// council's, its group's or a base routine) links to or shows; the pages then keep back those
/// no published routine's body refers to and that are not the logo. The internal base routines
/// are part of the council's fingerprint for this (`Handbook.hiddenBaseFiles`).
///
/// Raw HTML (a council with `allow_raw_html`) is not parsed for links: such a council's
/// proposals leave out any file a published routine's source names as `assets/<name>`.
enum WithheldAssets {
    /// The files of `assets` that the internal routines `hidden` link to. `published` is read
    /// only for a council with raw HTML.
    static func proposed(_ assets: [String], hidden: [Routine], published: @autoclosure () -> [Routine], allowRawHTML: Bool) -> Set<String> {
        guard !assets.isEmpty, !hidden.isEmpty else { return [] }
        let names = Set(assets)
        let renderer = MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML))
        var proposed: Set<String> = []
        for routine in hidden {
            for reference in renderer.render(routine.body, file: routine.location.file).assets where names.contains(reference.path) {
                proposed.insert(reference.path)
            }
        }
        guard allowRawHTML, !proposed.isEmpty else { return proposed }
        let published = published()
        return proposed.filter { asset in !published.contains { mentions($0.body, asset) } }
    }

    /// Of the proposed files, those nothing published uses: no published routine's body refers
    /// to them and they are not the logo.
    static func withheld(_ proposed: Set<String>, logo: String?, references: () -> [RenderedMarkdown.AssetReference]) -> Set<String> {
        guard !proposed.isEmpty else { return [] }
        var used = Set(references().map(\.path))
        if let logo { used.insert(logo.hasPrefix("assets/") ? String(logo.dropFirst("assets/".count)) : logo) }
        return proposed.subtracting(used)
    }

    /// `assets/<name>` as written or percent-encoded (`assets/karta%201.png`).
    static func mentions(_ text: String, _ asset: String) -> Bool {
        if text.contains("assets/\(asset)") { return true }
        guard let encoded = asset.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), encoded != asset else { return false }
        return text.contains("assets/\(encoded)")
    }
}
