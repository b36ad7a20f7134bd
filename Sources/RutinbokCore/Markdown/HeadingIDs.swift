import Foundation
import CommonMark

extension TransformPass {
    /// Gives every heading an id, as Zola does: explicit `{#id}` ids are reserved first,
    /// then the rest are slugs of their text, numbered -1, -2 when taken.
    mutating func assignHeadingIDs() {
        let nodes = document.document.descendantsAndSelf(ofKinds: [.heading])
        var taken: Set<String> = []
        /// The number to try first for each slug: restarting at 1 for each repeat made many
        /// headings of one text cost the square of their number.
        var nextNumber: [String: Int] = [:]
        var explicit: [MarkdownNode: String] = [:]
        for node in nodes {
            guard let id = takeExplicitID(node) else { continue }
            if !Slug.isValid(id) {
                diagnostics.append(.warning(location(node), "rubrikens id '\(id)' innehåller annat än a–z, 0–9 och '-'; det används som '\(Slug.make(id))'", code: "heading-id"))
            }
            let slug = Slug.make(id)
            if taken.contains(slug) {
                diagnostics.append(.error(location(node), "rubrikens id '\(slug)' används två gånger på sidan", code: "duplicate-heading-id"))
            }
            taken.insert(slug)
            explicit[node] = slug
        }
        // The routine's title is the page's h1: the text's headings start at ##.
        var previousLevel = 1
        for node in nodes {
            let text = node.plainText.trimmed
            let level = node.headingLevel
            if level > 1, level > previousLevel + 1 {
                let written = String(repeating: "#", count: level), expected = String(repeating: "#", count: previousLevel + 1)
                let before = previousLevel == 1 ? "ingen rubrik med ## står före den" : "rubriken före den har \(String(repeating: "#", count: previousLevel))"
                diagnostics.append(.warning(location(node), "rubriken '\(text)' är skriven med \(written), men \(before); skriv den med \(expected)", code: "heading-skip",
                                            notes: ["en skärmläsare visar rubrikerna som en innehållsförteckning, och en nivå som saknas ser ut som en del som saknas"]))
            }
            if level > 1 { previousLevel = level }
            var id = explicit[node] ?? ""
            if id.isEmpty {
                let slug = Slug.make(text)
                let base = slug.isEmpty ? "rubrik" : slug
                id = base
                var number = nextNumber[base] ?? 1
                while taken.contains(id) { id = "\(base)-\(number)"; number += 1 }
                nextNumber[base] = number
                taken.insert(id)
            }
            headings.append(.init(id: id, text: text, level: level, location: location(node)))
            let replacement = document.makeNode(.customBlock)
            node.insertBefore(replacement)
            node.moveChildren(to: replacement)
            node.unlink()
            outlineMarks[replacement] = .heading(level)
            let (start, end) = enclose(replacement, open: "<h\(level) id=\"\(id)\">", close: "</h\(level)>")
            if let routine = printID {
                // Under the page's phase (h2) and routine (h3) headings.
                let printLevel = min(level + 2, 6)
                printChanges.append((start, .html("<h\(printLevel) id=\"\(PrintAnchors.heading(id, in: routine))\">")))
                printChanges.append((end, .html("</h\(printLevel)>")))
            }
        }
    }

    /// Strips a trailing `{#id}` from the heading's text and returns the id.
    private func takeExplicitID(_ heading: MarkdownNode) -> String? {
        guard let last = heading.lastChild, last.kind == .text, let literal = last.literal,
              literal.hasSuffix("}"), let open = literal.range(of: "{#", options: .backwards) else { return nil }
        let id = String(literal[open.upperBound..<literal.index(before: literal.endIndex)])
        guard !id.isEmpty, !id.contains(" ") else { return nil }
        let rest = literal[..<open.lowerBound].replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        if rest.isEmpty { last.unlink() } else { last.literal = rest }
        return id
    }
}
