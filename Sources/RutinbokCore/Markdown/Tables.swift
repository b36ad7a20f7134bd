import CommonMark
import Foundation

extension TransformPass {
    /// A GFM table: a header row, a delimiter row (`| --- | :---: |`) and body rows, ending
    /// at the end of the paragraph. As in GFM, a table may interrupt a paragraph; the lines
    /// before its header stay a paragraph. Cells are split on unescaped pipes from the source
    /// lines, since cmark has already turned `\|` into `|`; each cell's inline Markdown is
    /// parsed on its own.
    ///
    /// `---` or `===` right under a table's last row makes cmark read its lines as a setext
    /// heading; as in GFM, the table ends before a `---` line, which is a thematic break, and a
    /// `===` line is a row of its own.
    mutating func convertTable(_ paragraph: MarkdownNode) {
        let underline = paragraph.kind == .heading && paragraph.endLine > paragraph.startLine ? paragraph.headingLevel : nil
        guard paragraph.kind == .paragraph || underline != nil else { return }
        // A setext heading's underline is found by its look: cmark may end the heading at the
        // line after it.
        var lastLine = paragraph.endLine
        if let level = underline {
            let mark: Character = level == 1 ? "=" : "-"
            let found = (paragraph.startLine + 1...paragraph.endLine).first { number in
                let text = lines.block(from: number, to: number, column: paragraph.startColumn).first ?? ""
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                return !trimmed.isEmpty && trimmed.allSatisfy { $0 == mark } && text.prefix { $0 == " " }.count < 4
            }
            guard let found else { return }
            lastLine = level == 2 ? found - 1 : found
        }
        // A delimiter row, never the first line, has a pipe: most paragraphs are ruled out here.
        guard lastLine > paragraph.startLine,
              lines.contains(UInt8(ascii: "|"), inLines: (paragraph.startLine + 1)...lastLine) else { return }
        let rows = lines.block(from: paragraph.startLine, to: lastLine, column: paragraph.startColumn)
        guard rows.count >= 2,
              let delimiter = (1..<rows.count).first(where: { Self.delimiterRow(rows[$0]) != nil }),
              let alignments = Self.delimiterRow(rows[delimiter]) else { return }
        let headerIndex = delimiter - 1
        let header = Self.cells(rows[headerIndex])
        guard header.count == alignments.count else {
            diagnostics.append(.warning(location(paragraph), "det här ser ut som en tabell, men rubrikraden har \(header.count) celler och raden under den \(alignments.count)", code: "table-shape"))
            return
        }
        let headerLine = paragraph.startLine + headerIndex
        let table = document.makeNode(.customBlock)
        paragraph.insertAfter(table)
        if underline == 2 { table.insertAfter(document.makeNode(.thematicBreak)) }
        if headerIndex == 0 {
            paragraph.unlink()
        } else {
            keepLines(before: headerLine, of: paragraph)
            if underline != nil {
                // The lines before the table were a heading's only because of the underline.
                let text = document.makeNode(.paragraph)
                paragraph.insertBefore(text)
                paragraph.moveChildren(to: text)
                paragraph.unlink()
            }
        }

        // Where each row starts in its line: at the paragraph's column, after the containers'
        // prefixes (`> `, a list item's indent), or further left on a lazy continuation line.
        func row(_ index: Int, _ cells: [Cell]) -> Row {
            let line = paragraph.startLine + index
            return Row(line: line, column: lines.byteColumn(of: rows[index].startIndex, line: line) ?? paragraph.startColumn, cells: cells)
        }
        var names: [String] = []
        table.append(section("thead", rows: [row(headerIndex, header)], cellTag: "th", alignments: alignments, names: &names))
        // The wrapper scrolls a table too wide for a phone sideways, instead of the page.
        table.setCustomHTML(onEnter: HTML.tableWrapper(headerCells: names) + "<table>", onExit: "</table></div>")
        let body = rows.indices.dropFirst(delimiter + 1).map { index -> Row in
            // Missing cells are empty, extra cells are dropped (as in GFM).
            let cells = Self.cells(rows[index])
            return row(index, (0..<alignments.count).map { $0 < cells.count ? cells[$0] : Cell(text: "", offset: 0) })
        }
        if !body.isEmpty { table.append(section("tbody", rows: body, cellTag: "td", alignments: alignments, names: &names)) }
    }

