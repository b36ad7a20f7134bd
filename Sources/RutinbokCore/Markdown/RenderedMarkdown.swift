#if canImport(Glibc)
import Glibc
#endif

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
        var template = print ? (printTemplate ?? self.template) : self.template
        guard !contacts.isEmpty else { return template }
        // On the UTF-8 bytes, with memchr: this runs for every page of every council.
        return template.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + contacts.count * 400)
            var start = 0
            var inMarker = false
            while true {
                guard let end = Self.nextMarker(in: bytes, from: start) else {
                    // After the last marker: text, as an unpaired marker's tail always was.
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[min(start, bytes.count)...]))
                    break
                }
                let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if inMarker {
                    if let number = Self.number(piece), contacts.indices.contains(number) {
                        var html = contact(contacts[number])
                        html.withUTF8 { output.append(contentsOf: $0) }
                    }
                } else {
                    output.append(contentsOf: piece)
                }
                inMarker.toggle()
                start = end + 1
            }
            return String(decoding: output, as: UTF8.self)
        }
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
