/// A word diff as HTML: the Markdown source in paragraphs (a blank line starts a new one,
/// a line break stays a line break), deletions in `<del>`, insertions in `<ins>`. Each change
/// carries visually hidden words so that a screen reader says where it starts and ends; the
/// CSS strikes deletions through and underlines insertions, so colour is never the only sign.
enum DiffHTML {
    static func render(_ segments: [WordDiff.Segment]) -> String {
        var paragraphs: [String] = []
        var current = ""
        for segment in segments {
            for (index, piece) in paragraphPieces(segment.text).enumerated() {
                if index > 0 {
                    finish(&current, into: &paragraphs)
                }
                current += html(piece, segment.operation, startOfParagraph: current.isEmpty)
            }
        }
        finish(&current, into: &paragraphs)
        return "<div class=\"diff\">\n" + paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n") + "\n</div>"
    }

    /// A paragraph's trailing line breaks would show as empty lines.
    private static func finish(_ paragraph: inout String, into paragraphs: inout [String]) {
        while paragraph.hasSuffix("<br>\n") { paragraph.removeLast("<br>\n".count) }
        if !paragraph.isEmpty { paragraphs.append(paragraph) }
        paragraph = ""
    }

    /// The text cut at each paragraph break: a run of white space with two or more line breaks.
    static func paragraphPieces(_ text: String) -> [String] {
        var pieces = [""]
        for token in WordDiff.tokens(text) {
            // Bytes, not Characters: this runs over the text of every adapted routine.
            if token.utf8.first.map({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) == true,
               token.utf8.lazy.filter({ $0 == 0x0A }).count >= 2 {
                pieces.append("")
            } else {
                pieces[pieces.count - 1] += token
            }
        }
        return pieces
    }

    private static func html(_ text: String, _ operation: WordDiff.Operation, startOfParagraph: Bool) -> String {
        var text = text
        if startOfParagraph { text = String(text.drop { $0.isWhitespace }) }
        let body = lines(text)
        let blank = text.allSatisfy(\.isWhitespace)
        switch operation {
        case .equal: return body
        // A changed line break or space is shown as it now is; markers around nothing would confuse.
        case .insert where blank: return body
        case .delete where blank: return ""
        case .insert:
            return "<ins><span class=\"visually-hidden\">[Tillagt: </span>\(body)<span class=\"visually-hidden\">]</span></ins>"
        case .delete:
            return "<del><span class=\"visually-hidden\">[Borttaget: </span>\(body)<span class=\"visually-hidden\">]</span></del>"
        }
    }

    private static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { HTML.escape(String($0)) }.joined(separator: "<br>\n")
    }
}
