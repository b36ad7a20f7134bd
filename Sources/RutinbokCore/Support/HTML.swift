import Foundation

/// Escaping for text put into HTML, byte by byte: every `&`, `<`, `>`, `"` and `'` is
/// replaced, also where a combining mark follows it. (swift-mustache's own `{{x}}` works on
/// whole Characters, and `"` with a combining mark after it is another Character: it stayed,
/// and a browser, which reads code points, closed the attribute there. So the theme's
/// templates escape with this too: `Theme` sets it as their content type.) The frames that fill
/// templates (`Frame`, `TemplateFrames`) escape with it; most texts need no escaping, which one
/// pass over the bytes tells.
public enum HTML {
    public static func escape(_ text: String) -> String {
        let needsWork = text.utf8.contains { byte in
            byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
        }
        guard needsWork else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
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
