import Foundation
import Testing

/// `docs/diagnostics.md`, the reference an editor or a CI script looks a code up in, must stay
/// true to the code: every code the sources give a diagnostic has a row in its "Codes" tables,
/// and every code in those tables is one the sources can give.
@Suite struct DiagnosticsDocsTests {
    static let document = TestPaths.packageRoot.appendingPathComponent("docs/diagnostics.md")
    static let sources = TestPaths.packageRoot.appendingPathComponent("Sources")

    /// The codes in the first column of the tables under `## Codes` (a cell may name several,
    /// each in backticks).
    static func documentedCodes(in text: String) -> Set<String> {
        var codes: Set<String> = []
        var inCodes = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inCodes = line == "## Codes" }
            guard inCodes, line.hasPrefix("| `") else { continue }
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            // Split on backticks, what lies between a pair is every other piece.
            for part in cell.split(separator: "`", omittingEmptySubsequences: false).enumerated() where part.offset % 2 == 1 {
                let code = String(part.element)
                if code.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) && !code.isEmpty { codes.insert(code) }
            }
        }
        return codes
    }

    /// Every `code: "…"` the sources give a diagnostic.
    static func emittedCodes() throws -> [String: String] {
        let pattern = try NSRegularExpression(pattern: #"code: "([a-z0-9-]+)""#)
        var codes: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: sources.path)!
        while let path = files.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                codes[String(text[Range(match.range(at: 1), in: text)!]), default: path] = path
            }
        }
        return codes
    }

    /// All string literals of the sources, for codes that travel in a tuple before they
    /// become a diagnostic (`Links.swift` returns message and code together).
    static func literals() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #""([a-z0-9-]+)""#)
        var literals: Set<String> = []
        let files = FileManager.default.enumerator(atPath: sources.path)!
        while let path = files.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                literals.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return literals
    }

    @Test func everyCodeTheSourcesGiveIsDocumented() throws {
        let documented = Self.documentedCodes(in: try String(contentsOf: Self.document, encoding: .utf8))
        let emitted = try Self.emittedCodes()
        #expect(emitted.count >= 70, "found only \(emitted.count) codes: is the pattern still right?")
        for (code, file) in emitted.sorted(by: { $0.key < $1.key }) where !documented.contains(code) {
            Issue.record("[\(code)] (Sources/\(file)) has no row in docs/diagnostics.md, \"Codes\"")
        }
    }

    @Test func everyDocumentedCodeIsOneTheSourcesGive() throws {
        let documented = Self.documentedCodes(in: try String(contentsOf: Self.document, encoding: .utf8))
        #expect(documented.count >= 70, "found only \(documented.count) documented codes: is the table still shaped so?")
        let literals = try Self.literals()
        for code in documented.sorted() where !literals.contains(code) {
            Issue.record("docs/diagnostics.md documents [\(code)], which no source gives")
        }
    }

    @Test func theCodesAreReadFromTheTablesFirstColumnOnly() {
        let text = """
            ## Codes

            | Code | Severity | Meaning |
            | --- | --- | --- |
            | `no-content`, `no-templates` | error | the `--content` folder, `not-a-code` |

            ## Other

            | `elsewhere` | x |
            """
        #expect(Self.documentedCodes(in: text) == ["no-content", "no-templates"])
    }
}
