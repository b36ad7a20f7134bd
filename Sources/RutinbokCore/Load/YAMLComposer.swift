import Yams

/// Yams' `compose`, made cheaper without changing what it returns or throws.
///
/// With its default resolver, Yams resolves the tag of every mapping key through seven
/// regular expressions while it checks for duplicate keys, and it looks up the environment
/// for the text encoding on every call: most of the time spent on front matter. Neither is
/// needed for ordinary files: rutinbok reads values as text and decides nulls and booleans
/// from the text itself. So a file is composed with the basic resolver (every implicit tag
/// is `str`) first, and with the default resolver whenever the two could differ:
/// - an error: the default resolver reports it (perhaps differently, say for `yes` and
///   `"yes"` as keys, which only the basic one takes for the same key);
/// - an explicit tag other than `!!str` (`!!bool yes` equals the key `yes` only by default);
/// - a key that is not a scalar (its keys' tags decide what its text is);
/// - an alias (`*`): a node used both as a key and as a value would share its tag.
/// Otherwise two keys are the same under both resolvers exactly when their texts are.
enum YAMLComposer {
    /// `Parser.Encoding.default` reads the environment; it cannot change during a build.
    nonisolated(unsafe) static let encoding = Parser.Encoding.default

    static func compose(_ text: String) throws -> Node? {
        if !text.utf8.contains(UInt8(ascii: "*")),
           let composed = try? Yams.compose(yaml: text, .basic, .default, encoding) as Node??,
           composed.map(isPlain) ?? true {
            return composed
        }
        return try Yams.compose(yaml: text, .default, .default, encoding)
    }

    private static let implicitTag = Tag.Name.implicit.rawValue
    private static let stringTag = Tag.Name.str.rawValue

    /// Whether no node carries a tag that would resolve differently, and every key is a scalar.
    private static func isPlain(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar):
            return hasPlainTag(scalar.tag)
        case .sequence(let sequence):
            return hasPlainTag(sequence.tag) && sequence.allSatisfy(isPlain)
        case .mapping(let mapping):
            guard hasPlainTag(mapping.tag) else { return false }
            for (key, value) in mapping {
                guard case .scalar = key, isPlain(key), isPlain(value) else { return false }
            }
            return true
        case .alias:
            return false
        }
    }

    private static func hasPlainTag(_ tag: Tag) -> Bool {
        let name = tag.rawValue
        return name == implicitTag || name == stringTag
    }
}
