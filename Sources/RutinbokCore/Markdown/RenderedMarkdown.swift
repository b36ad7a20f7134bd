/// A routine body rendered once, plus what the check and page stages need to know about it.
///
/// The HTML does not depend on the council, so a base routine is rendered once for all
/// councils. The only council-specific parts, contact details, are left as markers that
/// `html(contact:)` fills in per council.
public struct RenderedMarkdown: Sendable {
    /// HTML with a marker `\u{1}<index>\u{1}` where contact `contacts[index]` goes.
    public var template: String
    public var headings: [Heading]
    public var links: [RoutineLink]
    public var contacts: [ContactReference]
    /// The text without markup, one block per line: for search and readability.
    public var text: String
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

    /// The final HTML, with each contact reference replaced by `contact(reference)`.
    public func html(contact: (ContactReference) -> String) -> String {
        guard !contacts.isEmpty else { return template }
        var result = ""
        result.reserveCapacity(template.utf8.count + contacts.count * 200)
        var parts = template.split(separator: Self.marker, omittingEmptySubsequences: false)[...]
        result += parts.removeFirst()
        while let index = parts.popFirst() {
            if let number = Int(index), contacts.indices.contains(number) { result += contact(contacts[number]) }
            if let text = parts.popFirst() { result += text }
        }
        return result
    }
}
