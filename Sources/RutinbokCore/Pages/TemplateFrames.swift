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
///
/// Where the theme allows it (`ListFraming`), a list of fields is not part of the shape: each
/// of its items is filled from a frame of the list's section (`FrameLevel`), so pages whose
/// lists differ only in length share their frames.
final class TemplateFrames: Sendable {
    private struct Entry {
        var frame: Frame?
        /// Used by this build: kept for the next one (see `FrameStore`).
        var used: Bool
        /// Made by this build.
        var made = false
    }

    private let frames: Mutex<[String: Entry]>
    /// List sections' templates, parsed from the text swift-mustache hands their lambda.
    private let sections = Mutex<[String: MustacheTemplate]>([:])
    /// The largest output of each template so far, to reserve room for the next one.
    private let sizeHints = Mutex<[String: Int]>([:])
    /// How lists of fields are framed item by item; nil when they are not (see `ListFraming`).
    let listFraming: ListFraming?

    /// Starts from frames an earlier build made with the same templates (see `FrameStore`).
    init(known: [String: Frame?] = [:], listFraming: ListFraming? = nil) {
        frames = Mutex(known.mapValues { Entry(frame: $0, used: false) })
        self.listFraming = listFraming
    }

    /// The output of `template` for `data`, from the frames of the data's shape; nil when the
    /// data holds a value that cannot be framed (render it directly then).
    func render(_ template: String, _ data: TemplateValue, library: MustacheLibrary) -> String? {
        var items: ItemBounds?
        return render(template, data, library: library, items: &items)
    }

    /// The output of `template` for `data` and where in it (UTF-8 offsets) each item of the
    /// list `key` of the data's top level begins, and the last one ends (`SegmentedFile`);
    /// nil bounds when they cannot be told apart from the rest: the list is not framed item
    /// by item, or the template shows it twice.
    ///
    /// Each item's output then depends only on the item and the top level's texts, so that it
    /// is the same whatever else the data's lists hold: nil bounds too when an item reads a
    /// list of the top level (this list or another).
    func render(_ template: String, _ data: TemplateValue, library: MustacheLibrary,
                itemsOf key: String) -> (output: String, bounds: [Int]?)? {
        var items: ItemBounds? = ItemBounds(key: key)
        guard let output = render(template, data, library: library, items: &items) else { return nil }
        guard let items, !items.unclear, let bounds = items.bounds else { return (output, nil) }
        return (output, bounds)
    }

    private func render(_ template: String, _ data: TemplateValue, library: MustacheLibrary,
                        items: inout ItemBounds?) -> String? {
        if let listFraming, case .fields(let fields) = data, let root = FrameLevel(fields, framing: listFraming) {
            let shape = "\u{2}" + root.signature
            var levels = [root]
            var output = ""
            // Room for what the last page of this template took, and a little more: a print
            // page grows to 200 KB, and growing a string by doubling copies it again and again.
            let hint = sizeHints.withLock { $0[template] } ?? 0
            if hint > 0 { output.reserveCapacity(hint + hint / 8) }
            if let frame = frame(for: template + shape, make: {
                makeFrame(.template(template), levels: levels, framing: listFraming, library: library)
            }), fill(frame, levels: &levels, shape: shape, framing: listFraming, into: &output, items: &items,
                     library: library) {
                let size = output.utf8.count
                if size > hint { sizeHints.withLock { $0[template] = max($0[template] ?? 0, size) } }
                return output
            }
        }
        items = nil  // not framed item by item
        var shape = TemplateShape(framing: listFraming)
        shape.signature = template
        shape.signature += "\u{1}"
        guard shape.add(data) else { return nil }
        let frame = frame(for: shape.signature) {
            var number = 0
            let placeholders = TemplateShape.placeholders(for: data, framing: listFraming, number: &number)
            return Frame(library.render(placeholders, withTemplate: template) ?? "")
        }
        return frame?.filled(with: shape.texts)
    }