    struct Cell {
        var text: String
        /// Byte offset of the cell's text within its row.
        var offset: Int
        /// Byte offsets in `text` of pipes written `\|` in the row, each one byte shorter in the text.
        var escapedPipes: [Int] = []
    }

    /// A row of a table: its line in the body, the byte column (as cmark counts) where its
    /// text starts in that line, and its cells.
    struct Row {
        var line: Int
        var column: Int
        var cells: [Cell]
    }

    /// Where a table cell's own parse lies in the file, for the nodes moved in from it: cmark
    /// counts their columns in bytes of the text it parsed, which is the cell's text with
    /// some bytes put in (`inserted`, offsets in that text) and every `\|` one byte shorter.
    struct CellOrigin {
        /// The line in the body.
        var line: Int
        /// The byte column in the line where the cell's text starts.
        var column: Int
        /// Offsets of the bytes put into the parsed text that the row does not have.
        var inserted: [Int]
        var escapedPipes: [Int]

        /// The byte column in the line of byte column `parsedColumn` of the cell's parse.
        func byteColumn(_ parsedColumn: Int) -> Int {
            let parsed = max(0, parsedColumn - 1)
            let inCell = parsed - inserted.count { $0 < parsed }
            return column + inCell + escapedPipes.count { $0 < inCell }
        }
    }

    /// Removes the paragraph's inline content from `line` on (it became the table).
    private func keepLines(before line: Int, of paragraph: MarkdownNode) {
        var current = paragraph.startLine
        for child in paragraph.children {
            if child.startLine > 0 { current = child.startLine }
            if current >= line { child.unlink() }
        }
        while let last = paragraph.lastChild, last.kind == .softBreak || last.kind == .lineBreak { last.unlink() }
    }

    /// A `thead` or `tbody` of rows; the text of each cell of a `thead` is added to `names`.
    private mutating func section(_ tag: String, rows: [Row], cellTag: String,
                                  alignments: [String?], names: inout [String]) -> MarkdownNode {
        let section = document.makeNode(.customBlock)
        section.setCustomHTML(onEnter: "<\(tag)>", onExit: "</\(tag)>")
        for row in rows {
            let tr = document.makeNode(.customBlock)
            tr.setCustomHTML(onEnter: "<tr>", onExit: "</tr>")
            outlineMarks[tr] = .tableRow(header: cellTag == "th")
            for (cell, alignment) in zip(row.cells, alignments) {
                let content = document.makeNode(.customBlock)
                appendInlines(of: cell, to: content, line: row.line, column: row.column + cell.offset)
                if cellTag == "th" { names.append(content.plainText) }
                let scope = cellTag == "th" ? " scope=\"col\"" : ""
                // A date alone in a cell stays whole: Chromium breaks after a hyphen, 2026-|10-02.
                let classes = [alignment.map { "align-\($0)" }, cellTag == "td" && Self.isDate(content.plainText) ? "date" : nil].compactMap { $0 }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                enclose(content, open: "<\(cellTag)\(scope)\(attribute)>", close: "</\(cellTag)>")
                content.moveChildren(to: tr)
            }
            section.append(tr)
        }
        return section
    }

