/// The portal's page of one handbook, `handbocker/<council>.html`: which routines it has and
/// in what form, what it left out, and what of its own is due. Above `matrixLimit` handbooks
/// the coverage page has no column per handbook, and seeing one council's coverage meant
/// opening every routine's page; this page shows it at once. Its data comes from what the
/// portal already made (`Portal.councils`, `Portal.review`, the change pages' index), one
/// pass over the handbook's routines.
extension PortalPages {
    static let handbookTemplate = "portal/handbok"
    /// The id of the page's list of left-out routines, which the overview's count links to.
    static let excludedAnchor = "utesluten"
    /// The id of the page's list of routines whose text the council keeps internal (a public
    /// build's), which a group's page links a member to.
    static let internalAnchor = "intern"

    static func handbookPath(council: String) -> String { "\(PageNames.portalHandbooks)/\(PageNames.html(council))" }

    /// "Exempelby kommuns rutiner".
    func handbookTitle(_ summary: Portal.CouncilSummary) -> String { "\(SwedishGenitive.of(summary.council.name)) rutiner" }

    /// What a row shows of the routine's own fields (title, part, review date), made once per
    /// routine: a base routine is the same value in every handbook that inherits it, and
    /// formatting its date and looking up its part for each of 310 handbooks made a quarter of
    /// the pages' data. A job keeps one for its handbooks.
    struct RowTexts {
        struct Texts { var phase: String, reviewed: String?, reviewedISO: String? }
        private let phases: [String: String]
        private var texts: [ObjectIdentifier: Texts] = [:]
        private var days: [Day: (swedish: String, iso: String)] = [:]

        init(_ config: SiteConfig) {
            phases = Dictionary(config.phases.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
        }

        mutating func of(_ routine: Routine) -> Texts {
            let key = routine.sharedIdentity
            if let known = texts[key] { return known }
            let reviewed = routine.reviewed.map { day($0.value) }
            let made = Texts(phase: phases[routine.phase.value] ?? routine.phase.value, reviewed: reviewed?.swedish,
                             reviewedISO: reviewed?.iso)
            texts[key] = made
            return made
        }

        mutating func day(_ day: Day) -> (swedish: String, iso: String) {
            if let known = days[day] { return known }
            let made = (day.swedish, day.description)
            days[day] = made
            return made
        }
    }

    /// The view of the handbook at `index` in the portal's order.
    func handbookView(_ index: Int) -> PortalHandbookView {
        var texts = RowTexts(portal.config)
        return handbookView(index, texts: &texts)
    }

    /// The view of the handbook at `index`, with the routines' texts from `texts`.
    func handbookView(_ index: Int, texts: inout RowTexts) -> PortalHandbookView {
        let summary = portal.councils[index], review = portal.review.councils[index]
        let slug = summary.council.slug
        let root = "../"
        let overdue = review.staleRoutines.isEmpty ? [:]
            : Dictionary(review.staleRoutines.map { ($0.routine.id, $0.dueBy) }, uniquingKeysWith: { a, _ in a })
        let changed = changedRoutines[slug] ?? []
        var inherited = 0, adaptedOwn = 0, adaptedByGroup = 0, added = 0
        let groupText = summary.groupName.map { "\(SwedishGenitive.of($0)) text" } ?? "samverkansgruppens text"
        let routines = review.readings.map { reading -> PortalHandbookView.Routine in
            let routine = reading.routine
            let byGroup: Bool = if case .group = routine.layer { true } else { false }
            var form = "arvd", label = "Ärvd"
            var detail: String?
            switch reading.origin {
            case .inherited:
                inherited += 1
            case .adapted:
                form = "anpassad"
                label = "Anpassad"
                if byGroup {
                    adaptedByGroup += 1
                    detail = groupText
                } else {
                    adaptedOwn += 1
                    detail = routine.adoptedFrom.map { "egen text, hämtad från \(nameOfSource($0.value) ?? $0.value)" } ?? "egen text"
                }
            case .added:
                added += 1
                form = "egen"
                label = "Egen"
                if byGroup { detail = groupText }
            }
            // Only a text in place of a base routine has a change page.
            let changeHref = reading.origin == .adapted && changed.contains(routine.id)
                ? "\(root)\(Self.changePath(council: slug, routine: routine.id))" : nil
            let own = texts.of(routine)
            let due = overdue[routine.id].map { texts.day($0) }
            return PortalHandbookView.Routine(
                title: routine.title, href: "\(root)\(slug)/\(routine.id).html", phase: own.phase,
                form: form, formLabel: label, formDetail: detail,
                changeHref: changeHref, isInternal: routine.access == .internal,
                reviewed: own.reviewed, reviewedISO: own.reviewedISO,
                overdue: due != nil, dueBy: due?.swedish, dueByISO: due?.iso,
                lix: reading.origin == .inherited ? nil : String(reading.readability.rounded),
                lixOver: reading.origin != .inherited && reading.overThreshold)
        }
        func missing(_ routine: Routine) -> PortalHandbookView.Missing {
            let source: String? = switch routine.layer {
            case .base: nil
            case .group: summary.groupName ?? "samverkansgruppen"
            case .council: "egen"
            }
            return PortalHandbookView.Missing(
                title: routine.title,
                href: routine.layer == .base && coveredRoutines.contains(routine.id) ? root + Self.coveragePath(routine: routine.id) : nil,
                phase: phaseName(routine.phase.value), source: source)
        }
        let excluded = summary.excludedRoutines.map(missing)
        let internalBase = summary.internalBase.map(missing)
        let ownRoutines = review.ownStaleRoutines.map { reviewRow($0, council: slug, root: root) }
        let ownContacts = review.ownStaleContacts.map(reviewRow)
        let sharedRoutines = review.staleRoutines.count - ownRoutines.count
        let sharedContacts = review.staleContacts.count - ownContacts.count
        return PortalHandbookView(
            title: handbookTitle(summary), name: summary.council.name,
            handbookHref: "\(root)\(slug)/\(PageNames.html(PageNames.start))", kind: summary.council.kind.label,
            group: summary.groupName, groupHref: groupHref(summary, root: root), today: portal.today.swedish, todayISO: portal.today.description,
            summary: Self.routinesInWords(total: routines.count, inherited: inherited, adaptedOwn: adaptedOwn,
                                          adaptedByGroup: adaptedByGroup, groupText: groupText, added: added),
            excludedSummary: Self.excludedInWords(summary.excludedRoutines),
            phasesSummary: Self.missingPhasesInWords(summary.missingPhases),
            routines: routines, routineCount: routines.count, inheritedCount: inherited,
            adaptedCount: adaptedOwn + adaptedByGroup, addedCount: added, excludedCount: excluded.count,
            excluded: excluded, hasExcluded: !excluded.isEmpty, internalBase: internalBase, hasInternalBase: !internalBase.isEmpty,
            lixThreshold: DecimalText.swedishTrimmed(portal.config.lixThreshold),
            ownRoutinesDue: ownRoutines, ownContactsDue: ownContacts, ownDueText: Self.due(ownRoutines.count, ownContacts.count),
            hasOwnDue: !ownRoutines.isEmpty || !ownContacts.isEmpty, hasOwnRoutinesDue: !ownRoutines.isEmpty,
            hasOwnContactsDue: !ownContacts.isEmpty,
            reviewHref: ownRoutines.isEmpty && ownContacts.isEmpty ? nil : "\(root)\(PageNames.html(Name.granskning.rawValue))#\(slug)",
            sharedDueText: Self.due(sharedRoutines, sharedContacts), hasSharedDue: sharedRoutines + sharedContacts > 0,
            emergency: emergencyNumber,
            contactsHref: "\(root)\(slug)/\(PageNames.html(PageNames.contacts))")
    }

