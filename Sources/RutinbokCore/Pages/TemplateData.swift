/// Turns a view model into dictionaries and arrays before it reaches swift-mustache.
///
/// swift-mustache reads a struct's fields through `Mirror` on every key it looks up,
/// including each miss while it searches outer contexts; on a 13,000-page build that was
/// the largest single cost. Reflecting each value once, into dictionaries it reads by hash,
/// renders the same text several times faster.
enum TemplateData {
    static func make(_ value: Any) -> Any {
        if let listed = value as? TemplateFields { return listed.templateFields }
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let number as Double: return number
        case let dictionary as [String: Any]: return dictionary.mapValues(make)
        case let array as [Any]: return array.map(make)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            // nil is left out of its dictionary, which templates read as false or empty.
            return mirror.children.first.map { make($0.value) } ?? NoValue.none
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label else { continue }
                let converted = make(child.value)
                if converted is NoValue { continue }
                fields[label] = converted
            }
            return fields
        case .collection, .set:
            return mirror.children.map { make($0.value) }
        default:
            return value
        }
    }

    private enum NoValue { case none }
}
