/// Template data, made once per render from a view model: texts, flags, numbers, fields in
/// the order the view declares them, and lists. A frame's shape is read from it without a
/// dynamic cast (`TemplateShape`); swift-mustache reads it as dictionaries and arrays
/// (`mustache`).
///
/// swift-mustache reads a struct's fields through `Mirror` on every key it looks up,
/// including each miss while it searches outer contexts; on a 13,000-page build that was
/// the largest single cost. Reflecting each value once, into dictionaries it reads by hash,
/// renders the same text several times faster.
enum TemplateValue {
    case text(String)
    case flag(Bool)
    case number(Int)
    case decimal(Double)
    /// Fields without the nil ones: templates read a missing key as false or empty.
    case fields([(key: String, value: TemplateValue)])
    case list([TemplateValue])
    /// A value of a kind templates have no use for, passed to swift-mustache as it is.
    /// Only this case is boxed: the others are stored inline, so that making a text, flag
    /// or number allocates nothing (fields and lists are arrays, references already).
    indirect case other(Any)

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

/// A view model that writes its own template data: each field through the `add` overload of
/// its static type, so no value is cast at run time (swift-mustache's and `Mirror`'s way
/// cost a dynamic cast per field, several for a list). `TemplateData.make` checks for this
/// protocol first: one cast per render.
protocol TemplateFields {
    /// How many fields `writeTemplateFields(to:)` writes, nil ones included: the list's
    /// capacity, so that it is allocated once. `TemplateFieldsTests` checks it.
    static var templateFieldCount: Int { get }
    /// Writes every stored property, in the order templates number their texts.
    func writeTemplateFields(to fields: inout TemplateFieldList)
}

extension TemplateFields {
    var templateValue: TemplateValue {
        var fields = TemplateFieldList(capacity: Self.templateFieldCount)
        writeTemplateFields(to: &fields)
        return .fields(fields.fields)
    }

    /// Every field in order, nil ones included (as nil): what the tests check against the
    /// stored properties.
    var templateFields: [(key: String, value: TemplateValue?)] {
        var fields = TemplateFieldList(capacity: Self.templateFieldCount, recordingAll: true)
        writeTemplateFields(to: &fields)
        return fields.all ?? []
    }
}

extension TemplateFields {
    /// Adds all of the view's template data to `hash`, field by field as the view writes it,
    /// without making the data: what a fingerprinted page is compared by (`PortalPages+Reuse`),
    /// at a fraction of the cost of making `templateValue` and hashing that. Each value
    /// is a word with its kind and its length or count, then its bytes; a nil field is a word
    /// of its own and each view ends with one, so that two views of one type hash alike only
    /// if their data is alike. Keys are not hashed: a view type writes the same keys in the
    /// same order every time, and a fingerprint is compared only with one made for the same
    /// page by the same binary (`PortalReuse.everyPage` holds the binary).
    func addTemplateFields(to hash: inout ContentHash) {
        var fields = TemplateFieldList(hashingInto: hash)
        writeTemplateFields(to: &fields)
        hash = fields.finishedHash()
    }
}

/// The fields of one view's template data, as `TemplateFields` writes them. A nil field is
/// left out, as templates read a missing key as false or empty. In hashing mode
/// (`addTemplateFields(to:)`) the fields are hashed as they are written, and none is kept.
struct TemplateFieldList {
    private(set) var fields: [(key: String, value: TemplateValue)] = []
    /// Every field written, nil ones included; only when asked for (tests).
    private(set) var all: [(key: String, value: TemplateValue?)]?
    private var hashing = false
    private var hash = ContentHash()

    init(capacity: Int, recordingAll: Bool = false) {
        fields.reserveCapacity(capacity)
        if recordingAll { all = [] }
    }

    /// Hashing mode: the tag of a view's fields, then each field as it is written.
    fileprivate init(hashingInto hash: ContentHash) {
        hashing = true
        self.hash = hash
        self.hash.add(Tag.fields)
    }

