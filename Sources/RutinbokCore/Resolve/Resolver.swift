/// The resolve stage: layers base → group → council for each council, applies `exclude`
/// and access, and orders the routines.
public enum Resolver {
    public struct Options: Sendable {
        /// Include `access: internal` routines (a build for the intranet).
        public var includeInternal = false
        public init(includeInternal: Bool = false) { self.includeInternal = includeInternal }
    }

    public static func resolve(_ site: Site, options: Options = .init()) -> ([Handbook], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let baseByID = Dictionary(site.routines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let groups = site.groups.sorted(by: { $0.key < $1.key })
        let addedIDs = groups.flatMap { $0.value.routines.map(\.id) } + site.councils.flatMap { $0.routines.map(\.id) }
        let guesses = OverrideGuesses(baseIDs: Set(baseByID.keys), ids: addedIDs)
        let rank = Dictionary(site.config.phases.map { ($0.id, $0.rank) }, uniquingKeysWith: { a, _ in a })
        for (_, group) in groups {
            diagnostics += checkAdditions(group.routines, guesses)
        }
        // Each council's handbook depends on nothing but the site: all cores, in council order.
        let results = Parallel.map(site.councils) { council in
            resolve(council, site: site, baseByID: baseByID, rank: rank, guesses: guesses, options: options)
        }
        for (_, problems) in results { diagnostics += problems }
        return (results.map(\.0), diagnostics)
    }

    private static func resolve(_ council: Council, site: Site, baseByID: [String: Routine], rank: [String: Int],
                                guesses: OverrideGuesses, options: Options) -> (Handbook, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var group: Group?
        if let name = council.group {
            group = site.groups[name.value]
            // A group.yml that did not load has its own error: the group exists.
            if group == nil && !site.unloadableGroups.contains(name.value) {
                diagnostics.append(.error(name.location, "gruppen '\(name.value)' finns inte", code: "unknown-group",
                                          notes: Suggestions.note(for: name.value, among: site.groups.keys.sorted(), listing: "grupper i groups/")
                                              + ["tills gruppens id är rättat får \(council.name) inga av gruppens rutiner och kontakter; kontakterna som rutinerna nämner kontrolleras när gruppen finns"]))
            }
        }
        var layered: [String: HandbookRoutine] = [:]
        for routine in site.routines { layered[routine.id] = HandbookRoutine(routine: routine, origin: .inherited) }
        for routine in (group?.routines ?? []) + council.routines {
            // In a public build, a base routine kept internal is no base for anyone: a public
            // routine with its id is the council's own, compared with nothing (a change page
            // would publish the internal text as deleted words).
            let base = baseByID[routine.id].flatMap { $0.access == .internal && !options.includeInternal ? nil : $0 }
            layered[routine.id] = HandbookRoutine(routine: routine, origin: base == nil ? .added : .adapted, base: base)
        }
        let groupIDs = Set(group?.routines.map(\.id) ?? [])
        diagnostics += checkAdditions(council.routines.filter { !groupIDs.contains($0.id) }, guesses)

        // Every id the handbook's layers have, left out or not: a former id may not be one.
        let everyRoutine = layered
        // Internal routines, excluded or not, for the files only they link to (`WithheldAssets`).
        let hidden = options.includeInternal ? [] : layered.values.compactMap { $0.routine.access == .internal ? $0.routine : nil }
        var excluded: Set<String> = []
        let ownIDs = Set(council.routines.map(\.id))
        for name in council.exclude {
            if let removed = layered.removeValue(forKey: name.value) {
                excluded.insert(name.value)
                // The box with 112 on every page links to the acute routine where the handbook
                // has it: left out, the link goes from every page without a word.
                if name.value == site.config.acuteRoutine?.value, !ownIDs.contains(name.value) {
                    diagnostics.append(.warning(name.location, "'exclude' nämner '\(name.value)', som rutan med 112 överst på varje sida länkar till ('acute_routine' i site.yml); länken '\(removed.routine.title)' försvinner då ur rutan", code: "exclude-acute",
                                                notes: ["ta bort '\(name.value)' ur 'exclude'; vill ni ha en egen text, skriv i stället en egen version av rutinen i councils/\(council.slug)/routines/\(name.value).md"]))
                }
                // `exclude` is for the routines others write; the council's own file, left
                // out, is work no one reads, and likely a slip of the list.
                if ownIDs.contains(name.value) {
                    diagnostics.append(.warning(name.location, "'exclude' nämner '\(name.value)', som är en av kommunens egna rutiner; den publiceras inte", code: "exclude-own",
                                                notes: ["ta bort '\(name.value)' ur 'exclude', eller ta bort filen routines/\(name.value).md om rutinen inte ska finnas"]))
                }
            } else if excluded.contains(name.value) {
                // Left out already: the routine is there, only written twice.
                diagnostics.append(.warning(name.location, "'exclude' nämner '\(name.value)' två gånger; ta bort den ena", code: "duplicate-exclude"))
            } else if !site.unloadable.contains(name.value) {
                // A routine file that did not load has its own error: the routine is there.
                diagnostics.append(.error(name.location, "'exclude' nämner '\(name.value)', men det finns ingen rutin med det id:t", code: "unknown-exclude",
                                          notes: Suggestions.note(for: name.value, among: layered.keys.sorted(), listing: "rutinernas id")))
            }
        }
        var internalOnly: Set<String> = []
        if !options.includeInternal {
            for (id, entry) in layered where entry.routine.access == .internal {
                layered.removeValue(forKey: id)
                internalOnly.insert(id)
            }
        }
        let ordered = readingOrder(Array(layered.values), rank: rank)
        let own = council.contacts
        let inherited = (group?.contacts ?? []).filter { contact in !own.contains { $0.id == contact.id } }
        var contacts = own + inherited
        diagnostics += OutOfHoursContacts.resolve(&contacts, council: council, fromGroup: Set(inherited.map(\.id)),
                                                  includeInternal: options.includeInternal)
        var internalContacts: [Contact] = []
        if !options.includeInternal {
            internalContacts = contacts.filter { $0.access == .internal }
            contacts.removeAll { $0.access == .internal }
        }
        var handbook = Handbook(council: council, group: group, contacts: contacts, routines: ordered,
                                excluded: excluded, internalOnly: internalOnly)
        handbook.internalContacts = internalContacts
        handbook.forIntranet = options.includeInternal
        handbook.hiddenRoutines = hidden
        handbook.quickContacts = [council.quickContacts, group?.quickContacts ?? []].first { !$0.isEmpty } ?? site.config.quickContacts
        let texts = Self.texts(base: baseByID, group: group, council: council)
        let (aliases, aliasProblems) = formerIDs(of: ordered, texts: texts, everyRoutine: everyRoutine, council: council)
        handbook.aliases = aliases
        diagnostics += aliasProblems
        diagnostics += checkQuickContacts(of: handbook, own: !council.quickContacts.isEmpty)
        return (handbook, diagnostics)
    }

    /// By phase, `order`, title and id. Sorts positions rather than the routines themselves,
    /// which are large to move, and looks each phase's rank up once.
    private static func readingOrder(_ entries: [HandbookRoutine], rank: [String: Int]) -> [HandbookRoutine] {
        let keys = entries.map { entry in
            (rank[entry.routine.phase.value] ?? Int.max, entry.routine.order, entry.routine.title, entry.routine.id)
        }
        return entries.indices.sorted { keys[$0] < keys[$1] }.map { entries[$0] }
    }

    /// A council's or group's `quick_contacts` names contacts of the handbook: one it does not
    /// have would leave a place in the box of whom to call to whoever comes next. (site.yml's
    /// list is for every handbook, and each has only some: `SiteChecker` checks it once.) A
    /// group's list is checked in each of its councils, and said once for all of them.
    /// The suggestions and the list come from every contact of the handbook, internal ones
    /// included, whichever version is built: `check` checks both, and the same problem with
    /// two lists would be said twice.
    private static func checkQuickContacts(of handbook: Handbook, own: Bool) -> [Diagnostic] {
        guard own || handbook.group?.quickContacts.isEmpty == false else { return [] }
        let known = handbook.contacts.map(\.id) + handbook.internalContacts.map(\.id)
        return handbook.quickContacts.filter { !known.contains($0.value) }.map { id in
            // A group's list: the same words in each member's handbook, so that the problem is
            // said once, naming the handbooks (`normalized()`).
            own ? Diagnostic(.warning, id.location, "det finns ingen kontakt '\(id.value)' i \(handbook.council.name); rutan Vem du ringer på startsidan visar därför någon annan",
                             code: "unknown-contact", notes: Suggestions.note(for: id.value, among: known, listing: "kontakter"))
                : Diagnostic(.warning, id.location, "det finns ingen kontakt '\(id.value)' i handboken; rutan Vem du ringer på startsidan visar därför någon annan",
                             code: "unknown-contact", notes: Suggestions.closest(to: id.value, in: known).map { [Suggestions.meant($0)] } ?? [],
                             handbook: handbook.council.name)
        }
    }

    /// A new id close to a base id is more likely a misspelt override than a new routine.
    private static func checkAdditions(_ routines: [Routine], _ guesses: OverrideGuesses) -> [Diagnostic] {
        routines.compactMap { routine in
            guard !guesses.baseIDs.contains(routine.id), let guess = guesses.guess(for: routine.id) else { return nil }
            return .warning(routine.location, "'\(routine.id)' ersätter ingen grundrutin och läggs därför till som en ny rutin", code: "override-unknown",
                            notes: ["ville du ersätta '\(guess)'? Döp i så fall filen till '\(guess).md'"])
        }
    }
}
