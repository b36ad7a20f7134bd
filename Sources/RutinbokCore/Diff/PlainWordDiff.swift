import Foundation

/// `WordDiff.segments` for plain text (see `PlainUTF8`), computed on UTF-8 bytes: lines and
/// tokens are byte ranges numbered by a `ByteInterner`, pieces of the diff are pairs of ranges,
/// and Strings are made only for the final segments. Same algorithm, same result, with the
/// word counts of `WordDiff.words(in:_:)` taken in the same pass.
struct PlainWordDiff {
    /// The old text's bytes followed by the new text's.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let newStart: Int
    private let table: UnsafeBufferPointer<UInt8>
    /// The diff so far: consecutive ranges of both texts, and where it has reached in each.
    private var pieces: [Piece] = []
    private var oldPosition = 0
    private var newPosition: Int

    /// A stretch of equal text, or a change: the old text's range and the new text's.
    private struct Piece {
        var isEqual: Bool
        var oldStart: Int, oldEnd: Int
        var newStart: Int, newEnd: Int
    }

    /// The diff of two texts, or nil when one of them is not plain.
    static func diff(from old: String, to new: String) -> WordDiff.CountedSegments? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(old.utf8.count + new.utf8.count)
        bytes.append(contentsOf: old.utf8)
        bytes.append(contentsOf: new.utf8)
        let newStart = old.utf8.count
        return bytes.withUnsafeBufferPointer { bytes in
            guard PlainUTF8.isPlain(bytes) else { return nil }
            return PlainUTF8.table.withUnsafeBufferPointer { table in
                var diff = PlainWordDiff(bytes: bytes, newStart: newStart, table: table)
                return diff.run()
            }
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, newStart: Int, table: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.newStart = newStart
        self.table = table
        newPosition = newStart
    }

    private mutating func run() -> WordDiff.CountedSegments {
        diffLinesThenWords()
        return segments(of: foldShortEqualities(pieces))
    }

    // MARK: Line-first script (WordDiff.lineFirstScript)

    private mutating func diffLinesThenWords() {
        let a = lineBoundaries(0, newStart), b = lineBoundaries(newStart, bytes.count)
        var interner = ByteInterner(bytes, expectedCount: a.count + b.count)
        let ai = (0..<(a.count - 1)).map { interner.id(a[$0], a[$0 + 1]) }
        let bi = (0..<(b.count - 1)).map { interner.id(b[$0], b[$0 + 1]) }
        var deletedEnd = oldPosition, insertedEnd = newPosition
        for edit in WordDiff.edits(ai, bi) {
            switch edit.operation {
            case .equal:
                diffWords(deletedEnd: deletedEnd, insertedEnd: insertedEnd)
                append(.equal, length: a[edit.a! + 1] - a[edit.a!])
                deletedEnd = oldPosition
                insertedEnd = newPosition
            case .delete: deletedEnd = a[edit.a! + 1]
            case .insert: insertedEnd = b[edit.b! + 1]
            }
        }
        diffWords(deletedEnd: deletedEnd, insertedEnd: insertedEnd)
    }

    /// The word diff of a stretch of changed lines: deleted ones up to `deletedEnd` in the old
    /// text, inserted ones up to `insertedEnd` in the new (each run of lines is contiguous).
    private mutating func diffWords(deletedEnd: Int, insertedEnd: Int) {
        guard deletedEnd > oldPosition || insertedEnd > newPosition else { return }
        let a = tokenBoundaries(oldPosition, deletedEnd), b = tokenBoundaries(newPosition, insertedEnd)
        var interner = ByteInterner(bytes, expectedCount: a.count + b.count)
        let ai = (0..<(a.count - 1)).map { interner.id(a[$0], a[$0 + 1]) }
        let bi = (0..<(b.count - 1)).map { interner.id(b[$0], b[$0 + 1]) }
        for edit in WordDiff.edits(ai, bi) {
            switch edit.operation {
            case .equal, .delete: append(edit.operation, length: a[edit.a! + 1] - a[edit.a!])
            case .insert: append(.insert, length: b[edit.b! + 1] - b[edit.b!])
            }
        }
    }

    /// Extends the diff by one edit of `length` bytes: equal edits join the equal piece before
    /// them, deletions and insertions the change before them.
    private mutating func append(_ operation: WordDiff.Operation, length: Int) {
        let isEqual = operation == .equal
        if operation != .insert { oldPosition += length }
        if operation != .delete { newPosition += length }
        if let last = pieces.last, last.isEqual == isEqual {
            pieces[pieces.count - 1].oldEnd = oldPosition
            pieces[pieces.count - 1].newEnd = newPosition
        } else {
            pieces.append(Piece(isEqual: isEqual, oldStart: isEqual || operation == .delete ? oldPosition - length : oldPosition,
                                oldEnd: oldPosition,
                                newStart: isEqual || operation == .insert ? newPosition - length : newPosition,
                                newEnd: newPosition))
        }
    }

    // MARK: Splitting

