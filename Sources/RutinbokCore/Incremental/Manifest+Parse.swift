/// Reading a manifest back. A no-op build does little else, so this works on the file's
/// bytes: one pass, numbers parsed in place, a String made only for each path.
extension Manifest {
    /// nil when the text is not a complete manifest of this format (a truncated or foreign
    /// file means a full build, never a wrong one).
    static func parse(_ text: String) -> Manifest? {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Manifest? {
        var lines = ManifestLines(bytes)
        guard var header = lines.next(), header.rest(escaped: false) == "rutinbok-manifest \(formatVersion)" else { return nil }
        var manifest = Manifest()
        // Nearly every line is an output or an input: room for all of them, grown once.
        let lineCount = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        manifest.outputs.reserveCapacity(lineCount)
        manifest.inputs.reserveCapacity(lineCount / 4)
        var ended = false
        while var line = lines.next() {
            guard !ended else { return nil }  // nothing may follow "end"
            switch line.word() {
            case "end": ended = true
            case "global":
                guard let value = line.hex(), line.isAtEnd else { return nil }
                manifest.global = value
            case "input":
                guard let size = line.integer(), let modified = line.integer(), let path = line.rest() else { return nil }
                manifest.inputs[path] = Stamp(size: size, modified: modified)
            case "council":
                guard let value = line.hex(), let slug = line.rest() else { return nil }
                manifest.councils[slug] = value
            case "page":
                guard let value = line.hex(), let path = line.rest() else { return nil }
                manifest.pages[path] = value
            case "words":
                guard let fingerprint = line.hex(), let inserted = line.integer(), let deleted = line.integer(),
                      line.isAtEnd, inserted >= 0, deleted >= 0, manifest.wordCounts[fingerprint] == nil else { return nil }
                manifest.wordCounts[fingerprint] = WordCounts(inserted: Int(inserted), deleted: Int(deleted))
            case "output":
                guard let hash = line.hex(), let size = line.integer(), let path = line.rest() else { return nil }
                manifest.outputs[path] = Output(hash: hash, size: size)
            case "diagnostic":
                guard let rest = line.rest(escaped: false) else { return nil }
                let fields = rest.split(separator: "\t", omittingEmptySubsequences: false).map(unescape)
                guard fields.count >= 6, let severity = Diagnostic.Severity(rawValue: fields[0]),
                      let number = Int(fields[2]), let column = Int(fields[3]) else { return nil }
                manifest.warnings.append(Diagnostic(severity, SourceLocation(file: fields[1], line: number, column: column),
                                                    fields[5], code: fields[4], notes: Array(fields.dropFirst(6))))
            default:
                return nil
            }
        }
        // Complete only with its last line, "end", and the newline after it.
        return ended && lines.endedWithNewline ? manifest : nil
    }
}

/// The lines of a manifest's bytes.
struct ManifestLines {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private(set) var endedWithNewline = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> ManifestLine? {
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != 0x0A { position += 1 }
        let line = ManifestLine(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        endedWithNewline = position < bytes.count
        position += 1
        return line
    }
}

/// One record: space-separated fields, the last of which (a path) runs to the end of the line.
struct ManifestLine {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    /// The next field as text (the record's kind).
    mutating func word() -> Substring {
        let start = position
        while position < bytes.count, bytes[position] != 0x20 { position += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if position < bytes.count { position += 1 }
        return word[...]
    }

    /// Sixteen lowercase hex digits, then a space or the end of the line.
    mutating func hex() -> UInt64? {
        var value: UInt64 = 0
        var digits = 0
        while position < bytes.count, bytes[position] != 0x20 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            guard digits < 16 else { return nil }
            value = value << 4 | UInt64(digit)
            digits += 1
            position += 1
        }
        guard digits > 0 else { return nil }
        skipSpace()
        return value
    }

    /// A decimal number, possibly negative, then a space or the end of the line.
    mutating func integer() -> Int64? {
        var negative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var value: Int64 = 0
        var digits = 0
        while position < bytes.count, bytes[position] != 0x20 {
            let byte = bytes[position]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdding) = times10.addingReportingOverflow(Int64(byte - 0x30))
            guard !overflow, !overflowAdding else { return nil }
            value = sum
            digits += 1
            position += 1
        }
        guard digits > 0 else { return nil }
        skipSpace()
        return negative ? -value : value
    }

    /// The rest of the line, unescaped unless asked not to; nil when nothing is left.
    mutating func rest(escaped: Bool = true) -> String? {
        guard position <= bytes.count else { return nil }
        let field = UnsafeBufferPointer(rebasing: bytes[position...])
        position = bytes.count
        let text = String(decoding: field, as: UTF8.self)
        return escaped && field.contains(UInt8(ascii: "\\")) ? Manifest.unescape(text) : text
    }

    private mutating func skipSpace() {
        if position < bytes.count { position += 1 }
    }
}
