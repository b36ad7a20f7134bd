import Foundation

/// A council's files in `assets/` that a public build leaves out: those its or its group's
/// internal routines link to and no published routine does, such as a floor plan only the
/// intranet's routine on the town hall's security shows. Other files in `assets/` are
/// published as before (a file nothing links to may be linked from elsewhere).
///
/// A routine "links to" a file when its Markdown source holds `assets/<name>`, as written or
/// with its spaces and other characters percent-encoded. That errs towards withholding only
/// files that published routines do not name. Base routines are not read: they cannot know a
/// council's files, and the council's own and its group's are what its fingerprint covers.
enum WithheldAssets {
    static func find(_ assets: [String], internal hidden: [Routine], published: [Routine]) -> Set<String> {
        let bodies = hidden.lazy.filter { $0.layer != .base }.map(\.body)
        guard !assets.isEmpty, !bodies.isEmpty else { return [] }
        let candidates = assets.filter { asset in bodies.contains { mentions($0, asset) } }
        guard !candidates.isEmpty else { return [] }
        return Set(candidates.filter { asset in !published.contains { mentions($0.body, asset) } })
    }

    /// `assets/<name>` as written or percent-encoded (`assets/karta%201.png`).
    static func mentions(_ text: String, _ asset: String) -> Bool {
        if text.contains("assets/\(asset)") { return true }
        guard let encoded = asset.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed), encoded != asset else { return false }
        return text.contains("assets/\(encoded)")
    }
}
