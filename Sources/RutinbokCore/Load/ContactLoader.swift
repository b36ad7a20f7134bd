import Yams

/// Reads the `contacts` section of a `council.yml` or `group.yml`.
enum ContactLoader {
    static let keys = ["role", "name", "phone", "email", "hours", "out_of_hours", "verified", "verify_interval_months", "access"]

    /// A mistyped address is a link to no one: an error, as a phone number with letters is.
    static func checkEmail(_ email: Located<String>, in mapping: inout YAMLMapping) {
        guard let problem = EmailAddress.problem(in: email.value) else { return }
        mapping.report(.error(email.location, "e-postadressen '\(EmailAddress.visible(email.value))' ser inte ut som en e-postadress: \(problem)", code: "bad-email"))
    }

    /// A number that is not one number to call makes a link that dials no one: an error.
    static func checkPhone(_ phone: Located<String>, in mapping: inout YAMLMapping) {
        guard let problem = PhoneNumber.problem(in: phone.value) else { return }
        mapping.report(.error(phone.location, "telefonnumret '\(EmailAddress.visible(phone.value))' \(problem)", code: "bad-phone"))
    }

    static func contacts(_ yaml: inout YAMLMapping) -> [Contact] {
        guard var section = yaml.mapping("contacts") else { return [] }
        var contacts: [Contact] = []
        for (key, var entry) in section.entries(notMapping: misplaced) {
            if !Slug.isValid(key.value) {
                section.report(.error(key.location, "kontakt-id:t '\(HardSpaces.visible(key.value))' får bara innehålla a–z, 0–9 och '-'", code: "invalid-id",
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
            if let phone { checkPhone(phone, in: &entry) }
            let email = entry.located("email")
            if let email { checkEmail(email, in: &entry) }
            let access = entry.access()
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

    /// A contact's key with its value, indented as far as the contacts' ids (`  access:
    /// internal` under `contacts:`): YAML reads it as a contact of its own, and the contact it
    /// was meant for goes without it. Said as what it is, not as a contact without lines.
    static func misplaced(_ key: Located<String>, before: [String]) -> Diagnostic? {
        guard keys.contains(key.value) else { return nil }
        let fix = before.last.map { "inte som en rad i kontakten ovanför; dra in den, i linje med raderna under '\($0):'" }
            ?? "inte som en rad i en kontakt; dra in den under kontakten, i linje med kontaktens andra rader"
        return .error(key.location, "'\(key.value)' står som en egen kontakt, så den läses \(fix)",
                      code: "misplaced-key", notes: [YAMLMapping.consequence(of: key.value) ?? "som det står nu läses nyckeln inte"])
    }
}
