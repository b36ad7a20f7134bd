import Foundation
import Mustache
import Testing
@testable import RutinbokCore

/// Rendering from a frame must give exactly what swift-mustache renders from the data itself.
@Suite struct TemplateFramesTests {
    static let template = """
    <h1 title="{{title}}">{{title}}</h1>{{{body}}}
    {{#owner}}<p>{{role}}{{#name}}, {{name}}{{/name}}{{^name}} (vakant){{/name}}</p>{{/owner}}{{^owner}}<p>{{ownerRole}}</p>{{/owner}}
    {{^empty(audiences)}}<ul>{{#audiences}}<li class="{{#first()}}first{{/first()}}">{{.}}{{^last()}}, {{/last()}}</li>{{/audiences}}</ul>{{/empty(audiences)}}
    {{#empty(summary)}}<p>utan sammanfattning</p>{{/empty(summary)}}{{^empty(summary)}}<p>{{summary}}</p>{{/empty(summary)}}
    {{#overdue}}<strong>Inaktuell</strong>{{/overdue}} {{count}} {{#count}}n{{/count}} {{#crumbs}}<a href="{{href}}">{{label}}</a>{{/crumbs}}
    {{> footer}}
    """

    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        library.register(try ByteEscapedHTML.template( template), named: "page")
        library.register(try ByteEscapedHTML.template( "<footer>{{title}} – {{{body}}}</footer>"), named: "footer")
        return library
    }

    /// Pages of many shapes and awkward texts: markup, quotes, an ampersand carrying a
    /// combining mark (swift-mustache escapes whole Characters), empty and missing values.
    nonisolated(unsafe) static let pages: [[String: Any]] = {
        let titles = ["Hot & hat", "\"Citat\" och 'apostrof'", "<b>inte fet</b>", "&\u{301}kombinerad", "Vanlig rubrik", "\u{E000}1&\u{E001}"]
        var pages: [[String: Any]] = []
        for (index, title) in titles.enumerated() {
            var page: [String: Any] = [
                "title": title, "body": "<p>Brödtext \(index) & mer</p>", "overdue": index % 2 == 0,
                "audiences": Array(["ledamöter", "ersättare & övriga", "<presidiet>"].prefix(index % 4)),
                "summary": index % 3 == 0 ? "" : "Sammanfattning \(index) <kort>", "count": index % 3,
                "crumbs": (0..<(index % 3)).map { ["label": "Steg \($0) & så", "href": "steg-\($0).html"] as [String: Any] },
                "ownerRole": "Säkerhetssamordnare",
            ]
            if index % 3 != 1 {
                var owner: [String: Any] = ["role": "Roll \(index) & ansvar"]
                if index % 2 == 1 { owner["name"] = "Namn O'Exempel" }
                page["owner"] = owner
            }
            pages.append(page)
        }
        return pages
    }()

    @Test func framesRenderExactlyWhatSwiftMustacheRenders() throws {
        let library = try Self.library()
        let frames = TemplateFrames()
        // Twice: the first round makes the frames, the second fills frames made for other pages.
        for _ in 0..<2 {
            for page in Self.pages {
                let direct = library.render(page, withTemplate: "page")
                let framed = frames.render("page", try #require(TemplateData.make(page)), library: library)
                #expect(framed == direct)
            }
        }
    }

    @Test func pagesOfOneShapeShareAFrame() throws {
        let library = try Self.library()
        let frames = TemplateFrames()
        var page = Self.pages[4]
        _ = frames.render("page", try #require(TemplateData.make(page)), library: library)
        page["title"] = "En helt annan rubrik & text"
        page["body"] = "<p>Annan brödtext</p>"
        #expect(frames.count == 1)
        #expect(frames.render("page", try #require(TemplateData.make(page)), library: library) == library.render(page, withTemplate: "page"))
        #expect(frames.count == 1, "only the text changed")
        page["overdue"] = !(page["overdue"] as! Bool)
        #expect(frames.render("page", try #require(TemplateData.make(page)), library: library) == library.render(page, withTemplate: "page"))
        #expect(frames.count == 2, "a flag is part of the shape")
    }

    @Test func valuesAFrameCannotStandForAreRenderedDirectly() throws {
        let library = try Self.library()
        enum Opaque { case value }
        let data = try #require(TemplateData.make(["title": Opaque.value] as [String: Any]))
        #expect(TemplateFrames().render("page", data, library: library) == nil)
    }

    @Test func templatesThatCouldTellAPlaceholderFromItsTextAreNotFramed() {
        #expect(TemplateFrames.canFrame([Self.template, "{{#a}}{{index()}}{{even()}}{{/a}}{{plusone(n)}}{{count(list)}}"]))
        for template in [
            "{{uppercased(title)}}", "{{#sorted(list)}}{{.}}{{/sorted(list)}}", "{{ reversed(title) }}", "{{capitalized(a)}}",
            "{{lowercased(a)}}", "{{#enumerated(map)}}{{/enumerated(map)}}", "{{>*partial}}", "{{> *partial}}",
            "{{=<% %>=}}<%title%>", "text with \u{E000} in it",
        ] {
            #expect(!TemplateFrames.canFrame([Self.template, template]), "\(template)")
        }
    }

    @Test func theDemoThemeIsFramed() throws {
        let (theme, problems) = Theme.load(directory: TestPaths.packageRoot.appendingPathComponent("templates").path)
        #expect(problems.isEmpty)
        #expect(try #require(theme).frames != nil)
    }
}
