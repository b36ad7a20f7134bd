import Yams

/// Reads the `contacts` section of a `council.yml` or `group.yml`.
enum ContactLoader {
    static let keys = ["role", "name", "phone", "email", "hours", "out_of_hours", "verified", "verify_interval_months", "access"]

    /// A mistyped address is a link to no one: an error, as a phone number with letters is.
    static func checkEmail(_ email: Located<String>, in mapping: inout YAMLMapping) {
        guard let problem = EmailAddress.problem(in: email.value) else { return }
        mapping.report(.error(email.location, "e-postadressen '\(EmailAddress.visible(email.value))' ser inte ut som en e-postadress: \(problem)", code: "bad-email"))
    }

    static func contacts(_ yaml: inout YAMLMapping) -> [Contact] {
        guard var section = yaml.mapping("contacts") else { return [] }
        var contacts: [Contact] = []
        for (key, var entry) in section.entries() {
            if !Slug.isValid(key.value) {
                section.report(.error(key.location, "kontakt-id:t '\(key.value)' får bara innehålla a–z, 0–9 och '-'", code: "invalid-id",
                                      notes: ["skriv det som '\(Slug.make(key.value))'"]))
            }
            // Details no one has checked are as doubtful as old ones: `new council` leaves the
            // date for the editor to write. (A date that is not a date is reported as such.)
            if entry.raw("verified") == nil {
                entry.report(.warning(key.location, "kontakten '\(key.value)' har inget datum i 'verified'; kontrollera uppgifterna och skriv dagen, ÅÅÅÅ-MM-DD",
                                      code: "contact-unverified"))
            }
            let verified = entry.day("verified")
            let phone = entry.located("phone")
            if let phone {
                let digits = phone.value.filter { $0.isASCII && $0.isNumber }.count
                if phone.value.contains(where: \.isLetter) {
                    entry.report(.error(phone.location, "telefonnumret '\(phone.value)' innehåller bokstäver; skriv bara siffror, mellanslag och bindestreck", code: "bad-phone"))
                } else if digits < 3 {
                    entry.report(.error(phone.location, "telefonnumret '\(phone.value)' har för få siffror", code: "bad-phone"))
                } else if digits > 6, let first = phone.value.first(where: { $0 == "+" || $0.isASCII && $0.isNumber }), first != "0", first != "+" {
                    // Short numbers (112, 114 14, 1177, an extension) start without 0; a
                    // longer one is a local number, which a mobile phone cannot call as written.
                    entry.report(.error(phone.location, "telefonnumret '\(phone.value)' saknar riktnummer; skriv det med riktnummer, till exempel 08-\(phone.value), eller med landsnummer, +46 8 \(phone.value)", code: "bad-phone"))
                }
            }
            let email = entry.located("email")
            if let email { checkEmail(email, in: &entry) }
            var access = Routine.Access.public
            if let value = entry.located("access") {
                if let parsed = Routine.Access(rawValue: value.value) { access = parsed }
                else { entry.report(.error(value.location, "'access' ska vara 'public' eller 'internal', men här står '\(value.value)'", code: "bad-value")) }
            }
            // Text, or another contact of the handbook to call (`{ contact: tib }`): a group's
            // contact then names each member's own, and a number is written in one place.
            var outOfHours: String?, outOfHoursContact: Located<String>?
            switch entry.textOrMapping("out_of_hours") {
            case .text(let text): outOfHours = text.value
            case .mapping(var other):
                outOfHoursContact = other.located("contact", required: "id:t för kontakten att ringa utanför kontorstid, till exempel 'tib'")
                entry.absorb(&other, known: ["contact"])
            case nil: break
            }
            var contact = Contact(
                id: key.value, role: entry.string("role", required: "vad kontakten gör, till exempel 'Säkerhetssamordnare'") ?? key.value,
                name: entry.string("name"), phone: phone?.value, email: email?.value,
                hours: entry.string("hours"), outOfHours: outOfHours,
                verified: verified?.value, location: key.location,
                verifyIntervalMonths: entry.int("verify_interval_months", in: 1...120), verifiedLocation: verified?.location, access: access)
            contact.outOfHoursContact = outOfHoursContact
            if contact.phone == nil, contact.email == nil {
                // The handbook's point is whom to call: a contact no one can reach is not finished.
                entry.report(.error(key.location, "kontakten '\(key.value)' har varken 'phone' eller 'email'; läsarna kan inte nå den",
                                    code: "contact-unreachable"))
            }
            section.absorb(&entry, known: keys)
            contacts.append(contact)
        }
        yaml.absorb(&section, known: contacts.map(\.id))
        return contacts
    }
}
