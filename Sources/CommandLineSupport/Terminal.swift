import Foundation
import RutinbokCore

/// How diagnostics reach the user: compiler-style lines on stderr, or JSON on stdout.
public enum Terminal {
    public static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints diagnostics sorted, with the count at the end; returns them as `--strict` sees them.
    @discardableResult
    public static func report(_ diagnostics: [Diagnostic], strict: Bool, json: Bool = false) -> [Diagnostic] {
        var shown = diagnostics.normalized()
        if strict { shown = shown.map { var d = $0; d.severity = .error; return d } }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let report = DiagnosticReport(diagnostics: shown.map(DiagnosticReport.Item.init),
                                          errors: shown.errorCount, warnings: shown.warningCount)
            if let data = try? encoder.encode(report) {
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            }
            return shown
        }
        for diagnostic in shown { printError(diagnostic.description) }
        if !shown.isEmpty { printError(shown.summary) }
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
}
