/// Splits a routine file into its YAML front matter and Markdown body.
struct FrontMatter: Equatable {
    var yaml: String
    /// Lines before the YAML text (the opening `---`).
    var yamlLineOffset: Int
    var body: String
    /// Line in the file where the body starts.
    var bodyLine: Int

    enum Problem: Error, Equatable {
        /// The file does not start with `---`.
        case missing
        /// `---` opens a block that no `---` closes.
        case unclosed
    }

    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        // Line by line over UTF-8 until the closing marker; the body is then the rest of the
        // text as it is, without splitting and joining it again.
        let text = text.withUnixLineEndings
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = text[lineStart..<lineEnd].trimmingTrailingWhitespace
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            lineNumber += 1
            if lineNumber == 1 {
                guard line == "---" else { return .failure(.missing) }
                yamlStart = next
            } else if line == "---" || line == "..." {
                let yamlEnd = lineStart > yamlStart! ? bytes.index(before: lineStart) : lineStart
                return .success(FrontMatter(yaml: String(text[yamlStart!..<yamlEnd]), yamlLineOffset: 1,
                                            body: String(text[next...]), bodyLine: lineNumber + 1))
            }
            if lineEnd == bytes.endIndex { break }
            lineStart = next
        }
        return lineNumber == 0 ? .failure(.missing) : .failure(.unclosed)
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        // Most lines end in neither: then no last character can be one of them.
        guard let lastByte = utf8.last,
              lastByte == UInt8(ascii: " ") || lastByte == UInt8(ascii: "\t") || lastByte == UInt8(ascii: "\r") else { return self }
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
