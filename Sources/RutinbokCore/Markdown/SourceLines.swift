/// The raw lines of a Markdown body, for the extensions that must see what the author
/// typed (table pipes, `[ ]`, `[!VIKTIGT]`) rather than what cmark made of it.
struct SourceLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
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
