/// Everything the portal shows, computed once from the resolved handbooks and their rendered
/// bodies: plain values, no HTML.
struct Portal: Sendable {
    struct CouncilSummary: Sendable {
        var council: Council
        var groupName: String?
        var routines: Int
        var adapted: Int
        var added: Int
        var excluded: Int
        /// The oldest review of the council's own texts (not the base's or its group's, which
        /// the review page lists once); nil when it has none.
        var oldestReview: Day?
        /// The council's own routines past review plus its own contacts past verification.
        var toReview: Int
        /// The labels of the parts of the handbook with no routine (`phasesWithoutRoutines`).
        var missingPhases: [String]
    }

    var config: SiteConfig
    var today: Day
    var councils: [CouncilSummary]
    var coverage: Coverage
    var examples: ExampleLibrary
    var changes: [RoutineChange]
    var review: ReviewReport

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
        councils = zip(handbooks, review.councils).map { handbook, review in
            CouncilSummary(
                council: handbook.council, groupName: handbook.group?.name, routines: handbook.routines.count,
                adapted: handbook.routines.filter { $0.origin == .adapted }.count,
                added: handbook.routines.filter { $0.origin == .added }.count,
                excluded: handbook.excluded.count,
                oldestReview: handbook.routines.compactMap { review.owns($0.routine) ? $0.routine.reviewed?.value : nil }.min(),
                toReview: review.ownStaleRoutines.count + review.ownStaleContacts.count,
                missingPhases: handbook.phasesWithoutRoutines(of: site.config).map(\.label))
        }
    }
}
