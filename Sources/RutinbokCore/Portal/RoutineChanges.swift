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
    public var segments: [WordDiff.Segment]
    /// Words (tokens with a letter or digit) inserted and deleted; counted once, since the
    /// change list and every change page show them.
    public var insertedWords: Int
    public var deletedWords: Int

    /// All adapted routines of all handbooks, in handbook order. A group's text is diffed once
    /// and shared by every member council.
    public static func all(in handbooks: [Handbook]) -> [RoutineChange] {
        // Each distinct pair of files is diffed once (a group's routine serves all its
        // members), on all cores.
        var pairs: [String: (base: String, own: String)] = [:]
        for handbook in handbooks {
            for entry in handbook.routines where entry.origin == .adapted {
                guard let base = entry.base else { continue }
                pairs["\(base.location.file)\n\(entry.routine.location.file)"] = (base.body, entry.routine.body)
            }
        }
        let keys = pairs.keys.sorted()
        let texts = keys.map { pairs[$0]! }
        let diffs = Parallel.map(texts) { pair in WordDiff.countedSegments(from: pair.base, to: pair.own) }
        let cache = Dictionary(uniqueKeysWithValues: zip(keys, diffs))
        var changes: [RoutineChange] = []
        for handbook in handbooks {
            for entry in handbook.routines where entry.origin == .adapted {
                guard let base = entry.base, let diff = cache["\(base.location.file)\n\(entry.routine.location.file)"] else { continue }
                var groupName: String?
                if case .group = entry.routine.layer { groupName = handbook.group?.name }
                changes.append(RoutineChange(council: handbook.council, routine: entry.routine, base: base, groupName: groupName,
                                             segments: diff.segments, insertedWords: diff.insertedWords,
                                             deletedWords: diff.deletedWords))
            }
        }
        return changes
    }
}