    private func phaseName(_ id: String) -> String { portal.config.phase(id)?.label ?? id }

    /// "Handboken har 16 rutiner: 13 oförändrade grundrutiner och 3 anpassade (1 med egen
    /// text, 2 med Samverkan Nordvästs text)." Parts that are 0 are left out.
    static func routinesInWords(total: Int, inherited: Int, adaptedOwn: Int, adaptedByGroup: Int, groupText: String, added: Int) -> String {
        guard total > 0 else { return "Handboken har inga rutiner." }
        var parts: [String] = []
        if inherited > 0 { parts.append(inherited == 1 ? "1 oförändrad grundrutin" : "\(DecimalText.swedishWhole(inherited)) oförändrade grundrutiner") }
        let adapted = adaptedOwn + adaptedByGroup
        if adapted > 0 {
            let adaptedText = adapted == 1 ? "1 anpassad" : "\(DecimalText.swedishWhole(adapted)) anpassade"
            switch (adaptedOwn, adaptedByGroup) {
            case (_, 0): parts.append("\(adaptedText) med egen text")
            case (0, _): parts.append("\(adaptedText) med \(groupText)")
            default: parts.append("\(adaptedText) (\(DecimalText.swedishWhole(adaptedOwn)) med egen text, \(DecimalText.swedishWhole(adaptedByGroup)) med \(groupText))")
            }
        }
        if added > 0 { parts.append(counted(added, "egen rutin", "egna rutiner")) }
        return "Handboken har \(counted(total, "rutin", "rutiner")): \(parts.listedInWords)."
    }

    /// "Den har valt bort 1 grundrutin." A routine only the group or the council has is a
    /// "rutin", not a "grundrutin".
    static func excludedInWords(_ routines: [Routine]) -> String {
        guard !routines.isEmpty else { return "Den har inte valt bort någon rutin." }
        let noun = routines.allSatisfy { $0.layer == .base } ? ("grundrutin", "grundrutiner") : ("rutin", "rutiner")
        return "Den har valt bort \(counted(routines.count, noun.0, noun.1))."
    }

    /// "Alla delar av handboken har rutiner.", "Delen Uppföljning har ingen rutin.",
    /// "Delarna Förebygga och Uppföljning har inga rutiner."
    static func missingPhasesInWords(_ labels: [String]) -> String {
        switch labels.count {
        case 0: "Alla delar av handboken har rutiner."
        case 1: "Delen \(labels[0]) har ingen rutin."
        default: "Delarna \(labels.listedInWords) har inga rutiner."
        }
    }
}