    /// The frame known by `key`, or the one `make` makes, kept for later pages.
    private func frame(for key: String, make: () -> Frame?) -> Frame? {
        let known = frames.withLock { frames -> Entry? in
            frames[key]?.used = true
            return frames[key]
        }
        if let known { return known.frame }
        let frame = make()
        frames.withLock { $0[key] = Entry(frame: frame, used: true, made: true) }
        return frame
    }

    /// Appends a frame filled for the context `levels` (outermost first): the levels' texts,
    /// and each list slot filled with the frames of the list's items for their section.
    /// `shape` is the levels' signatures, each after a `U+0002`. False when some item's
    /// frame could not be made this way.
    private func fill(_ frame: Frame, levels: inout [FrameLevel], shape: String, framing: ListFraming,
                      into output: inout String, items: inout ItemBounds?, library: MustacheLibrary) -> Bool {
        frame.literals.withUnsafeBufferPointer { literals in
            fill(frame, literals: literals, levels: &levels, shape: shape, framing: framing, into: &output, items: &items,
                 library: library)
        }
    }

    private func fill(_ frame: Frame, literals: UnsafeBufferPointer<String>, levels: inout [FrameLevel], shape: String,
                      framing: ListFraming, into output: inout String, items: inout ItemBounds?,
                      library: MustacheLibrary) -> Bool {
        for step in frame.steps {
            switch step {
            case .text(let number): output += literals[number]
            case .slot(var number, let escaped):
                var level = 0
                while number >= levels[level].texts.count {
                    number -= levels[level].texts.count
                    level += 1
                }
                let text = levels[level].texts[number]
                output += escaped ? MustacheEscaping.html(text) : text
            case .list(let callNumber):
                let call = frame.calls[callNumber]
                guard let list = levels[call.level].lists[call.key] else { return false }
                let sectionKey = frame.sectionKeys[callNumber]
                // The list whose items' bounds are asked for, shown by the page itself.
                var bounded = false
                if items != nil, call.level == 0 {
                    if levels.count > 1, items!.inside {
                        items!.unclear = true
                    } else if call.key == items!.key {
                        if levels.count == 1, items!.bounds == nil {
                            items!.bounds = []
                            bounded = true
                            items!.inside = true
                        } else {
                            items!.unclear = true
                        }
                    }
                }
                defer { if bounded { items!.inside = false } }
                // Items of one shape share a frame: looked up once per list.
                var known: [String: Frame] = [:]
                for item in list {
                    if bounded { items!.bounds!.append(output.utf8.count) }
                    guard case .fields(let fields) = item, let level = FrameLevel(fields, framing: framing) else { return false }
                    levels.append(level)
                    defer { levels.removeLast() }
                    let itemFrame: Frame
                    var itemShape: String?
                    if let frame = known[level.signature] {
                        itemFrame = frame
                    } else {
                        itemShape = shape + "\u{2}" + level.signature
                        guard let frame = self.frame(for: sectionKey + itemShape!, make: { [levels] in
                            makeFrame(.section(call.section), levels: levels, framing: framing, library: library)
                        }) else { return false }
                        known[level.signature] = frame
                        itemFrame = frame
                    }
                    if !itemFrame.calls.isEmpty, itemShape == nil { itemShape = shape + "\u{2}" + level.signature }
                    guard fill(itemFrame, levels: &levels, shape: itemShape ?? "", framing: framing,
                               into: &output, items: &items, library: library) else { return false }
                }
                if bounded { items!.bounds!.append(output.utf8.count) }
            }
        }
        return true
    }

    /// Renders the frame of `source` with swift-mustache, from placeholders for the levels'
    /// texts and a marker for each list; nil when the output could differ from rendering
    /// the data itself (see `FramingSession`).
    private func makeFrame(_ source: FrameSource, levels: [FrameLevel], framing: ListFraming, library: MustacheLibrary) -> Frame? {
        let session = FramingSession(levels: levels, framing: framing)
        let context = session.context()
        let rendered: String?
        switch source {
        case .template(let name):
            rendered = library.render(context, withTemplate: name)
        case .section(let text):
            guard let template = sectionTemplate(text) else { return nil }
            rendered = template.render(context, library: library)
        }
        guard let rendered, !session.unsafe, let frame = Frame(rendered, calls: session.calls) else { return nil }
        return frame
    }

