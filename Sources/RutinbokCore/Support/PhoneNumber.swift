/// Phone numbers as councils write them ("070-000 00 01"), in the forms that links to call
/// and address books need.
enum PhoneNumber {
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
