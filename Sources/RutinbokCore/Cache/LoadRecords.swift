/// The records of the load cache (`LoadCache`) and the council cache (`CouncilCache`): what
/// loading a routine, council.yml or group.yml produced, field by field, with the
/// diagnostics loading reported. Locations are written relative to the record's file.

/// Locations nearly always name the record's own file, which is then written as a flag.
struct LoadRecordEncoder {
    let file: String

    func location(_ location: SourceLocation, _ writer: inout ByteWriter) {
        if location.file == file {
            writer.write(true)
        } else {
            writer.write(false)
            writer.write(location.file)
        }
        writer.write(location.line)
        writer.write(location.column)
    }

    func located(_ value: Located<String>, _ writer: inout ByteWriter) {
        writer.write(value.value)
        location(value.location, &writer)
    }

    func located(_ value: Located<String>?, _ writer: inout ByteWriter) {
        writer.write(value != nil)
        if let value { located(value, &writer) }
    }

    func day(_ day: Day?, _ writer: inout ByteWriter) {
        writer.write(day != nil)
        if let day {
            writer.write(day.year)
            writer.write(day.month)
            writer.write(day.day)
        }
    }

    func located(_ value: Located<Day>?, _ writer: inout ByteWriter) {
        day(value?.value, &writer)
        if let value { location(value.location, &writer) }
    }

    func int(_ value: Int?, _ writer: inout ByteWriter) {
        writer.write(value != nil)
        if let value { writer.write(value) }
    }

    func diagnostics(_ diagnostics: [Diagnostic], _ writer: inout ByteWriter) {
        writer.write(diagnostics) { writer, diagnostic in
            writer.write(diagnostic.severity == .error)
            location(diagnostic.location, &writer)
            writer.write(diagnostic.message)
            writer.write(diagnostic.code)
            writer.write(diagnostic.notes) { $0.write($1) }
        }
    }

    func contacts(_ contacts: [Contact], _ writer: inout ByteWriter) {
        writer.write(contacts) { writer, contact in
            writer.write(contact.id)
            writer.write(contact.role)
            writer.write(contact.name)
            writer.write(contact.phone)
            writer.write(contact.email)
            writer.write(contact.hours)
            writer.write(contact.outOfHours)
            day(contact.verified, &writer)
            location(contact.location, &writer)
            int(contact.verifyIntervalMonths, &writer)
            writer.write(contact.verifiedLocation != nil)
            if let verified = contact.verifiedLocation { location(verified, &writer) }
            writer.write(contact.access == .internal)
            writer.write(contact.outOfHoursContact != nil)
            if let other = contact.outOfHoursContact {
                writer.write(other.value)
                location(other.location, &writer)
            }
        }
    }
}

struct LoadRecordDecoder {
    let file: String

    func location(_ reader: inout ByteReader) -> SourceLocation? {
        guard let same = reader.bool() else { return nil }
        let path: String
        if same { path = file } else {
            guard let other = reader.string() else { return nil }
            path = other
        }
        guard let line = reader.int(), let column = reader.int() else { return nil }
        return SourceLocation(file: path, line: line, column: column)
    }

    func located(_ reader: inout ByteReader) -> Located<String>? {
        guard let value = reader.string(), let location = location(&reader) else { return nil }
        return Located(value: value, location: location)
    }

    /// `.some(nil)` for an absent value, nil when the bytes are wrong.
    func optional<T>(_ reader: inout ByteReader, _ read: (inout ByteReader) -> T?) -> T?? {
        guard let present = reader.bool() else { return nil }
        guard present else { return .some(nil) }
        return read(&reader).map { .some($0) }
    }

    func day(_ reader: inout ByteReader) -> Day?? {
        optional(&reader) { reader in
            guard let year = reader.int(), let month = reader.int(), let day = reader.int() else { return nil }
            return Day(year: year, month: month, day: day)
        }
    }

    func locatedDay(_ reader: inout ByteReader) -> Located<Day>?? {
        guard let day = day(&reader) else { return nil }
        guard let day else { return .some(nil) }
        return location(&reader).map { .some(Located(value: day, location: $0)) }
    }

    func int(_ reader: inout ByteReader) -> Int?? {
        optional(&reader) { $0.int() }
    }

    func diagnostics(_ reader: inout ByteReader) -> [Diagnostic]? {
        reader.list { reader -> Diagnostic? in
            guard let isError = reader.bool(), let location = location(&reader), let message = reader.string(),
                  let code = reader.string(), let notes = reader.list({ $0.string() }) else { return nil }
            return Diagnostic(isError ? .error : .warning, location, message, code: code, notes: notes)
        }
    }

