/// The shape an e-mail address must have before the handbook offers it as a `mailto:` link.
/// Not RFC 5322 in full (quoted local parts, comments and IP literals have no place in a
/// contact list): the mistakes people make when they type or paste an address into YAML.
/// Looked at scalar by scalar: a `"` followed by a combining mark is one Swift Character
/// that is not `"`, and a browser would still read the quote.
enum EmailAddress {
    /// What is wrong with `text` as an address, in words for the message; nil when it looks right.
    static func problem(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        if scalars.isEmpty { return "adressen är tom" }
        if text.lowercased().hasPrefix("mailto:") { return "skriv adressen utan 'mailto:'" }
        if scalars.contains(where: { $0 == "," || $0 == ";" }) { return "skriv en adress per kontakt, utan komma eller semikolon" }
        if scalars.contains(where: \.properties.isWhitespace) { return "den har mellanslag" }
        if scalars.contains(where: isInvisible) {
            return "den har ett osynligt tecken, kanske från en kopierad text; skriv adressen på nytt"
        }
        let parts = text.unicodeScalars.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count == 1 ? "den saknar @" : "den har mer än ett @" }
        let local = parts[0], domain = parts[1]
        if local.isEmpty { return "det saknas något före @" }
        if !local.allSatisfy(isLocalPart) || local.first == "." || local.last == "." || containsDoubleDot(local) {
            return "den har tecken som inte hör hemma i en adress"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let isDomain = labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-" && label.allSatisfy { $0 == "-" || isLetterOrDigit($0) }
        }
        return isDomain ? nil : "det som står efter @ är ingen domän (som kommun.se)"
    }

    /// `text` with each invisible character shown as its code (`<U+200B>`): a message that
    /// quoted the address as it is would show nothing where the problem is.
    static func visible(_ text: String) -> String {
        text.showingCodes(of: isInvisible)
    }

    /// Controls, format characters (zero-width space, soft hyphen, direction marks, the byte
    /// order mark) and marks that combine with the character before them.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .spacingMark, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// Letters (å, ä, ö too: mail servers take them), digits and the signs RFC 5322 allows
    /// in an address's first part without quotes.
    private static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        isLetterOrDigit(scalar) || "!#$%&'*+-/=?^_`{|}~.".unicodeScalars.contains(scalar)
    }

    private static func containsDoubleDot(_ scalars: Substring.UnicodeScalarView.SubSequence) -> Bool {
        zip(scalars, scalars.dropFirst()).contains { $0 == "." && $1 == "." }
    }
}
