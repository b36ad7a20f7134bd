/// What each council changed: for every adapted routine, its text against the base
/// routine's, block by block and word by word (`BlockDiff`).
public struct RoutineChange: Sendable {
    public var council: Council
    /// The council's (or its group's) routine.
    public var routine: Routine
    /// The base routine it replaces.
    public var base: Routine
    /// The group's name when the group, not the council, wrote the text.
    public var groupName: String?
    /// The handbook's contacts, which the contact cards in the texts show.
    public var contacts: [Contact]
    /// nil when the change's page is kept from the previous build: the diff was not made.
    public var diff: BlockDiff?
    /// Words (tokens with a letter or digit) inserted and deleted; counted once, since the
    /// change list and every change page show them.
    public var insertedWords: Int
    public var deletedWords: Int

    /// Identifies the two files compared (`base`, then the council's or group's file): a
    /// group's text is diffed once and shared by every member council.
    var pair: String { Self.pair(base: base.location.file, own: routine.location.file) }

    static func pair(base: String, own: String) -> String { "\(base)\n\(own)" }

    /// All adapted routines of all handbooks, in handbook order, each with its diff.
    static func all(in handbooks: [Handbook], bodies: RenderedBodies) -> [RoutineChange] {
        all(in: handbooks, bodies: bodies, knownCounts: [:], needsDiff: { _ in true })
    }

    /// All adapted routines of all handbooks, in handbook order. A pair of files is diffed
    /// (once, on all cores) only when a change of it `needsDiff` (its page is rendered) or
    /// its word counts are not among `knownCounts` (kept from the previous build, by `pair`).
    static func all(in handbooks: [Handbook], bodies: RenderedBodies, knownCounts: [String: WordCounts],
                    needsDiff: @Sendable (RoutineChange) -> Bool) -> [RoutineChange] {
        let pending = Pending(handbooks, bodies: bodies, knownCounts: knownCounts, needsDiff: needsDiff)
        return pending.finished(with: Parallel.map(pending.pairs) { pair in pending.diff(pair) })
    }

    /// The changes before their diffs: worked out in one pass, the diffs then made by
    /// whoever runs them (on all cores, beside other work: `Portal`), and put in place by
    /// `finished`.
    struct Pending: Sendable {
        private var changes: [RoutineChange] = []
        private let knownCounts: [String: WordCounts]
        /// Each change's pair and whether its page is rendered, worked out once: building the
        /// pair's text and looking it up for thousands of kept changes was most of this.
        private let changePairs: [String]
        private let needs: [Bool]
        /// The pairs to diff, in order, and for each the change whose routines it compares.
        let pairs: [String]
        private let compared: [String: Int]
        private let bodies: RenderedBodies
        /// The blocks of each base routine, made once: some seventy councils of 310 replace each.
        private let baseBlocks = MadeOnce<RenderedBodies.Key, [BlockDiff.Block]>()

        init(_ handbooks: [Handbook], bodies: RenderedBodies, knownCounts: [String: WordCounts],
             needsDiff: @Sendable (RoutineChange) -> Bool) {
            for handbook in handbooks {
                for entry in handbook.routines where entry.origin == .adapted {
                    guard let base = entry.base else { continue }
                    var groupName: String?
                    if case .group = entry.routine.layer { groupName = handbook.group?.name }
                    changes.append(RoutineChange(council: handbook.council, routine: entry.routine, base: base,
                                                 groupName: groupName, contacts: handbook.contacts, diff: nil,
                                                 insertedWords: 0, deletedWords: 0))
                }
            }
            self.knownCounts = knownCounts
            changePairs = changes.map(\.pair)
            needs = changes.map(needsDiff)
            var compared: [String: Int] = [:]
            for index in changes.indices where needs[index] || knownCounts[changePairs[index]] == nil {
                compared[changePairs[index]] = index
            }
            self.compared = compared
            pairs = compared.keys.sorted()
            self.bodies = bodies
        }

        func diff(_ pair: String) -> BlockDiff {
            changes[compared[pair]!].diffMade(with: bodies, baseBlocks: baseBlocks)
        }

        /// The changes with the diffs of `pairs`, in their order.
        func finished(with diffs: [BlockDiff]) -> [RoutineChange] {
            var changes = changes
            let made = Dictionary(uniqueKeysWithValues: zip(pairs, diffs))
            for index in changes.indices {
                let pair = changePairs[index]
                if let diff = made[pair] {
                    if needs[index] { changes[index].diff = diff }
                    changes[index].insertedWords = diff.insertedWords
                    changes[index].deletedWords = diff.deletedWords
                } else if let counts = knownCounts[pair] {
                    changes[index].insertedWords = counts.inserted
                    changes[index].deletedWords = counts.deleted
                }
            }
            return changes
        }
    }

    /// The diff, made now if it was not: the rendered bodies of the two routines compared. A
    /// base routine that every council replaces was not rendered by the Markdown stage: it is
    /// rendered here.
    func diffMade(with bodies: RenderedBodies, baseBlocks: MadeOnce<RenderedBodies.Key, [BlockDiff.Block]> = .init()) -> BlockDiff {
        if let diff { return diff }
        func blocks(_ routine: Routine) -> [BlockDiff.Block] {
            let key = RenderedBodies.Key(file: routine.location.file, options: .init(allowRawHTML: council.allowsRawHTML(in: routine)))
            return BlockDiff.Block.of(bodies.body(key) ?? key.render(routine, forPrint: false))
        }
        let baseKey = RenderedBodies.Key(file: base.location.file, options: .init(allowRawHTML: council.allowsRawHTML(in: base)))
        return BlockDiff(from: baseBlocks.value(baseKey) { blocks(base) }, to: blocks(routine))
    }

    /// Word counts by pair, for the next build.
    static func counts(of changes: [RoutineChange]) -> [String: WordCounts] {
        Dictionary(changes.map { ($0.pair, WordCounts(inserted: $0.insertedWords, deleted: $0.deletedWords)) },
                   uniquingKeysWith: { first, _ in first })
    }
}

/// The words a change inserts and deletes: what the change list shows of a diff.
struct WordCounts: Sendable, Equatable {
    var inserted: Int
    var deleted: Int
}
