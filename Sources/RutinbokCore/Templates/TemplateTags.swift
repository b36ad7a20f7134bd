/// The tags of a Mustache template, with where they stand on their line: enough for the
/// checks of what frames can stand for (`TemplateFrames.canFrame`, `ListFraming`). Only the
/// default delimiters are read; a template that changes them is never framed.
struct TemplateTag {
    /// `#`, `^`, `/`, `>`, `!`, `&`, `{`, `=`, `<`, `$`, `%`, or nil for a variable.
    let sigil: Character?
    /// The name as written, with its transforms: `empty(contacts)`.
    let name: Substring
    let range: Range<String.Index>
    /// The line the tag is on, without its line break.
    let line: Range<String.Index>

    /// The names written as `name(` in the tag: its transforms.
    var transforms: [Substring] {
        var names: [Substring] = []
        var start = name.startIndex
        for index in name.indices where name[index] == "(" {
            let transform = name[start..<index].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            names.append(name[name.index(index, offsetBy: -transform.count)..<index])
            start = name.index(after: index)
        }
        return names
    }

    /// Sigils of tags that stand alone on a line when nothing but white space is beside them;
    /// such a line leaves no trace in the output.
    static let standaloneSigils: Set<Character> = ["#", "^", "/", "!", ">", "=", "<", "$", "%"]

    /// The white space before the tag on its line, when nothing else is.
    func indentation(in text: String) -> Substring? {
        let before = text[line.lowerBound..<range.lowerBound]
        return before.allSatisfy(\.isSpaceOrTab) ? before : nil
    }

    /// Whether the tag is alone on its line, with nothing but white space beside it.
    func isStandalone(in text: String) -> Bool {
        guard let sigil, Self.standaloneSigils.contains(sigil), indentation(in: text) != nil else { return false }
        return text[range.upperBound..<line.upperBound].allSatisfy(\.isSpaceOrTab)
    }

    /// Every tag, found on the UTF-8 bytes: the delimiters, braces and line breaks are ASCII,
    /// so every offset found is a character boundary of the text.
    static func all(in text: String) -> [TemplateTag] {
        let utf8 = text.utf8
        let bytes = Array(utf8)
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            var offset = start
            while offset + pattern.count <= bytes.count {
                if bytes[offset] == pattern[0], bytes[offset..<offset + pattern.count].elementsEqual(pattern) { return offset }
                offset += 1
            }
            return nil
        }
        let open: [UInt8] = Array("{{".utf8), close: [UInt8] = Array("}}".utf8), closeTriple: [UInt8] = Array("}}}".utf8)
        let newline = UInt8(ascii: "\n")
        var tags: [TemplateTag] = []
        var lineStart = 0
        var position = 0
        while let start = find(open, from: position) {
            if let lineBreak = bytes[position..<start].lastIndex(of: newline) { lineStart = lineBreak + 1 }
            let triple = start + 2 < bytes.count && bytes[start + 2] == UInt8(ascii: "{")
            guard let end = find(triple ? closeTriple : close, from: start + 2) else { break }
            let closeEnd = end + (triple ? 3 : 2)
            var inner = text[index(start + 2)..<index(end)]
            var sigil: Character?
            if let first = inner.first, "#^/>!&{=<$%".contains(first) {
                sigil = first
                inner = inner.dropFirst()
            }
            if sigil == "=" { inner = inner.dropLast() }
            let lineEnd = bytes[closeEnd...].firstIndex(of: newline) ?? bytes.count
            while inner.first?.isSpaceOrTab == true { inner = inner.dropFirst() }
            while inner.last?.isSpaceOrTab == true { inner = inner.dropLast() }
            tags.append(TemplateTag(sigil: sigil, name: inner, range: index(start)..<index(closeEnd),
                                    line: index(lineStart)..<index(lineEnd)))
            position = closeEnd
        }
        return tags
    }
}

extension Character {
    var isSpaceOrTab: Bool { self == " " || self == "\t" }
}
