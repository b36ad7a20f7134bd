import Testing
@testable import RutinbokCore

/// The portal's data in a changed build: diffs made only where a page needs them, counts
/// taken from the previous build where they are known, and the summary views' field lists.
@Suite struct PortalReuseDataTests {
    @Test func changesDiffOnlyWhatTheyShow() async throws {
        let loaded = try await DemoContent.load()
        let full = RoutineChange.all(in: loaded.handbooks, bodies: loaded.bodies)
        let counts = RoutineChange.counts(of: full)
        #expect(!counts.isEmpty)
        let shown = full[0]
        let partial = RoutineChange.all(in: loaded.handbooks, bodies: loaded.bodies, knownCounts: counts) {
            $0.council.slug == shown.council.slug && $0.routine.id == shown.routine.id
        }
        #expect(partial.count == full.count)
        for (a, b) in zip(full, partial) {
            #expect(a.council.slug == b.council.slug && a.routine.id == b.routine.id)
            #expect(a.insertedWords == b.insertedWords && a.deletedWords == b.deletedWords)
            let isShown = b.council.slug == shown.council.slug && b.routine.id == shown.routine.id
            #expect((b.diff != nil) == isShown)
        }
        #expect(partial[0].diff == full[0].diff)

        // Counts that are not known are counted, even for a change whose page is not shown.
        let uncounted = RoutineChange.all(in: loaded.handbooks, bodies: loaded.bodies, knownCounts: [:]) { _ in false }
        #expect(uncounted.map(\.insertedWords) == full.map(\.insertedWords))
        #expect(uncounted.map(\.deletedWords) == full.map(\.deletedWords))
        #expect(uncounted.allSatisfy { $0.diff == nil })
    }

    @Test func knownCountsAreTakenAsTheyAre() async throws {
        let loaded = try await DemoContent.load()
        let full = RoutineChange.all(in: loaded.handbooks, bodies: loaded.bodies)
        let known = Dictionary(uniqueKeysWithValues: RoutineChange.counts(of: full).keys.map { ($0, WordCounts(inserted: 7, deleted: 8)) })
        let kept = RoutineChange.all(in: loaded.handbooks, bodies: loaded.bodies, knownCounts: known) { _ in false }
        #expect(kept.allSatisfy { $0.insertedWords == 7 && $0.deletedWords == 8 })
    }