    /// Parses a cell's text and moves its inline nodes into `cell`, remembering where the
    /// cell starts (`line` in the body, byte `column` in it) so diagnostics inside it point at
    /// the right line and column.
    private mutating func appendInlines(of cellText: Cell, to cell: MarkdownNode, line: Int, column: Int) {
        let text = cellText.text
        guard !text.isEmpty else { return }
        // Cells hold inline content only: a backslash keeps what would start a block from doing it.
        var source = text
        /// Byte offsets in `source` of what is put in here, which the row does not have.
        var inserted: [Int] = []
        /// A zero-width space put first, to be taken out of the parsed text again.
        var zeroWidth = false
        if Self.startsBlock(source) {
            source = "\\" + source
            inserted = [0]
        } else if source.first == "<" {
            // `<div>` or `<!--` would start an HTML block, which takes the whole cell; after a
            // character it is inline HTML, as in GFM's cells (a backslash would show the tag).
            source = "&#8203;" + source
            inserted = Array(0..<7)
            zeroWidth = true
        } else if let dot = source.firstIndex(where: { $0 == "." || $0 == ")" }), source[..<dot].allSatisfy(\.isNumber), !source[..<dot].isEmpty {
            inserted = [source.utf8.distance(from: source.startIndex, to: dot)]
            source.insert("\\", at: dot)
        }
        // `[text][ref]` and `[ref]` need the document's definitions, which the cell's own
        // parse does not have: they follow it, and make no node.
        if source.contains("]") {
            if referenceDefinitions == nil { referenceDefinitions = Self.referenceDefinitions(in: lines) }
            // Only those the cell names: a cell's parse does not grow with the document's links.
            let lowered = source.lowercased()
            let named = (referenceDefinitions ?? []).filter { lowered.contains("[" + $0.label + "]") }.map(\.line)
            if !named.isEmpty { source += "\n\n" + named.joined(separator: "\n") }
        }
        let parsed = MarkdownDocument(parsing: source)
        guard let block = parsed.document.firstChild else { return }
        if zeroWidth, let first = block.firstChild, first.kind == .text, let literal = first.literal, literal.hasPrefix("\u{200B}") {
            if literal.unicodeScalars.count == 1 { first.unlink() } else { first.literal = String(literal.unicodeScalars.dropFirst()) }
        }
        for child in block.children {
            cell.append(child)
            cellOrigins[child] = CellOrigin(line: line, column: column, inserted: inserted, escapedPipes: cellText.escapedPipes)
        }
    }

    /// The lines of `lines` that look like link reference definitions (`[polisen]: https://…`,
    /// after indentation or a quote's `>`), with their labels in lower case.
    static func referenceDefinitions(in lines: SourceLines) -> [(label: String, line: Substring)] {
        var found: [(label: String, line: Substring)] = []
        for number in stride(from: 1, through: lines.count, by: 1) {
            let line = lines.text(line: number).drop { $0 == " " || $0 == ">" }
            guard line.first == "[", let close = line.firstIndex(of: "]"), close > line.index(after: line.startIndex),
                  line[line.index(after: close)...].hasPrefix(":") else { continue }
            found.append((String(line[line.index(after: line.startIndex)..<close]).lowercased(), line))
        }
        return found
    }

    /// Whether a cell's text, parsed as a document of its own, would start a block there: a
    /// heading, a quote, a list item (`- `, or a lone `-`, as a table's "none" often is), a
    /// thematic break (`***`, `---`), a code fence or a link reference definition. Its content
    /// was lost then (`<td><li></li></td>`); emphasis such as `*fet*` starts no block.
    static func startsBlock(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        switch first {
        case "#", ">": return true
        case "-", "+", "*", "_":
            let next = text.dropFirst().first
            if first != "_", next == nil || next == " " || next == "\t" { return true }
            return text.filter { $0 == first }.count >= 3 && text.allSatisfy { $0 == first || $0 == " " || $0 == "\t" }
        case "`", "~":
            let fence = text.prefix { $0 == first }
            // A backtick fence's info string has no backtick: "```kod```" is a code span.
            return fence.count >= 3 && (first == "~" || !text.dropFirst(fence.count).contains("`"))
        case "[":
            return text.contains("]:")
        default:
            return false
        }
    }

