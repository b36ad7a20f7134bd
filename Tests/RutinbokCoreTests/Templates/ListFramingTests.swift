import Foundation
import Mustache
import Testing
@testable import RutinbokCore

/// Lists framed item by item must render exactly what swift-mustache renders from the data,
/// whatever the template does with them; where framing by item could differ, it must not be
/// used.
@Suite struct ListFramingTests {
    /// Templates that use lists in many ways: sections standing alone and inline, nested
    /// lists, names of outer levels read inside items, a key an item shadows, lists of outer
    /// levels reached from inside an item, inverted sections and `empty`, partials inside a
    /// section, a section over an object around a list, numbers shown and transformed.
    static let templates: [String: String] = [
        "page": """
        <h1>{{title}}</h1>
        {{#phases}}
        <section id="{{id}}">
        <h2>{{label}} ({{title}})</h2>
        <ol>{{#routines}}<li{{#over}} class="over"{{/over}}><a href="#{{anchor}}">{{title}}</a> {{label}} {{count}}</li>{{/routines}}</ol>
        {{^routines}}<p>Inga rutiner i {{label}}.</p>{{/routines}}
        {{#routines}}
        <article>{{{body}}} – {{council.name}}{{#owner}} ({{role}}{{#name}}, {{name}}{{/name}}){{/owner}}</article>
        {{/routines}}
        </section>
        {{/phases}}
        {{^empty(contacts)}}<ul>{{#contacts}}<li>{{> card}}</li>{{/contacts}}</ul>{{/empty(contacts)}}
        {{#empty(contacts)}}<p>Inga kontakter.</p>{{/empty(contacts)}}
        <p>{{count}} {{#equalzero(total)}}inga{{/equalzero(total)}}{{^equalzero(total)}}{{total}}{{/equalzero(total)}}</p>
        {{#phases}}<i>{{#contacts}}{{role}}/{{label}};{{/contacts}}</i>{{/phases}}
        """,
        "card": "<b>{{role}}</b>{{#phone}} <a href=\"tel:{{phone}}\">{{phone}}</a>{{/phone}} {{title}}",
        // A list reached from inside a section over an object: the object is part of the
        // items' context, which a frame of the item alone would not see.
        "object": "{{#council}}{{#contacts}}{{role}}: {{name}}{{/contacts}}{{/council}}|{{#phases}}{{id}}{{/phases}}",
        // The implicit iterator and positions read what differs for an item framed alone.
        "iterator": "{{#phases}}[{{#first()}}först{{/first()}}{{label}}{{^last()}}, {{/last()}}]{{/phases}}{{#contacts}}{{#role}}{{.}}{{/role}}{{/contacts}}",
        // The first line of an inline section holds a tag alone; the last line of a section is
        // only white space.
        "whitespace": "<p>{{#phases}}{{#over}}\növer\n{{/over}}\n  {{/phases}}</p>\n<p>{{#contacts}}  {{/contacts}}</p>",
    ]

