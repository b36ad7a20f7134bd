@testable import RutinbokCore

/// The word diff's edit script as it was first written (Array slices, a frontier per search,
/// paths joined by `+`): the reference the optimised `WordDiff.edits` must match edit for edit.
enum ReferenceEdits {
    /// The shortest edit script turning `a` into `b`. Where several are equally short, the
    /// deletions of a change come before its insertions.
    static func edits<T: Hashable>(_ a: [T], _ b: [T]) -> [(operation: WordDiff.Operation, a: Int?, b: Int?)] {
        // Most adapted routines keep most of the base text: equal ends need no search.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        if prefix > 0 || suffix > 0 {
            let middle = edits(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
            return (0..<prefix).map { (WordDiff.Operation.equal, $0, $0) }
                + middle.map { ($0.operation, $0.a.map { $0 + prefix }, $0.b.map { $0 + prefix }) }
                + (0..<suffix).map { (WordDiff.Operation.equal, a.count - suffix + $0, b.count - suffix + $0) }
        }
        let myers = ReferenceMyers(a: a, b: b)
        var raw: [(operation: WordDiff.Operation, a: Int?, b: Int?)] = []
        let points = myers.path()
        for (start, end) in zip(points, points.dropFirst()) {
            var (x, y) = start
            func diagonal() {
                while x < end.0, y < end.1, a[x] == b[y] { raw.append((.equal, x, y)); x += 1; y += 1 }
            }
            diagonal()
            if end.0 - x < end.1 - y { raw.append((.insert, nil, y)); y += 1 }
            else if end.0 - x > end.1 - y { raw.append((.delete, x, nil)); x += 1 }
            diagonal()
        }
        // Deletions before insertions within each run of changes, for a stable, readable script.
        var result: [(operation: WordDiff.Operation, a: Int?, b: Int?)] = []
        var deletions: [(operation: WordDiff.Operation, a: Int?, b: Int?)] = [], insertions = deletions
        for edit in raw {
            switch edit.operation {
            case .delete: deletions.append(edit)
            case .insert: insertions.append(edit)
            case .equal:
                result += deletions + insertions
                deletions.removeAll(); insertions.removeAll()
                result.append(edit)
            }
        }
        return result + deletions + insertions
    }
}

/// The linear-space Myers search over an edit graph of `a` (x axis) against `b` (y axis).
private struct ReferenceMyers<T: Equatable> {
    let a: [T]
    let b: [T]

    /// Points of the edit graph from (0, 0) to (N, M); between two consecutive points lies at
    /// most one insertion or deletion, with diagonals (equal tokens) before and after it.
    func path() -> [(Int, Int)] {
        findPath(left: 0, top: 0, right: a.count, bottom: b.count) ?? []
    }

    private func findPath(left: Int, top: Int, right: Int, bottom: Int) -> [(Int, Int)]? {
        guard let (start, finish) = midpoint(left: left, top: top, right: right, bottom: bottom) else { return nil }
        let head = findPath(left: left, top: top, right: start.0, bottom: start.1) ?? [start]
        let tail = findPath(left: finish.0, top: finish.1, right: right, bottom: bottom) ?? [finish]
        return head + tail
    }

    /// The middle snake: searching forwards from the top left and backwards from the bottom
    /// right, D/2 steps each, until the two frontiers overlap.
    private func midpoint(left: Int, top: Int, right: Int, bottom: Int) -> ((Int, Int), (Int, Int))? {
        let width = right - left, height = bottom - top
        let size = width + height
        guard size > 0 else { return nil }
        let delta = width - height
        let limit = (size + 1) / 2
        let offset = limit + 1
        // Forward frontier: furthest x on diagonal k. Backward frontier: smallest y on diagonal c.
        var forward = [Int](repeating: 0, count: 2 * limit + 3)
        var backward = [Int](repeating: 0, count: 2 * limit + 3)
        forward[1 + offset] = left
        backward[1 + offset] = bottom
        for d in 0...limit {
            for k in stride(from: d, through: -d, by: -2) {
                let c = k - delta
                var x: Int, px: Int
                if k == -d || (k != d && forward[k - 1 + offset] < forward[k + 1 + offset]) {
                    px = forward[k + 1 + offset]; x = px
                } else {
                    px = forward[k - 1 + offset]; x = px + 1
                }
                var y = top + (x - left) - k
                let py = (d == 0 || x != px) ? y : y - 1
                while x < right, y < bottom, a[x] == b[y] { x += 1; y += 1 }
                forward[k + offset] = x
                if delta % 2 != 0, c >= -(d - 1), c <= d - 1, y >= backward[c + offset] {
                    return ((px, py), (x, y))
                }
            }
            for c in stride(from: d, through: -d, by: -2) {
                let k = c + delta
                var y: Int, py: Int
                if c == -d || (c != d && backward[c - 1 + offset] > backward[c + 1 + offset]) {
                    py = backward[c + 1 + offset]; y = py
                } else {
                    py = backward[c - 1 + offset]; y = py - 1
                }
                var x = left + (y - top) + k
                let px = (d == 0 || y != py) ? x : x + 1
                while x > left, y > top, a[x - 1] == b[y - 1] { x -= 1; y -= 1 }
                backward[c + offset] = y
                if delta % 2 == 0, k >= -d, k <= d, x <= forward[k + offset] {
                    return ((x, y), (px, py))
                }
            }
        }
        return nil
    }
}
