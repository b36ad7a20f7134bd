/// What the last published build was made from and what it wrote, kept in the output folder
/// as `.rutinbok-manifest`. A plain line format, one record a line, sorted, so that two
/// builds of the same input write the same bytes.
struct Manifest: Sendable, Equatable {
    static let fileName = ".rutinbok-manifest"
    /// Bumped whenever the format or the meaning of a fingerprint changes.
    static let formatVersion = 2

    struct Output: Sendable, Equatable {
        var hash: UInt64
        var size: Int64
    }

    /// Options, rutinbok's own binary, site.yml and the templates.
    var global: UInt64 = 0
    /// `content/…` and `templates/…` paths → stamps.
    var inputs: [String: Stamp] = [:]
    /// Council slug → fingerprint of everything its handbook's pages were made from.
    var councils: [String: UInt64] = [:]
    /// Page path → fingerprint: routine pages, portal change pages and (of their view data)
    /// the portal's summary pages.
    var pages: [String: UInt64] = [:]
    /// Fingerprint of two routine files (a base routine and the text replacing it) → the
    /// words the portal counted as inserted and deleted between them.
    var wordCounts: [UInt64: WordCounts] = [:]
    /// Output path → content hash and size, for every file but the manifest and the marker.
    var outputs: [String: Output] = [:]
    /// The warnings of that build, so that a no-op build reports them again.
    var warnings: [Diagnostic] = []

    func serialized() -> String {
        var lines = ["rutinbok-manifest \(Self.formatVersion)", "global \(ContentHash.hex(global))"]
        for (path, stamp) in inputs.sorted(by: { $0.key < $1.key }) {
            lines.append("input \(stamp.size) \(stamp.modified) \(Self.escape(path))")
        }
        for (slug, fingerprint) in councils.sorted(by: { $0.key < $1.key }) {
            lines.append("council \(ContentHash.hex(fingerprint)) \(Self.escape(slug))")
        }
        for (path, fingerprint) in pages.sorted(by: { $0.key < $1.key }) {
            lines.append("page \(ContentHash.hex(fingerprint)) \(Self.escape(path))")
        }
        for (fingerprint, counts) in wordCounts.sorted(by: { $0.key < $1.key }) {
            lines.append("words \(ContentHash.hex(fingerprint)) \(counts.inserted) \(counts.deleted)")
        }
        for (path, output) in outputs.sorted(by: { $0.key < $1.key }) {
            lines.append("output \(ContentHash.hex(output.hash)) \(output.size) \(Self.escape(path))")
        }
        for warning in warnings {
            let fields = [warning.severity.rawValue, warning.location.file, "\(warning.location.line)", "\(warning.location.column)",
                          warning.code, warning.message] + warning.notes
            lines.append("diagnostic " + fields.map(Self.escape).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\nend\n"
    }

    /// Adds what the portal leaves for the next build: its word counts and the fingerprints
    /// of its summary pages.
    mutating func add(_ portal: PortalRecord) {
        wordCounts.merge(portal.wordCounts) { _, new in new }
        pages.merge(portal.pages) { _, new in new }
    }

    /// Keeps every record on one line and its fields apart.
    static func escape(_ text: String) -> String {
        // Bytes, not Characters: this runs for each of twenty thousand paths.
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\r\n": result += "\\r\\n"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescape<S: StringProtocol>(_ text: S) -> String {
        guard text.contains("\\") else { return String(text) }
        var result = "", escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n": result += "\n"
                case "t": result += "\t"
                case "r": result += "\r"
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
