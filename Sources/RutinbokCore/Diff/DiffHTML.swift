/// A `BlockDiff` as HTML, shaped as the routine's page is: headings, paragraphs, lists, tables,
/// code and boxes, with deletions in `<del>` and insertions in `<ins>`. Each change carries
/// visually hidden words so that a screen reader says where it starts and ends; the CSS strikes
/// deletions through and underlines insertions, so colour is never the only sign.
struct DiffHTML {
    /// What a contact card shows of a contact id ("Säkerhetssamordnare, Ingrid Inbillad").
    let contactName: (String) -> String

    static func render(_ diff: BlockDiff, contactName: @escaping (String) -> String = { $0 }) -> String {
        DiffHTML(contactName: contactName).render(diff)
    }

    static let open = "<div class=\"diff\">\n", close = "</div>"
    static let insertionOpen = "<ins><span class=\"visually-hidden\">[Tillagd text: </span>"
    /// Words at the end as well as the start: a screen reader announces where an insertion
    /// begins but not where it ends, and does not read out brackets at its usual settings.
    static let insertionClose = "<span class=\"visually-hidden\"> – slut på tillagd text]</span></ins>"
    static let deletionOpen = "<del><span class=\"visually-hidden\">[Borttagen text: </span>"
    static let deletionClose = "<span class=\"visually-hidden\"> – slut på borttagen text]</span></del>"

    func render(_ diff: BlockDiff) -> String {
        var html = Self.open
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
        return html + Self.close
    }

