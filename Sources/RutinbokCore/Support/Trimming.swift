extension StringProtocol {
    /// The text without leading and trailing white space (line breaks included).
    /// Swift-native: Foundation's `trimmingCharacters(in:)` bridges through NSString, and on
    /// the hot paths (every YAML value, every routine body, every heading) that was a sixth
    /// of the load and Markdown stages.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// Whether the text is empty or only white space.
    var isBlank: Bool {
        unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
