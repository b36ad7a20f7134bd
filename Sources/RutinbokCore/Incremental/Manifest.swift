import Foundation

/// What the last published build was made from and what it wrote, kept beside the output
/// folder as `.<output>.manifest` (`path(of:)`). A plain line format, one record a line,
/// sorted, so that two builds of the same input write the same bytes.
///
/// Page fingerprints and output files are kept in one block per top-level folder of the
/// output (a council's slug, `andringar/<council>` for each council's change pages, `assets`;
/// "" for the files at the top), each behind a header with its length in bytes. A build reads a block only when it needs it
/// (`ManifestFile`), and a council whose files are all kept has its block copied into the
/// next manifest as it is. The last line holds a checksum of everything before it, so a
/// damaged or truncated manifest is refused as a whole.
///
/// A file that lists one item per routine (the print page, the search index) also has the
/// bounds of its items recorded, so that the next build can replace a few of them where they
/// lie (`SegmentedFile`).
struct Manifest: Sendable, Equatable {
    /// Beside the output (`.<output>.manifest`), with rutinbok's other files, not in it: the
    /// manifest names every input, internal routines' files among them, and the diagnostics
    /// of the build, which a public web server must not serve.
    static func path(of output: URL) -> URL { Publisher.beside(output, "manifest") }

    /// The last line, "end <checksum of everything before it, 16 hex digits>\n".
    static let endLineLength = "end ".utf8.count + 16 + 1

    /// What the marker of the folder a manifest describes begins with: the checksum on the
    /// manifest's last line ("end <16 hex digits>"), and a line break.
    static func seal(of bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= endLineLength, bytes.last == 0x0A else { return nil }
        let line = bytes[(bytes.count - endLineLength)...]
        guard line.starts(with: "end ".utf8) else { return nil }
        return Array(line.dropFirst(4))
    }
    /// Bumped whenever the format or the meaning of a fingerprint changes.
    static let formatVersion = 8

    struct Output: Sendable, Equatable {
        /// `LaneHash` of the file's bytes.
        var hash: UInt64
        var size: Int64
    }

    /// Options, rutinbok's own binary, site.yml and the templates.
    var global: UInt64 = 0
    /// `content/…`, `templates/…` and `shipped-templates/…` (`IncrementalPlan.shippedPrefix`) paths → stamps.
    var inputs: [String: Stamp] = [:]
    /// Council slug → fingerprint of everything its handbook's pages were made from.
    var councils: [String: UInt64] = [:]
    /// Page path → fingerprint: routine pages, portal change pages and (of their view data)
    /// the portal's summary pages; and, under a routine page's path and '#', a fingerprint of
    /// the routine's heading ids, which links from other routines are checked against
    /// (`HandbookChecker.recheck`).
    var pages: [String: UInt64] = [:]
    /// Fingerprint of two routine files (a base routine and the text replacing it) → the
    /// words the portal counted as inserted and deleted between them.
    var wordCounts: [UInt64: WordCounts] = [:]
    /// Output path → content hash and size, for every file but the manifest and the marker.
    var outputs: [String: Output] = [:]
    /// Output path → the bounds of the items it lists (`SegmentedFile.bounds`), for the
    /// files made with them.
    var items: [String: [Int]] = [:]
    /// The warnings of that build, so that a no-op build reports them again.
    var warnings: [Diagnostic] = []
    /// What checking each council's handbook found (`HandbookChecker`), by slug; a council
    /// without an entry had nothing. A council whose fingerprint did not change is not
    /// checked again: this is what checking it would find.
    var checks: [String: [Diagnostic]] = [:]