    func contacts(_ reader: inout ByteReader) -> [Contact]? {
        reader.list { reader -> Contact? in
            guard let id = reader.string(), let role = reader.string(), let name = reader.optionalString(),
                  let phone = reader.optionalString(), let email = reader.optionalString(), let hours = reader.optionalString(),
                  let outOfHours = reader.optionalString(), let verified = day(&reader), let location = location(&reader),
                  let interval = int(&reader), let verifiedLocation = optional(&reader, { self.location(&$0) }),
                  let isInternal = reader.bool(),
                  let other = optional(&reader, { reader -> Located<String>? in
                      guard let id = reader.string(), let location = self.location(&reader) else { return nil }
                      return Located(value: id, location: location)
                  }) else { return nil }
            return Contact(id: id, role: role, name: name, phone: phone, email: email, hours: hours, outOfHours: outOfHours,
                           outOfHoursContact: other, verified: verified, location: location, verifyIntervalMonths: interval,
                           verifiedLocation: verifiedLocation, access: isInternal ? .internal : .public)
        }
    }
}

func encodeRoutine(_ result: (Routine?, [Diagnostic]), file: String, _ writer: inout ByteWriter) {
    let (routine, diagnostics) = result
    let encoder = LoadRecordEncoder(file: file)
    writer.write(routine != nil)
    if let routine {
        writer.write(routine.title)
        writer.write(routine.summary)
        encoder.located(routine.phase, &writer)
        writer.write(routine.order)
        writer.write(routine.audience) { encoder.located($1, &$0) }
        encoder.located(routine.owner, &writer)
        writer.write(routine.reviewed != nil)
        if let reviewed = routine.reviewed {
            encoder.day(reviewed.value, &writer)
            encoder.location(reviewed.location, &writer)
        }
        writer.write(routine.decided)
        writer.write(routine.access.rawValue)
        encoder.int(routine.reviewIntervalMonths, &writer)
        writer.write(routine.share)
        encoder.located(routine.adoptedFrom, &writer)
        writer.write(routine.aliases) { encoder.located($1, &$0) }
        encoder.location(routine.location, &writer)
    }
    encoder.diagnostics(diagnostics, &writer)
}

func decodeRoutine(_ reader: inout ByteReader, file: String, id: String, layer: Routine.Layer) -> (Routine?, [Diagnostic])? {
    guard let present = reader.bool() else { return nil }
    let decoder = LoadRecordDecoder(file: file)
    var routine: Routine?
    if present {
        guard let title = reader.string(), let summary = reader.string(), let phase = decoder.located(&reader),
              let order = reader.int(), let audience = reader.list({ decoder.located(&$0) }), let owner = decoder.located(&reader),
              let hasReviewed = reader.bool() else { return nil }
        var reviewed: Located<Day>?
        if hasReviewed {
            guard let day = decoder.day(&reader), let day, let location = decoder.location(&reader) else { return nil }
            reviewed = Located(value: day, location: location)
        }
        guard let decided = reader.optionalString(), let access = reader.string().flatMap(Routine.Access.init(rawValue:)),
              let interval = decoder.int(&reader), let share = reader.bool(),
              let adoptedFrom = decoder.optional(&reader, { decoder.located(&$0) }),
              let aliases = reader.list({ decoder.located(&$0) }), let location = decoder.location(&reader)
        else { return nil }
        routine = Routine(id: id, layer: layer, title: title, summary: summary, phase: phase, order: order, audience: audience,
                          owner: owner, reviewed: reviewed, decided: decided, access: access, reviewIntervalMonths: interval,
                          share: share, adoptedFrom: adoptedFrom, aliases: aliases, body: "", bodyLine: 0, location: location)
    }
    guard let diagnostics = decoder.diagnostics(&reader) else { return nil }
    return (routine, diagnostics)
}

func encodeCouncil(_ result: (Council?, [Diagnostic]), file: String, _ writer: inout ByteWriter) {
    let (council, diagnostics) = result
    let encoder = LoadRecordEncoder(file: file)
    writer.write(council != nil)
    if let council {
        writer.write(council.name)
        writer.write(council.kind.rawValue)
        encoder.located(council.group, &writer)
        encoder.int(council.population, &writer)
        encoder.located(council.themeColor, &writer)
        encoder.located(council.logo, &writer)
        writer.write(council.exclude) { encoder.located($1, &$0) }
        encoder.int(council.reviewIntervalMonths, &writer)
        encoder.int(council.verifyIntervalMonths, &writer)
        writer.write(council.allowRawHTML)
        writer.write(council.website)
        writer.write(council.address)
        writer.write(council.quickContacts) { encoder.located($1, &$0) }
        encoder.contacts(council.contacts, &writer)
        writer.write(council.accessibility != nil)
        if let statement = council.accessibility {
            writer.write(statement.status.rawValue)
            writer.write(statement.shortcomings) { writer, shortcoming in
                writer.write(shortcoming.text)
                writer.write(shortcoming.criteria) { $0.write($1) }
                encoder.located(shortcoming.fixBy, &writer)
            }
            writer.write(statement.feedbackEmail)
            encoder.day(statement.assessed, &writer)
            writer.write(statement.assessedLocation != nil)
            if let location = statement.assessedLocation { encoder.location(location, &writer) }
            encoder.located(statement.updated, &writer)
            writer.write(statement.auditedBy)
            writer.write(statement.disproportionateBurden) { $0.write($1) }
            writer.write(statement.outOfScope) { $0.write($1) }
        }
        encoder.location(council.location, &writer)
    }
    encoder.diagnostics(diagnostics, &writer)
}