    nonisolated(unsafe) static let values: [any TemplateFields] = [
        PortalIndexView(siteTitle: "s", description: "d", councils: [], councilCount: 1, incompleteCount: 4, hasIncomplete: true, exampleCount: 2, changeCount: 3, changeText: "3 texter", today: "t", emergency: nil, forIntranet: true),
        PortalIndexView.Row(name: "n", href: "h", pageHref: "p", kind: "k", group: "g", groupHref: "gh", routines: 1, adapted: 2, added: 3, excluded: 4,
                            oldestReview: "o", oldestReviewISO: "oi", onlyGroupTexts: true, toReview: 5, reviewHref: "r", excludedHref: "e", missingPhases: "m"),
        PortalCoverageView(councils: [], phases: [], additions: [], additionTitles: [], councilCount: 1, showMatrix: true, matrixLimit: 2, hasInternal: false),
        PortalCoverageView.Column(name: "n", href: "h"),
        PortalCoverageView.AdditionTitle(title: "t", phase: "p", count: 2, councils: []),
        PortalCoverageView.Counts(title: "t", href: "h", inherited: 1, adapted: 2, excluded: 3, internalOnly: 4),
        PortalCoverageView.PhaseTable(id: "i", label: "l", counts: [], rows: []),
        PortalRoutineCoverageView(title: "t", phase: "p", councilCount: 1, adapted: [], inherited: [], excluded: [], internalOnly: [],
                                  adaptedCount: 0, inheritedCount: 0, excludedCount: 0, internalCount: 0, hasAdapted: false,
                                  hasInherited: false, hasExcluded: false, hasInternal: false, councilsText: "c", inheritedText: "i"),
        PortalRoutineCoverageView.Adapted(council: "c", href: "h", adaptedBy: "a", adaptedByHref: "ah", adoptedFrom: "f", inserted: "1", deleted: "2"),
        PortalCoverageView.Addition(title: "t", href: "h", phase: "p", group: "g", groupHref: "gh", isInternal: false),
        PortalCoverageView.CouncilAdditions(name: "n", href: "h", anchor: "a", routines: [], hasRoutines: false),
        PortalExamplesView(phases: [], count: 0, hasExamples: false),
        PortalExamplesView.Example(title: "t", summary: "s", href: "h", council: "c", councilHref: "ch", members: [], hasMembers: false, reviewed: "r",
                                   reviewedISO: "ri", decided: "d", lix: 30, adoptedBy: [], command: "c", hasAdopters: false, changeHref: "a"),
        PortalExamplesView.PhaseGroup(id: "i", label: "l", examples: []),
        PortalChangesView(rows: [], hasRows: false),
        PortalReviewView(today: "t", reviewMonths: 12, verifyMonths: 6, sections: [], clear: [], councilCount: 2, dueCount: 1, dueTotal: "d",
                         hasDue: true, hasClear: true, sharedRoutines: [], sharedContacts: [], sharedTotal: "s", hasShared: true,
                         hasSharedRoutines: true, hasSharedContacts: false),
        PortalReviewView.SharedRoutine(title: "t", href: "h", source: "s", groupHref: "g", reviewed: "r", reviewedISO: "ri", dueBy: "d", dueByISO: "di", handbooks: "i 2"),
        PortalReviewView.SharedContact(role: "r", name: "n", group: "g", groupHref: "gh", verified: "v", verifiedISO: "vi", handbooks: "i 2"),
        PortalReviewView.Routine(title: "t", href: "h", reviewed: "r", reviewedISO: "ri", dueBy: "d", dueByISO: "di", changeHref: "c", owner: "o", ownerName: "on", phone: "p", tel: "t", email: "e", emailHTML: "eh"),
        PortalReviewView.Contact(role: "r", name: "n", verified: "v", verifiedISO: "vi"),
        PortalReviewView.Section(name: "n", anchor: "a", href: "h", routines: [], contacts: [], routineCount: 0, contactCount: 0,
                                 hasRoutines: false, hasContacts: false),
        PortalHandbookView(title: "t", name: "n", handbookHref: "h", kind: "k", group: "g", groupHref: "gh", today: "d", todayISO: "di", summary: "s",
                           excludedSummary: "e", phasesSummary: "p", routines: [], routineCount: 1, inheritedCount: 2, adaptedCount: 3,
                           addedCount: 4, excludedCount: 5, excluded: [], hasExcluded: false, internalBase: [], hasInternalBase: false,
                           lixThreshold: "50", ownRoutinesDue: [], ownContactsDue: [], ownDueText: "o", hasOwnDue: true,
                           hasOwnRoutinesDue: true, hasOwnContactsDue: false, reviewHref: "r", sharedDueText: "sd", hasSharedDue: true,
                           emergency: NumberView(label: "l", number: "112", tel: "112", description: "d"), contactsHref: "c"),
        PortalHandbookView.Routine(title: "t", href: "h", phase: "p", form: "f", formLabel: "fl", formDetail: "fd", changeHref: "c",
                                   isInternal: false, reviewed: "r", reviewedISO: "ri", overdue: true, dueBy: "d", dueByISO: "di",
                                   lix: "40", lixOver: false),
        PortalHandbookView.Missing(title: "t", href: "h", phase: "p", source: "s"),
        PortalGroupView(groupName: "g", genitive: "gs", description: "d", today: "t", todayISO: "ti", members: [], membersText: "2 medlemmar",
                        routines: [], hasRoutines: false, lixThreshold: "50", contacts: [], hasContacts: false, routinesDue: [],
                        contactsDue: [], dueText: "d", hasDue: true, hasRoutinesDue: false, hasContactsDue: true, reviewHref: "r",
                        emergency: NumberView(label: "l", number: "112", tel: "112", description: "d")),
        PortalGroupView.Member(name: "n", href: "h", handbookHref: "hh"),
        PortalGroupView.Routine(title: "t", href: "h", shownIn: "s", phase: "p", form: "f", formLabel: "fl", changeHref: "c", isInternal: false,
                                reviewed: "r", reviewedISO: "ri", overdue: true, dueBy: "d", dueByISO: "di", lix: "40", lixOver: false,
                                ownText: [], excluded: [], internalOnly: [], hasOwnText: false, hasExcluded: false, hasInternalOnly: false,
                                allMembers: true),
        PortalGroupView.Contact(role: "r", name: "n", isInternal: false, verified: "v", verifiedISO: "vi", overdue: true, dueBy: "d",
                                dueByISO: "di", unused: false),
        PortalReadabilityView(threshold: "50", rows: [], overCount: 0),
        PortalReadabilityView.Row(title: "t", source: "s", groupHref: "g", sourceHref: "g", href: "h", linkNote: "n", lix: 40, wordsPerSentence: "10", longWords: "20 %",
                                  verdict: "v", over: false),
    ]

    @Test(arguments: values.indices)
    func everyStoredPropertyIsListed(_ index: Int) {
        let value = Self.values[index]
        let stored = Set(Mirror(reflecting: value).children.compactMap(\.label))
        #expect(Set(value.templateFields.map(\.key)) == stored, "\(type(of: value))")
    }
}
