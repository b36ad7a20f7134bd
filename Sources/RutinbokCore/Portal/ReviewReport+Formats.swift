import Foundation

/// The report as text (for people), JSON (for programs) and CSV (for spreadsheets).
extension ReviewReport {
    public enum Format: String, Sendable, CaseIterable { case text, json, csv }

    public func rendered(as format: Format) -> String {
        switch format {
        case .text: text()
        case .json: json()
        case .csv: csv()
        }
    }

    /// "Kanslidirektör, Leif Låtsasson (leif@exempel.example)": whom to ask, and how.
    static func ownerText(_ stale: StaleRoutine) -> String {
        guard let owner = stale.owner else { return stale.routine.owner.value }
        return owner.roleAndName + (owner.email.map { " (\($0))" } ?? "")
    }

    /// What several handbooks share and is due, once (base and group routines, groups'
    /// contacts); then per council its own routines past review and contacts past
    /// verification, the routines over the LIX threshold and the spread of LIX values.
    func text() -> String {
        var lines = ["Läget den \(today.swedish) (gränsen för LIX: \(DecimalText.swedishTrimmed(lixThreshold)))"]
        if let portalStatement {
            lines += ["", "Portalen"] + Self.statementLines(portalStatement)
        }
        let shared = shared()
        if !shared.routines.isEmpty || !shared.contacts.isEmpty {
            lines += ["", "Gemensamma texter och kontakter (skrivs och granskas på ett ställe, för alla handböcker som har dem)"]
            if !shared.routines.isEmpty {
                lines.append("  rutiner att granska:")
                for stale in shared.routines {
                    lines.append("    \(stale.routine.id) – \(stale.routine.title): granskad \(stale.reviewed), skulle ha granskats senast \(stale.dueBy); text från \(stale.group ?? "grundrutinerna"), \(Self.inHandbooks(stale.handbooks)) [\(stale.routine.location.file)]")
                }
            }
            if !shared.contacts.isEmpty {
                lines.append("  kontakter att kontrollera:")
                for stale in shared.contacts {
                    lines.append("    \(stale.contact.id) – \(stale.contact.roleAndName): \(Self.checkedText(stale.contact, dueBy: stale.dueBy)); \(stale.group), \(Self.inHandbooks(stale.handbooks)) [\(stale.contact.location.file)]")
                }
            }
        }
        for review in councils {
            lines.append("")
            lines.append("\(review.council.name) (\(review.council.slug))")
            let ownRoutines = review.ownStaleRoutines, undated = review.ownUndatedRoutines, ownContacts = review.ownStaleContacts
            if ownRoutines.isEmpty, undated.isEmpty {
                lines.append("  egna rutiner att granska: inga")
            } else {
                lines.append("  egna rutiner att granska:")
                for stale in ownRoutines {
                    lines.append("    \(stale.routine.id) – \(stale.routine.title): granskad \(stale.reviewed), skulle ha granskats senast \(stale.dueBy); ansvarig: \(Self.ownerText(stale)) [\(stale.routine.location.file)]")
                }
                for reading in undated {
                    lines.append("    \(reading.routine.id) – \(reading.routine.title): granskningsdatumet ('reviewed') saknas eller går inte att läsa [\(reading.routine.location.file)]")
                }
            }
            if ownContacts.isEmpty {
                lines.append("  egna kontakter att kontrollera: inga")
            } else {
                lines.append("  egna kontakter att kontrollera:")
                for contact in ownContacts {
                    lines.append("    \(contact.id) – \(contact.roleAndName): \(Self.checkedText(contact, dueBy: review.verifyDue[contact.id])) [\(contact.location.file)]")
                }
            }
            lines += Self.statementLines(review.statement)
            let values = review.readings.map(\.readability.lix).sorted()
            if let low = values.first, let high = values.last {
                lines.append("  LIX: \(values.count) rutiner, lägst \(DecimalText.swedish(low)), median \(DecimalText.swedish(values[values.count / 2])), högst \(DecimalText.swedish(high))")
            }
            for reading in review.readings where reading.overThreshold {
                lines.append("    över \(DecimalText.swedish(lixThreshold)): \(reading.routine.id) – \(reading.routine.title): LIX \(DecimalText.swedish(reading.readability.lix))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "kontrollerad 2026-01-15, skulle ha kontrollerats senast 2026-07-15": when a contact's
    /// details were checked and the last day they were in time, as a routine's review is given.
    static func checkedText(_ contact: Contact, dueBy: Day?) -> String {
        guard let verified = contact.verified else { return "kontrollerad aldrig" }
        return "kontrollerad \(verified)" + (dueBy.map { ", skulle ha kontrollerats senast \($0)" } ?? "")
    }

    /// Whether an accessibility statement is due for a new assessment, and its shortcomings
    /// past the day they were to be fixed by.
    static func statementLines(_ review: StatementReview) -> [String] {
        let file = review.file
        guard let statement = review.statement else {
            return ["  tillgänglighetsredogörelse: saknas; skriv den under 'accessibility' [\(file)]"]
        }
        var lines: [String]
        if let assessed = statement.assessed, let due = review.due {
            lines = [review.isDue
                ? "  tillgänglighetsredogörelsen att se över: ja, bedömd \(assessed), skulle ha bedömts igen senast \(due) [\(file)]"
                : "  tillgänglighetsredogörelsen att se över: nej, nästa bedömning senast \(due)"]
        } else {
            lines = ["  tillgänglighetsredogörelsen att se över: ja, den har inget datum i 'assessed' [\(file)]"]
        }
        if !review.overdueFixes.isEmpty {
            lines.append("  brister att åtgärda:")
            for shortcoming in review.overdueFixes {
                guard let fixBy = shortcoming.fixBy else { continue }
                var text = shortcoming.text
                while let last = text.last, ".!?".contains(last) { text.removeLast() }
                let criteria = shortcoming.criteriaInWords.map { " (\($0))" } ?? ""
                lines.append("    \(text)\(criteria): skulle vara åtgärdad senast \(fixBy.value) [\(fixBy.location.file)]")
            }
        }
        return lines
    }

    struct JSONReport: Encodable {
        struct Routine: Encodable {
            var id: String, title: String, form: String, file: String, reviewed: String?, review_due: String?, overdue: Bool
            var owner: String, owner_role: String?, owner_name: String?, owner_email: String?
            var lix: Double, words: Int, sentences: Int, long_words: Int, lix_high: Bool
        }
        struct StaleContact: Encodable {
            var id: String, role: String, name: String?, verified: String?, verify_due: String?, file: String
        }
        struct Shortcoming: Encodable {
            var text: String, wcag: [String], fix_by: String?, overdue: Bool
        }
        /// The accessibility statement's dates; absent for a council without one.
        struct Statement: Encodable {
            var status: String, assessed: String?, assessment_due: String?, overdue: Bool, file: String
            var shortcomings: [Shortcoming]
        }
        struct Council: Encodable {
            var slug: String, name: String, kind: String, group: String?
            var routines_past_review: [String]
            var contacts_past_verification: [StaleContact]
            var routines: [Routine]
            var accessibility: Statement?
        }
        var today: String
        var lix_threshold: Double
        var councils: [Council]
        /// The portal's statement, in a report of every handbook.
        var portal_accessibility: Statement?
    }

    /// A statement as JSON; nil for none.
    static func statementJSON(_ review: StatementReview) -> JSONReport.Statement? {
        review.statement.map { statement in
            .init(status: statement.status.rawValue, assessed: statement.assessed?.description,
                  assessment_due: review.due?.description, overdue: review.isDue, file: review.file,
                  shortcomings: statement.shortcomings.map {
                      .init(text: $0.text, wcag: $0.criteria, fix_by: $0.fixBy?.value.description, overdue: review.overdueFixes.contains($0))
                  })
        }
    }

    func json() -> String {
        let report = JSONReport(today: today.description, lix_threshold: lixThreshold, councils: councils.map { review in
            let stale = Set(review.staleRoutines.map(\.routine.id))
            return JSONReport.Council(
                slug: review.council.slug, name: review.council.name, kind: review.council.kind.rawValue, group: review.groupName,
                routines_past_review: review.staleRoutines.map(\.routine.id),
                contacts_past_verification: review.staleContacts.map {
                    .init(id: $0.id, role: $0.role, name: $0.name, verified: $0.verified?.description,
                          verify_due: review.verifyDue[$0.id]?.description, file: $0.location.file)
                },
                routines: review.readings.map { reading in
                    let routine = reading.routine
                    let owner = review.owner(of: routine)
                    return .init(id: routine.id, title: routine.title, form: Self.form(reading.origin), file: routine.location.file,
                                 reviewed: routine.reviewed?.value.description, review_due: reading.reviewDue?.description,
                                 overdue: stale.contains(routine.id),
                                 owner: routine.owner.value, owner_role: owner?.role, owner_name: owner?.name, owner_email: owner?.email,
                                 lix: (reading.readability.lix * 10).rounded() / 10, words: reading.readability.words,
                                 sentences: reading.readability.sentences, long_words: reading.readability.longWords,
                                 lix_high: reading.overThreshold)
                },
                accessibility: Self.statementJSON(review.statement))
        }, portal_accessibility: portalStatement.flatMap(Self.statementJSON))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data()
        return (String(data: data, encoding: .utf8) ?? "{}") + "\n"
    }

    static let csvHeader = ["Handbokens id", "Handbok", "Typ", "Form", "Id", "Titel eller roll", "Namn", "Granskad eller kontrollerad",
                            "Ska granskas eller kontrolleras senast", "Dags att granska eller kontrollera", "Ansvarig (roll)", "Ansvarig (namn)",
                            "Ansvarig (e-post)", "LIX", "LIX över gränsen", "Fil", "Skriven av"]

    /// One row per routine and per contact of every council, and for its accessibility
    /// statement (`statementRows`), so a spreadsheet can filter on
    /// "Dags att granska" and "LIX över gränsen". Written for a spreadsheet set to Swedish,
    /// which is what the editors who open it have (programs have `json`): a UTF-8 byte order
    /// mark, without which Excel reads å, ä and ö as two letters each; semicolons between
    /// fields, since the comma is the decimal sign; decimal commas; ja/nej. Otherwise RFC
    /// 4180: CRLF line ends, fields quoted when they need it. "Skriven av" came last, after
    /// the columns spreadsheets already counted on.
    func csv() -> String {
        var rows = [Self.csvHeader]
        for review in councils {
            let stale = Set(review.staleRoutines.map(\.routine.id))
            for reading in review.readings {
                let routine = reading.routine
                let owner = review.owner(of: routine)
                rows.append([review.council.slug, review.council.name, "rutin", Self.form(reading.origin), routine.id, routine.title, "",
                             routine.reviewed?.value.description ?? "", reading.reviewDue?.description ?? "", stale.contains(routine.id) || reading.isUndated ? "ja" : "nej",
                             owner?.role ?? routine.owner.value, owner?.name ?? "", owner?.email ?? "",
                             DecimalText.swedish(reading.readability.lix),
                             reading.overThreshold ? "ja" : "nej", routine.location.file, Self.writer(of: routine, in: review)])
            }
            rows += statementRows(review)
            let staleContacts = Set(review.staleContacts.map(\.id))
            for contact in review.contacts {
                rows.append([review.council.slug, review.council.name, "kontakt", "", contact.id, contact.role, contact.name ?? "",
                             contact.verified?.description ?? "", review.verifyDue[contact.id]?.description ?? "",
                             staleContacts.contains(contact.id) ? "ja" : "nej", "", "", "", "", "", contact.location.file,
                             review.council.contacts.contains { $0.id == contact.id } ? review.council.name : review.groupName ?? review.council.name])
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(Self.csvField).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The accessibility statement's row, with its assessment's dates (a statement without
    /// `assessed` is due at once), and a row per shortcoming with a `fix_by`, its WCAG criteria
    /// in the Id column.
    func statementRows(_ review: CouncilReview) -> [[String]] {
        let statementReview = review.statement
        guard let statement = statementReview.statement else { return [] }
        let council = [review.council.slug, review.council.name]
        var rows = [council + ["tillgänglighetsredogörelse", "", "", "Tillgänglighetsredogörelse", "", statement.assessed?.description ?? "",
                               statementReview.due?.description ?? "", statementReview.isDue ? "ja" : "nej",
                               "", "", "", "", "", statementReview.file, review.council.name]]
        for shortcoming in statement.shortcomings {
            guard let fixBy = shortcoming.fixBy else { continue }
            rows.append(council + ["tillgänglighetsbrist", "", shortcoming.criteria.isEmpty ? "" : "WCAG " + shortcoming.criteria.joined(separator: ", "), shortcoming.text, "", "",
                                   fixBy.value.description, statementReview.overdueFixes.contains(shortcoming) ? "ja" : "nej",
                                   "", "", "", "", "", fixBy.location.file, review.council.name])
        }
        return rows
    }

    /// Who wrote a routine's text, where its review is asked for: "grundrutin" (the publisher of
    /// the base routines), the group's name or the council's.
    static func writer(of routine: Routine, in review: CouncilReview) -> String {
        switch routine.layer {
        case .base: "grundrutin"
        case .group(let id): review.groupName ?? id
        case .council: review.council.name
        }
    }

    /// A routine's form in the handbook, in the coverage page's words: "ärvd" (the base text),
    /// "anpassad" (the council's or its group's text in place of it), "egen" (no base routine).
    static func form(_ origin: HandbookRoutine.Origin) -> String {
        switch origin {
        case .inherited: "ärvd"
        case .adapted: "anpassad"
        case .added: "egen"
        }
    }

    /// A field, quoted when it holds `;`, `"` or a line break (looked for on the bytes: `\r\n`
    /// is one Character, neither `\r` nor `\n`). A spreadsheet takes a cell that starts with
    /// `=`, `+`, `-`, `@`, a tab or a carriage return for a formula, which a title could use to
    /// run one on the reader's machine: such a field starts with `'`, which makes it text.
    static func csvField(_ field: String) -> String {
        var field = field
        if let first = field.utf8.first, "=+-@\t\r".utf8.contains(first) { field = "'" + field }
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension ReviewReport.CouncilReview {
    func owner(of routine: Routine) -> Contact? { contacts.first { $0.id == routine.owner.value } }
}