    private func sectionTemplate(_ text: String) -> MustacheTemplate? {
        if let known = sections.withLock({ $0[text] }) { return known }
        guard ListFraming.framesSection(text), let template = try? MustacheTemplate(string: text) else { return nil }
        sections.withLock { $0[text] = template }
        return template
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
            for tag in TemplateTag.all(in: text) {
                // Changed delimiters would hide tags from this scan; a dynamic partial names a
                // template by text.
                if tag.sigil == "=" || (tag.sigil == ">" && tag.name.hasPrefix("*")) { return false }
                if !tag.transforms.allSatisfy({ shapeTransforms.contains(String($0)) }) { return false }
            }
        }
        return true
    }
}

/// Where the items of one list of a page's top level lie in its output (`TemplateFrames.render(_:_:library:itemsOf:)`).
struct ItemBounds {
    let key: String
    /// Where each item begins, then where the last one ends; nil until the list is filled.
    var bounds: [Int]?
    /// Its items are being filled.
    var inside = false
    /// The list was shown twice, or a list of the top level read from within an item.
    var unclear = false
}

/// What a frame is the output of: a template, or the text of a list section within one.
enum FrameSource {
    case template(String)
    case section(String)

    /// Part of a frame's key: a section by a hash of its text, which pages repeat.
    var key: String {
        switch self {
        case .template(let name): return name
        case .section(let text):
            var hash = ContentHash()
            hash.add(text)
            return "\u{3}\(text.utf8.count)-\(hash.value)"
        }
    }
}

/// A template's output for one shape, cut at the placeholders.
struct Frame: Sendable {
    enum Piece: Sendable {
        case text(String)
        /// The shape's text with this number, escaped for HTML or as it is.
        case slot(Int, escaped: Bool)
        /// The items of a list, each through the frame of its section: `calls[number]`.
        case list(Int)
    }

    /// A list section the template reached: the list's key in the context level that holds
    /// it (0 is the outermost), and the section's text.
    struct ListCall: Sendable, Equatable {
        let level: Int
        let key: String
        let section: String
    }

    let calls: [ListCall]
    private let textBytes: Int

    /// The frame as pieces (how `FrameStore` keeps it): made from `steps`, which is what is kept.
    var pieces: [Piece] {
        steps.map { step in
            switch step {
            case .text(let number): .text(literals[number])
            case .slot(let number, let escaped): .slot(number, escaped: escaped)
            case .list(let call): .list(call)
            }
        }
    }

    /// The pieces as filling reads them, with nothing to count references of: both cores fill
    /// the same frames at once, and each piece's text was retained and released for every
    /// page (one count, written by both cores); ≈1 % of a full build's CPU time.
    enum Step: Sendable {
        /// `literals[number]`.
        case text(Int)
        case slot(Int, escaped: Bool)
        /// `calls[number]`, whose section's frame key is `sectionKeys[number]`.
        case list(Int)
    }

    let steps: [Step]
    let literals: [String]
    /// `FrameSource.section(calls[i].section).key`, worked out once.
    let sectionKeys: [String]

    init(pieces: [Piece], calls: [ListCall] = []) {
        self.calls = calls
        var literals: [String] = []
        steps = pieces.map { piece in
            switch piece {
            case .text(let text):
                literals.append(text)
                return .text(literals.count - 1)
            case .slot(let number, let escaped): return .slot(number, escaped: escaped)
            case .list(let call): return .list(call)
            }
        }
        self.literals = literals
        sectionKeys = calls.map { FrameSource.section($0.section).key }
        textBytes = literals.reduce(0) { $0 + $1.utf8.count }
    }

