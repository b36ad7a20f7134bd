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
        var lines = text.withUnixLineEndings.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingWhitespace == "---" else { return .failure(.missing) }
        lines = lines.dropFirst()
        var yaml: [Substring] = []
        while let line = lines.first {
            lines = lines.dropFirst()
            if line.trimmingTrailingWhitespace == "---" || line.trimmingTrailingWhitespace == "..." {
                return .success(FrontMatter(
                    yaml: yaml.joined(separator: "\n"),
                    yamlLineOffset: 1,
                    body: lines.joined(separator: "\n"),
                    bodyLine: yaml.count + 3
                ))
            }
            yaml.append(line)
        }
        return .failure(.unclosed)
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var end = endIndex
        while end > startIndex, let last = self[..<end].last, last == " " || last == "\t" || last == "\r" {
            end = index(before: end)
        }
        return self[..<end]
    }
}
