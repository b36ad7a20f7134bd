/// A word diff as HTML: the Markdown source in paragraphs (a blank line starts a new one,
/// a line break stays a line break), deletions in `<del>`, insertions in `<ins>`. Each change
/// carries visually hidden words so that a screen reader says where it starts and ends; the
/// CSS strikes deletions through and underlines insertions, so colour is never the only sign.
enum DiffHTML {
    static func render(_ segments: [WordDiff.Segment]) -> String {
        PlainDiffHTML.render(segments) ?? renderStrings(segments)
    }

    /// What wraps the diff, a paragraph, a line break and each change: shared by both renderers.
    static let open = "<div class=\"diff\">\n", close = "\n</div>"
    static let paragraphOpen = "<p>", paragraphClose = "</p>", paragraphSeparator = "\n"
    static let lineBreak = "<br>\n"
    static let insertionOpen = "<ins><span class=\"visually-hidden\">[Tillagt: </span>"
    /// Words at the end as well as the start: a screen reader announces where an insertion
    /// begins but not where it ends, and does not read out brackets at its usual settings.
    static let insertionClose = "<span class=\"visually-hidden\"> – slut på tillägget]</span></ins>"
    static let deletionOpen = "<del><span class=\"visually-hidden\">[Borttaget: </span>"
    static let deletionClose = "<span class=\"visually-hidden\"> – slut på det borttagna]</span></del>"

    /// `render` on Strings and Characters, for any text: the reference for `PlainDiffHTML`.
    static func renderStrings(_ segments: [WordDiff.Segment]) -> String {
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
        return open + paragraphs.map { paragraphOpen + $0 + paragraphClose }.joined(separator: paragraphSeparator) + close
    }

    /// A paragraph's trailing line breaks would show as empty lines.
    private static func finish(_ paragraph: inout String, into paragraphs: inout [String]) {
        while paragraph.hasSuffix(lineBreak) { paragraph.removeLast(lineBreak.count) }
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
        case .insert: return insertionOpen + body + insertionClose
        case .delete: return deletionOpen + body + deletionClose
        }
    }

    private static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { HTML.escape(String($0)) }.joined(separator: lineBreak)
    }
}
