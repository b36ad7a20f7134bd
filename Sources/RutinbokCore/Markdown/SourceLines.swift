/// The raw lines of a Markdown body, for the extensions that must see what the author
/// typed (table pipes, `[ ]`, `[!VIKTIGT]`) rather than what cmark made of it.
struct SourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        // Bytes, not Characters: cheaper, and a line break is one byte in UTF-8.
        lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// Line `number` (1-based) from `column` on; empty when out of range.
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
    func scalarColumn(line number: Int, byteColumn: Int) -> Int {
        guard number >= 1, number <= lines.count, byteColumn > 1 else { return max(1, byteColumn) }
        let bytes = lines[number - 1].utf8.prefix(byteColumn - 1)
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.count + 1
    }

    /// The lines a block spans, with container prefixes (indentation, `>`) removed.
    func block(from startLine: Int, to endLine: Int, column: Int) -> [Substring] {
        guard startLine >= 1, endLine >= startLine else { return [] }
        return (startLine...endLine).map { number in
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
