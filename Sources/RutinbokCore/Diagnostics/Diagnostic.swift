/// A position in a source file. Lines and columns start at 1; 0 means "the whole file".
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path as shown to the user (relative to the working directory where possible).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(max(column, 1))" : file
    }

    /// The same file, another line and column.
    public func at(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}

/// One problem found in the input, reported like a compiler's.
public struct Diagnostic: Error, Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A stable, greppable identifier of the kind of problem, e.g. `broken-anchor`.
    public var code: String
    public var notes: [String]

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, code: String, notes: [String] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
        self.notes = notes
    }

    public static func error(_ location: SourceLocation, _ message: String, code: String, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, location, message, code: code, notes: notes)
    }

    public static func warning(_ location: SourceLocation, _ message: String, code: String, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, location, message, code: code, notes: notes)
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity, a.code, a.message) < (b.location, b.severity, b.code, b.message)
    }

    /// `path:line:col: error: message [code]`, then one `  note:` line per note.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(code)]"
        for note in notes { text += "\n  note: \(note)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, each problem once.
    public func normalized() -> [Diagnostic] {
        Array(Set(self)).sorted()
    }

    /// "2 errors, 1 warning"
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(errorCount, "error")), \(count(warningCount, "warning"))"
    }
}
