#if canImport(Glibc)
import Glibc
#endif

/// A routine body rendered once, plus what the check and page stages need to know about it.
///
/// The HTML does not depend on the council, so a base routine is rendered once for all
/// councils. The only council-specific parts, contact details, are left as markers that
/// `html(contact:)` fills in per council.
public struct RenderedMarkdown: Sendable {
    /// The fields live in one shared box: a body is copied into the lookups of every council that shows it, and
    /// a copy is then one retain, not one per field.
    private final class Storage: @unchecked Sendable {
        var template: StoredText
        var printTemplate: StoredText?
        var headings: [Heading]
        var links: [RoutineLink]
        var contacts: [ContactReference]
        var assets: [AssetReference]
        var text: StoredText
        var outline: [OutlineLine]
        var readability: Readability
        var diagnostics: [Diagnostic]

        init(template: StoredText, printTemplate: StoredText? = nil, headings: [Heading], links: [RoutineLink],
             contacts: [ContactReference], assets: [AssetReference], text: StoredText, outline: [OutlineLine],
             readability: Readability, diagnostics: [Diagnostic]) {
            self.template = template
            self.printTemplate = printTemplate
            self.headings = headings
            self.links = links
            self.contacts = contacts
            self.assets = assets
            self.text = text
            self.outline = outline
            self.readability = readability
            self.diagnostics = diagnostics
        }

        func copy() -> Storage {
            Storage(template: template, printTemplate: printTemplate, headings: headings, links: links,
                    contacts: contacts, assets: assets, text: text, outline: outline, readability: readability,
                    diagnostics: diagnostics)
        }
    }

    private var storage: Storage

    init(template: String, printTemplate: String? = nil, headings: [Heading], links: [RoutineLink],
         contacts: [ContactReference], assets: [AssetReference] = [], text: String, outline: [OutlineLine] = [],
         readability: Readability, diagnostics: [Diagnostic]) {
        self.init(stored: StoredText(template), printTemplate: printTemplate.map(StoredText.init), headings: headings,
                  links: links, contacts: contacts, assets: assets, text: StoredText(text), outline: outline,
                  readability: readability, diagnostics: diagnostics)
    }

    /// With texts as a cache file holds them (`StoredText`).
    init(stored template: StoredText, printTemplate: StoredText?, headings: [Heading], links: [RoutineLink],
         contacts: [ContactReference], assets: [AssetReference], text: StoredText, outline: [OutlineLine],
         readability: Readability, diagnostics: [Diagnostic]) {
        storage = Storage(template: template, printTemplate: printTemplate, headings: headings, links: links,
                          contacts: contacts, assets: assets, text: text, outline: outline, readability: readability,
                          diagnostics: diagnostics)
    }

    /// HTML with a marker `\u{1}<index>\u{1}` where contact `contacts[index]` goes.
    public var template: String {
        get { storage.template.string }
        set { makeUnique(); storage.template = StoredText(newValue) }
    }

    /// The same for the print page, when it was asked for (see `MarkdownRenderer.render`).
    public var printTemplate: String? {
        get { storage.printTemplate?.string }
        set { makeUnique(); storage.printTemplate = newValue.map(StoredText.init) }
    }

    public var headings: [Heading] {
        get { storage.headings }
        set { makeUnique(); storage.headings = newValue }
    }

    public var links: [RoutineLink] {
        get { storage.links }
        set { makeUnique(); storage.links = newValue }
    }

    public var contacts: [ContactReference] {
        get { storage.contacts }
        set { makeUnique(); storage.contacts = newValue }
    }

    /// The files of the council's `assets/` the text links to or shows as images.
    public var assets: [AssetReference] {
        get { storage.assets }
        set { makeUnique(); storage.assets = newValue }
    }

    /// The text without markup, one block per line: for search and readability.
    public var text: String {
        get { storage.text.string }
        set { makeUnique(); storage.text = StoredText(newValue) }
    }

    /// What each line of `text` is on the page, and the contact cards between them.
    public var outline: [OutlineLine] {
        get { storage.outline }
        set { makeUnique(); storage.outline = newValue }
    }

    var storedTemplate: StoredText { storage.template }
    var storedPrintTemplate: StoredText? { storage.printTemplate }
    var storedText: StoredText { storage.text }

    /// LIX and its parts, measured on `text`.
    public var readability: Readability {
        get { storage.readability }
        set { makeUnique(); storage.readability = newValue }
    }

    public var diagnostics: [Diagnostic] {
        get { storage.diagnostics }
        set { makeUnique(); storage.diagnostics = newValue }
    }

    /// Copy on write: a rendered body changed after it was copied gets a box of its own.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

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

    /// A link or image to a file of the council's `assets/` folder (`assets/karta.png`),
    /// which each handbook that shows the text must have.
    public struct AssetReference: Sendable, Hashable {
        /// The file's path within `assets/`, decoded (`karta.png`, `bilder/karta 1.png`).
        public var path: String
        /// What the author wrote.
        public var written: String
        public var image: Bool
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
        var template = print ? (printTemplate ?? self.template) : self.template
        guard !contacts.isEmpty else { return template }
        // Markers found on the UTF-8 bytes, with memchr: this runs for every page of every
        // council. The text between them is appended as slices of the template, which is
        // valid UTF-8 already (a marker is ASCII), so nothing is validated again.
        let markers: [Int] = template.withUTF8 { bytes in
            var markers: [Int] = []
            var start = 0
            while let end = Self.nextMarker(in: bytes, from: start) {
                markers.append(end)
                start = end + 1
            }
            return markers
        }
        let utf8 = template.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var output = ""
        output.reserveCapacity(utf8.count + contacts.count * 400)
        var start = 0
        var inMarker = false
        for end in markers {
            let piece = template[index(start)..<index(end)]
            if inMarker {
                if let number = piece.utf8.withContiguousStorageIfAvailable(Self.number) ?? nil, contacts.indices.contains(number) {
                    output += contact(contacts[number])
                }
            } else {
                output += piece
            }
            inMarker.toggle()
            start = end + 1
        }
        // After the last marker: text, as an unpaired marker's tail always was.
        output += template[index(min(start, utf8.count))...]
        return output
    }

    private static func nextMarker(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(markerByte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The decimal number between two markers.
    private static func number(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 0x30, digit <= 0x39 else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }
}

/// Shows the fields, not the box, wherever a RenderedMarkdown is described or reflected.
extension RenderedMarkdown: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["template": template, "printTemplate": printTemplate as Any, "headings": headings,
                                "links": links, "contacts": contacts, "assets": assets, "text": text, "outline": outline, "readability": readability,
                                "diagnostics": diagnostics], displayStyle: .struct)
    }
}
