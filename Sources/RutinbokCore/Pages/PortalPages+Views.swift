/// The functions that fill the portal's view models (`PortalViews.swift`) from `Portal`.
extension PortalPages {
    private func start(_ slug: String, root: String = "") -> String { "\(root)\(slug)/\(PageNames.html(PageNames.start))" }

    /// `exempelstad/sociala-medier` → "Exempelstads kommun", or the text as written.
    private func sourceName(_ adoptedFrom: String) -> String {
        nameOfSource(adoptedFrom) ?? adoptedFrom
    }

    private func phaseLabel(_ id: String) -> String { portal.config.phase(id)?.label ?? id }

    func indexView() -> PortalIndexView {
        let rows = portal.councils.map { summary in
            PortalIndexView.Row(
                name: summary.council.name, href: start(summary.council.slug),
                pageHref: Self.handbookPath(council: summary.council.slug), kind: summary.council.kind.label,
                group: summary.groupName, groupHref: groupHref(summary), routines: summary.routines, adapted: summary.adapted, added: summary.added,
                excluded: summary.excluded, oldestReview: summary.oldestReview?.swedish,
                oldestReviewISO: summary.oldestReview?.description, onlyGroupTexts: summary.oldestReview == nil && summary.hasGroupTexts,
                toReview: summary.toReview,
                reviewHref: summary.toReview == 0 ? nil : "\(PageNames.html(Name.granskning.rawValue))#\(summary.council.slug)",
                adaptedHref: summary.adapted == 0 ? nil : "\(PageNames.html(Name.andringar.rawValue))#\(Self.changesAnchor(summary.council.slug))",
                addedHref: summary.added == 0 || portal.councils.count > Self.matrixLimit ? nil
                    : "\(PageNames.html(Name.tackning.rawValue))#\(Self.changesAnchor(summary.council.slug))",
                excludedHref: summary.excluded == 0 ? nil : "\(Self.handbookPath(council: summary.council.slug))#\(Self.excludedAnchor)",
                missingPhases: summary.missingPhases.isEmpty ? nil : summary.missingPhases.joined(separator: ", "))
        }
        let incomplete = rows.filter { $0.missingPhases != nil }.count
        let texts = changedTexts().count
        return PortalIndexView(siteTitle: portal.config.title, description: portal.config.description, councils: rows,
                               councilCount: rows.count, incompleteCount: incomplete, hasIncomplete: incomplete > 0,
                               exampleCount: portal.examples.examples.count,
                               changeCount: texts, changeText: Self.counted(texts, "text", "texter"), today: portal.today.swedish,
                               emergency: emergencyNumber, forIntranet: forIntranet)
    }