    /// Where the lines of `start..<end` begin, then `end`. A line ends after a line feed that
    /// is a Character of its own (in a CR LF the line feed is part of one Character).
    private func lineBoundaries(_ start: Int, _ end: Int) -> [Int] {
        var result = [start]
        var index = start
        // Lines are long: `memchr` finds their line feeds many bytes at a time. (The buffer
        // has an address whenever the range is not empty.)
        while index < end, let found = memchr(bytes.baseAddress! + index, 0x0A, end - index) {
            let lineFeed = UnsafeRawPointer(bytes.baseAddress!).distance(to: UnsafeRawPointer(found))
            if lineFeed == start || bytes[lineFeed - 1] != 0x0D { result.append(lineFeed + 1) }
            index = lineFeed + 1
        }
        if result.last != end { result.append(end) }
        return result
    }

    /// Where the tokens of `start..<end` begin (as `WordDiff.tokens` splits), then `end`.
    private func tokenBoundaries(_ start: Int, _ end: Int) -> [Int] {
        // Tokens are short, so they are written straight into storage with room for one per
        // byte (and `end`), without the checks of appending one at a time.
        [Int](unsafeUninitializedCapacity: end - start + 2) { result, count in
            result[0] = start
            count = 1
            var index = start
            var current: WordDiff.TokenKind?
            while index < end {
                let kind = PlainUTF8.traits(bytes, at: index, table: table).kind
                if index > start, kind != current || kind == .other { result[count] = index; count += 1 }
                current = kind
                index &+= PlainUTF8.length(lead: bytes[index])
            }
            if result[count - 1] != end { result[count] = end; count += 1 }
        }
    }

    // MARK: Counting

    /// `String.count` of the bytes `start..<end`: scalars, but a CR LF is one Character.
    private func characterCount(_ start: Int, _ end: Int) -> Int {
        var count = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 && !isLineFeedAfterCR(index, start) { count += 1 }
        return count
    }

    /// Whether the bytes `start..<end` hold at least `minimum` Characters; reads no further.
    private func hasCharacters(atLeast minimum: Int, _ start: Int, _ end: Int) -> Bool {
        var count = 0, index = start
        while count < minimum, index < end {
            if bytes[index] & 0xC0 != 0x80, !isLineFeedAfterCR(index, start) { count += 1 }
            index += 1
        }
        return count >= minimum
    }

    /// Whether the byte is a line feed that ends a CR LF Character within a range from `start`.
    @inline(__always)
    private func isLineFeedAfterCR(_ index: Int, _ start: Int) -> Bool {
        bytes[index] == 0x0A && index > start && bytes[index - 1] == 0x0D
    }

    /// `contains(where: \.isNewline)` of the bytes `start..<end`.
    private func containsNewline(_ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            if PlainUTF8.traits(bytes, at: index, table: table).isNewline { return true }
            index += PlainUTF8.length(lead: bytes[index])
        }
        return false
    }

    /// The number of words (runs of letters and digits) in `start..<end`.
    private func wordCount(_ start: Int, _ end: Int) -> Int {
        var count = 0, inWord = false, index = start
        while index < end {
            let isWord = PlainUTF8.traits(bytes, at: index, table: table).kind == .word
            if isWord, !inWord { count += 1 }
            inWord = isWord
            index += PlainUTF8.length(lead: bytes[index])
        }
        return count
    }

    // MARK: Reading (WordDiff.foldShortEqualities and segments)

    private func foldShortEqualities(_ pieces: [Piece]) -> [Piece] {
        var result: [Piece] = []
        result.reserveCapacity(pieces.count)
        for piece in pieces {
            result.append(piece)
            while result.count >= 3, canFold(result[result.count - 3], result[result.count - 2], result[result.count - 1]) {
                let first = result[result.count - 3], last = result[result.count - 1]
                result.removeLast(3)
                result.append(Piece(isEqual: false, oldStart: first.oldStart, oldEnd: last.oldEnd,
                                    newStart: first.newStart, newEnd: last.newEnd))
            }
        }
        return result
    }

    /// Whether an equal stretch within one line is no longer (in Characters) than the changes on
    /// either side of it. Counting stops at the equal stretch's length, so however long the
    /// changes grow, each check reads about one line.
    private func canFold(_ first: Piece, _ same: Piece, _ last: Piece) -> Bool {
        guard !first.isEqual, same.isEqual, !last.isEqual, !containsNewline(same.oldStart, same.oldEnd) else { return false }
        let length = characterCount(same.oldStart, same.oldEnd)
        return (hasCharacters(atLeast: length, first.oldStart, first.oldEnd) || hasCharacters(atLeast: length, first.newStart, first.newEnd))
            && (hasCharacters(atLeast: length, last.oldStart, last.oldEnd) || hasCharacters(atLeast: length, last.newStart, last.newEnd))
    }

    private func segments(of pieces: [Piece]) -> WordDiff.CountedSegments {
        var result = WordDiff.CountedSegments(segments: [], insertedWords: 0, deletedWords: 0)
        result.segments.reserveCapacity(pieces.count * 2)
        for piece in pieces {
            if piece.isEqual {
                result.segments.append(WordDiff.Segment(.equal, string(piece.oldStart, piece.oldEnd)))
                continue
            }
            if piece.oldStart < piece.oldEnd {
                result.segments.append(WordDiff.Segment(.delete, string(piece.oldStart, piece.oldEnd)))
                result.deletedWords += wordCount(piece.oldStart, piece.oldEnd)
            }
            if piece.newStart < piece.newEnd {
                result.segments.append(WordDiff.Segment(.insert, string(piece.newStart, piece.newEnd)))
                result.insertedWords += wordCount(piece.newStart, piece.newEnd)
            }
        }
        return result
    }

    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
