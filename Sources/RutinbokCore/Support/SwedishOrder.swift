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

    static func key(_ text: String) -> [UInt32] {
        text.lowercased().unicodeScalars.map(rank)
    }

    private static func rank(_ scalar: Unicode.Scalar) -> UInt32 {
        let value = scalar.value
        switch scalar {
        case "a"..."z": return 100 + value - 0x61
        case "0"..."9": return 50 + value - 0x30
        case " ", "-", "\u{A0}": return 1
        case "å": return 126
        case "ä", "æ": return 127
        case "ö", "ø": return 128
        case "é", "è", "ê", "ë": return rank("e")
        case "á", "à", "â": return rank("a")
        case "í", "ì", "î", "ï": return rank("i")
        case "ó", "ò", "ô": return rank("o")
        case "ú", "ù", "û": return rank("u")
        case "ü", "ý", "ÿ": return rank("y")
        default: return 1_000 + value
        }
    }
}

extension Handbook {
    /// The portal's and the report's order: municipalities, then regions (and county councils,
    /// their former name), each by name as a Swedish reader looks for it.
    static func inPortalOrder(_ handbooks: [Handbook]) -> [Handbook] {
        func group(_ kind: Council.Kind) -> Int { kind == .kommun ? 0 : 1 }
        return handbooks.sorted { a, b in
            let ga = group(a.council.kind), gb = group(b.council.kind)
            if ga != gb { return ga < gb }
            if a.council.name != b.council.name { return SwedishOrder.precedes(a.council.name, b.council.name) }
            return a.council.slug < b.council.slug
        }
    }
}