    func coverageView() -> PortalCoverageView {
        let coverage = portal.coverage
        let columns = coverage.councils.map { PortalCoverageView.Column(name: councilNames[$0] ?? $0, href: start($0)) }
        let groupOfCouncil = Dictionary(portal.councils.map { ($0.council.slug, $0.groupName ?? "samverkansgrupp") }, uniquingKeysWith: { a, _ in a })
        let showMatrix = coverage.councils.count <= Self.matrixLimit
        let phases = coverage.phases.map { phase in
            PortalCoverageView.PhaseTable(id: phase.phase.id, label: phase.phase.label, counts: phase.rows.map { row in
                let counts = row.counts
                return PortalCoverageView.Counts(title: row.routine.title, href: Self.coveragePath(routine: row.routine.id),
                                                 inherited: counts[.inherited] ?? 0, adapted: counts[.adapted] ?? 0,
                                                 excluded: counts[.excluded] ?? 0, internalOnly: counts[.internalOnly] ?? 0)
            }, rows: !showMatrix ? [] : phase.rows.map { row in
                PortalCoverageView.Row(title: row.routine.title, cells: zip(coverage.councils, row.cells).map { slug, cell in
                    switch cell {
                    case .inherited: return .init(kind: "arvd", label: cell.label, detail: nil, href: nil)
                    case .excluded: return .init(kind: "utesluten", label: cell.label, detail: nil, href: nil)
                    case .internalOnly: return .init(kind: "intern", label: cell.label, detail: nil, href: nil)
                    case .adapted(let byGroup, let adoptedFrom):
                        let detail = byGroup ? "av \(groupOfCouncil[slug] ?? "samverkansgrupp")" : adoptedFrom.map { "från \(sourceName($0))" }
                        return .init(kind: "anpassad", label: cell.label, detail: detail,
                                     href: Self.changePath(council: slug, routine: row.routine.id),
                                     context: "\(row.routine.title) i \(councilNames[slug] ?? slug)")
                    }
                })
            })
        }
        let additions = coverage.councils.map { slug in
            // A public build leaves internal routines out: their titles too may be meant for the intranet.
            let routines = (coverage.additions[slug] ?? []).filter(\.published).map { addition in
                let routine = addition.routine
                var group: String?
                if addition.byGroup, case .group(let id) = routine.layer { group = groupOfCouncil[slug] ?? id }
                return PortalCoverageView.Addition(title: routine.title, href: "\(slug)/\(PageNames.html(routine.id))",
                             phase: phaseLabel(routine.phase.value), group: group,
                             groupHref: group == nil ? nil : Self.groupHref(of: routine), isInternal: routine.access == .internal)
            }
            return PortalCoverageView.CouncilAdditions(name: councilNames[slug] ?? slug, href: start(slug),
                                                       anchor: Self.changesAnchor(slug), routines: routines,
                                                       hasRoutines: !routines.isEmpty)
        }
        let hasInternal = phases.contains { $0.counts.contains { $0.internalOnly > 0 } }
        return PortalCoverageView(councils: showMatrix ? columns : [], phases: phases, additions: showMatrix ? additions : [],
                                  additionTitles: showMatrix ? [] : additionTitles(additions),
                                  councilCount: coverage.councils.count, showMatrix: showMatrix,
                                  matrixLimit: Self.matrixLimit, hasInternal: hasInternal)
    }

    /// The handbooks' own routines by title, the most common first (equal counts by title).
    private func additionTitles(_ additions: [PortalCoverageView.CouncilAdditions]) -> [PortalCoverageView.AdditionTitle] {
        var byTitle: [String: PortalCoverageView.AdditionTitle] = [:]
        var order: [String] = []
        for council in additions {
            for routine in council.routines {
                let label = routine.isInternal ? "\(council.name) (intern)" : council.name
                let link = LinkView(label: label, href: routine.href ?? council.href)
                if byTitle[routine.title] == nil {
                    order.append(routine.title)
                    byTitle[routine.title] = .init(title: routine.title, phase: routine.phase, count: 0, councils: [])
                }
                byTitle[routine.title]!.count += 1
                byTitle[routine.title]!.councils.append(link)
            }
        }
        return order.compactMap { byTitle[$0] }.sorted {
            $0.count != $1.count ? $0.count > $1.count : SwedishOrder.precedes($0.title, $1.title)
        }
    }

