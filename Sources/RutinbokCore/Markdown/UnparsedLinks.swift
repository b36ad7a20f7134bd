import CommonMark

extension TransformPass {
    /// Text that looks like a link but is none: `[Polisanmälan](polisanmalan.md#Gör så här)`
    /// is shown as written, brackets and all, because a link's address may not have spaces.
    /// Only a text node can hold such a remnant: cmark makes a link of every one it can.
    mutating func reportUnparsedLinks() {
        for node in document.document.textNodes(containing: "](") {
            guard let literal = node.literal else { continue }
            for remnant in Self.linkRemnants(in: literal) {
                let address = remnant.address
                var notes: [String] = []
                if address.contains(" ") {
                    let hash = address.firstIndex(of: "#")
                    if let hash, address[..<hash].lowercased().hasSuffix(".md") {
                        let heading = Slug.make(String(address[address.index(after: hash)...]))
                        notes.append("skriv rubriken med bindestreck, '\(address[..<hash])#\(heading)', eller sätt adressen inom < >: '(<\(address)>)'")
                    } else {
                        notes.append("en adress får inte ha mellanslag; sätt den inom < >: '(<\(address)>)'")
                    }
                }
                let what = remnant.image ? "bild" : "länk"
                diagnostics.append(.warning(location(of: remnant.text, in: node), "'\(remnant.text)' blev ingen \(what) och visas som det står",
                                            code: "link-syntax", notes: notes))
            }
        }
    }

    /// Where `text` is written: found on the text node's line from its start, as typed (the
    /// node's literal has escapes and entities decoded, so its offsets may differ); the node's
    /// start when it is not there as typed, or when the node comes from a table cell.
    private func location(of text: Substring, in node: MarkdownNode) -> SourceLocation {
        let start = location(node)
        guard node.startLine > 0, cellOrigins[node] == nil else { return start }
        let line = lines.text(line: node.startLine, from: node.startColumn)
        guard let found = line.range(of: text) else { return start }
        let byteColumn = node.startColumn + line.utf8.distance(from: line.startIndex, to: found.lowerBound)
        return SourceLocation(file: start.file, line: start.line, column: lines.scalarColumn(line: node.startLine, byteColumn: byteColumn))
    }

    /// Each `[text](address)` in a text node's literal, in order: its whole text (with the
    /// `!` of an image), its address, and whether it is an image.
    static func linkRemnants(in literal: String) -> [(text: Substring, address: Substring, image: Bool)] {
        var remnants: [(text: Substring, address: Substring, image: Bool)] = []
        var rest = literal[...]
        while let middle = rest.range(of: "]("),
              let open = rest[..<middle.lowerBound].lastIndex(of: "["),
              let close = rest[middle.upperBound...].firstIndex(of: ")") {
            let image = open > rest.startIndex && rest[rest.index(before: open)] == "!"
            let start = image ? rest.index(before: open) : open
            remnants.append((rest[start...close], rest[middle.upperBound..<close], image))
            rest = rest[rest.index(after: close)...]
        }
        return remnants
    }
}
