import Mustache
import Synchronization

/// Renders a template once per *shape* of its data, and each page by filling in its text.
///
/// Most pages of a build differ only in their text: every routine page of every council has
/// the same layout, the same sections shown and lists of the same lengths. Rendering such a
/// page with swift-mustache costs far more than copying its text, so the data is split in
/// two (`TemplateShape`): its shape (keys, flags, numbers, list lengths, which strings are
/// empty) and its text (every non-empty string, in a fixed order). swift-mustache renders the
/// template once per shape, from data in which a placeholder stands for each text; that
/// output, cut at the placeholders, is a `Frame`. A page is its frame with each placeholder
/// replaced by its text, escaped where swift-mustache escaped the placeholder.
///
/// This is byte for byte what swift-mustache renders from the data itself, as long as a
/// template cannot tell a placeholder from its text. Transforms that change or order text
/// (`uppercased`, `sorted`, …), dynamic partials and changed delimiters could, so a theme that
/// uses any of them is rendered directly (`TemplateFrames.canFrame`). A section treats every
/// string as true, and `empty` reads only whether it is empty, which the shape records.
final class TemplateFrames: Sendable {
    private struct Entry {
        var frame: Frame?
        /// Used by this build: kept for the next one (see `FrameStore`).
        var used: Bool
        /// Made by this build.
        var made = false
    }

    private let frames: Mutex<[String: Entry]>

    /// Starts from frames an earlier build made with the same templates (see `FrameStore`).
    init(known: [String: Frame?] = [:]) {
        frames = Mutex(known.mapValues { Entry(frame: $0, used: false) })
    }

    /// The output of `template` for `data`, from the frame of the data's shape; nil when the
    /// data holds a value that cannot be framed (render it directly then).
    func render(_ template: String, _ data: TemplateValue, library: MustacheLibrary) -> String? {
        var shape = TemplateShape()
        shape.signature = template
        shape.signature += "\u{1}"
        guard shape.add(data) else { return nil }
        let known = frames.withLock { frames -> Entry? in
            frames[shape.signature]?.used = true
            return frames[shape.signature]
        }
        let frame: Frame?
        if let known {
            frame = known.frame
        } else {
            frame = Frame(library.render(TemplateShape.placeholders(for: data), withTemplate: template) ?? "")
            frames.withLock { $0[shape.signature] = Entry(frame: frame, used: true, made: true) }
        }
        return frame?.filled(with: shape.texts)
    }

    /// Frames known, one per template and shape.
    var count: Int { frames.withLock { $0.count } }

    /// The frames this build used, and whether it made any of them.
    var used: (frames: [String: Frame?], new: Bool) {
        frames.withLock { frames in
            (frames.filter(\.value.used).mapValues(\.frame), frames.values.contains(where: \.made))
        }
    }

    /// Transforms that read only a value's shape: list positions and lengths, emptiness, numbers.
    static let shapeTransforms: Set<String> = [
        "empty", "first", "last", "index", "even", "odd", "count", "equalzero", "plusone", "minusone",
    ]

    /// Whether templates with these texts render the same from placeholders as from their text.
    static func canFrame(_ texts: some Sequence<String>) -> Bool {
        for text in texts {
            if text.unicodeScalars.contains(where: { $0 == Placeholder.start || $0 == Placeholder.end }) { return false }
            var rest = text[...]
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let tag = rest[open.upperBound..<close.lowerBound]
                // Changed delimiters would hide tags from this scan; a dynamic partial names a
                // template by text.
                if tag.hasPrefix("=") || tag.drop(while: { $0 == ">" || $0 == " " }).hasPrefix("*") { return false }
                if !transforms(in: tag).allSatisfy({ shapeTransforms.contains(String($0)) }) { return false }
                rest = rest[close.upperBound...]
            }
        }
        return true
    }

    /// The names written as `name(` in a tag: its transforms.
    private static func transforms(in tag: Substring) -> [Substring] {
        var names: [Substring] = []
        var start = tag.startIndex
        for index in tag.indices where tag[index] == "(" {
            let name = tag[start..<index].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            names.append(tag[tag.index(index, offsetBy: -name.count)..<index])
            start = tag.index(after: index)
        }
        return names
    }
}

/// A template's output for one shape, cut at the placeholders.
struct Frame: Sendable {
    enum Piece: Sendable {
        case text(String)
        /// The shape's text with this number, escaped for HTML or as it is.
        case slot(Int, escaped: Bool)
    }

    let pieces: [Piece]
    private let textBytes: Int

    init(pieces: [Piece]) {
        self.pieces = pieces
        textBytes = pieces.reduce(0) { total, piece in
            if case .text(let text) = piece { total + text.utf8.count } else { total }
        }
    }

