/// What one line of a rendered body's plain text (`RenderedMarkdown.text`) is on the page: a
/// heading, a list item, a table row … So a routine's text can be shown block by block without
/// its Markdown syntax, as the portal's change pages do (`BlockDiff`).
///
/// A body's outline has one entry per line of its text, in order, plus an entry for each
/// contact card, which has no line there (its `contact` is what it shows).
public struct OutlineLine: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, CaseIterable {
        case paragraph, heading, bullet, numbered, task, doneTask, tableHead, tableRow, code, contactCard

        /// The first line of a list item.
        public var isItem: Bool { self == .bullet || self == .numbered || self == .task || self == .doneTask }
    }

    /// The box a line stands in: a block quote or one of the callouts (`> [!VIKTIGT]`).
    public enum Box: UInt8, Sendable, CaseIterable {
        case none, quote, viktigt, tips, obs, varning

        /// A callout's name, as its class on the page has it (`callout-viktigt`), and its title.
        public var callout: (name: String, title: String)? {
            switch self {
            case .none, .quote: nil
            case .viktigt: ("viktigt", "Viktigt")
            case .tips: ("tips", "Tips")
            case .obs: ("obs", "Obs")
            case .varning: ("varning", "Varning")
            }
        }
    }

    public var kind: Kind
    /// A heading's level (1–6); on other lines, how many lists the line is in (0: none), so a
    /// paragraph with a level above 0 continues a list item.
    public var level: Int
    public var box: Box
    /// The number of a numbered item (`3.`); 0 on other lines.
    public var number: Int
    /// A contact card's contact id, `[…](kontakt:sakerhetssamordnare)`: the card shows that
    /// contact's details, not the link's text.
    public var contact: String?
    /// The list item this line begins when the item starts with a table or code rather than
    /// text (`- | Vem | Tel |`): bullet, numbered (its number in `number`) or task. Nil on
    /// other lines, and on an item's own first line, whose `kind` says it.
    public var startsItem: Kind?

    public init(_ kind: Kind, level: Int = 0, box: Box = .none, number: Int = 0, contact: String? = nil, startsItem: Kind? = nil) {
        self.kind = kind
        self.level = level
        self.box = box
        self.number = number
        self.contact = contact
        self.startsItem = startsItem
    }

    /// The outline's entries paired with their text: each entry's line of `text`, or a card's contact id.
    public static func blocks(of outline: [OutlineLine], text: String) -> [(line: OutlineLine, text: String)] {
        // Split on the bytes: Character by Character, this was a third of comparing two routines.
        var lines: [Substring] = []
        lines.reserveCapacity(outline.count)
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let end = utf8[start...].firstIndex(of: 0x0A) {
            lines.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
        }
        if start < utf8.endIndex { lines.append(Substring(utf8[start...])) }
        var next = 0
        return outline.map { line in
            if line.kind == .contactCard { return (line, line.contact ?? "") }
            defer { next += 1 }
            return (line, next < lines.count ? String(lines[next]) : "")
        }
    }
}
