import Foundation

/// Escaping for text put into HTML: the same as swift-mustache's `{{x}}` (`String.htmlEscape`,
/// internal to it), which replaces whole Characters, so an `&` that carries a combining mark
/// stays as it is. The frames that fill templates (`Frame`, `TemplateFrames`) escape with it
/// and must give swift-mustache's bytes; most texts need no escaping, which one pass over the
/// bytes tells.
public enum HTML {
    public static func escape(_ text: String) -> String {
        let needsWork = text.utf8.contains { byte in
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard needsWork else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The wrapper of a table, in a routine and on a change page: a region that scrolls sideways
    /// when the table is wider than the screen, which the keyboard can reach (a scroller is not
    /// focusable in every browser) and which is named by the table's header row, "Tabell: Vem,
    /// Telefon" (empty header cells left out).
    static func tableWrapper(headerCells: [some StringProtocol]) -> String {
        let name = headerCells.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: ", ")
        let label = name.isEmpty ? "Tabell" : "Tabell: \(escape(name))"
        return "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"\(label)\">"
    }
}
