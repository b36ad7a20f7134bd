import Foundation

/// What a theme that overlays the shipped templates takes from where, for `rutinbok check` to
/// tell a theme maker. A build says nothing of it: a theme that holds only what it changes is
/// the normal case, and a nightly build has nothing to report about it.
public struct ThemeOverlay: Sendable, Equatable {
    /// The theme's folder and the shipped one under it, as the user named them.
    public let theme: String
    public let shipped: String
    /// The theme's files (templates, and assets as `assets/<path>`) the shipped folder has too,
    /// which the theme replaces; sorted.
    public let replaced: [String]
    /// The theme's files the shipped folder does not have.
    public let added: [String]
    /// The shipped folder's files the build takes as they are.
    public let inherited: Int
    /// Of `replaced`, those with the same bytes as the shipped file: a copy that replaces
    /// nothing today, and would hold back the shipped file's next version after an upgrade.
    public let identical: [String]

    /// Nil when there is no shipped folder under the theme, or the theme's folder is missing
    /// (a build reports that).
    public static func describe(_ options: Build.Options) -> ThemeOverlay? {
        let options = options.withCanonicalFolders()
        guard let shipped = options.shippedTemplates, SourceFiles(root: options.templates).isDirectory("") else { return nil }
        let files = ThemeFiles(own: options.templates, shipped: shipped)
        let all = files.templates + files.assets.map { "assets/" + $0 }
        let own = all.filter { !files.isShipped($0) }
        let shippedFiles = SourceFiles(root: shipped)
        let replaced = own.filter { shippedFiles.isPresent($0) && !shippedFiles.isDirectory($0) }
        let identical = replaced.filter { path in
            guard let mine = FileManager.default.contents(atPath: files.own.absolutePath(path)),
                  let theirs = FileManager.default.contents(atPath: shippedFiles.absolutePath(path)) else { return false }
            return mine == theirs
        }
        return ThemeOverlay(theme: options.templates, shipped: shipped, replaced: replaced,
                            added: own.filter { !replaced.contains($0) }, inherited: all.count - own.count, identical: identical)
    }
}
