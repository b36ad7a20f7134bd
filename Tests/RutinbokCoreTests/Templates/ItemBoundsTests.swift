import Mustache
import Testing
@testable import RutinbokCore

/// Where the items of a page's list lie in its output (`TemplateFrames.render(_:_:library:itemsOf:)`),
/// which lets a later build replace one routine's section of a print page: each item's bytes
/// must be the same whatever the page's other lists hold, or no bounds are told.
@Suite struct ItemBoundsTests {
    static let templates = [
        "page": """
        <h1>{{title}}</h1>
        <ol>{{#toc}}<li>{{title}}</li>{{/toc}}</ol>
        {{#routines}}
        <section id="{{id}}"><h2>{{title}} – {{site}}</h2>{{#summary}}<p>{{summary}}</p>{{/summary}}{{{body}}}</section>
        {{/routines}}
        <footer>{{site}}</footer>
        """,
        "twice": "{{#routines}}<a>{{id}}</a>{{/routines}}<hr>{{#routines}}<b>{{id}}</b>{{/routines}}",
        "reads": "{{#routines}}<p>{{id}} ({{#toc}}{{title}} {{/toc}})</p>{{/routines}}",
    ]

    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try ByteEscapedHTML.template( text), named: name) }
        return library
    }

    static func frames() throws -> TemplateFrames {
        let framing: ListFraming = try #require(ListFraming(Array(templates.values)))
        return TemplateFrames(listFraming: framing)
    }

    /// Routines of several shapes (with and without a summary) and awkward texts.
    nonisolated(unsafe) static let routines: [[String: Any]] = (0..<6).map { index in
        var routine: [String: Any] = ["id": "r\(index)", "title": "Rutin \(index) & <mer>", "body": "<p>Text \(index)</p>\n"]
        if index % 2 == 0 { routine["summary"] = "Kort \(index) \"citat\"" }
        return routine
    }

    static func data(_ page: [String: Any]) throws -> TemplateValue {
        try #require(TemplateData.make(page))
    }

    static func page(_ routines: [[String: Any]], toc: Bool = true) -> [String: Any] {
        ["title": "Handboken", "site": "Ana & Bro",
         "toc": toc ? routines.map { ["title": $0["title"]!] as [String: Any] } : [] as [[String: Any]],
         "routines": routines]
    }

    @Test func boundsMarkEachItemAndItsBytesDoNotDependOnTheOtherLists() throws {
        let library = try Self.library(), frames = try Self.frames()
        let page = Self.page(Self.routines)
        let (output, bounds) = try #require(frames.render("page", try Self.data(page), library: library, itemsOf: "routines"))
        #expect(output == library.render(page, withTemplate: "page"))
        let found = try #require(bounds)
        #expect(found.count == Self.routines.count + 1)
        let utf8 = Array(output.utf8)
        for (index, routine) in Self.routines.enumerated() {
            let item = Array(utf8[found[index]..<found[index + 1]])
            #expect(String(decoding: item, as: UTF8.self).hasPrefix("<section id=\"r\(index)\">"), "item \(index)")
            // The same item rendered alone, the page's other lists left empty.
            let alone = Self.page([routine], toc: false)
            let (aloneOutput, aloneBounds) = try #require(frames.render("page", try Self.data(alone),
                                                                         library: library, itemsOf: "routines"))
            let only = try #require(aloneBounds)
            #expect(Array(Array(aloneOutput.utf8)[only[0]..<only[1]]) == item, "item \(index)")
        }
        #expect(String(decoding: utf8[found.last!...], as: UTF8.self) == "<footer>Ana &amp; Bro</footer>")
    }

    @Test func noBoundsWhenTheListIsShownTwiceOrReadFromAnItem() throws {
        let library = try Self.library(), frames = try Self.frames()
        let page = Self.page(Self.routines)
        for name in ["twice", "reads"] {
            let (output, bounds) = try #require(frames.render(name, try Self.data(page), library: library, itemsOf: "routines"))
            #expect(output == library.render(page, withTemplate: name), "\(name)")
            #expect(bounds == nil, "\(name)")
        }
    }

    @Test func noBoundsWhenListsAreNotFramedItemByItem() throws {
        let library = try Self.library()
        let page = Self.page(Self.routines)
        let (output, bounds) = try #require(TemplateFrames().render("page", try Self.data(page), library: library,
                                                                    itemsOf: "routines"))
        #expect(output == library.render(page, withTemplate: "page"))
        #expect(bounds == nil)
    }

    @Test func noBoundsForAListThePageDoesNotShow() throws {
        let library = try Self.library(), frames = try Self.frames()
        let page = Self.page(Self.routines)
        let (_, bounds) = try #require(frames.render("page", try Self.data(page), library: library, itemsOf: "chapters"))
        #expect(bounds == nil)
    }
}
