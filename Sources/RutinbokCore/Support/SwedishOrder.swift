/// Names in the order a Swedish reader looks for them: a–z, then å, ä, ö (so Östersund comes
/// after Västerås, not among the O's as its folder name `ostersund` would put it); é as e, ü
/// as y, æ as ä, ø as ö; digits before letters; case and the rest of Unicode's accents aside.
/// Written out rather than left to the platform's collation, which on Linux depends on the
/// ICU data the machine has.
enum SwedishOrder {
    /// Whether `a` comes before `b`; equal keys fall back to the texts themselves, so that the
    /// order is total and the same on every machine.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let keyA = key(a), keyB = key(b)
        return keyA != keyB ? keyA.lexicographicallyPrecedes(keyB) : a < b
    }

    /// Character by Character: Swift compares Characters by canonical equivalence, so an "ö"
    /// written as "o" and a combining diaeresis (as names pasted from some PDFs and file
    /// names are) is still ö.
    static func key(_ text: String) -> [UInt32] {
        text.lowercased().map(rank)
    }

    private static func rank(_ character: Character) -> UInt32 {
        if let special = special[character] { return special }
        guard let first = character.unicodeScalars.first else { return 0 }
        // a–z alone or with a combining accent Swedish does not sort apart (e and U+0301 as e).
        if ("a"..."z").contains(first) { return letter(first) }
        if ("0"..."9").contains(first) { return 50 + first.value - 0x30 }
        return 1_000 + first.value
    }

    private static func letter(_ scalar: Unicode.Scalar) -> UInt32 { 100 + scalar.value - 0x61 }

    /// The letters Swedish sorts after z, those it sorts as another, and the separators, by
    /// Character (so a decomposed ö is found as ö).
    private static let special: [Character: UInt32] = {
        var table: [Character: UInt32] = ["å": 126, "ä": 127, "æ": 127, "ö": 128, "ø": 128, " ": 1, "-": 1, "\u{A0}": 1]
        let asLetter: [Unicode.Scalar: String] = ["a": "áàâ", "c": "ç", "e": "éèêë", "i": "íìîï", "n": "ñ", "o": "óòô",
                                                  "u": "úùû", "y": "üýÿ"]
        for (base, accented) in asLetter {
            for character in accented { table[character] = letter(base) }
        }
        return table
    }()
}