func decodeCouncil(_ reader: inout ByteReader, file: String, slug: String, directory: String) -> (Council?, [Diagnostic])? {
    guard let present = reader.bool() else { return nil }
    let decoder = LoadRecordDecoder(file: file)
    var council: Council?
    if present {
        guard let name = reader.string(), let kind = reader.string().flatMap(Council.Kind.init(rawValue:)),
              let group = decoder.optional(&reader, { decoder.located(&$0) }), let population = decoder.int(&reader),
              let themeColor = decoder.optional(&reader, { decoder.located(&$0) }), let logo = decoder.optional(&reader, { decoder.located(&$0) }),
              let exclude = reader.list({ decoder.located(&$0) }), let review = decoder.int(&reader),
              let verify = decoder.int(&reader), let allowRawHTML = reader.bool(), let website = reader.optionalString(), let address = reader.optionalString(),
              let quickContacts = reader.list({ decoder.located(&$0) }), let contacts = decoder.contacts(&reader),
              let hasStatement = reader.bool() else { return nil }
        var accessibility: AccessibilityStatement?
        if hasStatement {
            guard let status = reader.string().flatMap(AccessibilityStatement.Status.init(rawValue:)),
                  let shortcomings = reader.list({ reader -> AccessibilityStatement.Shortcoming? in
                      guard let text = reader.string(), let criteria = reader.list({ $0.string() }),
                            let fixBy = decoder.locatedDay(&reader) else { return nil }
                      return AccessibilityStatement.Shortcoming(text: text, criteria: criteria, fixBy: fixBy)
                  }), let email = reader.optionalString(),
                  let assessed = decoder.day(&reader), let located = reader.bool() else { return nil }
            var assessedLocation: SourceLocation?
            if located {
                guard let location = decoder.location(&reader) else { return nil }
                assessedLocation = location
            }
            guard let updated = decoder.locatedDay(&reader), let auditedBy = reader.optionalString(), let burden = reader.list({ $0.string() }),
                  let outOfScope = reader.list({ $0.string() }) else { return nil }
            accessibility = AccessibilityStatement(status: status, shortcomings: shortcomings, feedbackEmail: email, assessed: assessed,
                                                   assessedLocation: assessedLocation, updated: updated, auditedBy: auditedBy,
                                                   disproportionateBurden: burden, outOfScope: outOfScope)
        }
        guard let location = decoder.location(&reader) else { return nil }
        council = Council(slug: slug, name: name, kind: kind, group: group, population: population, themeColor: themeColor,
                          logo: logo, exclude: exclude, reviewIntervalMonths: review, verifyIntervalMonths: verify,
                          allowRawHTML: allowRawHTML, contacts: contacts, accessibility: accessibility, routines: [], assets: [],
                          directory: directory, location: location, website: website, address: address, quickContacts: quickContacts)
    }
    guard let diagnostics = decoder.diagnostics(&reader) else { return nil }
    return (council, diagnostics)
}

func encodeGroup(_ result: (Group?, [Diagnostic]), file: String, _ writer: inout ByteWriter) {
    let (group, diagnostics) = result
    let encoder = LoadRecordEncoder(file: file)
    writer.write(group != nil)
    if let group {
        writer.write(group.name)
        writer.write(group.description)
        encoder.contacts(group.contacts, &writer)
        encoder.location(group.location, &writer)
        writer.write(group.members != nil)
        if let members = group.members { writer.write(members) { encoder.located($1, &$0) } }
        writer.write(group.quickContacts) { encoder.located($1, &$0) }
    }
    encoder.diagnostics(diagnostics, &writer)
}

func decodeGroup(_ reader: inout ByteReader, file: String, id: String) -> (Group?, [Diagnostic])? {
    guard let present = reader.bool() else { return nil }
    let decoder = LoadRecordDecoder(file: file)
    var group: Group?
    if present {
        guard let name = reader.string(), let description = reader.string(), let contacts = decoder.contacts(&reader),
              let location = decoder.location(&reader), let listsMembers = reader.bool() else { return nil }
        var members: [Located<String>]?
        if listsMembers {
            guard let listed = reader.list({ decoder.located(&$0) }) else { return nil }
            members = listed
        }
        guard let quickContacts = reader.list({ decoder.located(&$0) }) else { return nil }
        group = Group(id: id, name: name, description: description, contacts: contacts, routines: [], location: location, members: members,
                      quickContacts: quickContacts)
    }
    guard let diagnostics = decoder.diagnostics(&reader) else { return nil }
    return (group, diagnostics)
}
