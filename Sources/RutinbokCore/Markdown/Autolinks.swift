import CommonMark

/// Web and e-mail addresses written out in the text (`www.polisen.se`,
/// `https://www.1177.se/…`, `sakerhet@exempelby.example`) become links, as GitHub's Markdown
/// (GFM's "extended autolinks"), Hugo and most editors make them: a reader on a phone can tap
/// them. Plain CommonMark only links addresses written in `<…>`.
///
/// The rules are GFM's, as its reference implementation (cmark-gfm's `autolink.c`) applies
/// them: where an address may start and end, which domains count, and which characters at
/// the end (`.`, `,`, `)` without its `(` …) are the sentence's, not the address's.
enum Autolinks {
    struct Address: Equatable {
        /// Byte offsets in the text.
        var range: Range<Int>
        var href: String
    }

    /// The addresses in `text`, in order. `startsAfterBoundary`: whether an address may start
    /// at the text's first byte (the text begins its block or follows white space or `*`,
    /// `_`, `~`, `(`), as one may after those within it.
    static func addresses(in text: [UInt8], startsAfterBoundary: Bool) -> [Address] {
        var found: [Address] = []
        var index = 0
        /// Where the last address ended: an e-mail address's name may not reach back past it.
        var free = 0
        /// An `@` before this cannot begin an e-mail address's domain: the run of domain
        /// characters after it holds another `@` (found once for the run, not for each `@`).
        var noAddressBefore = 0
        while index < text.count {
            let byte = text[index]
            let afterBoundary = index == 0 ? startsAfterBoundary : isBoundary(text[index - 1])
            if byte == UInt8(ascii: "w"), afterBoundary, let end = www(text, at: index) {
                found.append(Address(range: index..<end, href: "http://" + string(text[index..<end])))
                index = end
                free = end
            } else if byte == UInt8(ascii: ":"), let (start, end) = url(text, colon: index, from: free) {
                found.append(Address(range: start..<end, href: string(text[start..<end])))
                index = end
                free = end
            } else if byte == UInt8(ascii: "@"), index >= noAddressBefore, let (address, end) = email(text, at: index, from: free, noAddressBefore: &noAddressBefore) {
                // Written with its scheme, the address keeps it.
                let written = address - 7 >= free && text[(address - 7)..<address].elementsEqual("mailto:".utf8)
                let start = written ? address - 7 : address
                found.append(Address(range: start..<end, href: (written ? "" : "mailto:") + string(text[start..<end])))
                index = end
                free = end
            } else {
                index += 1
            }
        }
        return found
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B }
    private static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isAlpha(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) }
    private static func isBoundary(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "(") }

    /// `www.` and a domain, then anything up to white space or `<`.
    private static func www(_ text: [UInt8], at start: Int) -> Int? {
        guard text.count - start >= 4, text[start..<(start + 4)].elementsEqual("www.".utf8),
              let domainEnd = domain(text, from: start, allowShort: false) else { return nil }
        return delimit(text, start: start, end: extend(text, from: domainEnd))
    }

    /// `http://`, `https://` or `ftp://` (any case; the scheme ends at `colon`) and a domain.
    private static func url(_ text: [UInt8], colon: Int, from free: Int) -> (Int, Int)? {
        guard text.count - colon >= 4, text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > free, isAlpha(text[start - 1]) { start -= 1 }
        let scheme = string(text[start..<colon]).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), isHostCharacter(text, at: colon + 3),
              let domainEnd = domain(text, from: colon + 3, allowShort: true) else { return nil }
        guard let end = delimit(text, start: colon, end: extend(text, from: domainEnd)), end > colon + 3 else { return nil }
        return (start, end)
    }

    /// A name of letters, digits and `.+-_` before the `@`, a domain with a dot after it. The
    /// domain's run may hold another `@`, which makes every `@` of the run before the last no
    /// address: `noAddressBefore` moves to the last one.
    private static func email(_ text: [UInt8], at: Int, from free: Int, noAddressBefore: inout Int) -> (Int, Int)? {
        var start = at
        while start > free {
            let byte = text[start - 1]
            if isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                start -= 1
                continue
            }
            // Part of a path or a web address, not an e-mail address.
            if byte == UInt8(ascii: "/") { return nil }
            break
        }
        guard start < at else { return nil }
        var end = at, ats = 0, dots = 0, lastAt = at
        while end < text.count {
            let byte = text[end]
            if isAlphanumeric(byte) {
            } else if byte == UInt8(ascii: "@") {
                ats += 1
                lastAt = end
            } else if byte == UInt8(ascii: "."), end + 1 < text.count, isAlphanumeric(text[end + 1]) {
                dots += 1
            } else if byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") {
                break
            }
            end += 1
        }
        if ats > 1 { noAddressBefore = lastAt }
        let length = end - at
        guard length >= 2, ats == 1, dots > 0, isAlpha(text[end - 1]) || text[end - 1] == UInt8(ascii: ".") else { return nil }
        guard let delimited = delimit(text, start: at, end: end), delimited > at else { return nil }
        return (start, delimited)
    }

    /// Where the domain starting at `start` ends: segments of letters, digits, `-` and `_`
    /// apart by dots, no `_` in the last two segments, and (unless `allowShort`) at least one dot.
    /// As in cmark-gfm, the text's last character is never looked at here (so `www.` at the
    /// very end is no address); the address then runs on to white space anyway.
    private static func domain(_ text: [UInt8], from start: Int, allowShort: Bool) -> Int? {
        var index = start + 1
        var dots = 0, underscoresBefore = 0, underscores = 0
        while index < text.count - 1 {
            let byte = text[index]
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if byte != UInt8(ascii: "-"), !isHostCharacter(text, at: index) {
                break
            }
            index += 1
        }
        guard underscoresBefore == 0, underscores == 0, allowShort || dots > 0 else { return nil }
        return index
    }

    /// A letter or digit of any script: not white space, not punctuation.
    private static func isHostCharacter(_ text: [UInt8], at index: Int) -> Bool {
        let byte = text[index]
        if byte < 0x80 { return isAlphanumeric(byte) }
        var iterator = text[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .spaceSeparator, .lineSeparator, .paragraphSeparator, .control:
            return false
        default:
            return true
        }
    }

    /// An address runs on to white space or `<`.
    private static func extend(_ text: [UInt8], from index: Int) -> Int {
        var end = index
        while end < text.count, !isSpace(text[end]), text[end] != UInt8(ascii: "<") { end += 1 }
        return end
    }

    /// The end of the address without what belongs to the sentence: `?!.,:*_~'"` at the
    /// end, an entity-like `&amp;`, a `)` with no `(` in the address. Nil when nothing is left.
    private static func delimit(_ text: [UInt8], start: Int, end: Int) -> Int? {
        var end = end
        // Counted once, and kept as the end moves: counting again for each `)` cost the
        // square of a run of them.
        var opening = 0, closing = 0
        for byte in text[start..<end] {
            if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
        }
        func drop(to newEnd: Int) {
            for byte in text[newEnd..<end] {
                if byte == UInt8(ascii: "(") { opening -= 1 } else if byte == UInt8(ascii: ")") { closing -= 1 }
            }
            end = newEnd
        }
        while end > start {
            let last = text[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                drop(to: end - 1)
            } else if last == UInt8(ascii: ";") {
                var entity = end - 2
                while entity > start, isAlpha(text[entity]) { entity -= 1 }
                drop(to: entity < end - 2 && text[entity] == UInt8(ascii: "&") ? entity : end - 1)
            } else if last == UInt8(ascii: ")") {
                guard closing > opening else { break }
                drop(to: end - 1)
            } else {
                break
            }
        }
        return end > start ? end : nil
    }
}

