import Foundation

/// A council's files in `assets/` that a public build leaves out: those internal routines of
/// its handbook link to and nothing published uses, such as a floor plan only the intranet's
/// routine on the town hall's security shows. Other files in `assets/` are published as
/// before (a file nothing links to may be linked from elsewhere).
///
/// Decided in two steps, both on the paths links lead to as the link checks resolve them
/// (`RenderedMarkdown.AssetReference`: `./`, query, anchor, escapes, entities and percent
/// encoding undone). The Markdown stage proposes the files the internal routines the resolver
/// left out (`Handbook.hiddenRoutines`: the council's, its group's or base routines) link to or
/// show; the pages then keep back those no published routine's body refers to and that are
/// not the logo. The internal base routines are part of the council's fingerprint for this
/// (`Handbook.hiddenBaseFiles`).
///
/// What a routine's source names as `assets/<name>` (written or percent-encoded) counts too,
/// on both sides: raw HTML (a council with `allow_raw_html`) is not parsed for links, and a
/// link that climbs out of the handbook and back into the council's own folder
/// (`../<council>/assets/plan.pdf`, which works on a web server and only gets a
/// `link-outside` warning) leads to the same file as `assets/plan.pdf`. A file an internal
/// routine names is so kept back, and one a published routine names is published.
enum WithheldAssets {
    /// Sets each handbook's `assetsToWithhold`. Each internal routine is rendered once, however
    /// many handbooks leave it out (an internal base routine: every council with files).
    static func propose(for handbooks: inout [Handbook]) {
        var references: [String: [RenderedMarkdown.AssetReference]] = [:]
        for index in handbooks.indices {
            let handbook = handbooks[index], council = handbook.council
            guard !council.assets.isEmpty, !handbook.hiddenRoutines.isEmpty else { continue }
            let names = Set(council.assets)
            var proposed: Set<String> = []
            for routine in handbook.hiddenRoutines {
                let key = "\(council.allowRawHTML)\u{0}\(routine.location.file)"
                let found = references[key] ?? MarkdownRenderer(options: .init(allowRawHTML: council.allowRawHTML))
                    .render(routine.body, file: routine.location.file).assets
                references[key] = found
                for reference in found where names.contains(reference.path) { proposed.insert(reference.path) }
                for name in names where !proposed.contains(name) && mentions(routine.body, name) { proposed.insert(name) }
            }
            proposed = proposed.filter { asset in !handbook.routines.contains { mentions($0.routine.body, asset) } }
            handbooks[index].assetsToWithhold = proposed
        }
    }

    /// Of the proposed files, those nothing published uses: no published routine's body refers
    /// to them and they are not the logo.
    static func withheld(_ proposed: Set<String>, logo: String?, references: () -> [RenderedMarkdown.AssetReference]) -> Set<String> {
        guard !proposed.isEmpty else { return [] }
        var used = Set(references().map(\.path))
        if let logo { used.insert(logo.hasPrefix("assets/") ? String(logo.dropFirst("assets/".count)) : logo) }
        return proposed.subtracting(used)
    }

    /// `assets/<name>` as written or percent-encoded (`assets/karta%201.png`), alone or in a
    /// longer path (`../exby/assets/karta.png`).
    static func mentions(_ text: String, _ asset: String) -> Bool {
        if text.contains("assets/\(asset)") { return true }
        guard let encoded = asset.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), encoded != asset else { return false }
        return text.contains("assets/\(encoded)")
    }
}
