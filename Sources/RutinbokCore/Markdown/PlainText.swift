import CommonMark

/// What a transform made of a node, for the outline of the text (`OutlineLine`): the walk
/// over the finished tree could not otherwise tell a heading or a table row from the other
/// custom blocks.
enum OutlineMark {
    case heading(Int)
    case tableRow(header: Bool)
    case box(OutlineLine.Box)
    case task(done: Bool)
    case card(contact: String)
}

extension TransformPass {
    /// Text for search and readability, one line per block (a table row's cells apart by a
    /// tab), and what each line is (`OutlineLine`).
    func plainTextAndOutline() -> (text: String, outline: [OutlineLine]) {
        var text = ""
        var outline: [OutlineLine] = []
        /// Whether the line being written has its entry in the outline.
        var lineHasEntry = false
        /// The list items whose first line is written: their later lines continue them.
        var startedItems: Set<MarkdownNode> = []

        func breakLine() {
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            lineHasEntry = false
        }
        /// What the line that `node` starts is, worked out from the blocks it stands in.
        func entry(for node: MarkdownNode) -> OutlineLine {
            var kind: OutlineLine.Kind?
            var startsItem: OutlineLine.Kind?
            var headingLevel = 0, lists = 0, number = 0
            var box = OutlineLine.Box.none
            var innermostItem = true
            var current: MarkdownNode? = node
            while let block = current {
                switch block.kind {
                case .codeBlock where kind == nil: kind = .code
                case .blockQuote where box == .none: box = .quote
                case .item:
                    lists += 1
                    // The item's first line: its own text, or a table or code it starts with.
                    if innermostItem, kind == nil || kind == .code || kind == .tableHead || kind == .tableRow, !startedItems.contains(block) {
                        var item = OutlineLine.Kind.bullet
                        if case .task(let done)? = outlineMarks[block] {
                            item = done ? .doneTask : .task
                        } else if let list = block.parent, list.isOrderedList {
                            item = .numbered
                            var previous = block.previous
                            number = list.listStart
                            while let sibling = previous { number += 1; previous = sibling.previous }
                        }
                        if kind == nil { kind = item } else { startsItem = item }
                    }
                    innermostItem = false
                    startedItems.insert(block)
                case .customBlock:
                    switch outlineMarks[block] {
                    case .heading(let level)? where kind == nil:
                        kind = .heading
                        headingLevel = level
                    case .tableRow(let header)? where kind == nil: kind = header ? .tableHead : .tableRow
                    case .box(let callout)? where box == .none: box = callout
                    default: break
                    }
                default: break
                }
                current = block.parent
            }
            let found = kind ?? .paragraph
            // The cache keeps a level in a byte: a fresh render gives what it would read back.
            return OutlineLine(found, level: found == .heading ? headingLevel : min(lists, 255), box: box, number: number, startsItem: startsItem)
        }
        /// Text for the line being written; a `separator` is a table row's tab between cells.
        func add(_ piece: String, at node: MarkdownNode, separator: Bool = false) {
            guard !piece.isEmpty else { return }
            // A line break or tab in a text node (`&#10;`, `&#9;`) would start a line or a
            // cell the outline does not have: a space, as in any run of text.
            var piece = piece
            if !separator, textMayBreakLines, piece.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                piece = String(String.UnicodeScalarView(piece.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
            }
            if !lineHasEntry {
                outline.append(entry(for: node))
                lineHasEntry = true
            }
            text += piece
        }

        let kinds: [MarkdownNode.Kind] = [.text, .code, .codeBlock, .softBreak, .lineBreak, .paragraph, .heading, .customBlock, .item, .customInline]
        for node in document.document.descendantsAndSelf(ofKinds: kinds) {
            switch node.kind {
            case .text, .code: add(node.literal ?? "", at: node)
            case .customInline:
                // A table row's cells are inlines of one block (`Tables`): a tab before each
                // cell but the first keeps "Trafik" after "Bakgrundsljud?" another cell, not
                // the same word, and lets a comparison show the row as cells.
                if node.previous != nil, node.customHTMLOnEnter(startsWith: "<td") || node.customHTMLOnEnter(startsWith: "<th") {
                    add("\t", at: node, separator: true)
                }
            case .codeBlock:
                breakLine()
                // Every line of the code is a line of the text, empty ones too.
                var lines = (node.literal ?? "").split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last?.isEmpty == true { lines.removeLast() }
                for line in lines {
                    outline.append(entry(for: node))
                    text += line
                    text += "\n"
                }
                lineHasEntry = false
            case .softBreak, .lineBreak: add(" ", at: node)
            case .customBlock:
                breakLine()
                if case .card(let contact)? = outlineMarks[node] {
                    // A card has no line of text: its entry carries its contact.
                    var card = entry(for: node)
                    card.kind = .contactCard
                    card.contact = contact
                    outline.append(card)
                }
            case .paragraph, .heading, .item: breakLine()
            default: break
            }
        }
        return (text, outline)
    }
}