extension TransformPass {
    /// Makes the addresses in the document's text links (`Autolinks`); text in links and
    /// images is left as it is.
    mutating func linkAddresses() {
        for node in document.document.descendantsAndSelf(ofKinds: [.text]) {
            guard let literal = node.literal else { continue }
            let bytes = Array(literal.utf8)
            // Every address has one of these.
            guard bytes.contains(where: { $0 == UInt8(ascii: "w") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "@") }) else { continue }
            var ancestor = node.parent
            var inLink = false
            while let block = ancestor, !inLink {
                inLink = block.kind == .link || block.kind == .image
                ancestor = block.parent
            }
            guard !inLink else { continue }
            let addresses = Autolinks.addresses(in: bytes, startsAfterBoundary: Self.startsAfterBoundary(node))
            guard !addresses.isEmpty else { continue }
            var done = 0
            for address in addresses {
                if address.range.lowerBound > done { node.insertBefore(textNode(bytes[done..<address.range.lowerBound])) }
                let link = document.makeNode(.customInline)
                link.setCustomHTML(onEnter: "<a class=\"address\" href=\"\(Self.hrefAttribute(address.href))\">", onExit: "</a>")
                link.append(textNode(bytes[address.range]))
                node.insertBefore(link)
                done = address.range.upperBound
            }
            if done < bytes.count { node.literal = String(decoding: bytes[done...], as: UTF8.self) } else { node.unlink() }
        }
    }

    private func textNode(_ bytes: ArraySlice<UInt8>) -> MarkdownNode {
        let text = document.makeNode(.text)
        text.literal = String(decoding: bytes, as: UTF8.self)
        return text
    }

    /// Whether an address may start at the text node's first character: it begins its block,
    /// table cell or line, or follows emphasis, whose last character is `*` or `_`.
    private static func startsAfterBoundary(_ node: MarkdownNode) -> Bool {
        guard let previous = node.previous else {
            // The first text in emphasis follows its `*` or `_`; in a cell, the cell's start.
            return true
        }
        switch previous.kind {
        case .softBreak, .lineBreak, .emphasis, .strong: return true
        // A table cell's start (`Tables`) or a checklist item's box (`TaskLists`): the text
        // begins there.
        case .customInline:
            return previous.customHTMLOnEnter(startsWith: "<td") || previous.customHTMLOnEnter(startsWith: "<th")
                || previous.customHTMLOnEnter(startsWith: "<label")
        default: return false
        }
    }

    /// The address as an `href` attribute's value, as cmark writes one (`houdini_escape_href`):
    /// the characters URLs may hold as they are (`&` and `'` as entities), other bytes
    /// percent-encoded.
    static func hrefAttribute(_ href: String) -> String {
        let safe = Set("-_.!~*();/?:@=+$,#%[]".utf8)
        let hex = Array("0123456789ABCDEF".utf8)
        var escaped: [UInt8] = []
        for byte in href.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped += "&amp;".utf8
            case UInt8(ascii: "'"): escaped += "&#x27;".utf8
            case _ where byte < 0x80 && ((byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || safe.contains(byte)):
                escaped.append(byte)
            default: escaped += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
