import CommonMark

extension TransformPass {
    /// Text that looks like a link but is none: `[Polisanmälan](polisanmalan.md#Gör så här)`
    /// is shown as written, brackets and all, because a link's address may not have spaces.
    /// Only a text node can hold such a remnant: cmark makes a link of every one it can.
    mutating func reportUnparsedLinks() {
        for node in document.document.textNodes(containing: "](") {
            guard let literal = node.literal, let remnant = Self.linkRemnant(in: literal) else { continue }
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
            diagnostics.append(.warning(location(node), "'\(remnant.text)' blev ingen länk och visas som det står", code: "link-syntax", notes: notes))
        }
    }

    /// The first `[text](address)` in a text node's literal: its whole text and its address.
    static func linkRemnant(in literal: String) -> (text: Substring, address: Substring)? {
        guard let middle = literal.range(of: "]("),
              let open = literal[..<middle.lowerBound].lastIndex(of: "["),
              let close = literal[middle.upperBound...].firstIndex(of: ")") else { return nil }
        return (literal[open...close], literal[middle.upperBound..<close])
    }
}