    private func boxed(_ box: OutlineLine.Box, _ content: String) -> String {
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
            // A paragraph, card, table or code in a list item continues it.
            case .paragraph, .contactCard: self = line.level > 0 ? .list : .alone
            case .tableHead, .tableRow: self = line.level > 0 ? .list : .table
            case .code: self = line.level > 0 ? .list : .code
            case .heading: self = .alone
            }
        }
    }

    private func blocks(_ entries: ArraySlice<BlockDiff.Entry>) -> String {
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
            case .code: html += code(run)
            case .alone: html += alone(entries[start])
            }
            start = end
        }
        return html
    }

    private func code(_ entries: ArraySlice<BlockDiff.Entry>) -> String {
        "<pre><code>" + entries.map { inline($0.change) }.joined(separator: "\n") + "</code></pre>\n"
    }

    private func alone(_ entry: BlockDiff.Entry) -> String {
        switch entry.line.kind {
        case .heading:
            // The page's own headings are h1 and h2: a routine's `##` shows one level down.
            let level = min(max(entry.line.level, 2) + 1, 6)
            return "<h\(level)>\(heading(entry.change))</h\(level)>\n"
        case .contactCard: return card(entry.change) + "\n"
        default: return "<p>\(inline(entry.change))</p>\n"
        }
    }

    /// A heading's content. One added or removed whole says so in a few words: a screen
    /// reader's list of headings reads them all.
    private func heading(_ change: BlockDiff.Change) -> String {
        let hidden = { (words: String) in "<span class=\"visually-hidden\">\(words)</span>" }
        switch change {
        case .inserted(let text): return "<ins>" + hidden("[Ny rubrik: ") + HTML.escape(text) + hidden("]") + "</ins>"
        case .deleted(let text): return "<del>" + hidden("[Borttagen rubrik: ") + HTML.escape(text) + hidden("]") + "</del>"
        case .equal, .changed: return inline(change)
        }
    }

    /// A contact card: which contact's details the routine shows there. A card added or removed
    /// is marked whole, its label with it.
    private func card(_ change: BlockDiff.Change) -> String {
        let label = "<span class=\"diff-card-label\">Kontaktuppgifter:</span> "
        switch change {
        case .equal(let id): return "<p class=\"diff-card\">\(label)\(HTML.escape(contactName(id)))</p>"
        case .deleted(let id): return "<p class=\"diff-card\">\(Self.deletionOpen)\(label)\(HTML.escape(contactName(id)))\(Self.deletionClose)</p>"
        case .inserted(let id): return "<p class=\"diff-card\">\(Self.insertionOpen)\(label)\(HTML.escape(contactName(id)))\(Self.insertionClose)</p>"
        // Cards are never paired (`BlockDiff.pair`): a changed one cannot come; shown as the new one.
        case .changed(let segments):
            return card(.equal(segments.filter { $0.operation != .delete }.map(\.text).joined()))
        }
    }

    /// List lines as nested lists: each open list has an open item, and a line `level` deep
    /// closes deeper lists, then starts an item (or continues the open one) at its level.
    private func list(_ entries: ArraySlice<BlockDiff.Entry>) -> String {
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
        /// Closes deeper lists and the open item at `depth`, then opens an item of `kind`
        /// there (in a new list when the open one is of the other kind), with its box unless
        /// the caller puts it inside the item's marks.
        func startItem(_ kind: OutlineLine.Kind, depth: Int, number: Int, box: Bool = true) {
            let numbered = kind == .numbered
            close(to: depth)
            if open.count == depth {
                if open[depth - 1] == numbered {
                    html += "</li>\n"
                } else {
                    close(to: depth - 1)
                }
            }
            openLists(to: depth, numbered: numbered)
            switch kind {
            case .numbered: html += "<li value=\"\(number)\">"
            case .task, .doneTask: html += "<li class=\"diff-task\">" + (box ? Self.box(kind) : "")
            default: html += "<li>"
            }
        }
        var index = entries.startIndex
        while index < entries.endIndex {
            let entry = entries[index]
            let line = entry.line
            let depth = max(line.level, 1)
            index += 1
            guard line.kind.isItem else {
                if let item = line.startsItem {
                    // A table or code that an item starts with: the item begins here.
                    startItem(item, depth: depth, number: line.number)
                } else {
                    // A paragraph, card, table or code that continues the open item at its level.
                    close(to: depth)
                    if open.count < depth {
                        openLists(to: depth, numbered: false)
                        html += "<li>"
                    }
                }
                switch line.kind {
                case .contactCard: html += "\n" + card(entry.change)
                case .tableHead, .tableRow, .code:
                    // The lines of one table or code block, together.
                    let isCode = line.kind == .code
                    var end = index
                    while end < entries.endIndex, entries[end].line.level == line.level, entries[end].line.startsItem == nil,
                          [.tableHead, .tableRow, .code].contains(entries[end].line.kind), (entries[end].line.kind == .code) == isCode { end += 1 }
                    let run = entries[(index - 1)..<end]
                    html += "\n" + (isCode ? code(run) : table(run))
                    index = end
                default: html += "\n<p>\(inline(entry.change))</p>"
                }
                continue
            }
            switch line.kind {
            case .task, .doneTask:
                // The box to tick is part of an item added or removed whole.
                startItem(line.kind, depth: depth, number: line.number, box: false)
                html += inline(entry.change, prefix: Self.box(line.kind))
            default:
                startItem(line.kind, depth: depth, number: line.number)
                html += inline(entry.change)
            }
        }
        close(to: 0)
        return html
    }

    /// A checklist item's box, ☐ or ☒, hidden from screen readers.
    private static func box(_ kind: OutlineLine.Kind) -> String {
        "<span aria-hidden=\"true\">\(kind == .task ? "☐" : "☒")</span> "
    }

    /// Table rows as tables: header rows in `thead`, the others in `tbody`. A header row after
    /// body rows, or a row with another number of cells (a column added or dropped: such rows
    /// are never paired, see `BlockDiff.Shape`), starts another table. A table that is wider
    /// than the screen scrolls in its wrapper, which takes keyboard focus and is named by its
    /// header row.
    private func table(_ entries: ArraySlice<BlockDiff.Entry>) -> String {
        var html = ""
        var section: String?
        var width = 0
        func closeTable() {
            if let section { html += "</\(section)>\n</table></div>\n" }
            section = nil
        }
        for entry in entries {
            let header = entry.line.kind == .tableHead
            let cells = cells(entry.change)
            if section != nil, (header && section == "tbody") || cells.count != width { closeTable() }
            let wanted = header ? "thead" : "tbody"
            if section == nil {
                let names = header ? Self.text(of: entry.change).split(separator: "\t", omittingEmptySubsequences: false) : []
                html += HTML.tableWrapper(headerCells: names) + "<table>\n"
            } else if section != wanted {
                html += "</\(section!)>\n"
            }
            if section != wanted { html += "<\(wanted)>\n" }
            section = wanted
            width = cells.count
            let cell = header ? ("<th scope=\"col\">", "</th>") : ("<td>", "</td>")
            html += "<tr>" + cells.map { cell.0 + $0 + cell.1 }.joined() + "</tr>\n"
        }
        closeTable()
        return html
    }


    /// A block's text as the new version has it (the old one, for a deleted block).
    private static func text(of change: BlockDiff.Change) -> String {
        switch change {
        case .equal(let text), .deleted(let text), .inserted(let text): text
        case .changed(let segments): segments.filter { $0.operation != .delete }.map(\.text).joined()
        }
    }

    /// A block's segments: its text as it is, or the word diff of a changed block.
    private func segments(_ change: BlockDiff.Change) -> [WordDiff.Segment] {
        switch change {
        case .equal(let text): [WordDiff.Segment(.equal, text)]
        case .deleted(let text): [WordDiff.Segment(.delete, text)]
        case .inserted(let text): [WordDiff.Segment(.insert, text)]
        case .changed(let segments): segments
        }
    }

    /// A block's content. `prefix` (HTML) goes inside the marks of a block added or removed
    /// whole, before them otherwise.
    func inline(_ change: BlockDiff.Change, prefix: String = "") -> String {
        switch change {
        case .deleted(let text): Self.deletionOpen + prefix + HTML.escape(text) + Self.deletionClose
        case .inserted(let text): Self.insertionOpen + prefix + HTML.escape(text) + Self.insertionClose
        case .equal, .changed: prefix + marked(segments(change))
        }
    }

    /// A table row's cells (apart by tabs in its text).
    func cells(_ change: BlockDiff.Change) -> [String] {
        var cells: [[WordDiff.Segment]] = [[]]
        for segment in segments(change) {
            for (index, part) in segment.text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { cells.append([]) }
                cells[cells.count - 1].append(WordDiff.Segment(segment.operation, String(part)))
            }
        }
        return cells.map(marked)
    }

    /// Segments escaped, each change in the marks of its operation. White space at the ends of
    /// a change stays outside its marks, and a changed space is shown as it now is (marks
    /// around nothing would confuse). Between words deleted and the words that replace them,
    /// a line may break.
    private func marked(_ segments: [WordDiff.Segment]) -> String {
        var html = ""
        for (index, segment) in segments.enumerated() {
            guard segment.operation != .equal else {
                html += HTML.escape(segment.text)
                continue
            }
            // Spaces, tabs and line breaks at the ends, found on the bytes.
            let utf8 = segment.text.utf8
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
            let start = utf8.firstIndex { !isSpace($0) } ?? utf8.endIndex
            guard start < utf8.endIndex else {
                if segment.operation == .insert { html += segment.text }
                continue
            }
            let end = utf8.index(after: utf8.lastIndex { !isSpace($0) }!)
            let text = segment.text
            let (open, close) = segment.operation == .insert ? (Self.insertionOpen, Self.insertionClose) : (Self.deletionOpen, Self.deletionClose)
            html += text[..<start] + open + HTML.escape(String(text[start..<end])) + close + text[end...]
            if segment.operation == .delete, end == utf8.endIndex, index + 1 < segments.count, segments[index + 1].operation == .insert,
               segments[index + 1].text.utf8.first.map(isSpace) == false {
                html += "<wbr>"
            }
        }
        return html
    }
}
