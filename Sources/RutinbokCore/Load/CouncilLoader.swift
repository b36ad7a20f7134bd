import Yams

/// Reads `council.yml` and `group.yml`; the routines and assets beside them are read by `ContentLoader`.
enum CouncilLoader {
    static let councilKeys = ["name", "kind", "group", "population", "theme", "exclude", "review_interval_months",
                              "verify_interval_months", "allow_raw_html", "contacts", "accessibility"]
    static let contactKeys = ["role", "name", "phone", "email", "hours", "out_of_hours", "verified", "verify_interval_months", "access"]
    static let groupKeys = ["name", "description", "members", "contacts"]
    static let themeKeys = ["color", "logo"]
    static let accessibilityKeys = ["status", "shortcomings", "feedback_email", "assessed"]

    /// The section a key found at the top of council.yml or group.yml belongs in, when it is
    /// one of that section's keys, or a mapping of a contact's keys (a contact indented too
    /// little).
    static func section(of key: String, value: Yams.Node) -> String? {
        if themeKeys.contains(key) { return "theme" }
        if accessibilityKeys.contains(key) { return "accessibility" }
        let keys = value.mapping?.keys.compactMap(\.string) ?? []
        return !keys.isEmpty && keys.allSatisfy(contactKeys.contains) ? "contacts" : nil
    }

    static func loadCouncil(_ text: String, slug: String, directory: String, file: String) -> (Council?, [Diagnostic]) {
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0) {
        case .success(let mapping): yaml = mapping
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let name = yaml.string("name", required: "kommunens namn, till exempel 'Exempelby kommun'")
        var kind = Council.Kind.kommun
        if let value = yaml.located("kind", required: "kommun, landsting eller region") {
            if let parsed = Council.Kind(rawValue: value.value) { kind = parsed }
            else {
                yaml.report(.error(value.location, "'kind' ska vara kommun, landsting eller region, men här står '\(value.value)'", code: "bad-value",
                                   notes: Suggestions.didYouMean(value.value, among: Council.Kind.allCases.map(\.rawValue))))
            }
        }
        var council = Council(
            slug: slug, name: name ?? slug, kind: kind, group: yaml.located("group"),
            population: yaml.int("population"), themeColor: nil, logo: nil, exclude: yaml.strings("exclude"),
            reviewIntervalMonths: yaml.int("review_interval_months", in: 1...120),
            verifyIntervalMonths: yaml.int("verify_interval_months", in: 1...120),
            allowRawHTML: yaml.bool("allow_raw_html") ?? false,
            contacts: contacts(&yaml), accessibility: nil, routines: [], assets: [], directory: directory,
            location: SourceLocation(file: file, line: 1, column: 1))
        if var theme = yaml.mapping("theme") {
            if theme.has("color"), theme.raw("color") == nil {
                // `color: #1d4f73` without quotes: YAML reads '#' as the start of a comment.
                theme.report(.warning(theme.location(ofKey: "color"), "'color' är tom; skriv färgen inom citattecken, till exempel color: \"#1d4f73\" (utan citattecken läses # som början på en kommentar)",
                                      code: "bad-value"))
            }
            if let color = theme.located("color") {
                if Color(hex: color.value) != nil { council.themeColor = color }
                else { theme.report(.error(color.location, "'color' ska vara en färg skriven #rrggbb, men här står '\(color.value)'", code: "bad-value")) }
            }
            council.logo = theme.located("logo")
            yaml.absorb(&theme, known: themeKeys)
        }
        if var statement = yaml.mapping("accessibility") {
            var status = AccessibilityStatement.Status.delvis
            let statusValue = statement.located("status", required: "helt, delvis eller inte")
            if let value = statusValue {
                if let parsed = AccessibilityStatement.Status(rawValue: value.value) { status = parsed }
                else { statement.report(.error(value.location, "'status' ska vara helt, delvis eller inte, men här står '\(value.value)'", code: "bad-value")) }
            }
            let shortcomings = statement.strings("shortcomings").map(\.value)
            let dated = statement.raw("assessed") != nil
            let assessed = statement.day("assessed")
            // The page says the site is not fully accessible "because of the shortcomings
            // described below": the law asks for them, and without them the statement is untrue.
            if let value = statusValue, let stated = AccessibilityStatement.Status(rawValue: value.value), stated != .helt, shortcomings.isEmpty {
                statement.report(.error(value.location, "tillgänglighetsredogörelsen säger '\(stated.rawValue)' men räknar inte upp några brister; skriv under 'shortcomings' vad som inte är tillgängligt, eller skriv 'status: helt' om ni inte känner till några brister",
                                        code: "accessibility-incomplete"))
            }
            if !dated {
                statement.report(.warning(yaml.location(ofKey: "accessibility"), "tillgänglighetsredogörelsen har inget datum i 'assessed'; skriv dagen då ni senast bedömde webbplatsen, ÅÅÅÅ-MM-DD",
                                          code: "accessibility-undated"))
            }
            let feedbackEmail = statement.located("feedback_email")
            if let feedbackEmail { checkEmail(feedbackEmail, in: &statement) }
            let feedback = feedbackEmail?.value
            if feedback == nil {
                statement.report(.warning(yaml.location(ofKey: "accessibility"), "tillgänglighetsredogörelsen har ingen 'feedback_email'; skriv en e-postadress dit läsare kan skriva om något på webbplatsen inte går att använda",
                                          code: "accessibility-no-feedback"))
            }
            council.accessibility = AccessibilityStatement(
                status: status, shortcomings: shortcomings,
                feedbackEmail: feedback, assessed: assessed?.value, assessedLocation: assessed?.location)
            yaml.absorb(&statement, known: accessibilityKeys)
        }
        return (name == nil ? nil : council, yaml.finish(known: councilKeys, section: section(of:value:)))
    }