    /// The page of one base routine across the handbooks, in the order of the overview.
    func routineCoverageView(_ row: Coverage.Row) -> PortalRoutineCoverageView {
        let routine = row.routine
        var adapted: [PortalRoutineCoverageView.Adapted] = []
        var inherited: [LinkView] = [], excluded: [LinkView] = [], internalOnly: [LinkView] = []
        for (slug, cell) in zip(portal.coverage.councils, row.cells) {
            let name = councilNames[slug] ?? slug
            switch cell {
            case .inherited: inherited.append(LinkView(label: name, href: "../\(slug)/\(PageNames.html(routine.id))"))
            case .excluded: excluded.append(LinkView(label: name, href: start(slug, root: "../")))
            case .internalOnly: internalOnly.append(LinkView(label: name, href: start(slug, root: "../")))
            case .adapted(let byGroup, let adoptedFrom):
                let path = Self.changePath(council: slug, routine: routine.id)
                let change = changeIndex[path].map { portal.changes[$0] }
                adapted.append(.init(council: name, href: "../\(path)",
                                     adaptedBy: byGroup ? (change?.groupName ?? "samverkansgrupp") : name,
                                     adaptedByHref: byGroup ? change.flatMap { Self.groupHref(of: $0.routine, root: "../") } : nil,
                                     adoptedFrom: adoptedFrom.map(sourceName),
                                     inserted: change.map { "\($0.insertedWords)" } ?? "–",
                                     deleted: change.map { "\($0.deletedWords)" } ?? "–"))
            }
        }
        return PortalRoutineCoverageView(
            title: routine.title, phase: phaseLabel(routine.phase.value), councilCount: row.cells.count,
            adapted: adapted, inherited: inherited, excluded: excluded, internalOnly: internalOnly,
            adaptedCount: adapted.count, inheritedCount: inherited.count, excludedCount: excluded.count,
            internalCount: internalOnly.count, hasAdapted: !adapted.isEmpty, hasInherited: !inherited.isEmpty,
            hasExcluded: !excluded.isEmpty, hasInternal: !internalOnly.isEmpty,
            councilsText: Self.counted(row.cells.count, "handbok", "handböcker"),
            inheritedText: Self.counted(inherited.count, "handbok", "handböcker"))
    }

    /// A number and its noun in the right form: "1 handbok", "7 handböcker".
    static func counted(_ count: Int, _ one: String, _ many: String) -> String {
        count == 1 ? "1 \(one)" : "\(DecimalText.swedishWhole(count)) \(many)"
    }

    func examplesView() -> PortalExamplesView {
        // Looked up for the examples only, not made for every routine of every council.
        let reviews = Dictionary(portal.review.councils.map { ($0.council.slug, $0) }, uniquingKeysWith: { a, _ in a })
        func lix(_ example: ExampleLibrary.Example) -> Int? {
            reviews[example.council.slug]?.readings.first { $0.routine.id == example.routine.id }?.readability.rounded
        }
        let groups = portal.config.phases.compactMap { phase -> PortalExamplesView.PhaseGroup? in
            let examples = portal.examples.examples.filter { $0.routine.phase.value == phase.id }.map { example in
                let routine = example.routine, slug = example.council.slug
                let change = Self.changePath(council: slug, routine: routine.id)
                return PortalExamplesView.Example(
                    title: routine.title, summary: routine.summary, href: "\(slug)/\(PageNames.html(routine.id))",
                    council: example.offeredBy, councilHref: example.group.map { Self.groupPath(group: $0.id) } ?? start(slug),
                    members: example.members.map { LinkView(label: $0.name, href: "\($0.slug)/\(PageNames.html(routine.id))") },
                    hasMembers: !example.members.isEmpty,
                    reviewed: routine.reviewed?.value.swedish, reviewedISO: routine.reviewed?.value.description,
                    decided: routine.decided, lix: lix(example) ?? 0,
                    adoptedBy: example.adopters.map { LinkView(label: councilNames[$0.council] ?? $0.council, href: "\($0.council)/\(PageNames.html($0.routine))") },
                    command: "rutinbok adopt \(example.key) --into <din-kommun>", hasAdopters: !example.adoptedBy.isEmpty,
                    changeHref: changeIndex[change] != nil ? change : nil)
            }
            return examples.isEmpty ? nil : .init(id: phase.id, label: phase.label, examples: examples)
        }
        return PortalExamplesView(phases: groups, count: portal.examples.examples.count, hasExamples: !portal.examples.examples.isEmpty)
    }

    private func adaptedBy(_ change: RoutineChange) -> String {
        change.groupName ?? change.council.name
    }

    func changesView() -> PortalChangesView {
        let rows = changeRows()
        return PortalChangesView(rows: rows, hasRows: !rows.isEmpty)
    }

