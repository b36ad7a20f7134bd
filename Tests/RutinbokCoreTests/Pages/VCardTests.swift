import Testing
@testable import RutinbokCore

/// A person's card has their given and family name; a function's or an office's is filed
/// whole, after its role, and never taken for a surname.
@Suite struct VCardTests {
    static func contact(role: String, name: String?) -> Contact {
        Contact(id: "x", role: role, name: name, phone: "070-000 00 01", email: nil, hours: nil, outOfHours: nil,
                verified: nil, location: SourceLocation(file: "x"), verifyIntervalMonths: nil)
    }

    static func lines(_ contact: Contact) -> [String] {
        VCard.card(for: contact, organisation: "Exempelby kommun").components(separatedBy: "\r\n")
    }

    @Test func aPersonIsSplitIntoGivenAndFamilyName() {
        let card = Self.lines(Self.contact(role: "Säkerhetssamordnare", name: "Anna Maria Exempel"))
        #expect(card.contains("FN:Anna Maria Exempel"))
        #expect(card.contains("N:Exempel;Anna Maria;;;"))
        #expect(card.contains("TITLE:Säkerhetssamordnare"))
    }

    @Test func aFunctionOrOfficeIsFiledWholeAfterItsRole() {
        let office = Self.lines(Self.contact(role: "Företagshälsovård", name: "Exempelhälsan AB, mottagningen"))
        #expect(office.contains("FN:Företagshälsovård: Exempelhälsan AB\\, mottagningen"))
        #expect(office.contains("N:;;;;"))
        let duty = Self.lines(Self.contact(role: "Tjänsteperson i beredskap", name: "Jourhavande tjänsteperson"))
        #expect(duty.contains("FN:Tjänsteperson i beredskap: Jourhavande tjänsteperson"))
        #expect(duty.contains("N:;;;;"))
        let nobody = Self.lines(Self.contact(role: "Växeln", name: nil))
        #expect(nobody.contains("FN:Växeln") && nobody.contains("N:;;;;"))
    }
}
