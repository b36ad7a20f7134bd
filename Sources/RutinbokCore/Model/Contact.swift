/// A person or function an official can turn to.
public struct Contact: Sendable, Hashable {
    public var id: String
    public var role: String
    public var name: String?
    public var phone: String?
    public var email: String?
    public var hours: String?
    public var outOfHours: String?
    public var verified: Day?
    public var location: SourceLocation
    /// Verification interval for this contact, if it differs from the council's.
    public var verifyIntervalMonths: Int?
    /// Where `verified` is written, for diagnostics about the date.
    public var verifiedLocation: SourceLocation? = nil

    /// "Säkerhetssamordnare, Anna Exempel", or the role alone: how messages name a contact.
    public var roleAndName: String { role + (name.map { ", \($0)" } ?? "") }
}

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
    /// plus survive, which is all a `tel:` URI needs.
    static func telURI(_ number: String) -> String {
        var result = ""
        for character in number {
            if character.isASCII, character.isNumber { result.append(character) }
            else if character == "+", result.isEmpty { result.append(character) }
        }
        return result
    }
}
