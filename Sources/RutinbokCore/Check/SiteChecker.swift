/// Checks that need no council: each routine's phase and audience against site.yml,
/// site.yml's quick contacts against the contacts there are, each group's `members` against
/// the councils, a council's own text against its group's, and the portal's accessibility
/// statement. Run once per routine file, not once per council that inherits it.
enum SiteChecker {
    /// With `--council`, what is found in other councils' files is left out by
    /// `CouncilSelection.Scope`, as the load stage's problems are.
    static func check(_ site: Site, today: Day) -> [Diagnostic] {
        checkRoutines(site) + checkQuickContacts(site) + checkAcuteRoutine(site) + checkMembers(site) + checkGroupTexts(site)
            + (site.config.accessibility?.problems(in: site.config.location, today: today) ?? [])
    }

    /// A council's own text in place of its group's: when the group reviews its text again
    /// after the council's was, the group may have corrected something the council's copy
    /// still says, as with an adopted routine's source (`adopted-source-newer`).
    private static func checkGroupTexts(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for council in site.councils {
            guard let id = council.group?.value, let group = site.groups[id] else { continue }
            for routine in council.routines {
                guard let groups = group.routines.first(where: { $0.id == routine.id }),
                      let newer = groups.reviewed, let own = routine.reviewed, newer.value > own.value else { continue }
                diagnostics.append(.warning(own.location, "\(group.name) har granskat sin version av rutinen igen \(newer.value), efter er version (\(own.value)); se vad som har ändrats och granska er version",
                                            code: "group-text-newer", notes: ["jämför med \(groups.location.file)"]))
            }
        }
        return diagnostics
    }

    /// An `acute_routine` that no routine has is a typo: no emergency box would link to it.
    private static func checkAcuteRoutine(_ site: Site) -> [Diagnostic] {
        // A routine file of that id that did not load has its own error; it is there.
        guard let id = site.config.acuteRoutine, !site.unloadable.contains(id.value) else { return [] }
        let copies = routineFiles(site).filter { $0.id == id.value }
        if !copies.isEmpty {
            guard !copies.contains(where: { $0.access == .public }) else { return [] }
            return [.warning(id.location, "rutinen '\(id.value)' är intern överallt ('access: internal'); rutan med 112 i den offentliga handboken länkar därför inte till den", code: "unknown-routine")]
        }
        return [.warning(id.location, "det finns ingen rutin '\(id.value)'; rutan med 112 länkar därför inte till någon rutin", code: "unknown-routine",
                         notes: Suggestions.note(for: id.value, among: site.routines.map(\.id), listing: "rutinerna i routines/"))]
    }

    /// A group's `members` and the councils that name it with `group:` must agree: `group:` is
    /// what joins a council (it gets the group's routines and contacts), and a list that says
    /// otherwise misleads whoever reads group.yml.
    ///
    /// A group no council joins is in no handbook, so its routines are not checked either:
    /// a group made ready before its councils join would be told of their problems only then.
    private static func checkMembers(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A council whose council.yml did not load may be one that joins, and one that names a
        // group there is not may have meant an empty one (its error suggests it).
        let someMayJoin = !site.unloadableCouncils.isEmpty || site.councils.contains { $0.group.map { site.groups[$0.value] == nil } == true }
        for id in site.groups.keys.sorted() {
            guard let group = site.groups[id] else { continue }
            let joined = site.councils(joining: id)
            if joined.isEmpty && !someMayJoin {
                diagnostics.append(.warning(group.location, "ingen kommun har 'group: \(id)' i sin council.yml: gruppens rutiner och kontakter finns inte i någon handbok, och rutinerna kontrolleras inte förrän en kommun går med",
                                            code: "group-members", notes: ["en kommun går med genom att skriva 'group: \(id)' i sin council.yml"]))
            }
            guard let members = group.members else { continue }
            let listed = Set(members.map(\.value))
            // A member whose council.yml did not load has had its own problem reported.
            for member in members where !joined.contains(where: { $0.slug == member.value })
                && !site.unloadableCouncils.contains(member.value) {
                let council = site.councils.first { $0.slug == member.value }
                let message = council == nil
                    ? "'members' nämner '\(member.value)', men \(NoSuchCouncil.message(member.value, group: nil))"
                    : "'members' nämner '\(member.value)', men kommunens council.yml säger inte 'group: \(id)', så kommunen får inte gruppens rutiner och kontakter"
                diagnostics.append(.warning(member.location, message, code: "group-members",
                                            notes: council == nil ? Suggestions.note(for: member.value, among: site.councils.map(\.slug), listing: NoSuchCouncil.listing) : []))
            }
            for council in joined where !listed.contains(council.slug) {
                diagnostics.append(.warning(council.group?.location ?? council.location,
                                            "\(council.name) har 'group: \(id)', men '\(council.slug)' saknas under 'members' i gruppens group.yml",
                                            code: "group-members", notes: ["lägg till '\(council.slug)' under 'members' i groups/\(id)/group.yml"]))
            }
        }
        return diagnostics
    }

