import Foundation

/// The raw lines of a Markdown body, for the extensions that must see what the author
/// typed (table pipes, `[ ]`, `[!VIKTIGT]`) rather than what cmark made of it.
struct SourceLines {
    private let lines: [Substring]
    /// The last column worked out (`scalarColumn`): line, bytes counted, scalars among them.
    private let lastColumn = LastColumn()

    private final class LastColumn {
        var value: (line: Int, byte: Int, count: Int)?
    }

    init(_ text: String) {
        // Bytes, not Characters: cheaper, and a line break is one byte in UTF-8.
        var text = text
        let offsets = text.withUTF8 { Self.lineBreakOffsets(in: $0) }
        var lines: [Substring] = []
        lines.reserveCapacity(offsets.count + 1)
        let utf8 = text.utf8
        var start = utf8.startIndex
        for offset in offsets {
            let end = utf8.index(utf8.startIndex, offsetBy: offset)
            lines.append(text[start..<end])
            start = utf8.index(after: end)
        }
        lines.append(text[start...])
        self.lines = lines
    }

    /// Byte offsets of every `\n`, found with `memchr`.
    private static func lineBreakOffsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var offsets: [Int] = []
        guard let base = bytes.baseAddress else { return offsets }
        var offset = 0
        while offset < bytes.count,
              let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            offsets.append(position)
            offset = position + 1
        }
        return offsets
    }

    /// Line `number` (1-based) from `column` on; empty when out of range.
    var count: Int { lines.count }

    func text(line number: Int, from column: Int = 1) -> Substring {
        guard number >= 1, number <= lines.count else { return "" }
        let line = lines[number - 1].trimmingTrailingWhitespace
        let offset = max(0, column - 1)
        guard offset <= line.utf8.count,
              let start = line.utf8.index(line.startIndex, offsetBy: offset, limitedBy: line.endIndex) else { return "" }
        return line[start...]
    }

    /// cmark counts columns in bytes; diagnostics count characters (Unicode scalars, as
    /// libyaml does), so that `hände` is 5 columns wide, not 6.
    ///
    /// Counted on from the last column asked for on the same line, when it lies before: the
    /// nodes of a line are located in order, and counting each from the line's start cost the
    /// square of a long line's links.
    func scalarColumn(line number: Int, byteColumn: Int) -> Int {
        guard number >= 1, number <= lines.count, byteColumn > 1 else { return max(1, byteColumn) }
        let line = lines[number - 1].utf8
        var (byte, count) = (0, 0)
        if let last = lastColumn.value, last.line == number, last.byte <= byteColumn - 1 { (byte, count) = (last.byte, last.count) }
        let end = min(byteColumn - 1, line.count)
        // Every scalar starts with one byte that is not a continuation byte (10xxxxxx); a
        // scalar cut off at the end still counts as one, as decoding would repair it.
        for unit in line.dropFirst(byte).prefix(end - byte) where unit & 0xC0 != 0x80 { count += 1 }
        lastColumn.value = (number, max(byte, end), count)
        return count + 1
    }

    /// The byte column (1-based, as cmark counts) at which `index`, a position in the text of
    /// line `number` (a slice `text(line:)` or `block` returned), lies; nil for another text.
    func byteColumn(of index: Substring.Index, line number: Int) -> Int? {
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        guard line.startIndex <= index, index <= line.endIndex else { return nil }
        return line.utf8.distance(from: line.startIndex, to: index) + 1
    }

    /// Whether any of the lines `numbers` (1-based; those out of range are skipped) contains `byte`.
    func contains(_ byte: UInt8, inLines numbers: ClosedRange<Int>) -> Bool {
        numbers.contains { number in
            number >= 1 && number <= lines.count && lines[number - 1].utf8.contains(byte)
        }
    }

    /// The lines a block spans, with container prefixes (indentation, `>`) removed.
    func block(from startLine: Int, to endLine: Int, column: Int) -> [Substring] {
        guard startLine >= 1, endLine >= startLine else { return [] }
        return (startLine...endLine).map { number in
            // The block's first line starts at its column, after whatever opened its
            // containers there (`- `, `1. `, `> `).
            if number == startLine { return text(line: number, from: column) }
            let full = text(line: number)
            let prefix = full.utf8.prefix(max(0, column - 1))
            if prefix.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\t") }) {
                return text(line: number, from: column)
            }
            // A lazy continuation line: take it without its indentation.
            return full.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        }
    }
}