    /// Cuts rendered output at its placeholders and list markers; nil when one is not whole
    /// or names a list call that is not in `calls`.
    init?(_ rendered: String, calls: [ListCall] = []) {
        var pieces: [Piece] = []
        var failed = false
        rendered.utf8.withContiguousStorageIfAvailable { bytes in
            var literalStart = 0
            var index = 0
            while index < bytes.count {
                let piece: Piece
                let end: Int
                if let slot = Placeholder.parse(bytes, at: index) {
                    (piece, end) = (.slot(slot.number, escaped: slot.escaped), slot.end)
                } else if let list = Placeholder.parseList(bytes, at: index), list.number < calls.count {
                    (piece, end) = (.list(list.number), list.end)
                } else {
                    if Placeholder.starts(bytes, at: index) { failed = true; return }
                    index += 1
                    continue
                }
                if literalStart < index {
                    pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<index]), as: UTF8.self)))
                }
                pieces.append(piece)
                index = end
                literalStart = index
            }
            if literalStart < bytes.count {
                pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart...]), as: UTF8.self)))
            }
        } ?? { failed = true }()
        guard !failed else { return nil }
        self.init(pieces: pieces, calls: calls)
    }

    /// The output for a shape without lists framed item by item (`TemplateShape`).
    func filled(with texts: [String]) -> String {
        var output = ""
        output.reserveCapacity(textBytes + texts.reduce(0) { $0 + $1.utf8.count })
        literals.withUnsafeBufferPointer { literals in
            for step in steps {
                switch step {
                case .text(let number): output += literals[number]
                case .slot(let number, let escaped): output += escaped ? MustacheEscaping.html(texts[number]) : texts[number]
                case .list: preconditionFailure("a frame of a whole shape has no list slots")
                }
            }
        }
        return output
    }
}

/// The shape of template data and its texts, in the order `placeholders(for:)` numbers them.
/// Numbers are part of the shape, since transforms such as `equalzero` read them, unless the
/// theme transforms no number of that name (`framing`, see `ListFraming.shownAsText`).
struct TemplateShape {
    var signature = ""
    private(set) var texts: [String] = []
    /// With list framing, numbers no template transforms are texts (`ListFraming.shownAsText`).
    let framing: ListFraming?

    init(framing: ListFraming? = nil) {
        self.framing = framing
    }

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
                guard add(framing?.shownAsText(field, key: key) ?? field) else { return false }
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
    /// numbered in `add`'s order from `number` on; `object` makes what stands for a set of fields.
    static func placeholders(for value: TemplateValue, framing: ListFraming? = nil, number: inout Int,
                             object: ([String: Any]) -> Any = { $0 }) -> Any {
        switch value {
        case .text(let text):
            guard !text.isEmpty else { return text }
            defer { number += 1 }
            return Placeholder.text(number)
        case .fields(let fields):
            var result: [String: Any] = [:]
            for (key, field) in fields {
                // Numbered even when a repeated key is dropped, as `add` counted its texts.
                let converted = placeholders(for: framing?.shownAsText(field, key: key) ?? field, framing: framing,
                                             number: &number, object: object)
                if result[key] == nil { result[key] = converted }
            }
            return object(result)
        case .list(let items): return items.map { placeholders(for: $0, framing: framing, number: &number, object: object) }
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

    /// `U+E000 L <number> U+E001`: where the items of list call `number` go.
    static func list(_ number: Int) -> String { "\u{E000}L\(number)\u{E001}" }

    static func parseList(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (number: Int, end: Int)? {
        guard bytes[start] == 0xEE, matches(startBytes, bytes, at: start), start + 3 < bytes.count,
              bytes[start + 3] == UInt8(ascii: "L") else { return nil }
        var index = start + 4
        var number = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 13 {
            number = number * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > start + 4, matches(endBytes, bytes, at: index) else { return nil }
        return (number, index + 3)
    }

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
