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
}

enum PhoneNumber {
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
