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
        switch character {
        case "å": return 126
        case "ä", "æ": return 127
        case "ö", "ø": return 128
        case "ü", "ý", "ÿ": return rank("y")
        case " ", "-", "\u{A0}": return 1
        default:
            guard let first = character.unicodeScalars.first else { return 0 }
            // A letter a–z, alone or with accents Swedish does not sort apart (é as e).
            if ("a"..."z").contains(first) { return 100 + first.value - 0x61 }
            if ("0"..."9").contains(first) { return 50 + first.value - 0x30 }
            let decomposed = String(character).decomposedLetter
            if let base = decomposed, ("a"..."z").contains(base) { return 100 + base.value - 0x61 }
            return 1_000 + first.value
        }
    }
}

private extension String {
    /// The letter a–z under an accent written as one code point (é, á, í, ó, ú, è …): the
    /// common ones, which is all a council's name needs; nil for anything else.
    var decomposedLetter: Unicode.Scalar? { first.flatMap { Self.accented[$0] } }

    static let accented: [Character: Unicode.Scalar] = [
        "é": "e", "è": "e", "ê": "e", "ë": "e", "á": "a", "à": "a", "â": "a", "í": "i", "ì": "i", "î": "i", "ï": "i",
        "ó": "o", "ò": "o", "ô": "o", "ú": "u", "ù": "u", "û": "u", "ç": "c", "ñ": "n",
    ]
}

extension Handbook {
    /// The portal's and the report's order: municipalities, then regions (and county councils,
    /// their former name), each by name as a Swedish reader looks for it.
    static func inPortalOrder(_ handbooks: [Handbook]) -> [Handbook] {
        // Each name's key made once, not once per comparison.
        let keyed = handbooks.map { (handbook: $0, group: $0.council.kind == .kommun ? 0 : 1, key: SwedishOrder.key($0.council.name)) }
        return keyed.sorted { a, b in
            if a.group != b.group { return a.group < b.group }
            if a.key != b.key { return a.key.lexicographicallyPrecedes(b.key) }
            if a.handbook.council.name != b.handbook.council.name { return a.handbook.council.name < b.handbook.council.name }
            return a.handbook.council.slug < b.handbook.council.slug
        }.map(\.handbook)
    }
}
