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