    func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// Everything before the folders' blocks: the format, inputs, councils, word counts and
    /// diagnostics.
    private func head() -> ManifestWriter {
        var out = ManifestWriter()
        out.reserve(64 * (inputs.count + councils.count + wordCounts.count) + 4096)
        out.text("rutinbok-manifest \(Self.formatVersion)\nglobal ")
        out.hex(global)
        out.newline()
        for (path, stamp) in inputs.sorted(by: { $0.key < $1.key }) {
            out.text("input ")
            out.decimal(stamp.size)
            out.space()
            out.decimal(stamp.modified)
            out.space()
            out.escaped(path)
            out.newline()
        }
        for (slug, fingerprint) in councils.sorted(by: { $0.key < $1.key }) {
            out.text("council ")
            out.hex(fingerprint)
            out.space()
            out.escaped(slug)
            out.newline()
        }
        for (fingerprint, counts) in wordCounts.sorted(by: { $0.key < $1.key }) {
            out.text("words ")
            out.hex(fingerprint)
            out.space()
            out.decimal(Int64(counts.inserted))
            out.space()
            out.decimal(Int64(counts.deleted))
            out.newline()
        }
        for warning in warnings {
            out.text("diagnostic " + Self.fields(of: warning))
            out.newline()
        }
        for (slug, found) in checks.sorted(by: { $0.key < $1.key }) {
            for diagnostic in found {
                out.text("checked ")
                out.escaped(slug)
                out.text("\t" + Self.fields(of: diagnostic))
                out.newline()
            }
        }
        return out
    }

    /// The manifest's bytes. `carried` are folders whose block the previous manifest already
    /// holds exactly (a council whose files were all kept): copied as they are, with any
    /// entry of `pages` and `outputs` in those folders laid over them. `sealed` are folders
    /// whose block was formatted as soon as they were complete (`Publisher.seal`), likewise.
    func serializedBytes(carrying carried: [String: ManifestFile.Block] = [:],
                         sealed: [String: SealedFolder] = [:]) -> [UInt8] {
        // The head and the blocks side by side: sorting and formatting thousands of inputs
        // and outputs are the two long parts.
        let (start, blocks) = Parallel.both({ self.head() }, { self.blocks(carrying: carried, sealed: sealed) })
        var out = start
        let carriedBytes = carried.values.reduce(0) { $0 + $1.range.count }
        out.reserve(start.bytes.count + carriedBytes + 64 * (outputs.count + pages.count) + 64)
        for block in blocks {
            switch block {
            case .made(let bytes): bytes.withUnsafeBytes { out.append($0) }
            case .carried(let carried): carried.withBytes { out.append($0) }
            }
        }
        out.end()
        return out.bytes
    }

    private enum BlockBytes: Sendable {
        case made([UInt8])
        case carried(ManifestFile.Block)
    }

    /// Each folder's block, in order of the folders' names.
    private func blocks(carrying carried: [String: ManifestFile.Block], sealed: [String: SealedFolder]) -> [BlockBytes] {
        // Pages and outputs by folder, each list sorted by path.
        var groups: [String: Folder] = [:]
        for (path, fingerprint) in pages {
            let (folder, _) = Self.split(path)
            groups[folder, default: Folder()].pages.append((path, fingerprint))
        }
        for (path, output) in outputs {
            let (folder, _) = Self.split(path)
            groups[folder, default: Folder()].outputs.append((path, output))
        }
        for (path, bounds) in items {
            let (folder, _) = Self.split(path)
            groups[folder, default: Folder()].items.append((path, bounds))
        }
        // Each folder's block on its own (sorting and formatting its entries), on all cores;
        // a carried block without entries of this build is copied as it is.
        let names = Set(groups.keys).union(carried.keys).union(sealed.keys).sorted()
        let blocks = Parallel.map(names) { [groups] name -> [UInt8]? in
            if let folder = sealed[name], groups[name] == nil { return folder.bytes }
            guard var group = groups[name] else { return nil }
            // Entries of this build over the sealed or carried ones (not what a build does, but exact).
            var under: (pages: [String: UInt64], outputs: [String: Output], items: [String: [Int]])?
            if let folder = sealed[name] {
                under = (Dictionary(folder.entries.pages, uniquingKeysWith: { _, new in new }),
                         Dictionary(folder.entries.outputs, uniquingKeysWith: { _, new in new }),
                         Dictionary(folder.entries.items, uniquingKeysWith: { _, new in new }))
            } else if let block = carried[name] {
                let previous = block.file.folder(name) ?? ManifestFile.Folder()
                under = (previous.pages, previous.outputs, previous.items)
            }
            if var (pages, outputs, items) = under {
                for (path, value) in group.pages { pages[path] = value }
                for (path, value) in group.outputs { outputs[path] = value }
                for (path, value) in group.items { items[path] = value }
                // Bounds belong to the bytes they were recorded for: a file this build made
                // again without them has none.
                let remade = Set(group.items.map(\.0))
                for (path, _) in group.outputs where !remade.contains(path) { items[path] = nil }
                group = Folder(pages: Array(pages), outputs: Array(outputs), items: Array(items))
            }
            var writer = ManifestWriter()
            writer.block(name, group)
            return writer.bytes
        }
        return zip(names, blocks).compactMap { name, block in
            if let block { return .made(block) }
            return carried[name].map(BlockBytes.carried)
        }
    }

