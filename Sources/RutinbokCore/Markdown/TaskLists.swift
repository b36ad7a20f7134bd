import CommonMark

extension TransformPass {
    /// What the page says above a list with checkboxes: a reader who ticks boxes would
    /// otherwise expect to find them ticked when they come back.
    static let taskHint = "<p class=\"hint task-hint\">Kryssa för det du har gjort. Kryssen sparas inte när du lämnar sidan.</p>\n"

    /// `- [ ] Gör så här` becomes a checkbox the reader can tick while working through the
    /// list (nothing is saved, which a hint above the list says); `[x]` starts ticked. The theme
    /// styles such items by `.task`. On the print page a box to tick with a pen is enough:
    /// ☐ or ☒ in a `span.task-box`, hidden from screen readers, and no hint. cmark writes the
    /// `<li>` itself, so the theme finds a task's item by its first child (`li:has(> .task)`,
    /// `li:has(> .task-box)`) to take away its bullet.
    mutating func convertTask(_ item: MarkdownNode) {
        guard let paragraph = item.firstChild, paragraph.kind == .paragraph else { return }
        let line = lines.text(line: paragraph.startLine, from: paragraph.startColumn)
        // The box, then a space or a tab (or nothing) as in GFM.
        let box = line.prefix(3), after = line.dropFirst(3).first
        guard after == nil || after == " " || after == "\t" else { return }
        let checked: Bool
        switch box {
        case "[ ]": checked = false
        case "[x]", "[X]": checked = true
        default: return
        }
        dropLeadingCharacters(3, from: paragraph)
        outlineMarks[item] = .task(done: checked)
        let (start, end) = enclose(paragraph, open: "<label class=\"task\"><input type=\"checkbox\"\(checked ? " checked" : "")> ",
                                   close: "</label>")
        if printID != nil {
            printChanges.append((start, .html("<span class=\"task-box\" aria-hidden=\"true\">\(checked ? "☒" : "☐")</span> ")))
            printChanges.append((end, .html("")))
        }
        if let list = item.parent, !hintedTaskLists.contains(list) {
            hintedTaskLists.insert(list)
            let hint = document.makeNode(.customBlock)
            hint.setCustomHTML(onEnter: Self.taskHint)
            list.insertBefore(hint)
            if printID != nil { printChanges.append((hint, .html(""))) }
        }
    }
}
