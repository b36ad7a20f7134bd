/// A word-level diff of two texts: Myers' O(ND) algorithm ("An O(ND) Difference Algorithm
/// and Its Variations", 1986), in its linear-space form that finds the middle snake of the
/// edit graph and recurses on both halves, so memory stays O(N + M) however much differs.
public enum WordDiff {
    public enum Operation: String, Sendable, Equatable { case equal, insert, delete }

    /// One step of the edit script: keep, insert or delete one token.
    public struct Edit: Sendable, Equatable, CustomStringConvertible {
        public var operation: Operation
        public var token: String
        public init(_ operation: Operation, _ token: String) { self.operation = operation; self.token = token }
        public var description: String {
            switch operation {
            case .equal: " \(token)"
            case .insert: "+\(token)"
            case .delete: "-\(token)"
            }
        }
    }

    /// Consecutive tokens with the same operation, joined back into text.
    public struct Segment: Sendable, Equatable {
        public var operation: Operation
        public var text: String
        public init(_ operation: Operation, _ text: String) { self.operation = operation; self.text = text }
    }

    /// Splits text into words (runs of letters and digits), runs of white space, and single
    /// other characters (punctuation, Markdown syntax). Joined, the tokens give the text back.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var currentKind: TokenKind?
        for scalar in text.unicodeScalars {
            let k = tokenKind(scalar)
            if k == currentKind, k != .other {
                current.append(scalar)
            } else {
                if !current.isEmpty { tokens.append(String(current)) }
                current = String.UnicodeScalarView()
                current.append(scalar)
                currentKind = k
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// The class of a scalar in `tokens`: words and white space join into runs, others stand alone.
    enum TokenKind: UInt8 { case word = 0, space = 1, other = 2 }

    // Unicode scalars: Character properties are the slow part of diffing thousands of routines.
    static func tokenKind(_ c: Unicode.Scalar) -> TokenKind {
        if c.isASCII {
            if (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") { return .word }
            return c == " " || c == "\n" || c == "\t" || c == "\r" ? .space : .other
        }
        if c.properties.isAlphabetic || c.properties.numericType != nil { return .word }
        if c.properties.generalCategory == .nonspacingMark { return .word }
        return c.properties.isWhitespace ? .space : .other
    }

    /// The shortest edit script turning `a` into `b`. Where several are equally short, the
    /// deletions of a change come before its insertions.
    public static func edits<T: Hashable>(_ a: [T], _ b: [T]) -> [(operation: Operation, a: Int?, b: Int?)] {
        // Most adapted routines keep most of the base text: equal ends need no search.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var result: [(operation: Operation, a: Int?, b: Int?)] = []
        result.reserveCapacity(max(a.count, b.count))
        for index in 0..<prefix { result.append((.equal, index, index)) }
        let right = a.count - suffix, bottom = b.count - suffix
        let points = Myers.path(a, b, left: prefix, top: prefix, right: right, bottom: bottom)
        // Deletions before insertions within each run of changes, for a stable, readable script.
        var deletions: [(operation: Operation, a: Int?, b: Int?)] = [], insertions = deletions
        func flushChanges() {
            result += deletions
            result += insertions
            deletions.removeAll(keepingCapacity: true)
            insertions.removeAll(keepingCapacity: true)
        }
        for (start, end) in zip(points, points.dropFirst()) {
            var (x, y) = start
            func diagonal() {
                if x < end.0, y < end.1, a[x] == b[y] { flushChanges() }
                while x < end.0, y < end.1, a[x] == b[y] { result.append((.equal, x, y)); x += 1; y += 1 }
            }
            diagonal()
            if end.0 - x < end.1 - y { insertions.append((.insert, nil, y)); y += 1 }
            else if end.0 - x > end.1 - y { deletions.append((.delete, x, nil)); x += 1 }
            diagonal()
        }
        flushChanges()
        for index in 0..<suffix { result.append((.equal, right + index, bottom + index)) }
        return result
    }

    /// Both sequences with each distinct element numbered (0, 1, 2 … in order of first
    /// appearance): the search then compares small integers, not strings.
    static func numbered<T: Hashable>(_ a: [T], _ b: [T]) -> ([Int], [Int]) {
        var ids: [T: Int] = [:]
        func number(_ element: T) -> Int {
            if let id = ids[element] { return id }
            ids[element] = ids.count
            return ids.count - 1
        }
        let numberedA = a.map(number)
        return (numberedA, b.map(number))
    }

    /// The edit script between two texts, token by token.
    public static func script(from old: String, to new: String) -> [Edit] {
        let a = tokens(old), b = tokens(new)
        let (ai, bi) = numbered(a, b)
        return edits(ai, bi).map { edit in
            Edit(edit.operation, edit.operation == .insert ? b[edit.b!] : a[edit.a!])
        }
    }

    /// The diff between two texts as segments for reading. A change is shown as its deleted
    /// text followed by its inserted text. A short stretch of equal text between two changes,
    /// no longer than the changes on either side and within one line, is folded into them, so
    /// a rewritten phrase reads as one change ("<del>a b</del><ins>x y</ins>", not word by
    /// word): the same idea as the semantic clean-up in Google's diff-match-patch.
    ///
    /// Lines are compared first and words only within changed stretches of lines, as in
    /// diff-match-patch's line mode: routines change paragraph by paragraph, and a word-level
    /// search over a whole routine costs a hundred times more for the same picture.
    public static func segments(from old: String, to new: String) -> [Segment] {
        countedSegments(from: old, to: new).segments
    }

    /// The segments of a diff, with the words (tokens starting with a letter or digit) that
    /// its insertions and deletions hold.
    public struct CountedSegments: Sendable, Equatable {
        public var segments: [Segment]
        public var insertedWords: Int
        public var deletedWords: Int
    }

    /// `segments(from:to:)` with its word counts. Plain text (nearly all Swedish routines, see
    /// `PlainUTF8`) is diffed on UTF-8 bytes; other text on Strings, which gives the same result
    /// at many times the cost.
    public static func countedSegments(from old: String, to new: String) -> CountedSegments {
        if let diff = PlainWordDiff.diff(from: old, to: new) { return diff }
        let segments = segmentsOfStrings(from: old, to: new)
        return CountedSegments(segments: segments, insertedWords: words(in: segments, .insert),
                               deletedWords: words(in: segments, .delete))
    }

    /// `segments(from:to:)` on Strings and Characters: the reference for `PlainWordDiff`.
    static func segmentsOfStrings(from old: String, to new: String) -> [Segment] {
        var pieces: [Piece] = []
        for edit in lineFirstScript(from: old, to: new) {
            switch (edit.operation, pieces.last) {
            case (.equal, .equal(let text)?): pieces[pieces.count - 1] = .equal(text + edit.token)
            case (.equal, _): pieces.append(.equal(edit.token))
            case (.delete, .change(let d, let i)?): pieces[pieces.count - 1] = .change(deleted: d + edit.token, inserted: i)
            case (.insert, .change(let d, let i)?): pieces[pieces.count - 1] = .change(deleted: d, inserted: i + edit.token)
            case (.delete, _): pieces.append(.change(deleted: edit.token, inserted: ""))
            case (.insert, _): pieces.append(.change(deleted: "", inserted: edit.token))
            }
        }
        pieces = foldShortEqualities(pieces)
        var segments: [Segment] = []
        for piece in pieces {
            switch piece {
            case .equal(let text): segments.append(Segment(.equal, text))
            case .change(let deleted, let inserted):
                if !deleted.isEmpty { segments.append(Segment(.delete, deleted)) }
                if !inserted.isEmpty { segments.append(Segment(.insert, inserted)) }
            }
        }
        return segments
    }

    /// A word-level edit script assembled from a line-level one: equal lines stay whole,
    /// and each stretch of deleted and inserted lines is diffed word by word.
    static func lineFirstScript(from old: String, to new: String) -> [Edit] {
        let a = lines(old), b = lines(new)
        let (ai, bi) = numbered(a, b)
        var result: [Edit] = []
        var deleted = "", inserted = ""
        func flush() {
            if !deleted.isEmpty || !inserted.isEmpty { result += script(from: deleted, to: inserted) }
            deleted = ""
            inserted = ""
        }
        for edit in edits(ai, bi) {
            switch edit.operation {
            case .equal:
                flush()
                result.append(Edit(.equal, String(a[edit.a!])))
            case .delete: deleted += a[edit.a!]
            case .insert: inserted += b[edit.b!]
            }
        }
        flush()
        return result
    }

    /// Lines with their line breaks, so that joined they give the text back.
    private static func lines(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        for index in text.indices where text[index] == "\n" {
            result.append(text[start...index])
            start = text.index(after: index)
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// The words (tokens starting with a letter or digit) in the segments of one operation.
    static func words(in segments: [Segment], _ operation: Operation) -> Int {
        segments.filter { $0.operation == operation }.reduce(0) { total, segment in
            total + tokens(segment.text).filter(isWord).count
        }
    }

    /// Whether a token (of `tokens`) is a word: it starts with a letter or digit.
    static func isWord(_ token: String) -> Bool {
        token.unicodeScalars.first.map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
    }

    enum Piece: Equatable { case equal(String), change(deleted: String, inserted: String) }

    static func foldShortEqualities(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        for piece in pieces {
            result.append(piece)
            while result.count >= 3, case .change(let d2, let i2) = result[result.count - 1],
                  case .equal(let same) = result[result.count - 2], !same.contains(where: \.isNewline),
                  case .change(let d1, let i1) = result[result.count - 3],
                  same.count <= max(d1.count, i1.count), same.count <= max(d2.count, i2.count) {
                result.removeLast(3)
                result.append(.change(deleted: d1 + same + d2, inserted: i1 + same + i2))
            }
        }
        return result
    }
}
