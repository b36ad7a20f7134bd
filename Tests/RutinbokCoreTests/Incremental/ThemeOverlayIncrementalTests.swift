import Foundation
import Testing
@testable import RutinbokCore

/// Incremental builds of a theme over the shipped templates: a file changed, added or deleted
/// in either folder gives the output a clean build gives, and a build with nothing changed
/// writes nothing. `templates/` is the shipped folder, `tema/` the theme.
@Suite struct ThemeOverlayIncrementalTests {
    typealias W = IncrementalWorkspace
    static let marker = "<!-- temats sidhuvud -->"

    func workspace() throws -> W {
        var w = try W()
        w.theme = "tema"
        try FileManager.default.createDirectory(atPath: w.root.appendingPathComponent("tema").path, withIntermediateDirectories: true)
        return w
    }

    func page(_ w: W, _ path: String = "ana/index.html") throws -> String {
        try String(contentsOfFile: "\(w.output)/\(path)", encoding: .utf8)
    }

    /// Nothing written, and the build says nothing changed.
    func expectNoOp(_ w: W, sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
        let before = W.identities(w.output)
        let result = await w.build()
        #expect(result.published && result.unchanged, sourceLocation: sourceLocation)
        #expect(W.identities(w.output) == before, sourceLocation: sourceLocation)
    }

    @Test func anEmptyThemeBuildsWhatTheShippedTemplatesAloneBuild() async throws {
        var w = try workspace()
        #expect(await w.build().published)
        await expectSameAsClean(w)
        await expectNoOp(w)
        let overlaid = W.tree(w.output)
        w.theme = nil
        let (alone, result) = await w.cleanBuild()
        #expect(result.published)
        var shipped = W.tree(alone)
        // The marker holds the manifest's seal, and the manifest names the folders.
        shipped[Publisher.marker] = overlaid[Publisher.marker]
        #expect(shipped == overlaid)
    }

    @Test func anOverrideAddedChangedAndDeletedBuildsAsACleanBuild() async throws {
        var w = try workspace()
        #expect(await w.build().published)
        let header = try String(contentsOfFile: "\(w.templates)/header.mustache", encoding: .utf8)

        // Added: the theme's header on every handbook page.
        try w.write("tema/header.mustache", header + Self.marker)
        #expect(await w.build().published)
        #expect(try page(w).contains(Self.marker) && page(w, "bro/kontakter.html").contains(Self.marker))
        await expectSameAsClean(w)
        await expectNoOp(w)

        // The shipped header, which the theme replaces, changed: no page changes, and none is
        // made again (every file kept from the previous output).
        let pages = W.identities(w.output).filter { $0.key.hasSuffix(".html") }
        try w.append("templates/header.mustache", "<!-- ändrad i rutinbok -->")
        let replaced = await w.build()
        #expect(replaced.published && replaced.filesReused == replaced.filesWritten && replaced.portalPagesRendered == 0,
                "\(replaced.filesReused) of \(replaced.filesWritten) kept, \(replaced.portalPagesRendered) portal pages rendered")
        #expect(W.identities(w.output).filter { $0.key.hasSuffix(".html") } == pages)
        await expectSameAsClean(w)

        // The theme's header changed.
        try w.write("tema/header.mustache", header + Self.marker + "<!-- igen -->")
        #expect(await w.build().published)
        #expect(try page(w).contains(Self.marker + "<!-- igen -->"))
        await expectSameAsClean(w)

        // Deleted: the shipped header (as changed above) comes back.
        try w.remove("tema/header.mustache")
        #expect(await w.build().published)
        #expect(try !page(w).contains(Self.marker) && page(w).contains("<!-- ändrad i rutinbok -->"))
        await expectSameAsClean(w)
        await expectNoOp(w)
    }

    @Test func aShippedTemplateTheThemeDoesNotReplaceChanged() async throws {
        var w = try workspace()
        try w.write("tema/header.mustache", try String(contentsOfFile: "\(w.templates)/header.mustache", encoding: .utf8) + Self.marker)
        #expect(await w.build().published)
        try w.append("templates/footer.mustache", "<!-- ny sidfot -->")
        #expect(await w.build().published)
        #expect(try page(w).contains("<!-- ny sidfot -->") && page(w).contains(Self.marker))
        await expectSameAsClean(w)
    }

    @Test func assetsAddedAndDeletedInEitherFolder() async throws {
        var w = try workspace()
        #expect(await w.build().published)
        let shippedCSS = try String(contentsOfFile: "\(w.templates)/assets/style.css", encoding: .utf8)
        func css(_ w: W) throws -> String { try page(w, "ana/assets/tema/style.css") }

        try w.write("tema/assets/style.css", "body { color: #1d4f73 }\n")
        #expect(await w.build().published)
        #expect(try css(w) == "body { color: #1d4f73 }\n" && page(w, "assets/tema/style.css") == "body { color: #1d4f73 }\n")
        await expectSameAsClean(w)

        try w.remove("tema/assets/style.css")
        #expect(await w.build().published)
        #expect(try css(w) == shippedCSS)
        await expectSameAsClean(w)

        // A file new in the shipped folder, then in the theme too, then gone from both.
        try w.write("templates/assets/ny.css", "p { margin: 0 }\n")
        #expect(await w.build().published)
        #expect(try page(w, "bro/assets/tema/ny.css") == "p { margin: 0 }\n")
        await expectSameAsClean(w)
        try w.write("tema/assets/ny.css", "p { margin: 1px }\n")
        #expect(await w.build().published)
        #expect(try page(w, "bro/assets/tema/ny.css") == "p { margin: 1px }\n")
        await expectSameAsClean(w)
        try w.remove("tema/assets/ny.css")
        try w.remove("templates/assets/ny.css")
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/bro/assets/tema/ny.css"))
        await expectSameAsClean(w)
        await expectNoOp(w)
    }

    /// The theme's warning (a template nothing uses) is said again by a build with nothing
    /// changed, and goes with the file.
    @Test func aWarningOfTheThemeIsKeptUntilItsFileGoes() async throws {
        var w = try workspace()
        let without = await w.build()
        #expect(without.published)
        try w.write("tema/heder.mustache", "<header>{{name}}</header>")
        let warned = await w.build()
        #expect(warned.published && warned.diagnostics.filter { $0.code == "unused-template" }.map(\.location.file) == ["\(w.root.path)/tema/heder.mustache"])
        let again = await w.build()
        #expect(again.unchanged && again.diagnostics == warned.diagnostics)
        try w.remove("tema/heder.mustache")
        let result = await w.build()
        #expect(result.published && result.diagnostics == without.diagnostics)
        await expectSameAsClean(w)
    }
}
