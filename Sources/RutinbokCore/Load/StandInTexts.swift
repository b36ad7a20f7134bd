import Foundation

/// The stand-in texts `rutinbok new routine` writes for the editor to replace, and the check
/// that none is published: a routine that still says "Första steget." is not finished.
enum StandInTexts {
    static let summary = "En mening om vad rutinen är till för."
    static let introduction = "Skriv en eller två meningar om när rutinen gäller."
    static let steps = ["Första steget.", "Andra steget."]

    /// Stand-ins left in a council routine's summary or text. Only council routines are
    /// looked at: `new routine` writes nowhere else.
    static func find(summary: Located<String>?, body: String, bodyLine: Int, layer: Routine.Layer, file: String) -> [Diagnostic] {
        guard case .council = layer else { return [] }
        var diagnostics: [Diagnostic] = []
        if let summary, summary.value == Self.summary {
            diagnostics.append(unfinished(summary.value, at: summary.location))
        }
        for text in [introduction] + steps {
            for (line, column) in lines(of: text, in: body) {
                diagnostics.append(unfinished(text, at: SourceLocation(file: file, line: bodyLine + line, column: column)))
            }
        }
        return diagnostics.sorted { $0.location.line < $1.location.line }
    }

    private static func unfinished(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error(location, "rutinen har kvar texten '\(text)' som 'rutinbok new routine' skrev; byt den mot rutinens egen text",
               code: "unfinished-routine")
    }

    /// Where `text` makes up a whole line of `body` but for a list marker or indentation: the
    /// line (0 for the body's first) and column of each. Found with `memchr` and `memcmp`, as
    /// this runs over every council routine a build loads.
    static func lines(of text: String, in body: String) -> [(line: Int, column: Int)] {
        var body = body
        return body.withUTF8 { bytes -> [(Int, Int)] in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
            var found: [(Int, Int)] = []
            let needle = Array(text.utf8)
            var from = 0
            while let start = firstOffset(of: needle, in: base, count: bytes.count, from: from) {
                from = start + needle.count
                let lineStart = bytes[..<start].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                let lineEnd = bytes[from...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let before = bytes[lineStart..<start], after = bytes[from..<lineEnd]
                guard after.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }),
                      isMarker(before) else { continue }
                let line = bytes[..<lineStart].count { $0 == UInt8(ascii: "\n") }
                found.append((line, start - lineStart + 1))
            }
            return found
        }
    }

    private static func firstOffset(of needle: [UInt8], in base: UnsafePointer<UInt8>, count: Int, from: Int) -> Int? {
        var at = from
        while count - at >= needle.count, let hit = memchr(base + at, Int32(needle[0]), count - at - needle.count + 1) {
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, needle, needle.count) == 0 { return offset }
            at = offset + 1
        }
        return nil
    }

    /// Indentation, optionally followed by a list marker ("1.", "1)", "-", "*", "+") and a space.
    private static func isMarker(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var rest = bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if rest.isEmpty { return true }
        if let first = rest.first, [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(first) {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            guard !digits.isEmpty, let mark = rest.dropFirst(digits.count).first,
                  mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")") else { return false }
            rest = rest.dropFirst(digits.count + 1)
        }
        return !rest.isEmpty && rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