    /// A `quick_contacts` id that no council or group has is a typo: no start page would show it.
    private static func checkQuickContacts(_ site: Site) -> [Diagnostic] {
        guard !site.config.quickContacts.isEmpty else { return [] }
        var known: Set<String> = []
        for contacts in site.councils.map(\.contacts) + site.groups.values.map(\.contacts) {
            known.formUnion(contacts.map(\.id))
        }
        return site.config.quickContacts.filter { !known.contains($0.value) }.map { id in
            .warning(id.location, "ingen kommun eller grupp har en kontakt '\(id.value)'; den visas därför inte på någon startsida", code: "unknown-contact",
                     notes: Suggestions.note(for: id.value, among: known.sorted(), listing: "kontakter"))
        }
    }

    private static func checkRoutines(_ site: Site) -> [Diagnostic] {
        let phases = site.config.phases.map(\.id)
        let audiences = site.config.audiences.map(\.id)
        var diagnostics: [Diagnostic] = []
        // site.yml without audiences, while routines name some: one error there, not one per routine.
        var unlisted: Set<String> = []
        for routine in routineFiles(site) {
            // site.yml without phases is one error there (`missing-key`), not one per routine.
            if !phases.isEmpty && !phases.contains(routine.phase.value) {
                diagnostics.append(.error(routine.phase.location, "okänd del '\(routine.phase.value)'", code: "unknown-phase",
                                          notes: Suggestions.note(for: routine.phase.value, among: phases, listing: "delarna i site.yml")))
            }
            if audiences.isEmpty { unlisted.formUnion(routine.audience.map(\.value)) }
            for audience in routine.audience where !audiences.isEmpty && !audiences.contains(audience.value) {
                // "alla, ordforande" without brackets is one text, not two.
                let list = audience.value.contains(",") ? ["skriv flera målgrupper inom hakparenteser: [\(audience.value)]"] : []
                diagnostics.append(.error(audience.location, "okänd målgrupp '\(audience.value)'", code: "unknown-audience",
                                          notes: list + Suggestions.note(for: audience.value, among: audiences, listing: "målgrupperna i site.yml")))
            }
            if let source = routine.adoptedFrom {
                let parts = source.value.split(separator: "/")
                let council = parts.count == 2 ? site.councils.first(where: { $0.slug == parts[0] }) : nil
                let group = parts.count == 2 ? site.groups[String(parts[0])] : nil
                guard council != nil || group != nil else {
                    // Written right, the council is gone (the demo's councils removed, say):
                    // say that, not how to write it.
                    let message = parts.count == 2 && Slug.isValid(String(parts[0])) && Slug.isValid(String(parts[1]))
                        ? "'adopted_from' nämner '\(source.value)', men det finns ingen kommun eller grupp '\(parts[0])' längre"
                        : "'adopted_from' ska vara '<kommun>/<rutin-id>' för en kommun (eller grupp) som finns, men är '\(source.value)'"
                    diagnostics.append(.warning(source.location, message, code: "unknown-source",
                                                notes: parts.count == 2 ? ["ta bort raden med 'adopted_from' om rutinen nu är er egen"] : []))
                    continue
                }
                // Only adopted routines are compared, so few bodies are read.
                guard let original = (council?.routines ?? group?.routines)?.first(where: { $0.id == parts[1] }) else { continue }
                if let newer = original.reviewed, let own = routine.reviewed, newer.value > own.value {
                    // The example was reviewed again after this copy was: it may have been
                    // corrected, and the copy would not know.
                    diagnostics.append(.warning(own.location, "'\(source.value)', som rutinen hämtades från, har granskats igen \(newer.value), efter er version (\(own.value)); se vad som har ändrats och granska er version",
                                                code: "adopted-source-newer", notes: ["jämför med \(original.location.file)"]))
                } else {
                    // Another council's text published as this one's, with its name in it. A
                    // tested example taken word for word is what SKR wants spread; a text that
                    // still names the council it came from is not yet this council's. An
                    // adapted text may name it ("Rutinen bygger på Exempelstads rutin"), but
                    // not its title or summary, which say what the routine is on the start page.
                    let place = council?.name ?? group?.name ?? ""
                    if original.body == routine.body, let named = namedPlace(in: routine.title + "\n" + routine.summary + "\n" + routine.body, of: place) {
                        diagnostics.append(.warning(source.location, "rutinen är ordagrant densamma som '\(source.value)' och nämner \(named); anpassa texten till er kommun",
                                                    code: "adopted-unchanged"))
                    } else if let named = namedPlace(in: routine.title + "\n" + routine.summary, of: place) {
                        diagnostics.append(.warning(source.location, "rutinens titel eller sammanfattning nämner fortfarande \(named), som rutinen hämtades från ('\(source.value)'); anpassa dem till er kommun",
                                                    code: "adopted-unchanged"))
                    }
                }
            }
        }
        if !unlisted.isEmpty {
            let shown = unlisted.sorted().prefix(5).joined(separator: ", ") + (unlisted.count > 5 ? " …" : "")
            diagnostics.append(.error(site.config.location, "rutinerna nämner målgrupper (\(shown)), men site.yml har inga under 'audiences'", code: "unknown-audience",
                                      notes: ["skriv målgrupperna i site.yml, till exempel audiences: [{ id: alla, label: alla förtroendevalda }]"]))
        }
        return diagnostics
    }

