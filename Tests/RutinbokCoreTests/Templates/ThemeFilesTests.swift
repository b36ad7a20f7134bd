import Foundation
import Testing
@testable import RutinbokCore

/// Which file of a theme over the shipped templates comes from where (`ThemeFiles`), and what
/// `rutinbok check` is told of it (`ThemeOverlay`).
@Suite struct ThemeFilesTests {
    /// A shipped folder and a theme, each with the files given (path → text).
    func folders(shipped: [String: String], theme: [String: String], themeAt: String = "tema") throws -> (root: URL, shipped: String, theme: String) {
        let root = TestPaths.temporaryFolder("rutinbok-theme-files")
        for (folder, files) in [("templates", shipped), (themeAt, theme)] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            for (path, text) in files {
                let url = root.appendingPathComponent(folder).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: false, encoding: .utf8)
            }
        }
        return (root, root.appendingPathComponent("templates").path, root.appendingPathComponent(themeAt).path)
    }

    @Test func theThemesFilesReplaceTheShippedOnesOfTheSameName() throws {
        let (root, shipped, theme) = try folders(
            shipped: ["header.mustache": "s", "portal/grupp.mustache": "s", "assets/a.css": "s", "assets/b.js": "s"],
            theme: ["header.mustache": "t", "egen.mustache": "t", "assets/a.css": "t", "assets/logo.svg": "t", ".dold.mustache": "t",
                    // Hidden folders, and all below them: a repository's, a file browser's.
                    ".git/y.mustache": "t", "assets/.thumbnails/logo.png": "t", "assets/bilder/.dold/a.png": "t"])
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ThemeFiles(own: theme, shipped: shipped)
        #expect(files.templates == ["egen.mustache", "header.mustache", "portal/grupp.mustache"])
        #expect(files.assets == ["a.css", "b.js", "logo.svg"])
        #expect(files.displayPath("header.mustache") == "\(theme)/header.mustache")
        #expect(files.displayPath("portal/grupp.mustache") == "\(shipped)/portal/grupp.mustache")
        #expect(files.assetPath("a.css") == "\(theme)/assets/a.css")
        #expect(files.assetPath("b.js") == "\(shipped)/assets/b.js")
        #expect(try files.read("header.mustache").get() == "t")
    }

    /// One output path cannot be a file and a folder: the theme's wins either way.
    @Test func aThemesFileReplacesAShippedFolderOfItsNameAndTheOtherWayRound() throws {
        let (root, shipped, theme) = try folders(
            shipped: ["assets/bilder/a.png": "s", "assets/bilder/b.png": "s", "assets/ikon": "s", "assets/c.css": "s"],
            theme: ["assets/bilder": "t", "assets/ikon/x.svg": "t"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(ThemeFiles(own: theme, shipped: shipped).assets == ["bilder", "c.css", "ikon/x.svg"])
    }

    /// A theme kept inside the shipped folder is not a part of the shipped templates.
    @Test func aThemeInsideTheShippedFolderIsNotPartOfIt() throws {
        let (root, shipped, theme) = try folders(shipped: ["header.mustache": "s", "footer.mustache": "s"],
                                                 theme: ["header.mustache": "t"], themeAt: "templates/tema")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = ThemeFiles(own: theme, shipped: shipped)
        #expect(files.templates == ["footer.mustache", "header.mustache"])
        #expect(files.displayPath("header.mustache") == "\(theme)/header.mustache")
    }

    @Test func checkIsToldWhatTheThemeReplacesAddsAndCopiesUnchanged() throws {
        let (root, shipped, theme) = try folders(
            shipped: ["header.mustache": "s", "footer.mustache": "samma", "start.mustache": "s", "assets/a.css": "s", "assets/b.js": "s"],
            theme: ["header.mustache": "t", "footer.mustache": "samma", "assets/a.css": "t", "assets/logo.svg": "t"])
        defer { try? FileManager.default.removeItem(at: root) }
        var options = Build.Options()
        options.templates = theme
        options.shippedTemplates = shipped
        let overlay = try #require(ThemeOverlay.describe(options))
        #expect(overlay.replaced == ["footer.mustache", "header.mustache", "assets/a.css"])
        #expect(overlay.added == ["assets/logo.svg"])
        #expect(overlay.identical == ["footer.mustache"])
        #expect(overlay.inherited == 2)
        options.shippedTemplates = nil
        #expect(ThemeOverlay.describe(options) == nil)
    }
}
