/// The shape an e-mail address must have before the handbook offers it as a `mailto:` link.
/// Not RFC 5322 in full (quoted local parts, comments and IP literals have no place in a
/// contact list): the mistakes people make when they type an address into YAML.
enum EmailAddress {
    /// What is wrong with `text` as an address, in words for the message; nil when it looks right.
    static func problem(in text: String) -> String? {
        if text.lowercased().hasPrefix("mailto:") { return "skriv adressen utan 'mailto:'" }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace }) { return "den har mellanslag" }
        if text.contains(where: { ",;".contains($0) }) { return "skriv en adress per kontakt, utan komma eller semikolon" }
        if text.contains(where: { "<>\"()[]\\".contains($0) }) { return "den har tecken som inte hör hemma i en adress" }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return parts.count == 1 ? "den saknar @" : "den har mer än ett @" }
        if parts[0].isEmpty { return "det saknas något före @" }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 || labels.contains(where: \.isEmpty) {
            return "det som står efter @ är ingen domän (som kommun.se)"
        }
        return nil
    }
}
