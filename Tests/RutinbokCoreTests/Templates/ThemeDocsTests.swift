import Foundation
import Testing
@testable import RutinbokCore

/// `docs/themes.md`, the reference for theme makers, must stay true to the views templates
/// are given: a section per view type, listing exactly its fields in declaration order, no
/// section for a type that does not exist, and every required template named.
@Suite struct ThemeDocsTests {
    static let path = TestPaths.packageRoot.appendingPathComponent("docs/themes.md")

    /// A `### \`Name\`` section of the document: its heading's line and the first column of
    /// its table, without the header row.
    struct Section {
        var line: Int
        var fields: [String]
    }

    /// The type sections of a document, by type name. A section runs from its heading to the
    /// next heading of any level; its fields are the first cells of its table's rows, with the
    /// backticks taken off.
    static func sections(of text: String) -> (sections: [String: Section], repeated: [String]) {
        var sections: [String: Section] = [:]
        var repeated: [String] = []
        var current: String?
        var tableRow = 0
        var inFence = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") { inFence.toggle() }
            if inFence { continue }
            if line.hasPrefix("#") {
                current = nil
                if line.hasPrefix("### `"), line.hasSuffix("`") {
                    let name = String(line.dropFirst("### `".count).dropLast())
                    if sections[name] != nil { repeated.append(name) }
                    sections[name] = Section(line: index + 1, fields: [])
                    current = name
                    tableRow = 0
                }
                continue
            }
            guard let name = current else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("|") else {
                // A table ends at the first line that is not a row; a later table is not read.
                if tableRow > 0 { current = nil }
                continue
            }
            tableRow += 1
            let first = trimmed.dropFirst().prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
            // Row 1 is the header, row 2 the delimiter row.
            guard tableRow > 2 else { continue }
            let field = first.hasPrefix("`") && first.hasSuffix("`") && first.count > 2 ? String(first.dropFirst().dropLast()) : first
            sections[name]!.fields.append(field)
        }
        return (sections, repeated)
    }

    /// `RutinbokCore.PortalCoverageView.Cell` → `PortalCoverageView.Cell`.
    static func typeName(_ value: Any) -> String {
        let full = String(reflecting: type(of: value))
        let module = "RutinbokCore."
        return full.hasPrefix(module) ? String(full.dropFirst(module.count)) : full
    }

    static func document() throws -> String {
        try String(contentsOf: path, encoding: .utf8)
    }

    @Test func everyViewTypeIsDocumentedWithItsFieldsInOrder() throws {
        let (sections, repeated) = Self.sections(of: try Self.document())
        #expect(repeated.isEmpty, "docs/themes.md documents these types twice: \(repeated)")
        for value in TemplateFieldsTests.allValues {
            let name = Self.typeName(value)
            let fields = Mirror(reflecting: value).children.compactMap(\.label)
            guard let section = sections[name] else {
                Issue.record("docs/themes.md has no section '### `\(name)`' (fields: \(fields.joined(separator: ", ")))")
                continue
            }
            let documented = section.fields
            let missing = fields.filter { !documented.contains($0) }
            let extra = documented.filter { !fields.contains($0) }
            #expect(missing.isEmpty, "docs/themes.md:\(section.line): `\(name)` does not document its field(s) \(missing)")
            #expect(extra.isEmpty, "docs/themes.md:\(section.line): `\(name)` documents field(s) it does not have: \(extra)")
            if missing.isEmpty, extra.isEmpty {
                #expect(documented == fields,
                        "docs/themes.md:\(section.line): `\(name)` lists its fields as \(documented), declared as \(fields)")
            }
        }
    }

    @Test func everyDocumentedTypeExists() throws {
        let (sections, _) = Self.sections(of: try Self.document())
        let types = Set(TemplateFieldsTests.allValues.map(Self.typeName))
        for (name, section) in sections.sorted(by: { $0.key < $1.key }) where !types.contains(name) {
            Issue.record("docs/themes.md:\(section.line): '### `\(name)`' documents no view type (known: \(types.sorted().joined(separator: ", ")))")
        }
    }

    /// The names a theme's templates are checked against (`TemplateNames`, `TemplateChecks`) are
    /// the view types' fields, and the HTML ones those the reference calls HTML.
    @Test func theNamesTemplatesAreCheckedAgainstAreTheViewsFields() throws {
        let fields = Set(TemplateFieldsTests.allValues.flatMap { Mirror(reflecting: $0).children.compactMap(\.label) })
        #expect(TemplateNames.fields.subtracting(fields).isEmpty, "no view has \(TemplateNames.fields.subtracting(fields).sorted())")
        #expect(fields.subtracting(TemplateNames.fields).isEmpty, "TemplateNames.fields lacks \(fields.subtracting(TemplateNames.fields).sorted())")
        var html: Set<String> = []
        var inTypeSection = false
        for line in try Self.document().split(separator: "\n") {
            if line.hasPrefix("#") { inTypeSection = line.hasPrefix("### `") }
            guard inTypeSection, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count > 1, cells[1].contains("HTML") { html.insert(String(cells[0].dropFirst().dropLast())) }
        }
        #expect(html.count >= 8, "found \(html.sorted())")
        #expect(TemplateNames.html == html, "docs/themes.md calls HTML: \(html.sorted()); TemplateNames.html: \(TemplateNames.html.sorted())")
    }

    /// The shipped theme is the required templates and the partials `Theme.shippedPartials`
    /// names, which a theme made from a copy of it is told to copy when one is missing.
    @Test func theShippedPartialsAreTheShippedTemplatesNotRequired() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("templates")
        let shipped = Set(FileManager.default.enumerator(atPath: folder.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        #expect(shipped.subtracting(Theme.required.keys) == Theme.shippedPartials)
    }

    @Test func everyRequiredTemplateIsNamed() throws {
        let text = try Self.document()
        for name in Theme.required.keys.sorted() {
            #expect(text.contains("`\(name).mustache`"), "docs/themes.md does not mention `\(name).mustache`")
        }
    }

    /// The parser itself: a section's rows are read up to the end of its table, a heading of
    /// another form is no type section.
    @Test func parserReadsOneTablePerSection() {
        let text = """
        ## Heading
        ### Not a type
        | Field | Kind |
        | --- | --- |
        | `nope` | text |
        ### `A.B`
        Text.

        | Field | Kind |
        | --- | --- |
        | `x` | text |
        | `y` | yes/no |

        | Other | Table |
        | --- | --- |
        | `z` | text |
        ### `C`
        """
        let (sections, repeated) = Self.sections(of: text)
        #expect(repeated.isEmpty)
        #expect(Set(sections.keys) == ["A.B", "C"])
        #expect(sections["A.B"]?.fields == ["x", "y"])
        #expect(sections["A.B"]?.line == 6)
        #expect(sections["C"]?.fields == [])
    }
}
