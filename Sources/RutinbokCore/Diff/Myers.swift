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
        // A graph without width or height has one path, straight down or straight right, which
        // the search would find one step per middle snake (over a third of all searches). The
        // points are the ones the search gives: every step, from (left, top) to (right, bottom).
        if left == right || top == bottom {
            guard left != right || top != bottom else { return false }
            points.append((left, top))
            for x in (left + 1)..<(right + 1) { points.append((x, top)) }
            for y in (top + 1)..<(bottom + 1) { points.append((left, y)) }
            return true
        }
        guard let (start, finish) = midpoint(left: left, top: top, right: right, bottom: bottom) else { return false }
        if !appendPath(left: left, top: top, right: start.0, bottom: start.1, to: &points) { points.append(start) }
        if !appendPath(left: finish.0, top: finish.1, right: right, bottom: bottom, to: &points) { points.append(finish) }
        return true
    }

    /// The middle snake: searching forwards from the top left and backwards from the bottom
    /// right, D/2 steps each, until the two frontiers overlap.
    ///
    /// This is most of the word diff's time, so the loops are written for the processor, with
    /// every value and every choice the textbook search's:
    /// - plain `while` loops and wrapping arithmetic (`stride` and overflow checks cost more
    ///   than the work);
    /// - no tests for the outermost diagonals: before each step, the frontier just outside
    ///   them gets a value that loses the comparison (a sentinel), so the step to a diagonal is
    ///   one comparison and a select, without a branch to mispredict;
    /// - the overlap test reduced to one range of diagonals per step, worked out before it;
    /// - the move into a snake (where the middle snake starts) worked out only when found.
    private func midpoint(left: Int, top: Int, right: Int, bottom: Int) -> ((Int, Int), (Int, Int))? {
        let width = right - left, height = bottom - top
        let size = width + height
        guard size > 0 else { return nil }
        let delta = width - height
        let odd = delta & 1 != 0
        let limit = (size + 1) / 2
        // Forward frontier: furthest x on diagonal k. Backward frontier: smallest y on diagonal c.
        // Both span diagonals -(limit + 1)...(limit + 1), the outermost ones for the sentinels.
        let forward = self.forward + (limit + 1), backward = self.backward + (limit + 1)
        let a = self.a.baseAddress!, b = self.b.baseAddress!
        // On forward diagonal k, y = x - k - shift; on backward diagonal c, x = y + c + delta + shift.
        let shift = left - top
        forward[1] = left
        backward[1] = bottom
        var d = 0
        while d <= limit {
            // Diagonal -d is reached by a move down from -d + 1 (so -d - 1 must lose), diagonal
            // d by a move right from d - 1 (so d + 1 must lose; at d = 0 it holds the start).
            forward[-d &- 1] = .min
            if d > 0 { forward[d &+ 1] = .min }
            // Forward diagonals whose backward one (c = k - delta) the last backward step
            // reached, |c| <= d - 1: checked only when delta is odd, an empty range otherwise.
            let overlapLow = odd ? max(-d, delta &- d &+ 1) : 1, overlapHigh = odd ? min(d, delta &+ d &- 1) : 0
            var k = d
            while k >= -d {
                // Down from diagonal k + 1 if it reached further than k - 1, else right.
                let above = forward[k &+ 1], before = forward[k &- 1]
                let down = before < above
                var x = down ? above : before &+ 1
                var y = x &- k &- shift
                let snakeX = x, snakeY = y
                while x < right, y < bottom, a[x] == b[y] { x &+= 1; y &+= 1 }
                forward[k] = x
                if k >= overlapLow, k <= overlapHigh, y >= backward[k &- delta] {
                    let start = d == 0 ? (snakeX, snakeY) : down ? (snakeX, snakeY &- 1) : (snakeX &- 1, snakeY)
                    return (start, (x, y))
                }
                k &-= 2
            }
            // The same for the backward search, which keeps the smallest y: the sentinels are
            // the largest value.
            backward[-d &- 1] = .max
            if d > 0 { backward[d &+ 1] = .max }
            // Backward diagonals whose forward one (k = c + delta) this step reached, |k| <= d:
            // checked only when delta is even.
            let backLow = odd ? 1 : max(-d, -d &- delta), backHigh = odd ? 0 : min(d, d &- delta)
            var c = d
            while c >= -d {
                // Up from diagonal c + 1 if it reached further (a smaller y) than c - 1, else left.
                let below = backward[c &+ 1], after = backward[c &- 1]
                let up = after > below
                var y = up ? below : after &- 1
                var x = y &+ c &+ delta &+ shift
                let snakeX = x, snakeY = y
                while x > left, y > top, a[x &- 1] == b[y &- 1] { x &-= 1; y &-= 1 }
                backward[c] = y
                if c >= backLow, c <= backHigh, x <= forward[c &+ delta] {
                    let finish = d == 0 ? (snakeX, snakeY) : up ? (snakeX &+ 1, snakeY) : (snakeX, snakeY &+ 1)
                    return ((x, y), finish)
                }
                c &-= 2
            }
            d &+= 1
        }
        return nil
    }
}
