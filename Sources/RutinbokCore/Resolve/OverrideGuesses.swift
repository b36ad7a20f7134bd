/// For each id that does not name a base routine, the base id it is probably a misspelling
/// of, if any. Worked out once per distinct id (councils often add routines with the same
/// ids), on all cores; the answers are those of `Suggestions.closest` for each id.
struct OverrideGuesses: Sendable {
    let baseIDs: Set<String>
    private let guesses: [String: String]

    init(baseIDs: Set<String>, ids: some Sequence<String>) {
        self.baseIDs = baseIDs
        let candidates = Suggestions.Candidates(baseIDs.sorted())  // sorted: ties answer the same every run
        var distinct: [String] = []
        var seen: Set<String> = []
        for id in ids where !baseIDs.contains(id) && seen.insert(id).inserted { distinct.append(id) }
        let found = Parallel.map(distinct) { Suggestions.closest(to: $0, in: candidates) }
        var guesses: [String: String] = [:]
        for (id, guess) in zip(distinct, found) { guesses[id] = guess }
        self.guesses = guesses
    }

    /// The base id `id` probably meant, or nil when `id` is a base id or near none.
    func guess(for id: String) -> String? {
        guesses[id]
    }
}
