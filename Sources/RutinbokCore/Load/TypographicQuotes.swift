/// Quotation marks a word processor types (”…”, “…”, „…“, »…«, ’…’). YAML takes only the
/// straight ones (`"` and `'`) as quotes, so a value written inside these keeps them as part
/// of its text: a phone number shown as ”070-000 00 00”, a colour that is no colour.
enum TypographicQuotes {
    static let marks: Set<Character> = ["”", "“", "„", "»", "«", "’", "‘", "‚"]

    /// `value` without the typographic quotes around it, when its first and last characters
    /// are such quotes and it has no others (”Hot” och ”hat” is a text with quotes in it);
    /// nil otherwise.
    static func unwrapped(_ value: String) -> String? {
        guard let first = value.first, marks.contains(first), value.count >= 2, let last = value.last, marks.contains(last) else { return nil }
        let inner = value.dropFirst().dropLast()
        guard !inner.contains(where: marks.contains) else { return nil }
        return String(inner).trimmed
    }

    /// The 1-based column (in Unicode scalars) of a typographic quote that opens the value on
    /// `line` of `text` (after `key: ` or `- `); nil when the value does not start with one.
    static func openingColumn(in text: String, line: Int) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " { index += 1 }
        if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] == " " {
            index += 2
        } else {
            while index < scalars.count, scalars[index] != ":" { index += 1 }
            index += 1
        }
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count, marks.contains(Character(scalars[index])) else { return nil }
        return index + 1
    }

    static let advice = "skriv raka citattecken (\") eller inga alls; Word och liknande program byter ut raka citattecken mot typografiska"
}