    /// The place a council's or group's name names ("Exempelstad" of "Exempelstads kommun",
    /// "Exempelland" of "Region Exempelland", "Åre" of "Åre kommun"), if `text` has it as a
    /// word of its own or in the genitive ("Åres"); nil if not.
    static func namedPlace(in text: String, of name: String) -> String? {
        // Words of a name that are no place: what a council or group is, and the small words
        // and points of the compass of "Ludvika och Smedjebackens kommuner", "Lilla Edets
        // kommun" or "Östra Göinge" ("Lilla salen" names no council).
        let generic: Set<String> = ["kommun", "kommuner", "kommunerna", "region", "regionen", "landsting", "landstinget", "samverkan",
                                    "stad", "och", "med", "för", "lilla", "stora", "östra", "västra", "norra", "södra", "övre", "nedre", "mellersta"]
        let words = Set(text.split { !$0.isLetter && $0 != "-" }.map(String.init))
        for word in name.split(separator: " ") where !generic.contains(word.lowercased()) && word.count >= 3 {
            // The genitive of "Exempelstads kommun": the text says "Exempelstad" too.
            for form in [String(word), word.hasSuffix("s") ? String(word.dropLast()) : nil].compactMap({ $0 })
            where words.contains(form) || words.contains(form + "s") {
                return form
            }
        }
        return nil
    }

    /// Every routine file of the site: the base's, then each group's and each council's, one
    /// collection after another without copying every routine into one array.
    private static func routineFiles(_ site: Site) -> FlattenSequence<[[Routine]]> {
        ([site.routines] + site.groups.values.map(\.routines) + site.councils.map(\.routines)).joined()
    }
}
