import Foundation
import Testing
@testable import RutinbokCore

/// The parts of `TemplateChecks` that read markup: what counts as a load from another site, a
/// theme file, a name. Whole templates going through a build are in `BrokenInputTests`.
@Suite struct TemplateChecksTests {
    /// A folder with the shipped theme's assets and one template, checked.
    func check(template: String, css: String? = nil) throws -> [Diagnostic] {
        let folder = TestPaths.temporaryFolder("rutinbok-theme-checks")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "x".write(to: folder.appendingPathComponent("assets/favicon.svg"), atomically: true, encoding: .utf8)
        var assets = ["favicon.svg"]
        if let css {
            try css.write(to: folder.appendingPathComponent("assets/tema.css"), atomically: true, encoding: .utf8)
            assets.append("tema.css")
        }
        return TemplateChecks.check(["footer.mustache": template], parsed: ["footer.mustache"], names: ["footer"], assets: assets, files: ThemeFiles(own: folder.path))
    }

    func codes(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } }

    @Test func loadsFromOtherSitesAreFoundInAnyCaseAndQuoting() throws {
        let template = """
            <IMG alt="" SRC='//cdn.example/a.png'>
            <script defer src = https://cdn.example/x.js></script>
            <a href="https://www.exby.example/">links are no loads</a> <link rel="icon" href="assets/tema/favicon.svg">
            <style>@import "http://fonts.example/a.css"; .x { background: url( 'https://x.example/b.png' ) }</style>
            <video poster="data:image/png;base64,AAAA"></video>
            """
        let found = codes(try check(template: template))
        #expect(found == ["1:18 external-resource", "2:21 external-resource", "4:17 external-resource", "4:69 external-resource"])
    }

    @Test func aStylesheetIsReadForLoadsAndForItsOwnFiles() throws {
        let css = "@import url(//fonts.example/a.css);\n.a{background:url(favicon.svg)}\n.b{background:url(\"bilder/x.png?v=1#y\")}\n.c{background:url(../logo.svg)}\n.d{background:url(data:image/png;base64,AA)}\n"
        let found = try check(template: "<footer></footer>", css: css)
        #expect(codes(found) == ["1:13 external-resource", "3:20 missing-theme-asset"])
        #expect(found.last?.message == "'url(bilder/x.png?v=1#y)' hittar ingen fil: temat har ingen fil 'assets/bilder/x.png'")
    }

    @Test func themeFilesNamedWithATagAreNotChecked() throws {
        let found = try check(template: #"<img src="{{root}}assets/tema/{{slug}}.svg" alt=""><img src="assets/tema/saknas.svg" alt="">"#)
        #expect(codes(found) == ["1:62 missing-theme-asset"])
    }

    @Test func namesAreReadThroughDotsAndTransforms() {
        #expect(TemplateChecks.names(in: "council.name") == ["council", "name"])
        #expect(TemplateChecks.names(in: "empty(contacts)") == ["contacts"])
        #expect(TemplateChecks.names(in: "last()") == [])
        #expect(TemplateChecks.names(in: ".") == [])
    }

    @Test func aTemplateThatChangesItsDelimitersIsNotReadForNames() throws {
        #expect(try check(template: "{{=<% %>=}}\n<p><%titel%> {{titel}}</p>\n").isEmpty)
    }

    @Test func urlsResolveFromTheStylesheetsFolder() {
        #expect(TemplateChecks.resolve("bilder/x.png", from: "") == "bilder/x.png")
        #expect(TemplateChecks.resolve("../x.png", from: "css") == "x.png")
        #expect(TemplateChecks.resolve("./x.png", from: "css") == "css/x.png")
        #expect(TemplateChecks.resolve("../logo.svg", from: "") == nil)
        #expect(TemplateChecks.resolve("#fragment", from: "") == nil)
        #expect(TemplateChecks.resolve("/abs.png", from: "") == nil)
        // As the browser asks for it.
        #expect(TemplateChecks.resolve("bilder/m%C3%B6nster.svg", from: "") == "bilder/mönster.svg")
        #expect(TemplateChecks.resolve("två%20ord.svg", from: "bilder") == "bilder/två ord.svg")
    }
}
