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
/// What a routine's source names as a path to the file counts too, where links are not read:
/// raw HTML (a council with `allow_raw_html`) is not parsed for links, and a link that climbs
/// out of the handbook and back into the council's own folder (`../<council>/assets/plan.pdf`,
/// which works on a web server and only gets a `link-outside` warning) is not taken for a link
/// to `assets/plan.pdf` by the Markdown stage, which renders a base text once for all
/// councils. So an internal routine that names `assets/<name>` anywhere in its source keeps
/// the file back (the safe side), and a published routine publishes it only by a link, by the
/// `../<council>/assets/<name>` form, or, in raw HTML, by naming it: a published routine that
/// only mentions the file in its text ("finns bara på intranätet") does not publish it.
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
                let allowRawHTML = council.allowsRawHTML(in: routine)
                let key = "\(allowRawHTML)\u{0}\(routine.location.file)"
                let found = references[key] ?? MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML))
                    .render(routine.body, file: routine.location.file).assets
                references[key] = found
                for reference in found where names.contains(reference.path) { proposed.insert(reference.path) }
                for name in names where !proposed.contains(name) && mentions(routine.body, name) { proposed.insert(name) }
            }
            let ownFolder = "../\(council.slug)/assets/"
            proposed = proposed.filter { asset in
                !handbook.routines.contains { entry in
                    mentions(entry.routine.body, asset, under: ownFolder) || (council.allowsRawHTML(in: entry.routine) && mentions(entry.routine.body, asset))
                }
            }
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

    /// `<folder><name>` (`assets/karta.png`, `../exby/assets/karta.png`) as written or
    /// percent-encoded (`assets/karta%201.png`), alone or at the end of a longer path, and
    /// followed by no more of a file name (`assets/plan` is not `assets/plan-2026.pdf`).
    static func mentions(_ text: String, _ asset: String, under folder: String = "assets/") -> Bool {
        if names(text, folder + asset) { return true }
        guard let encoded = asset.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), encoded != asset else { return false }
        return names(text, folder + encoded)
    }

    /// Whether `path` occurs in `text` with no more of a file name right after it: no letter,
    /// digit, `_`, `-`, `/`, `%` or `~`, and no `.` that goes on to one (a full stop ends a
    /// sentence, `.pdf` goes on).
    private static func names(_ text: String, _ path: String) -> Bool {
        var rest = text[...]
        while let found = rest.range(of: path) {
            let after = rest[found.upperBound...]
            guard let next = after.first else { return true }
            let goesOn = next.isLetter || next.isNumber || "_-/%~".contains(next)
                || (next == "." && after.dropFirst().first.map { $0.isLetter || $0.isNumber } == true)
            if !goesOn { return true }
            rest = after
        }
        return false
    }
}
