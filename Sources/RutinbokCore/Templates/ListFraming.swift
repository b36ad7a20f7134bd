/// Whether a theme's lists may be framed item by item (`FrameLevel`): its templates must
/// render a list section from the section's text exactly as from the template it is part
/// of, and must not be able to tell a list from the lambda that stands for it in a frame.
///
/// swift-mustache hands a lambda the raw text of its section, which `TemplateFrames`
/// parses on its own. That text parses to the same template except where a line is read as
/// standing alone differently: the section's first line, which begins a template of its own,
/// and a last line of only white space, which ends one. A template that has either is not
/// framed by list; nor is one that uses blocks, parents or pragmas, or one with an indented
/// partial, whose indentation swift-mustache repeats on every line of the partial's output.
/// What a single section or list could tell apart is checked for it alone.
struct ListFraming: Sendable {
    /// Names a template transforms other than by `empty` in a section tag (`count(list)`):
    /// a list of such a name stays in the shape, since a lambda has no count.
    let transformed: Set<String>

    /// Nil when the templates may not be framed by list.
    init?(_ texts: some Sequence<String>) {
        var transformed: Set<String> = []
        for text in texts {
            guard let names = Self.transformedNames(text) else { return nil }
            transformed.formUnion(names)
        }
        self.transformed = transformed
    }

    /// A number as the text swift-mustache shows for it, where no template transforms its
    /// name: then it is a text of the shape rather than part of it, and a page that shows
    /// counts shares its frames with pages that show other counts.
    func shownAsText(_ value: TemplateValue, key: String) -> TemplateValue {
        switch value {
        case .number(let number) where !transformed.contains(key): .text(String(describing: number))
        case .decimal(let number) where !transformed.contains(key): .text(String(describing: number))
        default: value
        }
    }

    /// Whether a list section's text renders the same for an item framed on its own: it
    /// reads neither the current object (`{{.}}`, `{{.name}}`) nor the item's place in
    /// the list (`{{#first()}}`), both of which differ there.
    static func framesSection(_ text: String) -> Bool {
        TemplateTag.all(in: text).allSatisfy { tag in
            tag.sigil == "!" || (!tag.name.hasPrefix(".") && !tag.name.contains("()"))
        }
    }

    private static func transformedNames(_ text: String) -> Set<String>? {
        let tags = TemplateTag.all(in: text)
        var open: [TemplateTag] = []
        var transformed: Set<String> = []
        for (index, tag) in tags.enumerated() {
            if let sigil = tag.sigil, "<$%=".contains(sigil) { return nil }
            if !tag.transforms.isEmpty, tag.sigil != "!" {
                let inSection = tag.sigil.map { "#^/".contains($0) } ?? false
                if !(inSection && tag.transforms.allSatisfy({ $0 == "empty" })), let open = tag.name.lastIndex(of: "(") {
                    // The innermost argument, and each part of a dotted one.
                    let argument = tag.name[tag.name.index(after: open)...].prefix { $0 != ")" }
                    transformed.formUnion(argument.split(separator: ".").map(String.init))
                }
            }
            switch tag.sigil {
            case "#", "^":
                open.append(tag)
                if !tag.isStandalone(in: text), firstLineStandsAlone(after: tag, next: tags.dropFirst(index + 1), in: text) {
                    return nil
                }
            case "/":
                guard let section = open.popLast() else { return nil }
                let lastLineStart = max(tag.line.lowerBound, section.range.upperBound)
                let lastLine = text[lastLineStart..<tag.range.lowerBound]
                if !lastLine.isEmpty, lastLine.allSatisfy(\.isSpaceOrTab) { return nil }
            case ">":
                if tag.isStandalone(in: text), tag.indentation(in: text)?.isEmpty == false { return nil }
            default:
                break
            }
        }
        return open.isEmpty ? transformed : nil
    }
    /// Whether the first line of a section, parsed as a template of its own, is a tag alone
    /// on its line: what follows the opening tag on its line is one tag that can stand alone,
    /// with nothing but white space beside it, up to the line's end or the section's.
    private static func firstLineStandsAlone(after tag: TemplateTag, next: ArraySlice<TemplateTag>, in text: String) -> Bool {
        guard let following = next.first, following.range.lowerBound < tag.line.upperBound,
              let sigil = following.sigil, TemplateTag.standaloneSigils.contains(sigil),
              text[tag.range.upperBound..<following.range.lowerBound].allSatisfy(\.isSpaceOrTab) else { return false }
        if let after = next.dropFirst().first, after.range.lowerBound < tag.line.upperBound {
            // Another tag on the line: the line ends there only if that tag may close the section.
            return after.sigil == "/" && text[following.range.upperBound..<after.range.lowerBound].allSatisfy(\.isSpaceOrTab)
        }
        return text[following.range.upperBound..<tag.line.upperBound].allSatisfy(\.isSpaceOrTab)
    }
}
