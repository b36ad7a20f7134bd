import Foundation

/// `rutinbok new`: starting files for a council or a routine, made from what the content
/// already holds, so the editor fills in blanks instead of learning the format first.
public enum Scaffold {
    /// A file the scaffold would create, not yet written.
    public struct NewFile: Sendable, Equatable {
        /// Where the file goes, inside the content folder.
        public var path: String
        public var contents: String
        /// What the editor should do next, one line each.
        public var nextSteps: [String]
        /// What `check` would warn of in the new file, said when it is made: a message, its
        /// notes on lines of their own (`Diagnostic.text`).
        public var warnings: [String] = []
    }

    /// Wrong input from the command line: reported and the command exits with status 2.
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public var message: String
        public var notes: [String]
        public init(_ message: String, notes: [String] = []) {
            self.message = message
            self.notes = notes
        }
        public var description: String { Diagnostic.text(message, notes: notes) }
    }

    /// Writes the file, creating folders; never replaces an existing file, even one that
    /// appeared after the scaffold was planned (the file is opened with O_EXCL).
    public static func write(_ file: NewFile) throws {
        let url = URL(fileURLWithPath: file.path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw alreadyThere(file.path) }
            throw Refusal("\(file.path): filen gick inte att skapa: \(SystemError.text(errno))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data(file.contents.utf8))
    }

    static func checkSlug(_ text: String, what: String) throws {
        guard Slug.isValid(text) else {
            let fixed = Slug.make(text)
            throw Refusal("\(what) '\(text)' får bara innehålla a–z, 0–9 och '-'; det blir en del av webbadressen",
                          notes: fixed.isEmpty ? [] : ["skriv det som '\(fixed)'"])
        }
    }

    static func refuseExisting(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { throw alreadyThere(path) }
    }

    private static func alreadyThere(_ path: String) -> Refusal {
        Refusal("\(path) finns redan; rutinbok skriver aldrig över en fil", notes: ["redigera den, eller ta bort den först om du vill börja om"])
    }

    /// A YAML scalar in double quotes, so that colons, '#' and leading dashes stay text. By
    /// Unicode scalar: a `"` with a combining mark after it is another Character, and it
    /// ended the quotes.
    static func quoted(_ text: String) -> String {
        let escaped = text.replacingScalars { scalar in
            switch scalar {
            case "\"": "\\\""
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\r": "\\r"
            default: nil
            }
        }
        return "\"" + escaped + "\""
    }
}
