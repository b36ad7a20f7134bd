import Foundation

/// Readable, stable ids for headings, routines and councils: "Riskbedömning före mötet"
/// becomes "riskbedomning-fore-motet".
public enum Slug {
    /// Lowercases, folds letters with diacritics to their base letter (å, ä → a; ö → o;
    /// é → e), keeps a–z and 0–9, and joins everything else into single dashes.
    public static func make(_ text: String) -> String {
        // Built as UTF-8 bytes: appending scalars to a String one at a time costs more.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // ASCII letters and digits, by far the most common, without looking anything up.
            if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) {
                if pendingDash { result.append(UInt8(ascii: "-")); pendingDash = false }
                result.append(UInt8(truncatingIfNeeded: value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                continue
            }
            let folded = fold(scalar)
            if folded.text.isEmpty {
                if folded.isNonspacingMark { continue }
                pendingDash = !result.isEmpty
                continue
            }
            if pendingDash { result.append(UInt8(ascii: "-")); pendingDash = false }
            result.append(contentsOf: folded.text.utf8)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `text` is already a slug, i.e. `make(text) == text`.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(text) == text
    }

    private struct Folded {
        var text: String
        var isNonspacingMark: Bool

        init(_ scalar: Unicode.Scalar) {
            text = Slug.foldScalar(scalar)
            isNonspacingMark = text.isEmpty && scalar.properties.generalCategory == .nonspacingMark
        }
    }

    /// Folds of the scalars Swedish text uses most, worked out once: ASCII, Latin-1 and
    /// Latin Extended-A and -B (å, ä, ö, é …), and general punctuation ('–', '’' …).
    private static let latinFolds = folds(0..<0x250)
    private static let punctuationFolds = folds(0x2000..<0x2070)

    private static func folds(_ range: Range<UInt32>) -> [Folded] {
        range.map { Folded(Unicode.Scalar($0)!) }
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Folded {
        switch scalar.value {
        case 0..<0x250: latinFolds[Int(scalar.value)]
        case 0x2000..<0x2070: punctuationFolds[Int(scalar.value - 0x2000)]
        default: Folded(scalar)
        }
    }

    private static func foldScalar(_ scalar: Unicode.Scalar) -> String {
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
