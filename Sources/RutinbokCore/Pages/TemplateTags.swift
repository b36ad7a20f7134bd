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

    static func all(in text: String) -> [TemplateTag] {
        var tags: [TemplateTag] = []
        var lineStart = text.startIndex
        var position = text.startIndex
        while let open = text[position...].range(of: "{{") {
            if let lineBreak = text[position..<open.lowerBound].lastIndex(of: "\n") {
                lineStart = text.index(after: lineBreak)
            }
            let triple = text[open.upperBound...].hasPrefix("{")
            guard let close = text[open.upperBound...].range(of: triple ? "}}}" : "}}") else { break }
            var inner = text[open.upperBound..<close.lowerBound]
            var sigil: Character?
            if let first = inner.first, "#^/>!&{=<$%".contains(first) {
                sigil = first
                inner = inner.dropFirst()
            }
            if sigil == "=" { inner = inner.dropLast() }
            let lineEnd = text[close.upperBound...].firstIndex(of: "\n") ?? text.endIndex
            while inner.first?.isSpaceOrTab == true { inner = inner.dropFirst() }
            while inner.last?.isSpaceOrTab == true { inner = inner.dropLast() }
            tags.append(TemplateTag(sigil: sigil, name: inner, range: open.lowerBound..<close.upperBound,
                                    line: lineStart..<lineEnd))
            position = close.upperBound
        }
        return tags
    }
}

extension Character {
    var isSpaceOrTab: Bool { self == " " || self == "\t" }
}
