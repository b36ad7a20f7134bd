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
    /// The raw values are for programs (JSON, the manifest); `label` is what people read.
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public var label: String { self == .error ? "fel" : "varning" }
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// A stable, greppable identifier of the kind of problem, e.g. `broken-anchor`.
    public var code: String
    public var notes: [String]
    /// The council whose handbook the problem was found in, for a problem in a file several
    /// handbooks share (a base or group routine): the same problem found in each of them is
    /// reported once, naming them (`normalized()`). Nil for a problem of one file alone.
    public var handbook: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, code: String, notes: [String] = [],
                handbook: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
        self.notes = notes
        self.handbook = handbook
    }

    public static func error(_ location: SourceLocation, _ message: String, code: String, notes: [String] = []) -> Diagnostic {
        Diagnostic(.error, location, message, code: code, notes: notes)
    }

    public static func warning(_ location: SourceLocation, _ message: String, code: String, notes: [String] = []) -> Diagnostic {
        Diagnostic(.warning, location, message, code: code, notes: notes)
    }

    /// A total order, so that sorting a set of diagnostics always gives the same list.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let (x, y) = ((a.location, a.severity, a.code, a.message, a.handbook ?? ""), (b.location, b.severity, b.code, b.message, b.handbook ?? ""))
        return x < y || (x == y && a.notes.lexicographicallyPrecedes(b.notes))
    }

    /// `path:line:col: fel: message [code]`, then one `  obs:` line per note.
    public var description: String {
        Self.text("\(location): \(severity.label): \(message) [\(code)]", notes: notes)
    }

    /// A message with its notes under it, one `  obs:` line each: how every message to the
    /// editor shows its notes (diagnostics, refusals of `new` and `adopt`, the preview's).
    public static func text(_ message: String, notes: [String]) -> String {
        ([message] + notes.map { "  obs: \($0)" }).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column, each problem once: the same problem found in several
    /// handbooks that share its file is one diagnostic, with a note naming them (a typo in a
    /// base routine is one error, not one per council that inherits it).
    public func normalized() -> [Diagnostic] {
        var merged: [Diagnostic] = []
        var handbooks: [[String]] = []
        for diagnostic in Array(Set(self)).sorted() {
            if let handbook = diagnostic.handbook, let last = merged.last, last.handbook != nil, last.severity == diagnostic.severity,
               last.location == diagnostic.location, last.code == diagnostic.code, last.message == diagnostic.message {
                handbooks[handbooks.count - 1].append(handbook)
                for note in diagnostic.notes where !last.notes.contains(note) { merged[merged.count - 1].notes.append(note) }
            } else {
                merged.append(diagnostic)
                handbooks.append(diagnostic.handbook.map { [$0] } ?? [])
            }
        }
        for index in merged.indices where merged[index].handbook != nil {
            merged[index].notes.append(Self.handbooksNote(handbooks[index]))
            merged[index].handbook = nil
        }
        return merged
    }

    /// Errors that kept a settings file (site.yml, council.yml, group.yml) from loading, or a
    /// folder from having one: every handbook or routine that needs it then has errors of its own.
    /// What keeps a file from loading: its text unreadable as YAML, or the file unreadable.
    private static let unloadable: Set<String> = ["yaml-syntax", "duplicate-key", "invalid-utf8", "unreadable", "file-too-large", "symlink-outside"]

    public var settingsNotLoaded: [Diagnostic] {
        filter { diagnostic in
            guard diagnostic.severity == .error else { return false }
            if diagnostic.code == "missing-file" { return true }
            let name = diagnostic.location.file.split(separator: "/").last.map(String.init) ?? ""
            return Self.unloadable.contains(diagnostic.code) && ["site.yml", "council.yml", "group.yml"].contains(name)
        }
    }

    /// "i handboken för A", or "i 12 handböcker: A, B, C, D, E och 7 till".
    static func handbooksNote(_ names: [String]) -> String {
        if names.count == 1 { return "i handboken för \(names[0])" }
        let shown = names.prefix(5).joined(separator: ", ")
        return "i \(names.count) handböcker: \(shown)\(names.count > 5 ? " och \(names.count - 5) till" : "")"
    }

    /// "2 fel, 1 varning"
    public var summary: String {
        "\(errorCount) fel, \(warningCount) \(warningCount == 1 ? "varning" : "varningar")"
    }
}
