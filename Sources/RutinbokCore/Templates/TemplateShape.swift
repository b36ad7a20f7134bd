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