    /// A row per adapted text: a group's text, which each member's handbook shows, is one row
    /// naming every member, linked to the first one's change page.
    func changeRows() -> [PortalChangesView.Row] {
        var anchored: Set<String> = []
        return changedTexts().map { changes in
            let change = changes[0]
            return PortalChangesView.Row(
                council: changes.map(\.council.name).joined(separator: ", "), title: change.routine.title,
                href: Self.changePath(council: change.council.slug, routine: change.routine.id),
                adaptedBy: adaptedBy(change), adaptedByHref: Self.groupHref(of: change.routine),
                adoptedFrom: change.routine.adoptedFrom.map { sourceName($0.value) },
                inserted: change.insertedWords, deleted: change.deletedWords,
                anchors: changes.map(\.council.slug).filter { anchored.insert($0).inserted }.map(Self.changesAnchor))
        }
    }

    /// The id of a council's first row in the change list, and of its row of own routines on
    /// the coverage page: prefixed, so that no council's slug can take an id the page has for
    /// itself ("egna-rutiner", "fas-…").
    static func changesAnchor(_ slug: String) -> String { "handbok-\(slug)" }

    /// The changes by text, in order: a group's text with every member's change, each other
    /// change on its own.
    func changedTexts() -> [[RoutineChange]] {
        var texts: [[RoutineChange]] = []
        var textOfGroupPair: [String: Int] = [:]
        for change in portal.changes {
            guard change.groupName != nil else { texts.append([change]); continue }
            if let text = textOfGroupPair[change.pair] { texts[text].append(change); continue }
            textOfGroupPair[change.pair] = texts.count
            texts.append([change])
        }
        return texts
    }

    /// "61 ord tillagda", "1 ord tillagt", "inga ord tillagda".
    static func words(_ count: Int, one: String, many: String) -> String {
        switch count {
        case 0: "inga ord \(many)"
        case 1: "1 ord \(one)"
        default: "\(count) ord \(many)"
        }
    }

    func changeView(_ change: RoutineChange, root: String) -> PortalChangeView {
        let inserted = change.insertedWords, deleted = change.deletedWords
        return PortalChangeView(
            title: change.routine.title, council: change.council.name, baseTitle: change.base.title,
            titleChanged: change.base.title != change.routine.title, councilGenitive: SwedishGenitive.of(change.council.name),
            adaptedBy: adaptedBy(change), adaptedByHref: Self.groupHref(of: change.routine, root: root),
            adoptedFrom: change.routine.adoptedFrom.map { sourceName($0.value) },
            authorGenitive: SwedishGenitive.of(adaptedBy(change)), byGroup: change.groupName != nil,
            reviewed: change.routine.reviewed?.value.swedish, reviewedISO: change.routine.reviewed?.value.description,
            baseReviewed: change.base.reviewed?.value.swedish, baseReviewedISO: change.base.reviewed?.value.description,
            baseNewer: { if let base = change.base.reviewed?.value, let own = change.routine.reviewed?.value { base > own } else { false } }(),
            inserted: Self.words(inserted, one: "tillagt", many: "tillagda"),
            deleted: Self.words(deleted, one: "borttaget", many: "borttagna"), unchanged: inserted == 0 && deleted == 0,
            // A kept page that could not be linked is made again, and its diff with it.
            // A card of a contact the handbook does not have (the base routine's, for a contact
            // this council keeps internal) names no one: its id may be as internal as the contact.
            diff: DiffHTML.render(change.diffMade(with: bodies)) { id in change.contacts.first { $0.id == id }?.roleAndName ?? "en kontakt som handboken inte har" },
            routineHref: "\(root)\(change.council.slug)/\(PageNames.html(change.routine.id))",
            listHref: "\(root)\(PageNames.html(Name.andringar.rawValue))")
    }

