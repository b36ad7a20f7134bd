extension String {
    /// The text with every Unicode scalar for which `replacement` gives a text replaced by
    /// that text (nil keeps the scalar). By scalar, not by Character: a quote or a line break
    /// with a combining mark after it is another Character, which a switch over Characters
    /// lets through whole. The escaping of vCards, manifests, scaffolded YAML and terminal
    /// messages goes through here.
    public func replacingScalars(_ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if let text = replacement(scalar) { result.append(contentsOf: text.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
