/// A council's `assets/` and the theme's files share a folder in each handbook: the council's
/// are published at `<council>/assets/…`, the theme's at `<council>/assets/tema/…`
/// (`PageNames.themeAssets`). A council file at `assets/tema/rutinbok.css` silently took the
/// place of the theme's stylesheet (an editor without `allow_raw_html` could restyle or hide
/// the 112 box), and a council folder of that name left the handbook without one. Any council
/// asset in `assets/tema/`, or named `assets/tema` itself, is refused where it lies.
extension AssetSafety {
    /// The theme's folder, relative to a handbook's `assets/`.
    static let themeFolder = String(PageNames.themeAssets.dropFirst(PageNames.assets.count + 1))

    /// An error for `asset` (relative to the council's `assets/`) when it lies in, or is, the
    /// folder the theme's files go to; nil otherwise.
    static func themeFolderProblem(with asset: String, location: SourceLocation) -> Diagnostic? {
        if asset == themeFolder {
            return .error(location, "namnet assets/\(themeFolder) används av temat, som lägger sina filer i en mapp med det namnet i varje handbok; filen publiceras inte",
                          code: "asset-name", notes: ["byt namn på filen"])
        }
        guard asset.hasPrefix(themeFolder + "/") else { return nil }
        return .error(location, "mappen assets/\(themeFolder)/ används av temat, som lägger sina filer (som rutinbok.css) där i varje handbok; filen publiceras inte",
                      code: "asset-name", notes: ["byt namn på mappen \(themeFolder), till exempel till 'bilder', och ändra länkarna till filerna i den"])
    }
}