    func reviewView() -> PortalReviewView {
        var clear: [LinkView] = []
        let sections = portal.review.councils.compactMap { review -> PortalReviewView.Section? in
            let slug = review.council.slug
            let ownRoutines = review.ownStaleRoutines, ownContacts = review.ownStaleContacts
            guard !ownRoutines.isEmpty || !ownContacts.isEmpty else {
                clear.append(LinkView(label: review.council.name, href: start(slug)))
                return nil
            }
            let routines = ownRoutines.map { reviewRow($0, council: slug) }
            let contacts = ownContacts.map(reviewRow)
            return PortalReviewView.Section(name: review.council.name, anchor: slug, href: start(slug),
                                            routines: routines, contacts: contacts, routineCount: routines.count,
                                            contactCount: contacts.count,
                                            hasRoutines: !routines.isEmpty, hasContacts: !contacts.isEmpty)
        }
        // The most to do first; equal ones in the overview's order.
        let mostDueFirst = sections.enumerated().sorted {
            ($1.element.routineCount + $1.element.contactCount, $0.offset) < ($0.element.routineCount + $0.element.contactCount, $1.offset)
        }.map(\.element)
        let covered = coveredRoutines
        let shared = portal.review.shared()
        let sharedRoutines = shared.routines.map { stale in
            let routine = stale.routine
            // A base routine leads to its page across the handbooks; a group's to a member's copy.
            let href: String? = routine.layer == .base ? (covered.contains(routine.id) ? Self.coveragePath(routine: routine.id) : nil)
                                                       : stale.handbooks.first.map { "\($0.slug)/\(PageNames.html(routine.id))" }
            return PortalReviewView.SharedRoutine(title: routine.title, href: href, source: stale.group ?? "Grundrutin",
                                                  groupHref: Self.groupHref(id: stale.groupID),
                                                  reviewed: stale.reviewed.swedish, reviewedISO: stale.reviewed.description,
                                                  dueBy: stale.dueBy.swedish, dueByISO: stale.dueBy.description,
                                                  handbooks: ReviewReport.inHandbooks(stale.handbooks))
        }
        let sharedContacts = shared.contacts.map { stale in
            PortalReviewView.SharedContact(role: stale.contact.role, name: stale.contact.name ?? "", group: stale.group,
                                           groupHref: Self.groupHref(id: stale.groupID),
                                           verified: stale.contact.verified?.swedish ?? "aldrig", verifiedISO: stale.contact.verified?.description,
                                           handbooks: ReviewReport.inHandbooks(stale.handbooks))
        }
        let routines = sections.reduce(0) { $0 + $1.routineCount }, contacts = sections.reduce(0) { $0 + $1.contactCount }
        return PortalReviewView(today: portal.today.swedish, reviewMonths: portal.config.reviewIntervalMonths,
                                verifyMonths: portal.config.verifyIntervalMonths, sections: mostDueFirst, clear: clear,
                                councilCount: portal.review.councils.count, dueCount: sections.count, dueTotal: Self.due(routines, contacts),
                                hasDue: !sections.isEmpty, hasClear: !clear.isEmpty,
                                sharedRoutines: sharedRoutines, sharedContacts: sharedContacts,
                                sharedTotal: Self.due(sharedRoutines.count, sharedContacts.count),
                                hasShared: !sharedRoutines.isEmpty || !sharedContacts.isEmpty,
                                hasSharedRoutines: !sharedRoutines.isEmpty, hasSharedContacts: !sharedContacts.isEmpty)
    }

    /// What is due, in words: "3 rutiner att granska och 1 kontakt att kontrollera" (empty for nothing).
    static func due(_ routines: Int, _ contacts: Int) -> String {
        [routines == 0 ? nil : counted(routines, "rutin", "rutiner") + " att granska",
         contacts == 0 ? nil : counted(contacts, "kontakt", "kontakter") + " att kontrollera"]
            .compactMap { $0 }.joined(separator: " och ")
    }

