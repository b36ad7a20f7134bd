/// What each council changed: for every adapted routine, its Markdown source against the
/// base routine's, as a word diff.
public struct RoutineChange: Sendable {
    public var council: Council
    /// The council's (or its group's) routine.
    public var routine: Routine
    /// The base routine it replaces.
    public var base: Routine
    /// The group's name when the group, not the council, wrote the text.
    public var groupName: String?
    /// nil when the change's page is kept from the previous build: the diff was not made.
    public var segments: [WordDiff.Segment]?
    /// Words (tokens with a letter or digit) inserted and deleted; counted once, since the
    /// change list and every change page show them.
    public var insertedWords: Int
    public var deletedWords: Int

    /// Identifies the two files compared (`base`, then the council's or group's file): a
    /// group's text is diffed once and shared by every member council.
    var pair: String { Self.pair(base: base.location.file, own: routine.location.file) }

    static func pair(base: String, own: String) -> String { "\(base)\n\(own)" }

    /// All adapted routines of all handbooks, in handbook order, each with its diff.
    public static func all(in handbooks: [Handbook]) -> [RoutineChange] {
        all(in: handbooks, knownCounts: [:], needsSegments: { _ in true })
    }

    /// All adapted routines of all handbooks, in handbook order. A pair of files is diffed
    /// (once, on all cores) only when a change of it `needsSegments` (its page is rendered)
    /// or its word counts are not among `knownCounts` (kept from the previous build, by `pair`).
    static func all(in handbooks: [Handbook], knownCounts: [String: WordCounts],
                    needsSegments: @Sendable (RoutineChange) -> Bool) -> [RoutineChange] {
        let pending = Pending(handbooks, knownCounts: knownCounts, needsSegments: needsSegments)
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
        /// The pairs to diff, in order, and their texts.
        let pairs: [String]
        private let texts: [String: (base: String, own: String)]

        init(_ handbooks: [Handbook], knownCounts: [String: WordCounts], needsSegments: @Sendable (RoutineChange) -> Bool) {
            for handbook in handbooks {
                for entry in handbook.routines where entry.origin == .adapted {
                    guard let base = entry.base else { continue }
                    var groupName: String?
                    if case .group = entry.routine.layer { groupName = handbook.group?.name }
                    changes.append(RoutineChange(council: handbook.council, routine: entry.routine, base: base,
                                                 groupName: groupName, segments: nil, insertedWords: 0, deletedWords: 0))
                }
            }
            self.knownCounts = knownCounts
            changePairs = changes.map(\.pair)
            needs = changes.map(needsSegments)
            var texts: [String: (base: String, own: String)] = [:]
            for index in changes.indices where needs[index] || knownCounts[changePairs[index]] == nil {
                texts[changePairs[index]] = (changes[index].base.body, changes[index].routine.body)
            }
            self.texts = texts
            pairs = texts.keys.sorted()
        }

        func diff(_ pair: String) -> WordDiff.CountedSegments {
            let texts = texts[pair]!
            return WordDiff.countedSegments(from: texts.base, to: texts.own)
        }

        /// The changes with the diffs of `pairs`, in their order.
        func finished(with diffs: [WordDiff.CountedSegments]) -> [RoutineChange] {
            var changes = changes
            let made = Dictionary(uniqueKeysWithValues: zip(pairs, diffs))
            for index in changes.indices {
                let pair = changePairs[index]
                if let diff = made[pair] {
                    if needs[index] { changes[index].segments = diff.segments }
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
