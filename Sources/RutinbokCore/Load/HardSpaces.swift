/// Spaces YAML does not take for spaces: a no-break space (U+00A0), which Word and web pages
/// put between words, looks like a space; a zero-width space (U+200B) looks like nothing.
/// Pasted into a settings file they make keys no one can tell from the right ones
/// (`phone\u{A0}:` is the key `phone\u{A0}`), a colon that is not followed by a space
/// (`name:\u{A0}Sven` is one word to YAML) or a line that starts further left than it looks.
/// Left to libyaml's own words the message named what the editor could not see ("efter ':'
/// ska det stå ett mellanslag", a line said to start in column 1); so these are looked for
/// where they change how YAML reads a line, and named, by their code where they are shown.
///
/// Inside a value (`Anna\u{A0}Exempel`) such a space does no harm and is left alone.
enum HardSpaces {
    enum Kind {
        /// A space to the eye (no-break, figure, narrow no-break, and the typographic widths).
        case hard
        /// Nothing to the eye: zero-width space, joiners, word joiner, a byte order mark
        /// inside the text, a soft hyphen. (The marks that change the direction of text are
        /// control characters to rutinbok: `YAMLMapping.isControl`.)
        case zeroWidth
    }

    static let zeroWidth: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{AD}"]

    static func kind(of scalar: Unicode.Scalar) -> Kind? {
        if scalar == " " { return nil }
        if scalar.properties.generalCategory == .spaceSeparator { return .hard }
        return zeroWidth.contains(scalar) ? .zeroWidth : nil
    }

    /// What stands there, for a message: "ett hårt mellanslag (från Word eller en webbsida)".
    static func described(_ scalar: Unicode.Scalar) -> String {
        switch kind(of: scalar) {
        case .hard where scalar == "\u{A0}": "ett hårt mellanslag (från Word eller en webbsida)"
        case .hard: "ett hårt mellanslag (\(scalar.codeText), från Word eller en webbsida)"
        default: "ett osynligt tecken (\(scalar.codeText), från Word eller en webbsida)"
        }
    }

    /// `text` with each hard or zero-width space written as its code (`phone<U+00A0>`), as
    /// `EmailAddress.visible` shows an address's: quoted as it is, the message would show a
    /// space, or nothing, where the problem is. (Control characters are left to the terminal's
    /// output, which shows them by their code too.)
    static func visible(_ text: String) -> String {
        text.showingCodes { kind(of: $0) != nil }
    }

    /// The first hard or zero-width space of a key, with its offset in scalars.
    static func first(in key: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        for (offset, scalar) in key.unicodeScalars.enumerated() where kind(of: scalar) != nil {
            return (offset, scalar)
        }
        return nil
    }

    /// The key without them.
    static func removed(from key: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in key.unicodeScalars where kind(of: scalar) == nil { result.append(scalar) }
        return String(result).trimmed
    }

    /// One where YAML reads a line differently for it, with what to do.
    struct Found {
        var line: Int
        var column: Int
        var scalar: Unicode.Scalar
        var fix: String

        var message: String { "här står \(HardSpaces.described(scalar)); \(fix)" }
        var note: String {
            HardSpaces.kind(of: scalar) == .hard ? "YAML räknar det inte som ett mellanslag, så raden läses inte som den ser ut"
                : "tecknet syns inte, men YAML läser det som en del av raden, så raden läses inte som den ser ut"
        }
    }

    /// The first one on the given lines (1-based) that changes how YAML reads its line: in
    /// the indent, before the first character that is no space (a line that looks indented
    /// as its neighbours, and is not to YAML), or right after the colon of a line's key
    /// (`name:\u{A0}Sven`, which YAML reads as one word, not a key and its value). Only the
    /// lines where libyaml stopped and just before are looked at: elsewhere (a line of a
    /// longer text that starts with one) it may be harmless, and the problem another.
    static func inStructure(of text: String, lines numbers: [Int]) -> Found? {
        // In UTF-8 each of them starts with C2, E1, E2, E3 or EF: most texts have none.
        guard text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE1 || $0 == 0xE2 || $0 == 0xE3 || $0 == 0xEF }) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for number in Set(numbers).sorted() where number >= 1 && number <= lines.count {
            let index = number - 1, scalars = Array(lines[index].unicodeScalars)
            // The indent: spaces and any of these, up to the first other character.
            var position = 0
            while position < scalars.count, scalars[position] == " " || kind(of: scalars[position]) != nil {
                if kind(of: scalars[position]) != nil {
                    let fix = kind(of: scalars[position]) == .hard ? "sudda det och skriv ett vanligt mellanslag" : "sudda det"
                    return Found(line: index + 1, column: position + 1, scalar: scalars[position], fix: fix)
                }
                position += 1
            }
            // A list item's dash (`- name:\u{A0}…`) comes before its key.
            if position + 1 < scalars.count, scalars[position] == "-", scalars[position + 1] == " " {
                position += 2
                while position < scalars.count, scalars[position] == " " { position += 1 }
            }
            // The line's key: one plain word, up to its colon (words with spaces between
            // them are text, a line of a longer value, say).
            guard position < scalars.count, !"\"'#{[|>&*!%@`".unicodeScalars.contains(scalars[position]) else { continue }
            while position < scalars.count, scalars[position] != ":", scalars[position] != " " { position += 1 }
            let after = position + 1
            guard after < scalars.count, scalars[position] == ":", let kind = kind(of: scalars[after]) else { continue }
            // After a zero-width one a space may still follow, and then only it is in the way.
            let spaced = after + 1 < scalars.count && scalars[after + 1] == " "
            let fix = kind == .zeroWidth && spaced ? "sudda det" : "sudda det och skriv ett vanligt mellanslag"
            return Found(line: index + 1, column: after + 1, scalar: scalars[after], fix: fix)
        }
        return nil
    }
}
