/// A `BlockDiff` as HTML, shaped as the routine's page is: headings, paragraphs, lists, tables,
/// code and boxes, with deletions in `<del>` and insertions in `<ins>`. Each change carries
/// visually hidden words so that a screen reader says where it starts and ends; the CSS strikes
/// deletions through and underlines insertions, so colour is never the only sign.
enum DiffHTML {
    static func render(_ diff: BlockDiff) -> String {
        var html = open
        var start = 0
        let entries = diff.entries
        // Runs of blocks in one box (a quote, a callout), each run in its box.
        while start < entries.count {
            let box = entries[start].line.box
            var end = start
            while end < entries.count, entries[end].line.box == box { end += 1 }
            html += boxed(box, blocks(entries[start..<end]))
            start = end
        }
        return html + close
    }

    static let open = "<div class=\"diff\">\n", close = "</div>"
    static let insertionOpen = "<ins><span class=\"visually-hidden\">[Tillagt: </span>"
    /// Words at the end as well as the start: a screen reader announces where an insertion
    /// begins but not where it ends, and does not read out brackets at its usual settings.
    static let insertionClose = "<span class=\"visually-hidden\"> – slut på tillägget]</span></ins>"
    static let deletionOpen = "<del><span class=\"visually-hidden\">[Borttaget: </span>"
    static let deletionClose = "<span class=\"visually-hidden\"> – slut på det borttagna]</span></del>"

    private static func boxed(_ box: OutlineLine.Box, _ content: String) -> String {
        if let callout = box.callout {
            return "<div class=\"callout callout-\(callout.name)\" role=\"note\">\n<p class=\"callout-title\">\(callout.title)</p>\n\(content)</div>\n"
        }
        return box == .quote ? "<blockquote>\n\(content)</blockquote>\n" : content
    }

    /// How blocks group on the page: list lines into lists, table rows into tables, code lines
    /// into one `pre`; the rest stand alone.
    private enum Group: Equatable {
        case list, table, code, alone

        init(_ line: OutlineLine) {
            switch line.kind {
            case .bullet, .numbered, .task, .doneTask: self = .list
            // A paragraph or card in a list item continues it.
            case .paragraph, .contactCard: self = line.level > 0 ? .list : .alone
            case .tableHead, .tableRow: self = .table
            case .code: self = .code
            case .heading: self = .alone
            }
        }
    }

    private static func blocks(_ entries: ArraySlice<BlockDiff.Entry>) -> String {
        var html = ""
        var start = entries.startIndex
        while start < entries.endIndex {
            let group = Group(entries[start].line)
            var end = start + 1
            if group != .alone {
                while end < entries.endIndex, Group(entries[end].line) == group { end += 1 }
            }
            let run = entries[start..<end]
            switch group {
            case .list: html += list(run)
            case .table: html += table(run)
            case .code: html += "<pre><code>" + run.map { inline($0.change) }.joined(separator: "\n") + "</code></pre>\n"
            case .alone: html += alone(entries[start])
            }
            start = end
        }
        return html
    }

    private static func alone(_ entry: BlockDiff.Entry) -> String {
        let content = inline(entry.change)
        switch entry.line.kind {
        case .heading:
            // The page's own headings are h1 and h2: a routine's `##` shows one level down.
            let level = min(max(entry.line.level, 2) + 1, 6)
            return "<h\(level)>\(content)</h\(level)>\n"
        case .contactCard: return card(content) + "\n"
        default: return "<p>\(content)</p>\n"
        }
    }

    private static func card(_ content: String) -> String {
        "<p class=\"diff-card\"><span class=\"diff-card-label\">Kontaktkort:</span> \(content)</p>"
    }