    /// A council's own routine past review, as its section of the review page lists it;
    /// `root` leads from the page to the top of the output.
    func reviewRow(_ stale: ReviewReport.StaleRoutine, council slug: String, root: String = "") -> PortalReviewView.Routine {
        let change = Self.changePath(council: slug, routine: stale.routine.id)
        return PortalReviewView.Routine(title: stale.routine.title, href: "\(root)\(slug)/\(PageNames.html(stale.routine.id))",
                                        reviewed: stale.reviewed.swedish, reviewedISO: stale.reviewed.description,
                                        dueBy: stale.dueBy.swedish, dueByISO: stale.dueBy.description,
                                        changeHref: changeIndex[change] != nil ? root + change : nil,
                                        owner: stale.owner?.role ?? stale.routine.owner.value, ownerName: stale.owner?.name,
                                        phone: stale.owner?.phone, tel: stale.owner?.phone.map(PhoneNumber.telURI),
                                        email: stale.owner?.email, emailHTML: stale.owner?.email.map(EmailBreaks.html))
    }

    /// A contact past verification, as the review page lists it.
    func reviewRow(_ contact: Contact) -> PortalReviewView.Contact {
        PortalReviewView.Contact(role: contact.role, name: contact.name ?? "",
                                 verified: contact.verified?.swedish ?? "aldrig", verifiedISO: contact.verified?.description)
    }

    /// The portal's statement (`tillganglighet.html`), from site.yml's `accessibility`.
    func accessibilityView() -> PortalAccessibilityView {
        let config = portal.config
        return PortalAccessibilityView(publisher: config.publisher?.name ?? config.title, siteTitle: config.title,
                                       parts: StatementParts(config.accessibility),
                                       feedbackEmail: config.accessibility?.feedbackEmail ?? config.publisher?.email)
    }

    /// Each routine text once (a base routine's LIX is the same in every council that
    /// inherits it), the hardest to read first: at 310 councils the table has thousands of
    /// rows, and the ones to work on should not hide among them.
    func readabilityView() -> PortalReadabilityView {
        var seen: Set<String> = []
        var rows: [PortalReadabilityView.Row] = []
        let covered = coveredRoutines
        for review in portal.review.councils {
            for reading in review.readings where seen.insert(reading.routine.location.file).inserted {
                let routine = reading.routine
                let source: String, sourceHref: String?
                var href: String? = "\(review.council.slug)/\(PageNames.html(routine.id))"
                switch routine.layer {
                case .base: (source, sourceHref) = ("Grundrutin", nil)
                case .group: (source, sourceHref) = (review.groupName ?? "Samverkansgrupp", Self.groupHref(of: routine))
                case .council(let slug): (source, sourceHref) = (councilNames[slug] ?? slug, Self.handbookPath(council: slug))
                }
                // A base text's row leads to the routine across the handbooks.
                if case .base = routine.layer { href = covered.contains(routine.id) ? Self.coveragePath(routine: routine.id) : nil }
                let r = reading.readability
                let note = routine.layer == .base ? ", grundrutinen i handböckerna" : ", text från \(source)"
                rows.append(.init(title: routine.title, source: source, groupHref: Self.groupHref(of: routine), sourceHref: sourceHref, href: href,
                                  linkNote: note, lix: r.rounded,
                                  wordsPerSentence: DecimalText.swedish(r.wordsPerSentence),
                                  longWords: "\(Int(r.longWordPercentage.rounded())) %", verdict: Self.verdict(Double(r.rounded)),
                                  over: reading.overThreshold))
            }
        }
        // Stable: equal LIX keeps the order of the handbooks.
        let hardestFirst = rows.enumerated().sorted { ($1.element.lix, $0.offset) < ($0.element.lix, $1.offset) }.map(\.element)
        return PortalReadabilityView(threshold: DecimalText.swedishTrimmed(portal.config.lixThreshold),
                                     rows: hardestFirst, overCount: rows.filter(\.over).count)
    }

    /// The customary LIX bands, of the value as the page shows it (rounded: 39.6 is shown as 40,
    /// which reads "Medelsvår", not "Lättläst").
    static func verdict(_ lix: Double) -> String {
        switch lix {
        case ..<30: "Mycket lättläst"
        case ..<40: "Lättläst"
        case ..<50: "Medelsvår"
        case ..<60: "Svår"
        default: "Mycket svår"
        }
    }
}
