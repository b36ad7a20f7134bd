/// "Did you mean" for near-misses: the candidate with the smallest edit distance, if close enough.
enum Suggestions {
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        closest(to: word, in: Candidates(candidates))
    }

    /// Candidates lowercased once, for asking about many words.
    struct Candidates {
        fileprivate var entries: [(original: String, scalars: [Unicode.Scalar], count: Int)]

        init(_ candidates: some Sequence<String>) {
            entries = candidates.map { ($0, Array($0.lowercased().unicodeScalars), $0.count) }
        }
    }

    /// The closest candidate, in the candidates' order on ties, when its distance is at most a
    /// third of the shorter word's length (at least 1).
    ///
    /// No candidate can be accepted at a distance above a third of the word's own length, so
    /// distances beyond that bound are not worked out: such a candidate is neither accepted nor
    /// the closest of any accepted one. The answer is the one a full comparison gives.
    static func closest(to word: String, in candidates: Candidates) -> String? {
        let lowered = word.lowercased()
        let scalars = Array(lowered.unicodeScalars)
        let wordCount = lowered.count
        let bound = max(1, wordCount / 3)
        var best: (String, Int, count: Int)?
        for candidate in candidates.entries where abs(candidate.scalars.count - scalars.count) <= bound {
            guard let distance = editDistance(scalars, candidate.scalars, atMost: bound) else { continue }
            if distance < (best?.1 ?? Int.max) { best = (candidate.original, distance, candidate.count) }
        }
        if let (candidate, distance, count) = best, distance <= max(1, min(wordCount, count) / 3) { return candidate }
        return onlyExtension(of: scalars, in: candidates)
    }

    /// The one candidate that has all the parts of the word's id, in order, the first one
    /// first, and more ('hotad' → 'hotad-just-nu', 'hotad-nu' → 'hotad-just-nu'): too far from
    /// the word for a typo; nil when there are none or several.
    private static func onlyExtension(of scalars: [Unicode.Scalar], in candidates: Candidates) -> String? {
        guard scalars.count >= 3 else { return nil }
        let parts = scalars.split(separator: "-")
        guard let first = parts.first else { return nil }
        let extensions = candidates.entries.filter { entry in
            guard entry.scalars.count > scalars.count else { return false }
            let candidateParts = entry.scalars.split(separator: "-")
            guard candidateParts.first == first else { return false }
            var found = 0
            for part in candidateParts where found < parts.count && part == parts[found] { found += 1 }
            return found == parts.count
        }
        return extensions.count == 1 ? extensions[0].original : nil
    }

    /// Edit distance over Unicode scalars, counting a swap of two neighbours as one edit
    /// (optimal string alignment): 'ordre' is one slip from 'order', the commonest typo.
    /// The distance if it is at most `limit`, nil otherwise.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var previousMinimum = 0
        for i in 1...a.count {
            current[0] = i
            var minimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
                }
                minimum = Swift.min(minimum, current[j])
            }
            // Every later cell builds on these two rows, adding to them: past the limit for good.
            if minimum > limit, previousMinimum > limit { return nil }
            previousMinimum = minimum
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// A "did you mean" when a candidate is close; nothing otherwise.
    static func didYouMean(_ word: String, among candidates: [String]) -> [String] {
        closest(to: word, in: candidates).map { [meant($0)] } ?? []
    }

    /// The note that names what was probably meant: "menade du 'hantera'?".
    static func meant(_ candidate: String) -> String {
        "menade du '\(candidate)'?"
    }

    /// A note listing what exists, with a "did you mean" first when one is close.
    static func note(for word: String, among candidates: [String], listing what: String) -> [String] {
        var notes = didYouMean(word, among: candidates)
        let shown = candidates.sorted()
        if !shown.isEmpty {
            let list = shown.count > 12 ? shown.prefix(12).joined(separator: ", ") + ", …" : shown.joined(separator: ", ")
            notes.append("\(what): \(list)")
        }
        return notes
    }
}
