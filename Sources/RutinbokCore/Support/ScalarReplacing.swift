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

extension Unicode.Scalar {
    /// The character by its code, as a message names one that cannot be seen: `U+00A0`.
    var codeText: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// The text with each scalar `hidden` picks written as its code (`<U+200B>`): quoted as
    /// it is, a message would show a space, or nothing, where the problem is.
    func showingCodes(of hidden: (Unicode.Scalar) -> Bool) -> String {
        replacingScalars { hidden($0) ? "<\($0.codeText)>" : nil }
    }
}
