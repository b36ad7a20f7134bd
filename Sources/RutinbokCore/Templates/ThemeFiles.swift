import Foundation

/// The files a theme is made of: every template and asset of its own folder and, when it
/// overlays the shipped templates (`Build.Options.shippedTemplates`), those of the shipped
/// folder it does not replace. A file is known by its path in the theme
/// (`portal/andring.mustache`, `assets/rutinbok.css`), and read from, and reported at, the
/// folder it comes from, so a diagnostic names the real file.
struct ThemeFiles {
    /// The theme's own folder.
    let own: SourceFiles
    /// The shipped templates it overlays, if any.
    let shipped: SourceFiles?
    /// Every template's path, sorted.
    let templates: [String]
    /// Every asset's path relative to `assets/`, sorted.
    let assets: [String]
    /// The paths (templates, and assets as `assets/<path>`) read from the shipped folder.
    private let fromShipped: Set<String>

    init(own folder: String, shipped shippedFolder: String? = nil) {
        own = SourceFiles(root: folder)
        shipped = shippedFolder.map(SourceFiles.init(root:))
        let ownTemplates = Self.templates(in: own), ownAssets = own.listRecursively("assets")
        guard let shipped else {
            (templates, assets, fromShipped) = (ownTemplates, ownAssets, [])
            return
        }
        // A theme kept inside the shipped folder (`templates/mytheme/`) is not a part of it.
        let inside = Self.relativePath(of: own.resolvedRoot, in: shipped.resolvedRoot)
        func outsideTheme(_ path: String) -> Bool { inside.map { !path.hasPrefix($0 + "/") } ?? true }
        let inherited = Self.templates(in: shipped).filter { outsideTheme($0) && !ownTemplates.contains($0) }
        let inheritedAssets = Self.notShadowed(shipped.listRecursively("assets"), by: ownAssets)
            .filter { outsideTheme("assets/" + $0) }
        templates = (ownTemplates + inherited).sorted()
        assets = (ownAssets + inheritedAssets).sorted()
        fromShipped = Set(inherited + inheritedAssets.map { "assets/" + $0 })
    }

    /// The folder a file of the theme is read from.
    func source(of path: String) -> SourceFiles {
        if let shipped, fromShipped.contains(path) { return shipped }
        return own
    }

    /// Whether the file comes from the shipped folder rather than the theme's own.
    func isShipped(_ path: String) -> Bool { fromShipped.contains(path) }

    /// The file as diagnostics show it: in the theme's folder or the shipped one.
    func displayPath(_ path: String) -> String { source(of: path).displayPath(path) }

    func read(_ path: String) -> Result<String, Diagnostic> { source(of: path).read(path) }

    /// What keeps an asset from being copied as it is: a link that leads out of the `assets/`
    /// it is read from (a theme's `assets/x.css` linked to `/etc/passwd` would publish that
    /// file in every handbook), a linked folder, anything that is no regular file. A theme's
    /// assets may be scripts: it is the theme's author, not an editor, who puts them there.
    func assetProblems() -> [Diagnostic] {
        assets.compactMap { asset in
            let path = "assets/" + asset, folder = source(of: path)
            return AssetSafety.linkProblem(path, in: folder, folder: "assets", named: "mappen \(folder.displayPath("assets"))/")
                ?? AssetSafety.problem(with: asset, at: folder.absolutePath(path), location: SourceLocation(file: folder.displayPath(path)), allowActive: true)
        }
    }

    /// Where an asset (relative to `assets/`) is read from, to be copied into the output.
    func assetPath(_ asset: String) -> String { displayPath("assets/" + asset) }

    /// Templates: files ending in `.mustache` outside `assets/`.
    private static func templates(in folder: SourceFiles) -> [String] {
        folder.listRecursively("").filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
    }

    /// The shipped assets the theme's do not replace. A theme's file also replaces a shipped
    /// folder of that name (`assets/bilder` over `assets/bilder/…`), and a theme's folder a
    /// shipped file of its name: one output path cannot be both a file and a folder.
    private static func notShadowed(_ shipped: [String], by own: [String]) -> [String] {
        let files = Set(own)
        var folders: Set<String> = []
        for path in own {
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        return shipped.filter { path in
            guard !files.contains(path), !folders.contains(path) else { return false }
            var parts = path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                if files.contains(parts.joined(separator: "/")) { return false }
                parts = parts.dropLast()
            }
            return true
        }
    }

    /// `folder` relative to `root` when it lies below it (both resolved), else nil.
    private static func relativePath(of folder: String, in root: String) -> String? {
        folder.hasPrefix(root + "/") ? String(folder.dropFirst(root.count + 1)) : nil
    }
}
