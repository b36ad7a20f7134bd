/// Phone numbers as councils write them ("070-000 00 01"), in the forms that links to call
/// and address books need.
enum PhoneNumber {
    /// What keeps `number` from being one number to call, in words for the message (after
    /// "telefonnumret '…'"); nil when it is one. A `phone` or `number` field becomes one
    /// `tel:` link of all its digits: two numbers, an extension or a digit the link leaves
    /// out (`０`, `٠`) would make it dial a number that does not exist.
    static func problem(in number: String) -> String? {
        if number.contains(where: \.isLetter) { return "innehåller bokstäver; skriv bara siffror, mellanslag och bindestreck" }
        if let separator = number.first(where: { "/,;&|".contains($0) }) {
            return "innehåller '\(separator)' och är nog två nummer; skriv ett nummer här"
        }
        if number.trimmed.dropFirst().contains("+") { return "innehåller ett '+' mitt i och är nog två nummer; skriv ett nummer här" }
        if let sign = number.first(where: { $0 == "#" || $0 == "*" }) {
            return "innehåller '\(sign)', som en länk för att ringa inte kan slå; skriv numret utan anknytning"
        }
        if let other = number.unicodeScalars.first(where: { !isWritten($0) }) {
            // An invisible one by its code: quoted as it is, the message would show nothing.
            let shown = EmailAddress.visible(String(other))
            return "innehåller tecknet \(shown == String(other) ? "'\(shown)'" : shown), som inte hör till ett telefonnummer; skriv bara siffrorna 0–9, mellanslag och bindestreck"
        }
        let dialled = telURI(number)
        let digits = dialled.filter(\.isNumber).count
        if digits < 3 { return "har för få siffror" }
        if digits > 6, let first = number.first(where: { $0 == "+" || $0.isASCII && $0.isNumber }), first != "0", first != "+" {
            // Short numbers (112, 114 14, 1177, an extension) start without 0; a longer one
            // is a local number, which a mobile phone cannot call as written.
            let written = number.trimmed
            return "saknar riktnummer; skriv det med riktnummer, till exempel 08-\(written), eller med landsnummer, +46 8 \(written)"
        }
        if dialled.hasPrefix("+") || dialled.hasPrefix("00") {
            let significant = digits - (dialled.hasPrefix("00") ? 2 : 0)
            if significant > 15 { return "har \(significant) siffror efter landsnumrets '+', fler än ett nummer kan ha (högst 15); skriv ett nummer här" }
        } else if dialled.hasPrefix("0"), digits > 10 {
            return "har \(digits) siffror, fler än ett svenskt nummer har (högst 10 med nollan först); skriv ett nummer här"
        }
        return nil
    }

    /// What may stand between a number's groups: spaces (also non-breaking and thin ones) and
    /// hyphens (also the dashes word processors put in their place). `PhoneLinks` reads
    /// numbers in text with the same.
    static let spaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}"]
    static let dashes: Set<Character> = ["-", "\u{2010}", "\u{2011}", "\u{2013}"]

    /// What a number may be written with: the digits 0–9, `spaces` and `dashes`, parentheses,
    /// points and a plus.
    private static func isWritten(_ scalar: Unicode.Scalar) -> Bool {
        let character = Character(scalar)
        return ("0"..."9").contains(scalar) || spaces.contains(character) || dashes.contains(character) || "().+".unicodeScalars.contains(scalar)
    }

    /// The international form of a Swedish number for address books, which may be used
    /// abroad: `070-000 00 01` → `+46700000001`. Numbers already international, and short
    /// service numbers without the trunk 0 (`11414`), stay as they are.
    static func international(_ number: String) -> String {
        let digits = telURI(number)
        guard digits.hasPrefix("0"), !digits.hasPrefix("00"), digits.count > 6 else {
            return digits.hasPrefix("00") ? "+" + digits.dropFirst(2) : digits
        }
        return "+46" + digits.dropFirst()
    }

    /// `070-000 00 01` → `0700000001`; `+46 70 …` keeps its plus. Only digits and a leading
    /// plus survive, which is all a `tel:` URI needs. The trunk 0 that an international form
    /// may show (`+46 (0)8 …`, `+46 08 …`) is dialled only within Sweden, so it is left out.
    static func telURI(_ number: String) -> String {
        var result = ""
        var inParentheses = false, trunk = ""
        for character in number {
            if character == "(" { inParentheses = true; trunk = ""; continue }
            if character == ")" {
                // "(0)" after a country code: the trunk prefix, not a digit to dial.
                if !((result.hasPrefix("+") || result.hasPrefix("00")) && trunk == "0") { result += trunk }
                inParentheses = false
                continue
            }
            if character.isASCII, character.isNumber {
                if inParentheses { trunk.append(character) } else { result.append(character) }
            } else if character == "+", result.isEmpty { result.append(character) }
        }
        if inParentheses { result += trunk }
        if result.hasPrefix("+460") { result.remove(at: result.index(result.startIndex, offsetBy: 3)) }
        if result.hasPrefix("00460") { result.remove(at: result.index(result.startIndex, offsetBy: 4)) }
        return result
    }
}
