import Foundation

/// Readable, stable ids for headings, routines and councils: "Riskbedömning före mötet"
/// becomes "riskbedomning-fore-motet".
public enum Slug {
    /// Lowercases, folds letters with diacritics to their base letter (å, ä → a; ö → o;
    /// é → e), keeps a–z and 0–9, and joins everything else into single dashes.
    public static func make(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            if folded.isEmpty {
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                pendingDash = !result.isEmpty
                continue
            }
            if pendingDash { result.append("-"); pendingDash = false }
            result += folded
        }
        return result
    }

    /// Whether `text` is already a slug, i.e. `make(text) == text`.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }

    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "A"..."Z": return String(Character(scalar)).lowercased()
        case "æ", "Æ": return "ae"
        case "ø", "Ø": return "o"
        case "ß": return "ss"
        default:
            guard !scalar.isASCII else { return "" }
            // Decompose (é → e + ◌́) and keep the ASCII letter or digit, if any.
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            guard let base = decomposed.first, base.isASCII,
                  base.properties.isAlphabetic || ("0"..."9").contains(base) else { return "" }
            return String(Character(base)).lowercased()
        }
    }
}
