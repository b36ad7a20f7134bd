/// Template data, made once per render from a view model: texts, flags, numbers, fields in
/// the order the view declares them, and lists. A frame's shape is read from it without a
/// dynamic cast (`TemplateShape`); swift-mustache reads it as dictionaries and arrays
/// (`mustache`).
///
/// swift-mustache reads a struct's fields through `Mirror` on every key it looks up,
/// including each miss while it searches outer contexts; on a 13,000-page build that was
/// the largest single cost. Reflecting each value once, into dictionaries it reads by hash,
/// renders the same text several times faster.
indirect enum TemplateValue {
    case text(String)
    case flag(Bool)
    case number(Int)
    case decimal(Double)
    /// Fields without the nil ones: templates read a missing key as false or empty.
    case fields([(key: String, value: TemplateValue)])
    case list([TemplateValue])
    /// A value of a kind templates have no use for, passed to swift-mustache as it is.
    case other(Any)

    /// What swift-mustache renders from.
    var mustache: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .decimal(let number): number
        case .fields(let fields): Dictionary(fields.map { ($0.key, $0.value.mustache) }, uniquingKeysWith: { first, _ in first })
        case .list(let items): items.map(\.mustache)
        case .other(let value): value
        }
    }
}

enum TemplateData {
    /// The template data of a view model; nil for nil.
    static func make(_ value: Any) -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .number(number)
        case let number as Double: return .decimal(number)
        case let listed as TemplateFields: return fields(listed.templateFields)
        case let texts as [String]: return .list(texts.map { .text($0) })
        case let pairs as KeyValuePairs<String, Any?>: return fields(pairs)
        case let dictionary as [String: Any]:
            return .fields(dictionary.keys.sorted().compactMap { key in make(dictionary[key]!).map { (key, $0) } })
        case let array as [Any]: return .list(array.compactMap(make))
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { make($0.value) }
        case .struct, .class:
            return .fields(mirror.children.compactMap { child in
                guard let label = child.label, let converted = make(child.value) else { return nil }
                return (label, converted)
            })
        case .collection, .set:
            return .list(mirror.children.compactMap { make($0.value) })
        default:
            return .other(value)
        }
    }

    private static func fields(_ pairs: KeyValuePairs<String, Any?>) -> TemplateValue {
        .fields(pairs.compactMap { key, value in value.flatMap(make).map { (key, $0) } })
    }
}
