/// "Did you mean" for near-misses: the candidate with the smallest edit distance, if close enough.
enum Suggestions {
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let word = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word, candidate.lowercased())
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(1, min(word.count, candidate.count) / 3)
        return distance <= allowed ? candidate : nil
    }

    /// Edit distance over Unicode scalars, counting a swap of two neighbours as one edit
    /// (optimal string alignment): 'ordre' is one slip from 'order', the commonest typo.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }

    /// A note listing what exists, with a "did you mean" first when one is close.
    static func note(for word: String, among candidates: [String], listing what: String) -> [String] {
        var notes: [String] = []
        if let guess = closest(to: word, in: candidates) { notes.append("did you mean '\(guess)'?") }
        let shown = candidates.sorted()
        if !shown.isEmpty {
            let list = shown.count > 12 ? shown.prefix(12).joined(separator: ", ") + ", …" : shown.joined(separator: ", ")
            notes.append("\(what): \(list)")
        }
        return notes
    }
}
