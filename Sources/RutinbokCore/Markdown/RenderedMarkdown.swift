/// A routine body rendered once, plus what the check and page stages need to know about it.
///
/// The HTML does not depend on the council, so a base routine is rendered once for all
/// councils. The only council-specific parts, contact details, are left as markers that
/// `html(contact:)` fills in per council.
public struct RenderedMarkdown: Sendable {
    /// HTML with a marker `\u{1}<index>\u{1}` where contact `contacts[index]` goes.
    public var template: String
    /// The same for the print page, when it was asked for (see `MarkdownRenderer.render`).
    public var printTemplate: String?
    public var headings: [Heading]
    public var links: [RoutineLink]
    public var contacts: [ContactReference]
    /// The text without markup, one block per line: for search and readability.
    public var text: String
    /// LIX and its parts, measured on `text`.
    public var readability: Readability
    public var diagnostics: [Diagnostic]

    public struct Heading: Sendable, Hashable {
        public var id: String
        public var text: String
        public var level: Int
        public var location: SourceLocation
    }

    /// A link to another routine (`x.md`, `x.md#rubrik`) or to a heading on the same page (`#rubrik`).
    public struct RoutineLink: Sendable, Hashable {
        /// Routine id, or nil for the same page.
        public var routine: String?
        /// Folded anchor, or nil.
        public var anchor: String?
        /// What the author wrote.
        public var written: String
        public var location: SourceLocation
    }

    public struct ContactReference: Sendable, Hashable {
        public enum Style: Sendable { case inline, card }
        public var id: String
        public var style: Style
        public var location: SourceLocation
    }

    static let marker: Character = "\u{1}"
    /// `marker` in UTF-8.
    static let markerByte: UInt8 = 0x01

    /// The final HTML, with each contact reference replaced by `contact(reference)`.
    public func html(print: Bool = false, contact: (ContactReference) -> String) -> String {
        let template = print ? (printTemplate ?? self.template) : self.template
        guard !contacts.isEmpty else { return template }
        // Split on the marker byte, not on Characters: this runs for every page of every council.
        var result = ""
        result.reserveCapacity(template.utf8.count + contacts.count * 200)
        let bytes = template.utf8
        var start = bytes.startIndex
        var inMarker = false
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == 0x01 {
                let piece = template[start..<index]
                if inMarker {
                    if let number = Int(piece), contacts.indices.contains(number) { result += contact(contacts[number]) }
                } else {
                    result += piece
                }
                inMarker.toggle()
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        result += template[start...]
        return result
    }
}
