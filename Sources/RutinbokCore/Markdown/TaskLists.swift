import CommonMark

extension TransformPass {
    /// `- [ ] Gör så här` becomes a checkbox the reader can tick while working through the
    /// list (nothing is saved); `[x]` starts ticked. The theme styles such items by `.task`.
    /// On the print page a box to tick with a pen is enough: ☐ or ☒.
    mutating func convertTask(_ item: MarkdownNode) {
        guard let paragraph = item.firstChild, paragraph.kind == .paragraph else { return }
        let line = lines.text(line: paragraph.startLine, from: paragraph.startColumn)
        let checked: Bool
        if line.hasPrefix("[ ] ") || line == "[ ]" { checked = false }
        else if line.hasPrefix("[x] ") || line.hasPrefix("[X] ") || line == "[x]" || line == "[X]" { checked = true }
        else { return }
        dropLeadingCharacters(3, from: paragraph)
        let (start, end) = enclose(paragraph, open: "<label class=\"task\"><input type=\"checkbox\"\(checked ? " checked" : "")> ",
                                   close: "</label>")
        if printID != nil {
            printChanges.append((start, .html(checked ? "☒ " : "☐ ")))
            printChanges.append((end, .html("")))
        }
    }
}