    /// Whether a cell's text is a date and nothing else: `2026-10-02`, or with a time,
    /// `2026-10-02 14:30`.
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        let shape = bytes.map { UInt8(ascii: "0")...UInt8(ascii: "9") ~= $0 ? UInt8(ascii: "9") : $0 }
        return shape == Array("9999-99-99".utf8) || shape == Array("9999-99-99 99:99".utf8)
    }

    /// Alignments (`left`, `center`, `right` or nil) if `row` is a delimiter row.
    static func delimiterRow(_ row: Substring) -> [String?]? {
        guard !hasNonDelimiterASCII(row) else { return nil }
        let cells = cells(row).map(\.text)
        guard !cells.isEmpty, row.contains("-"), row.contains("|") || cells.count > 1 else { return nil }
        var result: [String?] = []
        for cell in cells {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? "center" : right ? "right" : left ? "left" : nil)
        }
        return result
    }

    /// Whether the row has an ASCII character that no delimiter row has (anything but pipes,
    /// dashes, colons and white space): most lines, ruled out without splitting them into cells.
    private static func hasNonDelimiterASCII(_ row: Substring) -> Bool {
        row.utf8.contains { byte in
            byte < 0x80 && byte != UInt8(ascii: "|") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: ":")
                && byte != 0x20 && !(0x09...0x0D).contains(byte)
        }
    }

    /// Splits a row on pipes that are not escaped; a leading and trailing pipe are optional.
    static func cells(_ row: Substring) -> [Cell] {
        var offset = 0
        var text = row
        // Leading whitespace and one leading pipe are not part of any cell.
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst(); offset += 1 }
        if text.first == "|" { text = text.dropFirst(); offset += 1 }
        let trimmed = text.trimmingTrailingWhitespace
        if trimmed.hasSuffix("|"), !trimmed.hasSuffix("\\|") { text = trimmed.dropLast() }
        if text.utf8.allSatisfy({ $0 < Self.firstCombiningLeadByte }) {
            return Self.cells(ofSimpleRow: text, offset: offset)
        }
        var cells: [Cell] = []
        var current = ""
        var escapes: [Int] = []
        var start = offset
        var escaped = false
        for character in text {
            let width = character.utf8.count
            if escaped {
                // `\|` is a pipe inside the cell; any other escape stays for cmark to read.
                if character == "|" {
                    escapes.append(current.utf8.count)
                    current += "|"
                } else {
                    current += "\\\(character)"
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(Self.cell(current, at: start, escapedPipes: escapes))
                (current, escapes, start) = ("", [], offset + width)
            } else {
                current.append(character)
            }
            offset += width
        }
        if escaped { current += "\\" }
        cells.append(Self.cell(current, at: start, escapedPipes: escapes))
        return cells
    }

    /// A cell of `raw`, the text between two pipes that starts at byte `start` of the row:
    /// trimmed, its offset that of its first character that is not white space.
    private static func cell(_ raw: String, at start: Int, escapedPipes: [Int]) -> Cell {
        let leading = raw.unicodeScalars.prefix { $0.properties.isWhitespace }.reduce(0) { $0 + UTF8.width($1) }
        return Cell(text: raw.trimmed, offset: start + leading, escapedPipes: leading == 0 ? escapedPipes : escapedPipes.map { $0 - leading })
    }

    /// UTF-8 lead byte of U+0300, the first scalar that can join a character to the one
    /// before it. Text of lower scalars only (no line breaks) has one scalar per character.
    private static let firstCombiningLeadByte: UInt8 = 0xCC

    /// `cells` for text in which every character is one scalar: the same loop over bytes,
    /// since '|', '\\', ' ' and '\t' are then single bytes that are never part of another character.
    private static func cells(ofSimpleRow text: Substring, offset: Int) -> [Cell] {
        var cells: [Cell] = []
        var current: [UInt8] = []
        var escapes: [Int] = []
        var start = offset
        var escaped = false
        var offset = offset
        func finish() {
            cells.append(Self.cell(String(decoding: current, as: UTF8.self), at: start, escapedPipes: escapes))
            current.removeAll(keepingCapacity: true)
            escapes.removeAll()
        }
        for byte in text.utf8 {
            if escaped {
                // `\|` is a pipe inside the cell; any other escape stays for cmark to read.
                if byte == UInt8(ascii: "|") { escapes.append(current.count) } else { current.append(UInt8(ascii: "\\")) }
                current.append(byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "|") {
                finish()
                start = offset + 1
            } else {
                current.append(byte)
            }
            offset += 1
        }
        if escaped { current.append(UInt8(ascii: "\\")) }
        finish()
        return cells
    }
}