    /// A folder's entries, by full path.
    struct Folder: Sendable {
        var pages: [(String, UInt64)] = []
        var outputs: [(String, Output)] = []
        var items: [(String, [Int])] = []
    }

    /// A folder's entries and its block, formatted.
    struct SealedFolder: Sendable {
        var entries: Folder
        var bytes: [UInt8]

        init(_ name: String, _ entries: Folder) {
            self.entries = entries
            var writer = ManifestWriter()
            writer.block(name, entries)
            bytes = writer.bytes
        }
    }

    /// The folder whose block holds an output path, and the rest of the path: its top-level
    /// folder ("" for a file at the top), but a council's folder of change pages for a change
    /// page (`andringar/<council>/…`), so that a council's change pages are kept whole as its
    /// own folder is.
    static func split(_ path: String) -> (folder: String, rest: Substring) {
        let utf8 = path.utf8
        guard let slash = utf8.firstIndex(of: UInt8(ascii: "/")) else { return ("", path[...]) }
        if utf8[..<slash].elementsEqual(PageNames.portalChanges.utf8),
           let second = utf8[utf8.index(after: slash)...].firstIndex(of: UInt8(ascii: "/")) {
            return (String(path[..<second]), path[path.index(after: second)...])
        }
        return (String(path[..<slash]), path[path.index(after: slash)...])
    }

    /// Adds what the portal leaves for the next build: its word counts and the fingerprints
    /// of its summary pages.
    mutating func add(_ portal: PortalRecord) {
        wordCounts.merge(portal.wordCounts) { _, new in new }
        pages.merge(portal.pages) { _, new in new }
    }

    /// A diagnostic as tab-separated, escaped fields: severity, file, line, column, code,
    /// message, handbook (empty for none), notes.
    static func fields(of diagnostic: Diagnostic) -> String {
        let fields = [diagnostic.severity.rawValue, diagnostic.location.file, "\(diagnostic.location.line)",
                      "\(diagnostic.location.column)", diagnostic.code, diagnostic.message, diagnostic.handbook ?? ""] + diagnostic.notes
        return fields.map(escape).joined(separator: "\t")
    }

    /// The diagnostic `fields(of:)` wrote; nil when the fields are not of that form.
    static func diagnostic<S: StringProtocol>(fields text: S) -> Diagnostic? {
        let fields = text.split(separator: "\t", omittingEmptySubsequences: false).map { unescape($0) }
        guard fields.count >= 7, let severity = Diagnostic.Severity(rawValue: fields[0]),
              let line = Int(fields[2]), let column = Int(fields[3]) else { return nil }
        return Diagnostic(severity, SourceLocation(file: fields[1], line: line, column: column), fields[5], code: fields[4],
                          notes: Array(fields.dropFirst(7)), handbook: fields[6].isEmpty ? nil : fields[6])
    }

