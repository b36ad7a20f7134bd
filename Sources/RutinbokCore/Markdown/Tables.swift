import Foundation
import CommonMark

extension TransformPass {
    /// A paragraph whose second line is a GFM delimiter row (`| --- | :---: |`) becomes a
    /// table. Cells are split on unescaped pipes from the source lines, since cmark has
    /// already turned `\|` into `|`; each cell's inline Markdown is parsed on its own.
    mutating func convertTable(_ paragraph: MarkdownNode) {
        let rows = lines.block(from: paragraph.startLine, to: paragraph.endLine, column: paragraph.startColumn)
        guard rows.count >= 2, let alignments = Self.delimiterRow(rows[1]) else { return }
        let header = Self.cells(rows[0])
        guard header.count == alignments.count else {
            diagnostics.append(.warning(location(paragraph), "this looks like a table, but the header has \(header.count) cells and the line below it \(alignments.count)", code: "table-shape"))
            return
        }
        let table = document.makeNode(.customBlock)
        table.setCustomHTML(onEnter: "<table>", onExit: "</table>")
        paragraph.insertBefore(table)
        paragraph.unlink()
        table.append(section("thead", rows: [header], cellTag: "th", alignments: alignments))
        let body = rows.dropFirst(2).map { row -> [Substring] in
            // Missing cells are empty, extra cells are dropped (as in GFM).
            let cells = Self.cells(row)
            return (0..<alignments.count).map { $0 < cells.count ? cells[$0] : "" }
        }
        if !body.isEmpty { table.append(section("tbody", rows: body, cellTag: "td", alignments: alignments)) }
    }

    private func section(_ tag: String, rows: [[Substring]], cellTag: String, alignments: [String?]) -> MarkdownNode {
        let section = document.makeNode(.customBlock)
        section.setCustomHTML(onEnter: "<\(tag)>", onExit: "</\(tag)>")
        for row in rows {
            let tr = document.makeNode(.customBlock)
            tr.setCustomHTML(onEnter: "<tr>", onExit: "</tr>")
            for (cell, alignment) in zip(row, alignments) {
                let content = document.makeNode(.customBlock)
                appendInlines(of: String(cell), to: content)
                let scope = cellTag == "th" ? " scope=\"col\"" : ""
                let align = alignment.map { " class=\"align-\($0)\"" } ?? ""
                enclose(content, open: "<\(cellTag)\(scope)\(align)>", close: "</\(cellTag)>")
                content.moveChildren(to: tr)
            }
            section.append(tr)
        }
        return section
    }

    /// Parses a cell's text and moves its inline nodes into `cell`.
    private func appendInlines(of text: String, to cell: MarkdownNode) {
        guard !text.isEmpty else { return }
        // Cells hold inline content only: keep a leading '#', '>' or '- ' from starting a block.
        var source = text
        if let first = source.first, "#>".contains(first) || (["- ", "+ ", "* "].contains { source.hasPrefix($0) }) {
            source = "\\" + source
        } else if let dot = source.firstIndex(where: { $0 == "." || $0 == ")" }), source[..<dot].allSatisfy(\.isNumber), !source[..<dot].isEmpty {
            source.insert("\\", at: dot)
        }
        let parsed = MarkdownDocument(parsing: source)
        guard let block = parsed.document.firstChild else { return }
        for child in block.children { cell.append(child) }
    }

    /// Alignments (`left`, `center`, `right` or nil) if `row` is a delimiter row.
    static func delimiterRow(_ row: Substring) -> [String?]? {
        let cells = cells(row)
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

    /// Splits a row on pipes that are not escaped; a leading and trailing pipe are optional.
    static func cells(_ row: Substring) -> [Substring] {
        var text = row.trimmingCharacters(in: .whitespaces)[...]
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|"), !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [Substring] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                // `\|` is a pipe inside the cell; any other escape stays for cmark to read.
                current += character == "|" ? "|" : "\\\(character)"
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(Substring(current.trimmingCharacters(in: .whitespaces)))
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current += "\\" }
        cells.append(Substring(current.trimmingCharacters(in: .whitespaces)))
        return cells
    }
}
