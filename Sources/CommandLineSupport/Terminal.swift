import Foundation
import RutinbokCore

/// How diagnostics reach the user: compiler-style lines on stderr, or JSON on stdout.
public enum Terminal {
    public static func printError(_ text: String) {
        FileHandle.standardError.write(Data((visible(text) + "\n").utf8))
    }

    /// The text with control characters (but line breaks and tabs) and the marks that reorder
    /// text shown as `\u{1b}`: a name in a content file could otherwise move the cursor, erase
    /// lines of a log or set a terminal's title, and so hide an error from whoever reads it.
    public static func visible(_ text: String) -> String {
        func hidden(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x0A, 0x09: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        return text.replacingScalars { hidden($0) ? "\\u{" + String($0.value, radix: 16) + "}" : nil }
    }

    /// Prints diagnostics sorted, with the count at the end; returns them as `--strict` sees them.
    /// `build`: what a build did, in the JSON beside the diagnostics (a text build says it in
    /// its last lines).
    @discardableResult
    public static func report(_ diagnostics: [Diagnostic], strict: Bool, json: Bool = false, build: BuildReport? = nil) -> [Diagnostic] {
        var shown = diagnostics.normalized()
        if strict { shown = shown.map { var d = $0; d.severity = .error; return d } }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let report = DiagnosticReport(diagnostics: shown.map(DiagnosticReport.Item.init),
                                          errors: shown.errorCount, warnings: shown.warningCount, build: build)
            if let data = try? encoder.encode(report) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
            return shown
        }
        for diagnostic in shown { printError(diagnostic.description) }
        if !shown.isEmpty { printError(shown.summary) }
        // Sorted by file, a settings file that did not load may be listed after the errors it
        // caused (councils/ before groups/): the last line, which is read first, names it.
        let causes = shown.settingsNotLoaded
        if !causes.isEmpty, shown.errorCount > causes.count {
            let places = causes.prefix(3).map(\.location.description).joined(separator: ", ") + (causes.count > 3 ? " …" : "")
            printError(causes.count == 1 ? "Rätta först felet i \(places); fel i andra filer kan komma av det."
                                         : "Rätta först felen i \(places); fel i andra filer kan komma av dem.")
        }
        return shown
    }
}

struct DiagnosticReport: Encodable {
    struct Item: Encodable {
        var file: String, line: Int, column: Int, severity: String, code: String, message: String, notes: [String]
        init(_ d: Diagnostic) {
            file = d.location.file; line = d.location.line; column = d.location.column
            severity = d.severity.rawValue; code = d.code; message = d.message; notes = d.notes
        }
    }
    var diagnostics: [Item]
    var errors: Int
    var warnings: Int
    var build: BuildReport?
}

/// What `rutinbok build --format json` reports of the build itself, for a script that
/// publishes or alerts: whether it published, how many files the output holds and how many
/// of them changed, and which handbooks came into the output or left it.
public struct BuildReport: Encodable {
    public var output: String
    public var published: Bool
    public var unchanged: Bool
    public var files: Int
    public var changedFiles: Int
    public var removedFiles: Int
    public var handbooksAdded: [String]
    public var handbooksRemoved: [String]

    public init(output: String, _ result: Build.Result) {
        self.output = output
        published = result.published
        unchanged = result.unchanged
        files = result.filesWritten
        changedFiles = result.unchanged || !result.published ? 0 : result.filesChanged
        removedFiles = result.unchanged || !result.published ? 0 : result.filesRemoved
        handbooksAdded = result.handbooksAdded
        handbooksRemoved = result.handbooksRemoved
    }

    enum CodingKeys: String, CodingKey {
        case output, published, unchanged, files
        case changedFiles = "changed_files", removedFiles = "removed_files", handbooksAdded = "handbooks_added", handbooksRemoved = "handbooks_removed"
    }
}
