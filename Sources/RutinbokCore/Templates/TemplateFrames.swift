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
                output += escaped ? HTML.escape(text) : text
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
        guard ListFraming.framesSection(text), let template = try? ByteEscapedHTML.template(text) else { return nil }
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