    static func loadGroup(_ text: String, id: String, file: String) -> (Group?, [Diagnostic]) {
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0) {
        case .success(let mapping): yaml = mapping
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let name = yaml.string("name", required: "gruppens namn")
        let description = yaml.string("description") ?? ""
        let members = yaml.strings("members")
        let group = Group(id: id, name: name ?? id, description: description, contacts: contacts(&yaml),
                          routines: [], location: SourceLocation(file: file, line: 1, column: 1), members: members)
        return (group, yaml.finish(known: groupKeys) { key, value in section(of: key, value: value) == "contacts" ? "contacts" : nil })
    }

    /// A mistyped address is a link to no one: an error, as a phone number with letters is.
    private static func checkEmail(_ email: Located<String>, in mapping: inout YAMLMapping) {
        guard let problem = EmailAddress.problem(in: email.value) else { return }
        mapping.report(.error(email.location, "e-postadressen '\(email.value)' ser inte ut som en e-postadress: \(problem)", code: "bad-email"))
    }

    private static func contacts(_ yaml: inout YAMLMapping) -> [Contact] {
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
            let contact = Contact(
                id: key.value, role: entry.string("role", required: "vad kontakten gör, till exempel 'Säkerhetssamordnare'") ?? key.value,
                name: entry.string("name"), phone: phone?.value, email: email?.value,
                hours: entry.string("hours"), outOfHours: entry.string("out_of_hours"),
                verified: verified?.value, location: key.location,
                verifyIntervalMonths: entry.int("verify_interval_months", in: 1...120), verifiedLocation: verified?.location, access: access)
            if contact.phone == nil, contact.email == nil {
                // The handbook's point is whom to call: a contact no one can reach is not finished.
                entry.report(.error(key.location, "kontakten '\(key.value)' har varken 'phone' eller 'email'; läsarna kan inte nå den",
                                    code: "contact-unreachable"))
            }
            section.absorb(&entry, known: contactKeys)
            contacts.append(contact)
        }
        yaml.absorb(&section, known: contacts.map(\.id))
        return contacts
    }
}
