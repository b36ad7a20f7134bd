/// Everything the portal shows, computed once from the resolved handbooks and their rendered
/// bodies: plain values, no HTML.
struct Portal: Sendable {
    struct CouncilSummary: Sendable {
        var council: Council
        /// The group it joins: its page in the portal is `grupper/<id>.html`.
        var groupID: String?
        var groupName: String?
        var routines: Int
        var adapted: Int
        var added: Int
        /// How many routines it left out through `exclude` that the build may name: the length
        /// of `excludedRoutines`.
        var excluded: Int
        /// The oldest review of the council's own texts (not the base's or its group's, which
        /// the review page lists once); nil when it has none.
        var oldestReview: Day?
        /// Whether the handbook has texts of its group's (which the review page lists once).
        var hasGroupTexts = false
        /// The council's own routines past review plus its own contacts past verification.
        var toReview: Int
        /// The labels of the parts of the handbook with no routine (`phasesWithoutRoutines`).
        var missingPhases: [String]
        /// The routines it left out through `exclude`, in reading order (phase, `order`,
        /// title): the base's text, or the group's for a routine of the group the base does
        /// not have. A routine kept `access: internal` is left out of a public build's list,
        /// title and all.
        var excludedRoutines: [Routine] = []
        /// Base routines, and its group's, whose text the council keeps `access: internal`: a
        /// public build's handbook does not have them (the coverage page's "Intern", the
        /// group page's "Egen text bara i den interna handboken"). The public text it would
        /// otherwise show, the base's, else the group's, in reading order; empty in an
        /// internal build.
        var internalBase: [Routine] = []
    }

    var config: SiteConfig
    var today: Day
    var councils: [CouncilSummary]
    var coverage: Coverage
    var examples: ExampleLibrary
    var changes: [RoutineChange]
    var review: ReviewReport
    /// The groups at least one built council joins, by name (`Portal+Groups.swift`).
    var groups: [GroupSummary]

    /// `knownCounts` (word counts by pair of files, from the previous build) and
    /// `needsDiff` (whether a change's page is rendered) let a changed build diff only
    /// what it shows; by default every change is diffed.
    init(site: Site, handbooks: [Handbook], bodies: RenderedBodies, today: Day,
         knownCounts: [String: WordCounts] = [:], needsDiff: @escaping @Sendable (RoutineChange) -> Bool = { _ in true }) {
        // Every list of councils the portal shows, in the order a reader looks for a name.
        let handbooks = Handbook.inPortalOrder(handbooks)
        config = site.config
        self.today = today
        // Everything else as one job among the word diffs, all on all cores: with the diffs
        // on one side and the rest on the other, the diffs (a parallel map inside a parallel
        // one, which Dispatch runs on one thread) went on alone after the rest was done.
        let pending = RoutineChange.Pending(handbooks, bodies: bodies, knownCounts: knownCounts, needsDiff: needsDiff)
        enum Made: Sendable {
            case summaries(Coverage, ExampleLibrary, ReviewReport)
            case diff(BlockDiff)
        }
        let made = Parallel.map([nil] + pending.pairs.map(Optional.some)) { pair -> Made in
            guard let pair else {
                return .summaries(Coverage(site: site, handbooks: handbooks), ExampleLibrary(handbooks: handbooks),
                                  ReviewReport(handbooks: handbooks, bodies: bodies, config: site.config, today: today))
            }
            return .diff(pending.diff(pair))
        }
        guard case .summaries(let coverage, let examples, let review) = made[0] else { preconditionFailure("the first job") }
        changes = pending.finished(with: made.dropFirst().map { made in
            guard case .diff(let diff) = made else { preconditionFailure("a diff") }
            return diff
        })
        self.coverage = coverage
        self.examples = examples
        self.review = review
        let baseByID = Dictionary(site.routines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let phaseRank = Dictionary(site.config.phases.map { ($0.id, $0.rank) }, uniquingKeysWith: { a, _ in a })
        councils = zip(handbooks, review.councils).map { handbook, review in
            let excluded = Self.excludedRoutines(of: handbook, baseByID: baseByID, phaseRank: phaseRank)
            return CouncilSummary(
                council: handbook.council, groupID: handbook.group?.id, groupName: handbook.group?.name, routines: handbook.routines.count,
                adapted: handbook.routines.filter { $0.origin == .adapted }.count,
                added: handbook.routines.filter { $0.origin == .added }.count,
                excluded: excluded.count,
                oldestReview: handbook.routines.compactMap { review.owns($0.routine) ? $0.routine.reviewed?.value : nil }.min(),
                hasGroupTexts: handbook.routines.contains { handbook.group(of: $0.routine) != nil },
                toReview: review.ownStaleRoutines.count + review.ownStaleContacts.count,
                missingPhases: handbook.phasesWithoutRoutines(of: site.config).map(\.label),
                excludedRoutines: excluded,
                internalBase: Self.inReadingOrder(handbook.internalOnly.compactMap { id in
                    [baseByID[id], handbook.group?.routines.first { $0.id == id }].lazy.compactMap { $0 }.first { $0.access != .internal }
                }, phaseRank: phaseRank))
        }
        groups = Self.groups(of: handbooks, review: review, base: site.routines, phaseRank: phaseRank)
    }

    /// The routines a handbook left out that the build may name. The text a reader of the
    /// other handbooks knows it by: the base's, else the group's (a routine only the council
    /// has and excludes is its own affair, but named too when public).
    private static func excludedRoutines(of handbook: Handbook, baseByID: [String: Routine], phaseRank: [String: Int]) -> [Routine] {
        guard !handbook.excluded.isEmpty else { return [] }
        let routines = handbook.excluded.compactMap { id -> Routine? in
            // The text the handbook would have shown decides whether it may be named at all.
            let top = handbook.council.routines.first { $0.id == id } ?? handbook.group?.routines.first { $0.id == id } ?? baseByID[id]
            guard let top, handbook.forIntranet || top.access != .internal else { return nil }
            return baseByID[id] ?? handbook.group?.routines.first { $0.id == id } ?? top
        }
        return inReadingOrder(routines, phaseRank: phaseRank)
    }

    /// Phase (site.yml's order), `order`, title, id: a handbook's reading order.
    static func inReadingOrder(_ routines: [Routine], phaseRank: [String: Int]) -> [Routine] {
        routines.sorted {
            (phaseRank[$0.phase.value] ?? Int.max, $0.order, $0.title, $0.id) < (phaseRank[$1.phase.value] ?? Int.max, $1.order, $1.title, $1.id)
        }
    }
}