    /// Cuts rendered output at its placeholders; nil when one is not whole.
    init?(_ rendered: String) {
        var pieces: [Piece] = []
        var textBytes = 0
        var failed = false
        rendered.utf8.withContiguousStorageIfAvailable { bytes in
            var literalStart = 0
            var index = 0
            while index < bytes.count {
                guard let slot = Placeholder.parse(bytes, at: index) else {
                    if Placeholder.starts(bytes, at: index) { failed = true; return }
                    index += 1
                    continue
                }
                if literalStart < index {
                    pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<index]), as: UTF8.self)))
                    textBytes += index - literalStart
                }
                pieces.append(.slot(slot.number, escaped: slot.escaped))
                index = slot.end
                literalStart = index
            }
            if literalStart < bytes.count {
                pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart...]), as: UTF8.self)))
                textBytes += bytes.count - literalStart
            }
        } ?? { failed = true }()
        guard !failed else { return nil }
        self.pieces = pieces
        self.textBytes = textBytes
    }

    func filled(with texts: [String]) -> String {
        var output = ""
        output.reserveCapacity(textBytes + texts.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces {
            switch piece {
            case .text(let text): output += text
            case .slot(let number, let escaped): output += escaped ? MustacheEscaping.html(texts[number]) : texts[number]
            }
        }
        return output
    }
}

/// The shape of template data and its texts, in the order `placeholders(for:)` numbers them.
/// Numbers are part of the shape, since transforms such as `equalzero` read them: a view of
/// a page that repeats shows counts as text, or each count makes a frame of its own.
struct TemplateShape {
    var signature = ""
    private(set) var texts: [String] = []

    /// Adds a value; false when it is of a kind the shape cannot stand for.
    mutating func add(_ value: TemplateValue) -> Bool {
        switch value {
        case .text(let text):
            if text.isEmpty {
                signature += "e"
            } else {
                signature += "s"
                texts.append(text)
            }
        case .flag(let flag): signature += flag ? "t" : "f"
        case .number(let number): signature += "i\(number);"
        case .decimal(let number): signature += "d\(number);"
        case .fields(let fields):
            signature += "{"
            for (key, field) in fields {
                signature += key
                signature += "="
                guard add(field) else { return false }
            }
            signature += "}"
        case .list(let items):
            signature += "[\(items.count):"
            for item in items {
                guard add(item) else { return false }
            }
            signature += "]"
        case .other: return false
        }
        return true
    }

    /// The data as swift-mustache reads it, with a placeholder for each non-empty string,
    /// numbered in `add`'s order.
    static func placeholders(for value: TemplateValue) -> Any {
        var number = 0
        return placeholders(for: value, number: &number)
    }

    private static func placeholders(for value: TemplateValue, number: inout Int) -> Any {
        switch value {
        case .text(let text):
            guard !text.isEmpty else { return text }
            defer { number += 1 }
            return Placeholder.text(number)
        case .fields(let fields):
            var result: [String: Any] = [:]
            for (key, field) in fields {
                // Numbered even when a repeated key is dropped, as `add` counted its texts.
                let converted = placeholders(for: field, number: &number)
                if result[key] == nil { result[key] = converted }
            }
            return result
        case .list(let items): return items.map { placeholders(for: $0, number: &number) }
        default: return value.mustache
        }
    }
}

/// `U+E000 <number> & U+E001`: private-use characters no template may contain around a
/// number and an ampersand, which HTML escaping turns into `&amp;`; so the rendered
/// placeholder tells both where a text goes and whether the template escaped it.
enum Placeholder {
    static let start: Unicode.Scalar = "\u{E000}"
    static let end: Unicode.Scalar = "\u{E001}"
    private static let startBytes: [UInt8] = [0xEE, 0x80, 0x80]
    private static let endBytes: [UInt8] = [0xEE, 0x80, 0x81]

    static func text(_ number: Int) -> String { "\u{E000}\(number)&\u{E001}" }

    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        matches(startBytes, bytes, at: index) || matches(endBytes, bytes, at: index)
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (number: Int, escaped: Bool, end: Int)? {
        guard bytes[start] == 0xEE, matches(startBytes, bytes, at: start) else { return nil }
        var index = start + 3
        var number = 0
        let digitsStart = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - digitsStart < 9 {
            number = number * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > digitsStart else { return nil }
        let escaped: Bool
        if matches(Array("&amp;".utf8), bytes, at: index) {
            escaped = true
            index += 5
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "&") {
            escaped = false
            index += 1
        } else {
            return nil
        }
        guard matches(endBytes, bytes, at: index) else { return nil }
        return (number, escaped, index + 3)
    }

    private static func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}

/// swift-mustache's HTML escaping (`String.htmlEscape`, internal to it), which replaces whole
/// Characters from the same table as `HTML.escape`: so an `&` that carries a combining mark
/// stays as it is. Most texts need no escaping, which one pass over the bytes tells.
enum MustacheEscaping {
    static func html(_ text: String) -> String {
        let needsWork = text.utf8.contains { byte in
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        return needsWork ? HTML.escape(text) : text
    }
}
