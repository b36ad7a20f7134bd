import Foundation

/// A text's UTF-8 bytes, searched for ASCII markup: what `TemplateChecks` looks for is ASCII,
/// so every offset found is a character boundary.
struct ByteScan {
    let text: String
    let bytes: [UInt8]

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
    }

    func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    /// Whether `pattern` (lower case) stands at `offset`, in any case.
    func hasPrefix(_ pattern: String, at offset: Int) -> Bool {
        hasPrefix(Array(pattern.utf8), at: offset)
    }

    private func hasPrefix(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
        for index in pattern.indices where Self.lower(bytes[offset + index]) != pattern[index] { return false }
        return true
    }

    /// Every offset where `pattern` (lower case) stands, in any case.
    func offsets(of pattern: String) -> [Int] {
        let pattern = Array(pattern.utf8)
        guard let first = pattern.first else { return [] }
        return bytes.indices.filter { Self.lower(bytes[$0]) == first && hasPrefix(pattern, at: $0) }
    }

    /// The bytes from `offset` while `accept` holds.
    func run(from offset: Int, while accept: (UInt8) -> Bool) -> (value: String, end: Int) {
        var end = offset
        while end < bytes.count, accept(bytes[end]) { end += 1 }
        return (String(decoding: bytes[offset..<end], as: UTF8.self), end)
    }

    private func skipSpaces(from offset: Int) -> Int {
        var offset = offset
        while offset < bytes.count, [32, 9, 10, 13].contains(bytes[offset]) { offset += 1 }
        return offset
    }

    /// A value that starts at `offset` (after spaces), in quotes or up to a space, `)`, `;`
    /// or `>`.
    func value(at offset: Int) -> (value: String, offset: Int) {
        var start = skipSpaces(from: offset)
        var quote: UInt8?
        if start < bytes.count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
            quote = bytes[start]
            start += 1
        }
        let found = run(from: start) { byte in quote.map { byte != $0 } ?? !" \t\n\r);>".utf8.contains(byte) }
        return (found.value.trimmingCharacters(in: .whitespaces), start)
    }

    /// The value after each `pattern` (`url(`, `@import`), with `url(` after `@import` read too.
    func values(after pattern: String) -> [(value: String, offset: Int)] {
        offsets(of: pattern).compactMap { offset in
            var start = skipSpaces(from: offset + pattern.utf8.count)
            if pattern == "@import", hasPrefix("url(", at: start) { return nil }   // read as a url(…)
            if hasPrefix("url(", at: start) { start += 4 }
            let found = value(at: start)
            return found.value.isEmpty ? nil : found
        }
    }

    /// The values of attributes `names` of elements `elements` (names in lower case).
    func attributeValues(of elements: Set<String>, named names: Set<String>) -> [(value: String, offset: Int)] {
        var found: [(value: String, offset: Int)] = []
        let nameByte: (UInt8) -> Bool = { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 58 || $0 == 45 }
        var offset = 0
        while offset < bytes.count {
            guard bytes[offset] == UInt8(ascii: "<") else { offset += 1; continue }
            let element = run(from: offset + 1, while: nameByte)
            offset = element.end
            guard elements.contains(element.value.lowercased()) else { continue }
            while offset < bytes.count, bytes[offset] != UInt8(ascii: ">") {
                let attribute = run(from: skipSpaces(from: offset), while: nameByte)
                guard !attribute.value.isEmpty else { offset = max(attribute.end, offset + 1); continue }
                offset = skipSpaces(from: attribute.end)
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else { continue }
                let value = value(at: offset + 1)
                if names.contains(attribute.value.lowercased()) { found.append(value) }
                offset = value.offset + value.value.utf8.count + 1
            }
        }
        return found
    }

    /// `https://…`, `http://…` or `//…`.
    static func isOtherSite(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasPrefix("//") || lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}

/// Line and column of a position in a text, counted once.
struct LineIndex {
    private let text: String
    private let starts: [String.Index]

    init(_ text: String) {
        self.text = text
        let utf8 = text.utf8
        starts = [text.startIndex] + utf8.indices.filter { utf8[$0] == UInt8(ascii: "\n") }.map { utf8.index(after: $0) }
    }

    func location(of position: String.Index, in file: String) -> SourceLocation {
        let line = (starts.lastIndex { $0 <= position } ?? 0)
        return SourceLocation(file: file, line: line + 1, column: text[starts[line]..<position].count + 1)
    }
}
