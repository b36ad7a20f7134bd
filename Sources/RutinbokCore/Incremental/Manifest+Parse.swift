/// Reading a manifest back whole (tests, tools). A build reads it through `ManifestFile`,
/// which decodes a folder's block only when asked for it.
extension Manifest {
    /// nil when the text is not a complete manifest of this format (a truncated or foreign
    /// file means a full build, never a wrong one).
    static func parse(_ text: String) -> Manifest? {
        parse(bytes: Array(text.utf8))
    }

    static func parse(bytes: [UInt8]) -> Manifest? {
        ManifestFile(bytes: bytes)?.decoded()
    }
}

/// The lines of a manifest's bytes.
struct ManifestLines {
    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) {
        self.bytes = bytes
        position = start
    }

    mutating func next() -> ManifestLine? {
        guard position < bytes.count else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != 0x0A { position += 1 }
        let line = ManifestLine(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        position += 1
        return line
    }

    /// Moves on by `count` bytes (past a block); false when that leaves the bytes or does not
    /// end a line.
    mutating func skip(_ count: Int) -> Bool {
        guard count >= 0, count <= bytes.count - position, count == 0 || bytes[position + count - 1] == 0x0A else { return false }
        position += count
        return true
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

    /// Whether the next field is `word` (ASCII); moves past it when it is.
    mutating func starts(with word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard count <= bytes.count - position else { return false }
        let matches = word.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[position + $0] == expected[$0] }
        }
        guard matches, position + count == bytes.count || bytes[position + count] == 0x20 else { return false }
        position += count
        skipSpace()
        return true
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

    /// The rest of the line as raw bytes, still escaped.
    mutating func restBytes() -> UnsafeBufferPointer<UInt8> {
        defer { position = bytes.count }
        return UnsafeBufferPointer(rebasing: bytes[position...])
    }

    private mutating func skipSpace() {
        if position < bytes.count { position += 1 }
    }
}