    /// The hash, with the tag that ends the view's fields.
    fileprivate mutating func finishedHash() -> ContentHash {
        hash.add(Tag.end)
        return hash
    }

    /// Kinds in hashing mode, in a word's top byte; a text's length or a list's count below it.
    private enum Tag {
        static let text: UInt64 = 1 << 56, yes: UInt64 = 2 << 56, no: UInt64 = 3 << 56, number: UInt64 = 4 << 56
        static let decimal: UInt64 = 5 << 56, fields: UInt64 = 6 << 56, list: UInt64 = 7 << 56, end: UInt64 = 8 << 56
        static let absent: UInt64 = 9 << 56
    }

    private mutating func hashText(_ text: String) {
        hash.add(Tag.text | UInt64(text.utf8.count))
        hash.addBytes(of: text)
    }

    private mutating func hashView<View: TemplateFields>(_ view: View) {
        view.addTemplateFields(to: &hash)
    }

    private mutating func append(_ key: String, _ value: TemplateValue) {
        fields.append((key, value))
        all?.append((key, value))
    }

    private mutating func omit(_ key: String) {
        if hashing {
            hash.add(Tag.absent)
            return
        }
        all?.append((key, nil))
    }

    mutating func add(_ key: String, _ text: String) {
        guard hashing else { return append(key, .text(text)) }
        hashText(text)
    }

    mutating func add(_ key: String, _ flag: Bool) {
        guard hashing else { return append(key, .flag(flag)) }
        hash.add(flag ? Tag.yes : Tag.no)
    }

    mutating func add(_ key: String, _ number: Int) {
        guard hashing else { return append(key, .number(number)) }
        hash.add(Tag.number)
        hash.add(UInt64(bitPattern: Int64(number)))
    }

    mutating func add(_ key: String, _ number: Double) {
        guard hashing else { return append(key, .decimal(number)) }
        hash.add(Tag.decimal)
        hash.add(number.bitPattern)
    }

    mutating func add(_ key: String, _ texts: [String]) {
        guard hashing else { return append(key, .list(texts.map { .text($0) })) }
        hash.add(Tag.list | UInt64(texts.count))
        for text in texts { hashText(text) }
    }

    mutating func add<View: TemplateFields>(_ key: String, _ view: View) {
        guard hashing else { return append(key, view.templateValue) }
        hashView(view)
    }

    mutating func add<View: TemplateFields>(_ key: String, _ views: [View]) {
        guard hashing else { return append(key, .list(views.map(\.templateValue))) }
        hash.add(Tag.list | UInt64(views.count))
        for view in views { hashView(view) }
    }

    mutating func add(_ key: String, _ text: String?) {
        if let text { add(key, text) } else { omit(key) }
    }

    mutating func add<View: TemplateFields>(_ key: String, _ view: View?) {
        if let view { add(key, view) } else { omit(key) }
    }
}

enum TemplateData {
    /// The template data of a view model; nil for nil. A `TemplateFields` view writes its
    /// own; other values (dictionaries, arrays, plain structs: tests and the odd page
    /// context) are converted by dynamic casts and `Mirror`.
    static func make(_ value: Any) -> TemplateValue? {
        if let view = value as? any TemplateFields { return view.templateValue }
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .number(number)
        case let number as Double: return .decimal(number)
        case let texts as [String]: return .list(texts.map { .text($0) })
        case let dictionary as [String: Any]:
            return .fields(dictionary.keys.sorted().compactMap { key in make(dictionary[key]!).map { (key, $0) } })
        case let array as [Any]: return .list(array.compactMap(make))
        default: return reflected(value)
        }
    }

    /// The template data `Mirror` reads from a value: a struct's stored properties in
    /// declaration order. Nested values go through `make`.
    static func reflected(_ value: Any) -> TemplateValue? {
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
}
