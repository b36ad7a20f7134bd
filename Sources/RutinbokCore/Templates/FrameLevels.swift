import Mustache

/// One level of the context a frame is rendered in: a page's data, or an item of a list
/// framed item by item, with the levels around it outside. Its shape is `TemplateShape`'s,
/// except that a non-empty list of fields directly in it is a slot ("L") whose items get
/// frames of their own: so pages whose lists differ only in length share their frames.
struct FrameLevel {
    let fields: [(key: String, value: TemplateValue)]
    let signature: String
    /// Its texts outside its framed lists, numbered after those of the levels outside it.
    let texts: [String]
    /// Its lists framed item by item, by key.
    let lists: [String: [TemplateValue]]

    /// Nil when it holds a value the shape cannot stand for.
    init?(_ fields: [(key: String, value: TemplateValue)], framing: ListFraming) {
        var shape = TemplateShape(framing: framing)
        var lists: [String: [TemplateValue]] = [:]
        shape.signature = "{"
        for (index, (key, value)) in fields.enumerated() {
            shape.signature += key
            shape.signature += "="
            if case .list(let items) = value, framing.framesItems(items, key: key) {
                shape.signature += "L"
                // As in a dictionary, the first of a repeated key is the one templates see.
                if !fields[..<index].contains(where: { $0.key == key }) { lists[key] = items }
            } else if !shape.add(framing.shownAsText(value, key: key)) {
                return nil
            }
        }
        shape.signature += "}"
        self.fields = fields
        signature = shape.signature
        texts = shape.texts
        self.lists = lists
    }

}

extension ListFraming {
    /// Whether a list is framed item by item: a non-empty list of fields whose name no
    /// template transforms. An empty list stays in the shape, so that sections over it show
    /// nothing and inverted ones show.
    func framesItems(_ items: [TemplateValue], key: String) -> Bool {
        guard !items.isEmpty, !transformed.contains(key) else { return false }
        return items.allSatisfy { if case .fields = $0 { true } else { false } }
    }
}

/// The data swift-mustache renders a frame from: a placeholder for each text of the levels,
/// and for each framed list a lambda that swift-mustache calls with the text of the section
/// over it, which leaves a list marker in the output and records the call.
///
/// Rendering a section over a list item by item gives what swift-mustache gives when the
/// item sees the same context: the levels outside it, innermost first, which a
/// `StackedFields` looks names up in. Two things could make the context differ, and both
/// make the frame unusable (`unsafe`), so that the page is rendered as a whole shape:
/// a framed list reached from inside a section over some other object (the object would be
/// part of the items' context), which that object sees as a lookup of a name it lacks; and a
/// framed list used as anything but a section (`{{list}}`), which calls the lambda with no
/// text. `ListFraming` rules out at theme load what a template could otherwise tell apart.
final class FramingSession {
    private(set) var calls: [Frame.ListCall] = []
    private(set) var unsafe = false
    private let levels: [FrameLevel]
    private let listKeys: Set<String>
    private let framing: ListFraming

    init(levels: [FrameLevel], framing: ListFraming) {
        self.levels = levels
        self.framing = framing
        listKeys = Set(levels.flatMap(\.lists.keys))
    }

    /// The levels as swift-mustache reads them, texts numbered outermost level first.
    func context() -> Any {
        var number = 0
        return StackedFields(levels: levels.indices.map { index in
            var result: [String: Any] = [:]
            for (key, value) in levels[index].fields {
                let converted: Any
                if case .list(let items) = value, framing.framesItems(items, key: key) {
                    converted = MustacheLambda { [self] text in call(level: index, key: key, section: text) }
                } else {
                    converted = placeholders(for: framing.shownAsText(value, key: key), number: &number)
                }
                if result[key] == nil { result[key] = converted }
            }
            return result
        })
    }

    private func call(level: Int, key: String, section: String) -> ListMarker {
        if section.isEmpty { unsafe = true }
        calls.append(Frame.ListCall(level: level, key: key, section: section))
        return ListMarker(number: calls.count - 1)
    }

    /// As `TemplateShape.placeholders`, with each object a `ProbedFields`.
    private func placeholders(for value: TemplateValue, number: inout Int) -> Any {
        TemplateShape.placeholders(for: value, framing: framing, number: &number) { [self] in ProbedFields(fields: $0, session: self) }
    }

    fileprivate func missed(_ name: String) {
        if listKeys.contains(name) { unsafe = true }
    }
}

/// Where a list's items go: swift-mustache writes a lambda's result that is not a string
/// as it describes itself, unescaped.
private struct ListMarker: CustomStringConvertible {
    let number: Int
    var description: String { Placeholder.list(number) }
}

/// Context levels as one: a name is looked up in the innermost level first, as
/// swift-mustache looks it up through its context stack.
private struct StackedFields: MustacheParent {
    let levels: [[String: Any]]

    func child(named name: String) -> Any? {
        for level in levels.reversed() {
            if let value = level[name] { return value }
        }
        return nil
    }
}

/// An object in a frame's data, which tells the session when a template looked a framed
/// list's name up in it and did not find it there (see `FramingSession`).
private final class ProbedFields: MustacheParent, MustacheTransformable {
    let fields: [String: Any]
    unowned let session: FramingSession

    init(fields: [String: Any], session: FramingSession) {
        self.fields = fields
        self.session = session
    }

    func child(named name: String) -> Any? {
        if let value = fields[name] { return value }
        session.missed(name)
        return nil
    }

    func transform(_ name: String) -> Any? { fields.transform(name) }
}
