import Foundation

/// A rutinbok command that a message suggests, written so that it works when typed as shown:
/// with `--content <folder>` when the content is not in `./content`, the default.
public enum SuggestedCommand {
    /// `rutinbok <words>`, plus `--content` when `content` is not the default folder.
    public static func make(_ words: String, content: String) -> String {
        isDefault(content) ? "rutinbok \(words)" : "rutinbok \(words) --content \(shellQuoted(content))"
    }

    static func isDefault(_ content: String) -> Bool {
        var path = content
        while path.hasSuffix("/") && path.count > 1 { path.removeLast() }
        if path.hasPrefix("./") { path.removeFirst(2) }
        return path == "content"
    }

    /// The folder as a shell reads it: quoted only when it has to be.
    static func shellQuoted(_ text: String) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./+,:@%"))
        if !text.isEmpty, text.unicodeScalars.allSatisfy({ plain.contains($0) }) { return text }
        // Double quotes when they are enough: the suggestion may itself stand within single quotes.
        if !text.contains(where: { "\"$`\\!".contains($0) }) { return "\"" + text + "\"" }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
