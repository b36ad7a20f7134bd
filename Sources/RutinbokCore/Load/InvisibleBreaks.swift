import Foundation

/// NEXT LINE (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029): libyaml
/// reads each as a line break, but editors show none (or a mark in the middle of a line),
/// and text copied from Word or a PDF can carry them. Left to libyaml, every line after one
/// was reported a line too far, a value could end in the middle of a line, and the next
/// word was read as a key ("raden har inget ':'") on a line that has none.
///
/// So each is an error at its own place, the editor's line and column, and the text is
/// parsed with a space in its stead: one scalar for one, so every other line and column
/// libyaml reports is the editor's too, and the file's other problems are reported in the
/// same build. Mapping libyaml's marks back to real lines instead would keep the lines right
/// but leave the odd parse (a value cut in two, a comment that ends mid-line) and its
/// misleading messages; and what was meant by a character nobody can see (a space, nothing,
/// a new line) is for the editor to say.
enum InvisibleBreaks {
    static let scalars: Set<Unicode.Scalar> = ["\u{85}", "\u{2028}", "\u{2029}"]

    struct Found {
        var line: Int
        var column: Int
        var scalar: Unicode.Scalar
    }

    /// Every one in `text` (line breaks `\n` only), with its line and column (1-based, in scalars).
    static func find(in text: String) -> [Found] {
        // In UTF-8, C2 85 and E2 80 A8/A9: most texts have neither lead byte.
        guard text.utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 }) else { return [] }
        var found: [Found] = []
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if scalars.contains(scalar) { found.append(Found(line: line, column: column, scalar: scalar)) }
            column += 1
        }
        return found
    }

    /// `text` with a space for each.
    static func replaced(in text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(scalars.contains(scalar) ? " " : scalar) }
        return String(result)
    }

    static func diagnostic(_ found: Found, file: String, lineOffset: Int) -> Diagnostic {
        let code = found.scalar.codeText
        return .error(SourceLocation(file: file, line: found.line + lineOffset, column: found.column),
                      "här står ett osynligt tecken för radbrytning (\(code)), som YAML läser som en ny rad; ta bort det, eller skriv ett mellanslag i stället",
                      code: "yaml-syntax",
                      notes: ["tecknet syns inte i de flesta program; det följer ofta med när text klistras in från Word eller en PDF, så radera texten runt kolumnen och skriv den igen"])
    }
}