    /// Keeps every record on one line and its fields apart. By Unicode scalar: a line break
    /// with a combining mark after it is one Character, which a switch over Characters let
    /// through, and the record broke in two.
    static func escape(_ text: String) -> String {
        // Bytes first: this runs for each of twenty thousand paths.
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) else { return text }
        return text.replacingScalars { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\n": "\\n"
            case "\t": "\\t"
            case "\r": "\\r"
            default: nil
            }
        }
    }

    static func unescape<S: StringProtocol>(_ text: S) -> String {
        guard text.utf8.contains(0x5C) else { return String(text) }
        var result = String.UnicodeScalarView(), escaped = false
        for scalar in text.unicodeScalars {
            if escaped {
                switch scalar {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                default: result.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}

/// Builds a manifest's bytes: numbers formatted in place, no intermediate Strings.
struct ManifestWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ other: UnsafeRawBufferPointer) { bytes.append(contentsOf: other) }

    mutating func space() { bytes.append(0x20) }
    mutating func newline() { bytes.append(0x0A) }

    /// Sixteen lowercase hex digits.
    mutating func hex(_ value: UInt64) {
        let digits: StaticString = "0123456789abcdef"
        digits.withUTF8Buffer { table in
            for shift in stride(from: 60, through: 0, by: -4) {
                bytes.append(table[Int((value >> UInt64(shift)) & 0xF)])
            }
        }
    }

    mutating func decimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    mutating func escaped<S: StringProtocol>(_ text: S) {
        if text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
            self.text(Manifest.escape(String(text)))
        } else {
            bytes.append(contentsOf: text.utf8)
        }
    }

    /// A folder's block: `folder <body bytes> <pages> <outputs> <name>`, then its pages,
    /// outputs and item bounds (`items <count> <bound>… <path>`) with paths relative to the
    /// folder, sorted.
    mutating func block(_ name: String, _ folder: Manifest.Folder) {
        var body = ManifestWriter()
        body.reserve(64 * (folder.pages.count + folder.outputs.count))
        let skip = name.isEmpty ? 0 : name.utf8.count + 1
        for (path, fingerprint) in folder.pages.sorted(by: { $0.0 < $1.0 }) {
            body.text("page ")
            body.hex(fingerprint)
            body.space()
            body.escaped(path.utf8.dropFirst(skip).string)
            body.newline()
        }
        for (path, output) in folder.outputs.sorted(by: { $0.0 < $1.0 }) {
            body.text("output ")
            body.hex(output.hash)
            body.space()
            body.decimal(output.size)
            body.space()
            body.escaped(path.utf8.dropFirst(skip).string)
            body.newline()
        }
        for (path, bounds) in folder.items.sorted(by: { $0.0 < $1.0 }) {
            body.text("items ")
            body.decimal(Int64(bounds.count))
            for bound in bounds {
                body.space()
                body.decimal(Int64(bound))
            }
            body.space()
            body.escaped(path.utf8.dropFirst(skip).string)
            body.newline()
        }
        text("folder ")
        decimal(Int64(body.bytes.count))
        space()
        decimal(Int64(folder.pages.count))
        space()
        decimal(Int64(folder.outputs.count))
        if !name.isEmpty {
            space()
            escaped(name)
        }
        newline()
        bytes.append(contentsOf: body.bytes)
    }

    /// The last line: a checksum of everything before it (`LaneHash`: the 2.4 MB of the
    /// benchmark's manifest are checked when a build reads it and when it writes it, and
    /// `ContentHash` took three times as long, on the path of every changed build).
    mutating func end() {
        let checksum = bytes.withUnsafeBytes { LaneHash.of($0) }
        text("end ")
        hex(checksum)
        newline()
    }
}

private extension Substring.UTF8View {
    var string: Substring { Substring(self) }
}