    /// List lines as nested lists: each open list has an open item, and a line `level` deep
    /// closes deeper lists, then starts an item (or continues the open one) at its level.
    private static func list(_ entries: ArraySlice<BlockDiff.Entry>) -> String {
        var html = ""
        var open: [Bool] = []  // per open list: numbered
        func close(to depth: Int) {
            while open.count > depth { html += open.removeLast() ? "</li>\n</ol>\n" : "</li>\n</ul>\n" }
        }
        func openLists(to depth: Int, numbered: Bool) {
            while open.count < depth {
                let innermost = open.count == depth - 1
                let isNumbered = innermost && numbered
                html += isNumbered ? "<ol>\n" : "<ul>\n"
                open.append(isNumbered)
                if !innermost { html += "<li>" }
            }
        }
        for entry in entries {
            let line = entry.line
            let depth = max(line.level, 1)
            let content = inline(entry.change)
            guard line.kind.isItem else {
                // A paragraph or card that continues the open item at its level.
                close(to: depth)
                if open.count < depth {
                    openLists(to: depth, numbered: false)
                    html += "<li>"
                }
                html += line.kind == .contactCard ? "\n" + card(content) : "\n<p>\(content)</p>"
                continue
            }
            let numbered = line.kind == .numbered
            close(to: depth)
            if open.count == depth {
                if open[depth - 1] == numbered {
                    html += "</li>\n"
                } else {
                    close(to: depth - 1)
                }
            }
            openLists(to: depth, numbered: numbered)
            switch line.kind {
            case .numbered: html += "<li value=\"\(line.number)\">"
            case .task: html += "<li class=\"diff-task\"><span aria-hidden=\"true\">☐</span> "
            case .doneTask: html += "<li class=\"diff-task\"><span aria-hidden=\"true\">☒</span> "
            default: html += "<li>"
            }
            html += content
        }
        close(to: 0)
        return html
    }

    /// Table rows as tables: header rows in `thead`, the others in `tbody`; a header row after
    /// body rows starts another table.
    private static func table(_ entries: ArraySlice<BlockDiff.Entry>) -> String {
        var html = ""
        var section: String?
        func closeTable() {
            if let section { html += "</\(section)>\n</table></div>\n" }
            section = nil
        }
        for entry in entries {
            let header = entry.line.kind == .tableHead
            let wanted = header ? "thead" : "tbody"
            if header, section == "tbody" { closeTable() }
            if section != wanted {
                if let section { html += "</\(section)>\n" } else { html += "<div class=\"table-wrap\"><table>\n" }
                html += "<\(wanted)>\n"
                section = wanted
            }
            let cell = header ? ("<th scope=\"col\">", "</th>") : ("<td>", "</td>")
            html += "<tr>" + cells(entry.change).map { cell.0 + $0 + cell.1 }.joined() + "</tr>\n"
        }
        closeTable()
        return html
    }

    /// A block's segments: its text as it is, or the word diff of a changed block.
    private static func segments(_ change: BlockDiff.Change) -> [WordDiff.Segment] {
        switch change {
        case .equal(let text): [WordDiff.Segment(.equal, text)]
        case .deleted(let text): [WordDiff.Segment(.delete, text)]
        case .inserted(let text): [WordDiff.Segment(.insert, text)]
        case .changed(let segments): segments
        }
    }

    static func inline(_ change: BlockDiff.Change) -> String {
        segments(change).map(marked).joined()
    }

    /// A table row's cells (apart by tabs in its text); a deleted or inserted tab between
    /// cells still parts them, so a column dropped or added shows as a cell of its own.
    static func cells(_ change: BlockDiff.Change) -> [String] {
        var cells = [""]
        for segment in segments(change) {
            for (index, part) in segment.text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { cells.append("") }
                cells[cells.count - 1] += marked(WordDiff.Segment(segment.operation, String(part)))
            }
        }
        return cells
    }

    /// A segment escaped, in the marks of its operation. A changed space is shown as it now
    /// is: marks around nothing would confuse.
    private static func marked(_ segment: WordDiff.Segment) -> String {
        let text = escaped(segment.text)
        guard segment.operation != .equal else { return text }
        let blank = segment.text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
        switch segment.operation {
        case .equal, .insert where blank: return text
        case .delete where blank: return ""
        case .insert: return insertionOpen + text + insertionClose
        case .delete: return deletionOpen + text + deletionClose
        }
    }

    /// `HTML.escape`, or the text itself when it has nothing to escape, as most blocks have
    /// not: found on the bytes, without breaking the text into Characters.
    private static func escaped(_ text: String) -> String {
        let special = text.utf8.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        return special ? HTML.escape(text) : text
    }
}
