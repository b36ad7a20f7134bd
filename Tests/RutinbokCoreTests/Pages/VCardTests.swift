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

    /// Swedish names as they are written: a double given name with a hyphen, a family name
    /// with a particle; and offices named like people are not taken for them.
    @Test func hyphensAndParticlesAreNamesAndOfficesAreNot() {
        let hyphen = Self.lines(Self.contact(role: "Kanslichef", name: "Anna-Karin Ek"))
        #expect(hyphen.contains("FN:Anna-Karin Ek") && hyphen.contains("N:Ek;Anna-Karin;;;"))
        let particle = Self.lines(Self.contact(role: "Ordförande", name: "Lars von Exempel"))
        #expect(particle.contains("FN:Lars von Exempel") && particle.contains("N:von Exempel;Lars;;;"))
        let apostrophe = Self.lines(Self.contact(role: "HR", name: "Siobhan O'Hara"))
        #expect(apostrophe.contains("N:O'Hara;Siobhan;;;"))
        for office in ["Brottsofferjouren Exempelby", "Region Exempelland", "Exempelby Kommun", "Säkerhetsenheten Nord"] {
            let card = Self.lines(Self.contact(role: "Stöd", name: office))
            #expect(card.contains("FN:Stöd: \(office)") && card.contains("N:;;;;"), "\(office)")
        }
        // A particle alone at an end is no name.
        #expect(!VCard.isPersonName("von Exempel") && !VCard.isPersonName("Anna de"))
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

    /// The after-hours numbers can be called from the saved card, at night when they matter.
    @Test func theNumbersToCallAfterHoursAreNumbersOfTheCard() {
        var contact = Self.contact(role: "Säkerhetssamordnare", name: "Anna Exempel")
        contact.outOfHours = "Ring säkerhetsjouren på 0100-00 02 99, eller växeln 08-123 45 67 kl. 07.00–22.00."
        let card = Self.lines(contact)
        #expect(card.contains("TEL;TYPE=WORK,VOICE:+46700000001"))
        #expect(card.contains("item1.TEL;TYPE=VOICE:+46100000299") && card.contains("item1.X-ABLabel:Utanför kontorstid"))
        #expect(card.contains("item2.TEL;TYPE=VOICE:+4681234567") && card.contains("item2.X-ABLabel:Utanför kontorstid"))
        #expect(!card.contains { $0.hasPrefix("item3.") }, "times are no numbers")
        #expect(card.contains { $0.hasPrefix("NOTE:Utanför kontorstid: Ring säkerhetsjouren") })
    }

    /// A national number the text names ("via 112"), or the contact's own number again, is
    /// not the contact's number after hours.
    @Test func nationalNumbersAndTheOwnNumberAreNotAfterHoursNumbers() {
        var contact = Self.contact(role: "Tjänsteman i beredskap", name: nil)
        contact.outOfHours = "Via 112, eller 114 14 om det inte är akut. Samma nummer: 070-000 00 01. Jouren: 0100-00 02 99 och 0100-00 02 99."
        let card = Self.lines(contact)
        #expect(card.filter { $0.contains(".TEL;") } == ["item1.TEL;TYPE=VOICE:+46100000299"])
    }
}
