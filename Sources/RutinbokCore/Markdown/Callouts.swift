import CommonMark
import Foundation

extension TransformPass {
    /// Callout kinds and their Swedish titles; GitHub's English names map onto them.
    static let calloutKinds: [String: (kind: String, title: String)] = [
        "VIKTIGT": ("viktigt", "Viktigt"), "IMPORTANT": ("viktigt", "Viktigt"),
        "TIPS": ("tips", "Tips"), "TIP": ("tips", "Tips"),
        "OBS": ("obs", "Obs"), "NOTE": ("obs", "Obs"),
        "VARNING": ("varning", "Varning"), "WARNING": ("varning", "Varning"), "CAUTION": ("varning", "Varning"),
    ]

    /// `> [!VIKTIGT]` on the first line of a block quote makes it a callout box.
    mutating func convertCallout(_ quote: MarkdownNode) {
        guard let paragraph = quote.firstChild, paragraph.kind == .paragraph else { return }
        let line = lines.text(line: paragraph.startLine, from: paragraph.startColumn)
        guard line.hasPrefix("[!"), let close = line.firstIndex(of: "]") else { return }
        let name = line[line.index(line.startIndex, offsetBy: 2)..<close]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter }) else { return }
        guard let callout = Self.calloutKinds[name.uppercased()] else {
            diagnostics.append(.warning(location(paragraph), "okänd ruta '[!\(name)]'; den visas som ett citat", code: "unknown-callout",
                                        notes: ["rutor: [!VIKTIGT], [!TIPS], [!OBS], [!VARNING]"]))
            return
        }
        dropLeadingCharacters(name.count + 3, from: paragraph)
        if paragraph.firstChild == nil { paragraph.unlink() }
        let box = document.makeNode(.customBlock)
        box.setCustomHTML(onEnter: "<div class=\"callout callout-\(callout.kind)\" role=\"note\">\n<p class=\"callout-title\">\(callout.title)</p>",
                          onExit: "</div>")
        quote.insertBefore(box)
        quote.moveChildren(to: box)
        quote.unlink()
    }
}
