/// All of a council's contacts as one vCard 3.0 file (RFC 2426), so a phone can import them in one go.
enum VCard {
    /// `organisation`: whose contact each is (the council's, or its group's).
    static func file(for contacts: [Contact], organisation: (Contact) -> String) -> String {
        contacts.map { card(for: $0, organisation: organisation($0)) }.joined()
    }

    static func card(for contact: Contact, organisation: String) -> String {
        var lines = ["BEGIN:VCARD", "VERSION:3.0"]
        // A phone files a card under its name: a person's is split into given and family name;
        // a function's or an office's ("Exempelhälsan AB, mottagningen") is kept whole, after
        // the role that says what it is, and never taken for a surname.
        let person = contact.name.flatMap { isPersonName($0) ? $0 : nil }
        let name = person ?? contact.name.map { "\(contact.role): \($0)" } ?? contact.role
        lines.append("FN:\(escape(name))")
        if let person {
            let (given, family) = splitName(person)
            lines.append("N:\(escape(family));\(escape(given));;;")
        } else {
            lines.append("N:;;;;")
        }
        lines.append("ORG:\(escape(organisation))")
        lines.append("TITLE:\(escape(contact.role))")
        let own = contact.phone.map(PhoneNumber.international)
        if let own { lines.append("TEL;TYPE=WORK,VOICE:\(escape(own))") }
        // The numbers to call after hours, to tap at night as well: labelled the way phones
        // show a label of their own (a group with X-ABLabel), the text itself in NOTE.
        // Not the national numbers a text may name ("via 112"), nor the contact's own.
        var seen = Set([own].compactMap { $0 })
        let afterHours = (contact.outOfHours.map(PhoneLinks.numbers) ?? []).map(PhoneNumber.international).filter { number in
            !PhoneLinks.shortNumbers.contains(number) && seen.insert(number).inserted
        }
        for (index, number) in afterHours.enumerated() {
            lines.append("item\(index + 1).TEL;TYPE=VOICE:\(escape(number))")
            lines.append("item\(index + 1).X-ABLabel:Utanför kontorstid")
        }
        if let email = contact.email { lines.append("EMAIL;TYPE=INTERNET:\(escape(email))") }
        let note = [contact.hours, contact.outOfHours.map { "Utanför kontorstid: \($0)" }].compactMap { $0 }.joined(separator: ". ")
        if !note.isEmpty { lines.append("NOTE:\(escape(note))") }
        lines.append("END:VCARD")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Two to four words with no comma or digit, each a capitalised name ("Anna-Karin",
    /// "O'Hara") or, inside the name, a particle ("von", "af"): "Anna Exempel", "Lars von
    /// Exempel", not "Jourhavande tjänsteperson", "Exempelhälsan AB, mottagningen" or an office
    /// named like a person ("Brottsofferjouren Exempelby", "Region Exempelland").
    static func isPersonName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (2...4).contains(words.count), !name.contains(","), !name.contains(where: \.isNumber) else { return false }
        guard !words.contains(where: { word in officeEndings.contains { word.lowercased().hasSuffix($0) } }) else { return false }
        return words.indices.allSatisfy { index in
            let word = words[index]
            if particles.contains(String(word)) { return index > 0 && index < words.count - 1 }
            return word.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
                part.split(separator: "'", omittingEmptySubsequences: false).allSatisfy { piece in
                    piece.first?.isUppercase == true && piece.dropFirst().allSatisfy(\.isLowercase)
                }
            }
        }
    }

    /// Given and family name: the family name is the last word, with the particles before it
    /// ("von Exempel").
    static func splitName(_ person: String) -> (given: String, family: String) {
        let words = person.split(separator: " ").map(String.init)
        guard words.count > 1 else { return ("", person) }
        let start = words.firstIndex(where: particles.contains) ?? words.count - 1
        return (words[..<start].joined(separator: " "), words[start...].joined(separator: " "))
    }

    private static let particles: Set<String> = ["af", "av", "von", "van", "der", "den", "de", "da", "di", "du", "la", "le"]
    /// How offices' names end, also inside a compound ("Brottsofferjouren"); no Swedish given
    /// or family name does.
    private static let officeEndings = ["kommun", "region", "regionen", "jour", "jouren", "jourer", "mottagning", "mottagningen",
                                        "beredskap", "beredskapen", "växel", "växeln", "kansli", "kansliet", "enheten",
                                        "förvaltning", "förvaltningen", "staben", "centrum", "centralen", "byrå", "byrån",
                                        "tjänst", "tjänsten", "polisen"]

    /// A value as vCard text: `\`, `,` and `;` escaped, a line break as `\n`, other control
    /// characters dropped. By Unicode scalar: `\r\n` is one Character, which a switch over
    /// Characters let through whole, and with it any property an editor wrote after it.
    static func escape(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "\\": "\\\\"
            case ",": "\\,"
            case ";": "\\;"
            case "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": "\\n"
            case _ where scalar.properties.generalCategory == .control: ""
            default: nil
            }
        }
    }

    /// Lines longer than 75 bytes continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = "", current = 0
        for character in line {
            let size = String(character).utf8.count
            if current + size > 75 {
                result += "\r\n "
                current = 1
            }
            result.append(character)
            current += size
        }
        return result
    }
}
