import Foundation
import Testing
@testable import RutinbokCore

/// SplitMix64: the same "random" inputs on every run, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Malformed YAML and Markdown through every loader and the renderer: each must answer with
/// diagnostics, never crash or trap (a trap would end the test process).
@Suite struct MalformedInputTests {
    static let yamlPieces = [
        "title", "name", "kind", "contacts", "phases", "exclude", "verified", "reviewed", "order", "theme", "logo",
        ": ", ":", "- ", "-", "[", "]", "{", "}", ",", "\"", "'", "&a ", "*a", "!!int ", "!!binary ", "? ", "|", ">",
        "#", "---", "...", "%YAML 1.2", "\n", "\n  ", "\n    ", "\t", " ", "2026-02-30", "2026-01-15", "99999999999999999999",
        "-1", "0x1F", ".inf", "~", "null", "yes", "å", "ö", "\u{FEFF}", "\u{0}", "\u{1}", "\\", "\\u12", "@", "`", "%",
        "\r\n", "kontakt:x", "../../x", "/etc/passwd", "<script>",
    ]
    static let markdownPieces = [
        "#", "## ", "{#", "}", "{#id}", "[", "]", "(", ")", "[x](", "y.md", "#rubrik", "kontakt:", "javascript:", "<", ">",
        "<div>", "</div>", "<!--", "|", "---", ":---:", "- [ ] ", "- [x] ", "> ", "> [!VIKTIGT]", "[!", "*", "_", "`", "```",
        "\n", "\n\n", "  ", "\t", "1. ", "![", "\\", "&amp;", "&#0;", "\u{1}", "\u{0}", "å", "🙂", "\u{301}", "\r", "%", "%C3%B6",
    ]

    static func random(from pieces: [String], count: Int, using generator: inout SeededGenerator) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func randomYAMLThroughEveryLoader() {
        var generator = SeededGenerator(state: 2026)
        for _ in 0..<300 {
            let yaml = Self.random(from: Self.yamlPieces, count: Int.random(in: 1...60, using: &generator), using: &generator)
            _ = SiteConfigLoader.load(yaml, file: "site.yml")
            _ = CouncilLoader.loadCouncil(yaml, slug: "exby", directory: "/tmp", file: "council.yml")
            _ = GroupLoader.load(yaml, id: "grannar", file: "group.yml")
            let (routine, diagnostics) = RoutineLoader.load("---\n\(yaml)\n---\nText.\n", id: "x", layer: .base, file: "x.md")
            #expect(routine != nil || diagnostics.hasErrors, "a routine that does not load must say why")
            for diagnostic in diagnostics {
                #expect(diagnostic.location.line >= 0 && diagnostic.location.column >= 0)
            }
        }
    }

    @Test func randomMarkdownThroughTheRenderer() {
        var generator = SeededGenerator(state: 1177)
        for _ in 0..<300 {
            let body = Self.random(from: Self.markdownPieces, count: Int.random(in: 1...80, using: &generator), using: &generator)
            for (options, printID) in [(MarkdownRenderer.Options(), nil), (.init(allowRawHTML: true), nil), (.init(), "x")] {
                let rendered = MarkdownRenderer(options: options).render(body, file: "x.md", firstLine: 10, printID: printID)
                _ = rendered.html { "<span>\($0.id)</span>" }
                _ = rendered.html(print: true) { "<span>\($0.id)</span>" }
                for diagnostic in rendered.diagnostics { #expect(diagnostic.location.line >= 10) }
            }
            _ = FragmentRenderer.render("---\n" + body, file: "x.md", allowRawHTML: false)
            _ = FrontMatter.split(body)
        }
    }

    /// The base fixture's own files with bytes flipped, dropped and repeated, through the loaders.
    @Test func mutatedFixtureFiles() throws {
        var generator = SeededGenerator(state: 112)
        let base = BrokenWorkspace.baseFixture
        let files = ["site.yml", "councils/exby/council.yml", "routines/hotad.md", "groups/grannar/group.yml"]
        let texts = try files.map { try Data(contentsOf: base.appendingPathComponent($0)) }
        let bytes: [UInt8] = Array(":-[]{}\"'#\n\t &*!|>".utf8) + [0xC3, 0xA5, 0xFF, 0x00]
        for round in 0..<300 {
            var data = [UInt8](texts[round % texts.count])
            for _ in 0..<Int.random(in: 1...6, using: &generator) where !data.isEmpty {
                let at = Int.random(in: 0..<data.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: data[at] = bytes.randomElement(using: &generator)!
                case 1: data.remove(at: at)
                default: data.insert(contentsOf: data[at..<min(data.count, at + 8)], at: at)
                }
            }
            let text = String(decoding: data, as: UTF8.self)
            switch round % texts.count {
            case 0: _ = SiteConfigLoader.load(text, file: files[0])
            case 1: _ = CouncilLoader.loadCouncil(text, slug: "exby", directory: "/tmp", file: files[1])
            case 2:
                _ = RoutineLoader.load(text, id: "hotad", layer: .base, file: files[2])
                _ = MarkdownRenderer().render(text, file: files[2])
            default: _ = GroupLoader.load(text, id: "grannar", file: files[3])
            }
            _ = SourceFiles.firstInvalidUTF8(in: Data(data))
        }
    }

    /// Deep nesting is where parsers recurse: it must end in a diagnostic, not a stack overflow.
    @Test func deeplyNestedInput() {
        let yaml = "name: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        let (council, diagnostics) = CouncilLoader.loadCouncil(yaml, slug: "exby", directory: "/tmp", file: "council.yml")
        #expect(council == nil)
        #expect(diagnostics.map(\.description) == ["council.yml:1:8: fel: YAML-texten har för många nivåer [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"Maximum nesting level reached, set with yaml_set_max_nest_level())\" på rad 1, kolumn 8 (\"while parsing\", från rad 1)"])
        for markdown in [String(repeating: ">", count: 50_000) + " x", String(repeating: "- ", count: 20_000) + "x",
                         String(repeating: "[", count: 50_000) + "x" + String(repeating: "](y.md)", count: 50_000),
                         String(repeating: "*", count: 50_000) + "x" + String(repeating: "*", count: 50_000)] {
            _ = MarkdownRenderer().render(markdown, file: "x.md")
        }
    }
}
