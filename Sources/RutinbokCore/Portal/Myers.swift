/// The linear-space Myers search over an edit graph of `a` (x axis) against `b` (y axis).
struct Myers<T: Equatable> {
    private let a: UnsafeBufferPointer<T>
    private let b: UnsafeBufferPointer<T>
    /// The two frontiers, shared by every middle-snake search of one path: a search reads only
    /// what it wrote itself, so they need no clearing in between.
    private let forward: UnsafeMutablePointer<Int>
    private let backward: UnsafeMutablePointer<Int>

    /// Points of the edit graph of `left..<right` of `a` against `top..<bottom` of `b`, from
    /// (left, top) to (right, bottom); between two consecutive points lies at most one insertion
    /// or deletion, with diagonals (equal elements) before and after it. Empty when both
    /// ranges are.
    static func path(_ a: [T], _ b: [T], left: Int, top: Int, right: Int, bottom: Int) -> [(Int, Int)] {
        let capacity = frontierSize(width: right - left, height: bottom - top)
        let forward = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let backward = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        defer {
            forward.deallocate()
            backward.deallocate()
        }
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let myers = Myers(a: a, b: b, forward: forward, backward: backward)
                var points: [(Int, Int)] = []
                guard myers.appendPath(left: left, top: top, right: right, bottom: bottom, to: &points) else { return [] }
                return points
            }
        }
    }

    /// The frontier length a search of a `width` by `height` graph needs.
    private static func frontierSize(width: Int, height: Int) -> Int {
        2 * ((width + height + 1) / 2) + 3
    }

    /// Appends the path's points, or returns false when the graph is empty.
    private func appendPath(left: Int, top: Int, right: Int, bottom: Int, to points: inout [(Int, Int)]) -> Bool {
        guard let (start, finish) = midpoint(left: left, top: top, right: right, bottom: bottom) else { return false }
        if !appendPath(left: left, top: top, right: start.0, bottom: start.1, to: &points) { points.append(start) }
        if !appendPath(left: finish.0, top: finish.1, right: right, bottom: bottom, to: &points) { points.append(finish) }
        return true
    }

    /// The middle snake: searching forwards from the top left and backwards from the bottom
    /// right, D/2 steps each, until the two frontiers overlap.
    private func midpoint(left: Int, top: Int, right: Int, bottom: Int) -> ((Int, Int), (Int, Int))? {
        let width = right - left, height = bottom - top
        let size = width + height
        guard size > 0 else { return nil }
        let delta = width - height
        let odd = delta % 2 != 0
        let limit = (size + 1) / 2
        // Forward frontier: furthest x on diagonal k. Backward frontier: smallest y on diagonal c.
        let forward = self.forward + (limit + 1), backward = self.backward + (limit + 1)
        forward[1] = left
        backward[1] = bottom
        for d in 0...limit {
            for k in stride(from: d, through: -d, by: -2) {
                let c = k - delta
                var x: Int, px: Int
                if k == -d || (k != d && forward[k - 1] < forward[k + 1]) {
                    px = forward[k + 1]; x = px
                } else {
                    px = forward[k - 1]; x = px + 1
                }
                var y = top + (x - left) - k
                let py = (d == 0 || x != px) ? y : y - 1
                while x < right, y < bottom, a[x] == b[y] { x += 1; y += 1 }
                forward[k] = x
                if odd, c >= -(d - 1), c <= d - 1, y >= backward[c] {
                    return ((px, py), (x, y))
                }
            }
            for c in stride(from: d, through: -d, by: -2) {
                let k = c + delta
                var y: Int, py: Int
                if c == -d || (c != d && backward[c - 1] > backward[c + 1]) {
                    py = backward[c + 1]; y = py
                } else {
                    py = backward[c - 1]; y = py - 1
                }
                var x = left + (y - top) + k
                let px = (d == 0 || y != py) ? x : x + 1
                while x > left, y > top, a[x - 1] == b[y - 1] { x -= 1; y -= 1 }
                backward[c] = y
                if !odd, k >= -d, k <= d, x <= forward[k] {
                    return ((x, y), (px, py))
                }
            }
        }
        return nil
    }
}
