import CommonMark
import Foundation

extension TransformPass {
    /// Callout kinds by the names an author writes; GitHub's English names map onto them.
    static let calloutKinds: [String: OutlineLine.Box] = [
        "VIKTIGT": .viktigt, "IMPORTANT": .viktigt, "TIPS": .tips, "TIP": .tips, "OBS": .obs, "NOTE": .obs,
        "VARNING": .varning, "WARNING": .varning, "CAUTION": .varning,
    ]

    /// `> [!VIKTIGT]` on the first line of a block quote makes it a callout box.
    mutating func convertCallout(_ quote: MarkdownNode) {
        guard let paragraph = quote.firstChild, paragraph.kind == .paragraph else { return }
        let line = lines.text(line: paragraph.startLine, from: paragraph.startColumn)
        guard line.hasPrefix("[!"), let close = line.firstIndex(of: "]") else { return }
        let name = line[line.index(line.startIndex, offsetBy: 2)..<close]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter }) else { return }
        guard let box = Self.calloutKinds[name.uppercased()], let callout = box.callout else {
            let close = Suggestions.closest(to: name.uppercased(), in: ["VIKTIGT", "TIPS", "OBS", "VARNING"])
            diagnostics.append(.warning(location(paragraph), "okänd ruta '[!\(name)]'; den visas som ett citat", code: "unknown-callout",
                                        notes: (close.map { [Suggestions.meant("[!\($0)]")] } ?? []) + ["rutor: [!VIKTIGT], [!TIPS], [!OBS], [!VARNING]"]))
            return
        }
        let at = location(paragraph)
        dropLeadingCharacters(name.count + 3, from: paragraph)
        if paragraph.firstChild == nil { paragraph.unlink() }
        // A box of its title alone: its text was likely written below it without the '>'.
        if quote.firstChild == nil {
            diagnostics.append(.warning(at, "rutan '[!\(name)]' har ingen text; den visas som en tom ruta", code: "empty-callout",
                                        notes: ["skriv rutans text på raderna under, med '>' först på varje rad"]))
        }
        let container = document.makeNode(.customBlock)
        container.setCustomHTML(onEnter: "<div class=\"callout callout-\(callout.name)\" role=\"note\">\n<p class=\"callout-title\">\(callout.title)</p>",
                                onExit: "</div>")
        outlineMarks[container] = .box(box)
        quote.insertBefore(container)
        quote.moveChildren(to: container)
        quote.unlink()
    }
}
