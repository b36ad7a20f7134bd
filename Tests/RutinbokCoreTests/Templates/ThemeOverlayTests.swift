import Foundation
import Testing
@testable import RutinbokCore

/// A theme given with `--templates` over the shipped templates (`Build.Options.shippedTemplates`):
/// the theme's files replace the shipped ones of the same name, the rest come from the shipped
/// folder. The workspace's `templates/` (a copy of the package's) is the shipped folder, and
/// `tema/` the theme.
@Suite struct ThemeOverlayTests {
    static let marker = "<p class=\"eget-tema\">Vårt eget tema</p>"

    func overlay(_ w: BrokenWorkspace) -> Build.Options {
        var options = w.options()
        options.templates = w.url("tema").path
        options.shippedTemplates = w.templates
        return options
    }

    func build(_ w: BrokenWorkspace) async -> Build.Result {
        await Build.run(overlay(w), write: true)
    }

    func output(_ w: BrokenWorkspace, _ path: String) throws -> String {
        try String(contentsOfFile: "\(w.output)/\(path)", encoding: .utf8)
    }

    @Test func aThemeWithOnlyAHeaderBuildsAndTheOtherPagesUseTheShippedTemplates() async throws {
        let w = try BrokenWorkspace()
        try w.write("tema/header.mustache", try w.read("templates/header.mustache").replacingOccurrences(of: "</header>", with: Self.marker + "</header>"))
        let result = await build(w)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(w.display))")
        for page in ["exby/index.html", "exby/hotad.html", "exby/kontakter.html", "exby/skriv-ut.html"] {
            let html = try output(w, page)
            #expect(html.contains(Self.marker), "\(page): the theme's header")
            #expect(html.contains("<footer class=\"site-footer\">") && html.contains("Sidorna använder inga kakor"), "\(page): the shipped footer")
        }
        // The portal has no handbook header; its layout is the shipped one.
        let portal = try output(w, "index.html")
        #expect(!portal.contains(Self.marker) && portal.contains("<header class=\"portal-header\">"))
        // Every shipped asset, from the shipped folder.
        for asset in ["rutinbok.css", "rutinbok.js", "favicon.svg"] {
            #expect(try output(w, "exby/assets/tema/\(asset)") == (try w.read("templates/assets/\(asset)")), "\(asset)")
        }
        #expect(try output(w, "assets/tema/portal.css") == (try w.read("templates/assets/portal.css")))
    }

    @Test func aThemesAssetReplacesTheShippedOneAndANewOneIsAdded() async throws {
        let w = try BrokenWorkspace()
        let css = try w.read("templates/assets/rutinbok.css") + "\n.eget-tema { color: #1d4f73; }\n"
        try w.write("tema/assets/rutinbok.css", css)
        try w.write("tema/assets/bilder/mönster.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n")
        let result = await build(w)
        #expect(result.published && result.diagnostics.isEmpty, "\(result.diagnostics.map(w.display))")
        #expect(try output(w, "exby/assets/tema/rutinbok.css") == css)
        #expect(try output(w, "assets/tema/rutinbok.css") == css, "the portal's copy")
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/exby/assets/tema/bilder/mönster.svg"))
        #expect(try output(w, "exby/assets/tema/favicon.svg") == (try w.read("templates/assets/favicon.svg")))
        // The shipped pages are the same as without a theme, apart from nothing.
        #expect(try output(w, "exby/index.html").contains("assets/tema/rutinbok.css"))
    }

    /// Each problem is reported at the file it came from: the theme's, or the shipped one's.
    /// A shipped file the theme replaces is neither used nor checked.
    @Test func diagnosticsNameTheFileTheyCameFrom() async throws {
        let w = try BrokenWorkspace()
        try w.write("tema/header.mustache", "<header>{{titel}}</header>\n")
        try w.write("tema/assets/rutinbok.css", "@import url(\"https://fonts.example/a.css\");\n")
        try w.append("templates/footer.mustache", "<img src=\"assets/tema/saknas.svg\" alt=\"\">\n")
        try w.write("templates/header.mustache", "<header>{{#phases}}</header>\n")
        let result = await build(w)
        #expect(!result.published)
        let found = result.diagnostics.map(w.display)
        #expect(found == [
            "tema/assets/rutinbok.css:1:14: fel: temat hämtar 'https://fonts.example/a.css' från en annan webbplats [external-resource]\n  obs: handboken hämtar inget från andra webbplatser: besökarna syns inte där, och sidan fungerar utan nät. Lägg filen i tema/assets/ och länka till den i assets/tema/",
            "tema/header.mustache:1:9: fel: mallen använder namnet 'titel', som inte finns i sidornas data, och där står ingenting på sidan [template-unknown-name]\n  obs: menade du 'title'?",
            "templates/footer.mustache:15:11: fel: mallen länkar till 'assets/tema/saknas.svg', men temat har ingen fil 'assets/saknas.svg' [missing-theme-asset]\n  obs: temats filer ligger i tema/assets/ och publiceras i assets/tema/ i varje handbok",
        ], "\(found)")
    }

    @Test func aTemplateOfTheThemeThatNothingUsesIsAWarning() async throws {
        let w = try BrokenWorkspace()
        try w.write("tema/heder.mustache", "<header>{{name}}</header>\n")
        try w.write("tema/Footer.mustache", "<footer>{{name}}</footer>\n")
        // A partial of the theme's own, included by its header: used.
        try w.write("tema/header.mustache", try w.read("templates/header.mustache").replacingOccurrences(of: "</header>", with: "{{> tema-rad}}</header>"))
        try w.write("tema/tema-rad.mustache", Self.marker)
        let result = await build(w)
        #expect(result.published)
        #expect(result.diagnostics.map(w.display) == [
            "tema/Footer.mustache: varning: mallen 'Footer.mustache' används inte: rutinbok har ingen mall med det namnet, och ingen mall tar in den med '{{> Footer}}' [unused-template]\n  obs: filen heter 'Footer.mustache'; byt namn till 'footer.mustache'\n  obs: en fil i temat ersätter rutinboks fil med samma namn och sökväg; en mall med ett eget namn används bara där en annan mall tar in den",
            "tema/heder.mustache: varning: mallen 'heder.mustache' används inte: rutinbok har ingen mall med det namnet, och ingen mall tar in den med '{{> heder}}' [unused-template]\n  obs: menade du 'header.mustache'?\n  obs: en fil i temat ersätter rutinboks fil med samma namn och sökväg; en mall med ett eget namn används bara där en annan mall tar in den",
        ])
        #expect(try output(w, "exby/index.html").contains(Self.marker))
    }

    /// The shipped folder is an input like the theme's: no output inside it, nor in place of it.
    @Test func theOutputMayNotBeInTheShippedFolder() async throws {
        let w = try BrokenWorkspace()
        try w.write("tema/header.mustache", try w.read("templates/header.mustache"))
        for output in [w.templates + "/ut", w.templates] {
            var options = overlay(w)
            options.output = output
            let result = await Build.run(options, write: true)
            #expect(!result.published && result.diagnostics.map(\.code) == ["output-refused"], "\(output)")
        }
        #expect(!FileManager.default.fileExists(atPath: w.templates + "/ut"))
        #expect(FileManager.default.fileExists(atPath: w.templates + "/header.mustache"))
    }

    /// Without a shipped folder under it, a theme is alone, as before: what it lacks is missing.
    @Test func withoutTheShippedFolderAThemeMustHaveEveryTemplate() async throws {
        let w = try BrokenWorkspace()
        try w.write("tema/header.mustache", try w.read("templates/header.mustache"))
        var options = overlay(w)
        options.shippedTemplates = nil
        let result = await Build.run(options, write: false)
        let missing = result.diagnostics.filter { $0.code == "missing-template" }
        #expect(missing.count == Theme.required.count - 1)
        #expect(missing.map(w.display).contains("tema/footer.mustache: fel: mallen 'footer.mustache' saknas; varje bygge behöver den [missing-template]"))
    }

    /// A required template neither folder has: the shipped templates are of another version
    /// than the program.
    @Test func aTemplateTheShippedFolderLacksToo() async throws {
        let w = try BrokenWorkspace()
        try w.remove("templates/portal/grupp.mustache")
        try FileManager.default.createDirectory(atPath: w.url("tema").path, withIntermediateDirectories: true)
        let result = await Build.run(overlay(w), write: false)
        #expect(result.diagnostics.map(w.display) == [
            "tema/portal/grupp.mustache: fel: mallen 'portal/grupp.mustache' saknas; varje bygge behöver den [missing-template]\n  obs: mallarna som följer med rutinbok, i templates, har den inte heller: de hör till en annan version av rutinbok än programmet",
        ])
    }
}
