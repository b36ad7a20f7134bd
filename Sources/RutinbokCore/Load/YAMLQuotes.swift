/// Quoted texts in YAML that run over more than one line. YAML allows them, but in a
/// council's files they are almost always a closing quote left out: libyaml then reads on to
/// the next quote in the file, and reports whatever it trips over there ("wrong indentation"
/// eight lines further down), or takes the lines in between as the value. The place to look
/// is where the quote was opened.
enum YAMLQuotes {
    struct Span: Equatable {
        /// Where the opening quote is: 1-based line, column in Unicode scalars.
        var line: Int
        var column: Int
        /// The line of the quote that closes it, nil if none does.
        var closingLine: Int?
    }

    /// Every quoted text that opens on one line and does not close on it, in order.
    /// A quote opens a text only where a value can start (at the start of a line's content,
    /// after `: `, `- `, `[`, `{` or `,`); comments and block texts (`|`, `>`) are skipped.
    static func multiLineSpans(in text: String) -> [Span] {
        // Most YAML has no quote at all: the common case costs one scan for a byte, no copy.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return [] }
        let bytes = Array(text.utf8)
        var spans: [Span] = []
        var open: (quote: UInt8, span: Span)?
        var line = 1
        var column = 0                 // scalars before the current byte on its line
        var valueCanStart = true       // only spaces since a line start, ': ', '- ', '[', '{' or ','
        var inComment = false
        var blockIndent: Int?          // indentation of the line that opened a block text
        var lineIndent = 0
        var atIndent = true
        var previous: UInt8 = UInt8(ascii: "\n")
        var blockOpener = false        // the last non-space byte of the line was | or > (after ': ')
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                if let current = open, current.span.line == line, spans.last != current.span { spans.append(current.span) }
                if open == nil, blockOpener, blockIndent == nil { blockIndent = lineIndent }
                line += 1; column = 0; lineIndent = 0; atIndent = true; inComment = false; blockOpener = false
                valueCanStart = open == nil
                previous = byte; index += 1
                continue
            }
            let isContinuation = byte & 0xC0 == 0x80
            defer { if !isContinuation { column += 1 }; previous = byte; index += 1 }
            if atIndent {
                if byte == UInt8(ascii: " ") { lineIndent += 1; continue }
                atIndent = false
                if let indent = blockIndent {
                    if lineIndent > indent { inComment = true; continue }   // a line of the block text
                    blockIndent = nil
                }
            }
            if inComment { continue }
            if let current = open {
                if byte == current.quote {
                    if current.quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                        index += 1; column += 1   // '' is a quote inside single quotes
                        continue
                    }
                    if current.span.line != line, let last = spans.indices.last, spans[last] == current.span {
                        spans[last].closingLine = line
                    }
                    open = nil
                    valueCanStart = false
                } else if byte == UInt8(ascii: "\\"), current.quote == UInt8(ascii: "\""), index + 1 < bytes.count {
                    index += 1; column += 1       // an escaped character inside double quotes
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if valueCanStart { open = (byte, Span(line: line, column: column + 1, closingLine: nil)) }
                valueCanStart = false
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n"):
                inComment = true
            case UInt8(ascii: " "):
                if previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-") && valueCanStart { valueCanStart = true }
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                valueCanStart = true
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                blockOpener = valueCanStart
                valueCanStart = false
            default:
                if byte != UInt8(ascii: "-") || !valueCanStart { valueCanStart = false }
                // `|-`, `>+`, `|2`: a block text's indicators
                let isIndicator = byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte)
                if !isIndicator { blockOpener = false }
            }
        }
        return spans
    }
}
