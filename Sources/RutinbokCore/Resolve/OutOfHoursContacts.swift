/// `out_of_hours: { contact: tib }`: a contact's after-hours line made from another contact of
/// the handbook, its role and number ("Ring tjänsteperson i beredskap på 070-000 08 99."). Made
/// per handbook, so that a group's shared contact names each member's own after-hours service,
/// and the number is written once, where it is kept up to date.
enum OutOfHoursContacts {
    /// `contacts` with each such line made; `fromGroup` holds the ids of the group's contacts,
    /// whose problems are the group's and said once for all its members.
    static func resolve(_ contacts: inout [Contact], council: Council, fromGroup: Set<String>, includeInternal: Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for index in contacts.indices {
            guard let other = contacts[index].outOfHoursContact else { continue }
            let shared = fromGroup.contains(contacts[index].id)
            func problem(_ message: String, code: String, notes: [String] = [], severity: Diagnostic.Severity = .warning) {
                diagnostics.append(Diagnostic(severity, other.location, message + "; kontakten visar därför inte vem man ringer utanför kontorstid",
                                              code: code, notes: notes, handbook: shared ? council.name : nil))
            }
            // The contact itself: its own number again, where the reader looks for the one
            // that answers when it does not.
            if other.value == contacts[index].id {
                problem("'out_of_hours' hänvisar till kontakten själv", code: "unknown-contact",
                        notes: ["skriv id:t för kontakten som svarar utanför kontorstid, till exempel en tjänsteperson i beredskap"], severity: .error)
                continue
            }
            guard let target = contacts.first(where: { $0.id == other.value }) else {
                // A mistyped id in the council's own contact is an error: the line is missing
                // from every page. A group's contact names each member's own, and one member
                // without it is the member's to mend, not a reason to stop every member's build.
                problem("det finns ingen kontakt '\(other.value)'\(shared ? " i handboken" : "")", code: "unknown-contact",
                        notes: Suggestions.closest(to: other.value, in: contacts.map(\.id)).map { [Suggestions.meant($0)] } ?? [],
                        severity: shared ? .warning : .error)
                continue
            }
            // A public contact would publish the number of one kept for the intranet.
            if target.access == .internal, contacts[index].access == .public, !includeInternal {
                problem("kontakten '\(other.value)' har 'access: internal' och finns inte i den offentliga handboken", code: "internal-contact")
                continue
            }
            contacts[index].outOfHours = line(calling: target)
            contacts[index].outOfHoursRole = target.role
        }
        return diagnostics
    }

    /// "Ring tjänsteperson i beredskap på 070-000 08 99.", or, without a number, where to write.
    static func line(calling contact: Contact) -> String {
        let whom = lowercasedFirst(contact.role)
        if let phone = contact.phone { return "Ring \(whom) på \(phone)." }
        return "Skriv till \(whom) på \(contact.email ?? "")."
    }

    /// A role in the middle of a sentence: "Tjänsteperson i beredskap" → "tjänsteperson i
    /// beredskap"; an abbreviation ("IT-säkerhetsansvarig") is left as it is.
    private static func lowercasedFirst(_ role: String) -> String {
        guard let first = role.first, first.isUppercase, role.dropFirst().first?.isLowercase == true else { return role }
        return first.lowercased() + role.dropFirst()
    }
}