    static func library(_ names: [String]) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in templates where names.contains(name) || name == "card" {
            library.register(try ByteEscapedHTML.template( text), named: name)
        }
        return library
    }

    static let texts = ["Hot & hat", "\"Citat\"", "<b>inte fet</b>", "&\u{301}kombinerad", "Vanlig text", "ä", ""]

    static func text(_ generator: inout SeededGenerator) -> TemplateValue {
        .text(texts.randomElement(using: &generator)!)
    }

    /// Random page data: some keys left out, lists of 0 to 3 items, some items shadowing
    /// `title` and `label` of the levels outside them.
    static func page(_ generator: inout SeededGenerator) -> TemplateValue {
        func maybe(_ key: String, _ value: TemplateValue) -> [(key: String, value: TemplateValue)] {
            Bool.random(using: &generator) || Bool.random(using: &generator) ? [(key, value)] : []
        }
        func list(_ make: (inout SeededGenerator) -> TemplateValue) -> TemplateValue {
            .list((0..<Int.random(in: 0...3, using: &generator)).map { _ in make(&generator) })
        }
        func contact(_ generator: inout SeededGenerator) -> TemplateValue {
            var fields: [(key: String, value: TemplateValue)] = [("role", text(&generator))]
            if Bool.random(using: &generator) { fields.append(("phone", text(&generator))) }
            if Bool.random(using: &generator) { fields.append(("name", text(&generator))) }
            return .fields(fields)
        }
        func routine(_ generator: inout SeededGenerator) -> TemplateValue {
            var fields: [(key: String, value: TemplateValue)] = [("anchor", text(&generator)), ("body", text(&generator)),
                                                                 ("over", .flag(Bool.random(using: &generator)))]
            if Bool.random(using: &generator) { fields.append(("title", text(&generator))) }
            if Bool.random(using: &generator) { fields.append(("count", .number(Int.random(in: 0...2, using: &generator)))) }
            if Bool.random(using: &generator) {
                var owner: [(key: String, value: TemplateValue)] = [("role", text(&generator))]
                if Bool.random(using: &generator) { owner.append(("name", text(&generator))) }
                fields.append(("owner", .fields(owner)))
            }
            return .fields(fields)
        }
        func phase(_ generator: inout SeededGenerator) -> TemplateValue {
            var fields: [(key: String, value: TemplateValue)] = [("id", text(&generator)), ("label", text(&generator)),
                                                                 ("routines", list(routine)), ("over", .flag(Bool.random(using: &generator)))]
            if Bool.random(using: &generator) { fields.append(("title", text(&generator))) }
            return .fields(fields)
        }
        var fields: [(key: String, value: TemplateValue)] = [("title", text(&generator)), ("phases", list(phase))]
        fields += maybe("contacts", list(contact))
        fields += maybe("council", .fields([("name", text(&generator))] + (Bool.random(using: &generator) ? [("contacts", list(contact))] : [])))
        fields += maybe("count", .number(Int.random(in: 0...12, using: &generator)))
        fields += maybe("total", .number(Int.random(in: 0...1, using: &generator)))
        fields += maybe("label", text(&generator))
        return .fields(fields)
    }

    @Test(arguments: ["page", "object", "iterator", "whitespace"])
    func framedListsRenderExactlyWhatSwiftMustacheRenders(_ name: String) throws {
        let library = try Self.library([name])
        let framing = ListFraming([Self.templates[name]!, Self.templates["card"]!])
        #expect((framing == nil) == (name == "whitespace"))
        let frames = TemplateFrames(listFraming: framing)
        var generator = SeededGenerator(state: 114_14)
        // Pages in turn make frames and fill those made for others.
        for _ in 0..<400 {
            let page = Self.page(&generator)
            let direct = library.render(page.mustache, withTemplate: name)
            #expect(frames.render(name, page, library: library) == direct, "\(page)")
        }
        let sectionFrames = frames.used.frames.filter { $0.key.hasPrefix("\u{3}") }
        if name == "page" {
            #expect(sectionFrames.values.contains { $0 != nil }, "items were framed on their own")
        }
    }

    @Test func pagesWhoseListsDifferInLengthShareTheirFrames() throws {
        let library = try Self.library(["page"])
        let framing: ListFraming = try #require(ListFraming([Self.templates["page"]!, Self.templates["card"]!]))
        let frames = TemplateFrames(listFraming: framing)
        func page(routines: Int) -> TemplateValue {
            .fields([("title", .text("Handbok")), ("phases", .list([.fields([
                ("id", .text("fore")), ("label", .text("Före")), ("over", .flag(false)),
                ("routines", .list((0..<routines).map { .fields([("anchor", .text("r\($0)")), ("body", .text("<p>\($0)</p>")), ("over", .flag(false))]) })),
            ])]))])
        }
        for routines in 1...5 {
            #expect(frames.render("page", page(routines: routines), library: library)
                    == library.render(page(routines: routines).mustache, withTemplate: "page"))
        }
        let made = frames.count
        #expect(frames.render("page", page(routines: 9), library: library) == library.render(page(routines: 9).mustache, withTemplate: "page"))
        #expect(frames.count == made, "nine routines need no frame that one to five did not")
    }

    /// Frames with list slots, kept beside the output and read back, fill pages as before:
    /// a library without templates could render nothing itself.
    @Test func framesWithListsReadBackAndFillPagesAsBefore() throws {
        let library = try Self.library(["page"])
        let framing = try #require(ListFraming([Self.templates["page"]!, Self.templates["card"]!]))
        let frames = TemplateFrames(listFraming: framing)
        var generator = SeededGenerator(state: 116_006)
        let pages = (0..<60).map { _ in Self.page(&generator) }
        for page in pages { _ = frames.render("page", page, library: library) }
        #expect(frames.used.frames.values.contains { $0?.calls.isEmpty == false }, "some frames hold list slots")
        let output = TestPaths.temporaryFolder("rutinbok-list-frames").appendingPathComponent("output")
        FrameStore.save(frames.used.frames, beside: output, templates: 7)
        let resumed = TemplateFrames(known: FrameStore.load(beside: output, templates: 7), listFraming: framing)
        for page in pages {
            #expect(resumed.render("page", page, library: MustacheLibraryWithout.templates) == library.render(page.mustache, withTemplate: "page"))
        }
        #expect(!resumed.used.new, "no frame had to be made")
    }

    /// A list shown as a value (`{{phases}}`) shows its items' description, which a lambda
    /// does not have: swift-mustache then calls the lambda without a section's text.
    @Test func aListShownAsAValueIsNotFramedByItem() throws {
        var library = MustacheLibrary()
        library.register(try ByteEscapedHTML.template( "{{#phases}}{{label}}{{/phases}} {{phases}}"), named: "value")
        let framing: ListFraming = try #require(ListFraming(["{{#phases}}{{label}}{{/phases}} {{phases}}"]))
        let frames = TemplateFrames(listFraming: framing)
        let page = TemplateValue.fields([("phases", .list([.fields([("label", .text("Före"))])]))])
        _ = frames.render("value", page, library: library)
        let listFramed = frames.used.frames.filter { $0.key.hasPrefix("value\u{2}") }
        #expect(listFramed.count == 1 && listFramed.values.allSatisfy { $0 == nil })
    }

    @Test func templatesThatParseDifferentlyInPartsAreNotFramedByList() {
        #expect(ListFraming([Self.templates["page"]!]) != nil)
        for template in [
            "<p>{{#list}}{{#flag}}\nx\n{{/flag}}\n{{/list}}</p>",   // a section's first line is a tag alone
            "{{#list}}\nx\n  {{/list}}",                           // its last line is only white space
            "{{#list}}x{{/list}}\n  {{> card}}\n",                  // an indented partial
            "{{<parent}}{{$block}}x{{/block}}{{/parent}}",          // parents and blocks
            "{{% CONTENT_TYPE: TEXT}}{{#list}}x{{/list}}",          // a pragma
            "{{#list}}x",                                           // a section never closed
        ] {
            #expect(ListFraming([template]) == nil, "\(template)")
        }
    }

    @Test func aListWhoseNameATemplateTransformsStaysInTheShape() throws {
        let framing = try #require(ListFraming(["{{count(routines)}} {{#routines}}{{title}}{{/routines}} {{plusone(n)}} {{#empty(contacts)}}-{{/empty(contacts)}}"]))
        #expect(framing.transformed.contains("routines"))
        #expect(framing.transformed.contains("n"))
        #expect(!framing.transformed.contains("contacts"), "empty in a section reads a lambda as it reads a list")
        #expect(!framing.framesItems([.fields([("title", .text("a"))])], key: "routines"))
        #expect(framing.framesItems([.fields([("title", .text("a"))])], key: "contacts"))
        #expect(framing.shownAsText(.number(3), key: "n") == nil)
        #expect(framing.shownAsText(.number(3), key: "count") == "3")
    }

    @Test func theDemoThemeFramesListsItemByItem() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("templates")
        let files = FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".mustache") }
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(ListFraming([text]) != nil, "\(file)")
        }
    }
}

private extension TemplateValue {
    /// The text of a value shown as text, for the assertions above.
    static func == (value: TemplateValue, text: String?) -> Bool {
        if case .text(let shown) = value { return shown == text }
        return text == nil
    }
}
