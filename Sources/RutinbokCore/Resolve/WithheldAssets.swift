import Foundation

/// A council's files in `assets/` that a public build leaves out: those its or its group's
/// internal routines link to and nothing published uses, such as a floor plan only the
/// intranet's routine on the town hall's security shows. Other files in `assets/` are
/// published as before (a file nothing links to may be linked from elsewhere).
///
/// Decided in two steps. The resolver proposes the files whose path an internal routine's
/// source names (`assets/<name>`, as written or percent-encoded): loose, since a proposal
/// only ever withholds a file nothing published uses. The pages then keep back only those
/// that no published routine's rendered body refers to (the paths the link checks resolve,
/// `RenderedMarkdown.AssetReference`) and that are not the logo. Internal base routines are
/// not read for proposals: they cannot know a council's files, and the council's own and its
/// group's are what its fingerprint covers.
enum WithheldAssets {
    /// The files an internal routine of the council or its group names.
    static func proposed(_ assets: [String], hidden: [Routine]) -> Set<String> {
        let bodies = hidden.lazy.filter { $0.layer != .base }.map(\.body)
        guard !assets.isEmpty, !bodies.isEmpty else { return [] }
        return Set(assets.filter { asset in bodies.contains { mentions($0, asset) } })
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
