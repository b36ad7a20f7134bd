/// Two texts compared as a reader sees them: block by block (headings, paragraphs, list items,
/// table rows, contact cards, as `OutlineLine` tells them apart), then word by word within a
/// block that both texts have in a changed form. Markdown syntax and link targets are not
/// part of it, so they neither show nor count as words.
///
/// Blocks are matched with the same search as words (`WordDiff.edits`). Within a stretch of
/// changed blocks, a deleted and an inserted block of the same shape are shown as one changed
/// block when they share enough words (`similarity`); otherwise one is shown deleted and the
/// other inserted, so a rewritten paragraph does not read as a word salad.
public struct BlockDiff: Sendable, Equatable {
    /// A block of a text: what it is, and its words.
    public struct Block: Sendable, Equatable {
        public var line: OutlineLine { didSet { (shape, digest) = Self.measure(line, text) } }
        public var text: String { didSet { (shape, digest) = Self.measure(line, text) } }
        /// Its shape, and a hash of the shape and the text's bytes: worked out once, since a
        /// base routine's blocks are compared with those of the seventy-odd councils that
        /// replace it.
        private(set) var shape: Shape
        fileprivate private(set) var digest: Int

        public init(_ line: OutlineLine, _ text: String) {
            self.line = line
            self.text = text
            (shape, digest) = Self.measure(line, text)
        }

        private static func measure(_ line: OutlineLine, _ text: String) -> (Shape, Int) {
            let shape = Shape(line, text)
            var hasher = Hasher()
            hasher.combine(shape)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            return (shape, hasher.finalize())
        }

        public static func == (lhs: Block, rhs: Block) -> Bool { lhs.line == rhs.line && lhs.text == rhs.text }

        /// The blocks of a rendered body, in order.
        static func of(_ body: RenderedMarkdown) -> [Block] {
            OutlineLine.blocks(of: body.outline, text: body.text).map { Block($0.line, $0.text) }
        }

        /// What must be the same for two blocks to be the same block: a numbered item keeps its
        /// identity when an item before it is added and its number moves.
        fileprivate var identity: Identity { Identity(shape: shape, text: text, digest: digest) }
    }

    /// What a block is, without its number: two blocks of one shape can be compared word by
    /// word. A table row's shape has its number of cells: a row that gained or lost a cell is
    /// shown as one row out and another in, so that no row has more cells than its header.
    struct Shape: Hashable {
        var kind: OutlineLine.Kind
        var level: Int
        var box: OutlineLine.Box
        var cells = 0

        init(_ line: OutlineLine, _ text: String) {
            kind = line.kind
            level = line.level
            box = line.box
            if kind == .tableHead || kind == .tableRow { cells = 1 + text.utf8.count { $0 == 0x09 } }
        }
    }

    /// A block as the search compares it: by the hash worked out with the block, then by its
    /// shape and the text's bytes (a String's own comparison and hashing normalise it first,
    /// which was most of numbering the blocks of thousands of routines).
    fileprivate struct Identity: Hashable {
        var shape: Shape
        var text: String
        var digest: Int

        static func == (lhs: Identity, rhs: Identity) -> Bool {
            lhs.digest == rhs.digest && lhs.shape == rhs.shape && lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    public enum Change: Sendable, Equatable {
        case equal(String)
        case deleted(String)
        case inserted(String)
        /// A block both texts have, changed: its word diff.
        case changed([WordDiff.Segment])
    }

    /// One block of the comparison: its line (the new text's, for a block it has) and what changed.
    public struct Entry: Sendable, Equatable {
        public var line: OutlineLine
        public var change: Change
    }

    public var entries: [Entry] = []
    /// Words (tokens with a letter or digit first) inserted and deleted.
    public var insertedWords = 0
    public var deletedWords = 0

    /// The least share of words two blocks must have in common (Sørensen–Dice: twice the words
    /// both have over the words of both) to be shown as one changed block. Below it, a block
    /// out and another in read better than their words interleaved.
    static let similarity = 0.4

    public init(from old: [Block], to new: [Block]) {
        let (a, b) = WordDiff.numbered(old.map(\.identity), new.map(\.identity))
        var deleted: [Block] = [], inserted: [Block] = []
        for edit in WordDiff.edits(a, b) {
            switch edit.operation {
            case .equal:
                pair(deleted, inserted)
                deleted.removeAll(keepingCapacity: true)
                inserted.removeAll(keepingCapacity: true)
                entries.append(Entry(line: new[edit.b!].line, change: .equal(new[edit.b!].text)))
            case .delete: deleted.append(old[edit.a!])
            case .insert: inserted.append(new[edit.b!])
            }
        }
        pair(deleted, inserted)
    }

    /// The blocks of two rendered bodies compared.
    init(from old: RenderedMarkdown, to new: RenderedMarkdown) {
        self.init(from: Block.of(old), to: Block.of(new))
    }

    /// A stretch of deleted and inserted blocks, in order: each inserted block is paired with
    /// the most similar deleted block of its shape after the last one paired, if any is
    /// similar enough. Deleted blocks come before inserted ones, as words do in a change.
    /// Contact cards are never paired: a card is the same only with the same contact.
    private mutating func pair(_ deleted: [Block], _ inserted: [Block]) {
        guard !deleted.isEmpty, !inserted.isEmpty else {
            // Only one kind: nothing to pair, only words to count.
            for block in deleted { remove(block) }
            for block in inserted { add(block, words: Self.wordCount(of: block)) }
            return
        }
        let wordsDeleted = deleted.map(Self.words(of:))
        var next = 0
        /// Inserted blocks paired with none, and their words, shown once the deleted blocks
        /// before the next pair are.
        var unpaired: [(block: Block, words: Int)] = []
        for block in inserted {
            let words = Self.words(of: block)
            var best: (index: Int, score: Double)?
            for index in next..<deleted.count where block.line.kind != .contactCard && deleted[index].shape == block.shape {
                let score = Self.dice(wordsDeleted[index], words)
                if score >= Self.similarity, score > best?.score ?? 0 { best = (index, score) }
            }
            guard let best else {
                unpaired.append((block, words.values.reduce(0, +)))
                continue
            }
            for index in next..<best.index { remove(deleted[index], words: wordsDeleted[index].values.reduce(0, +)) }
            for (block, words) in unpaired { add(block, words: words) }
            unpaired.removeAll()
            let segments = Self.segments(from: deleted[best.index], to: block)
            entries.append(Entry(line: block.line, change: .changed(segments)))
            for segment in segments where segment.operation != .equal {
                let words = Self.wordCount(segment.text)
                if segment.operation == .insert { insertedWords += words } else { deletedWords += words }
            }
            next = best.index + 1
        }
        for index in next..<deleted.count { remove(deleted[index], words: wordsDeleted[index].values.reduce(0, +)) }
        for (block, words) in unpaired { add(block, words: words) }
    }

    private mutating func remove(_ block: Block, words: Int? = nil) {
        entries.append(Entry(line: block.line, change: .deleted(block.text)))
        deletedWords += words ?? Self.wordCount(of: block)
    }

    private mutating func add(_ block: Block, words: Int) {
        entries.append(Entry(line: block.line, change: .inserted(block.text)))
        insertedWords += words
    }

    /// A paired block's word diff, its lone edits moved to where they read best (`aligned`);
    /// a table row's cell by cell (paired rows have as many cells), so that no change spans
    /// two cells, and no equal text between two changes is folded across a cell's border.
    static func segments(from old: Block, to new: Block) -> [WordDiff.Segment] {
        guard old.line.kind == .tableHead || old.line.kind == .tableRow else {
            return aligned(WordDiff.countedSegments(from: old.text, to: new.text).segments)
        }
        var segments: [WordDiff.Segment] = []
        func append(_ segment: WordDiff.Segment) {
            if let last = segments.last, last.operation == segment.operation { segments[segments.count - 1].text += segment.text }
            else if !segment.text.isEmpty { segments.append(segment) }
        }
        let oldCells = old.text.split(separator: "\t", omittingEmptySubsequences: false)
        let newCells = new.text.split(separator: "\t", omittingEmptySubsequences: false)
        for (index, (a, b)) in zip(oldCells, newCells).enumerated() {
            if index > 0 { append(.init(.equal, "\t")) }
            if a.utf8.elementsEqual(b.utf8) { append(.init(.equal, String(a))); continue }
            for segment in aligned(WordDiff.countedSegments(from: String(a), to: String(b)).segments) { append(segment) }
        }
        return segments
    }

    /// Whether a scalar that starts a run of word characters starts a word (`WordDiff.isWord`).
    private static func startsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A block's words (`words(in:)`); a contact card has none: it shows a contact, not text.
    static func words(of block: Block) -> [UInt64: Int] {
        block.line.kind == .contactCard ? [:] : words(in: block.text)
    }

    static func wordCount(of block: Block) -> Int {
        block.line.kind == .contactCard ? 0 : wordCount(block.text)
    }

    /// The words of a text, each as a hash of its scalars with A–Z and À–Þ folded to lower
    /// case, with how often it occurs.
    static func words(in text: String) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        forEachWord(in: text) { counts[$0, default: 0] += 1 }
        return counts
    }

    /// The number of words in a text.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        forEachWord(in: text) { _ in count += 1 }
        return count
    }

    /// Each word of a text, as `WordDiff.words` counts them (runs of letters and digits that
    /// start with a letter or digit), as a hash of its folded scalars. One pass over the
    /// scalars: `WordDiff.tokens`, which makes a String of every token, cost more than all the
    /// rest of a comparison.
    private static func forEachWord(in text: String, _ body: (UInt64) -> Void) {
        var hash: UInt64 = 0
        var inWord = false, counted = false
        for scalar in text.unicodeScalars {
            guard WordDiff.tokenKind(scalar) == .word else {
                if inWord, counted { body(hash) }
                inWord = false
                continue
            }
            if !inWord {
                inWord = true
                counted = startsWord(scalar)
                hash = 0xCBF2_9CE4_8422_2325
            }
            var value = scalar.value
            if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { value += 0x20 }
            hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3
        }
        if inWord, counted { body(hash) }
    }

    /// Twice the words two texts share over the words of both; 0 when neither has a word.
    static func dice(_ a: [UInt64: Int], _ b: [UInt64: Int]) -> Double {
        let total = a.values.reduce(0, +) + b.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let shared = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        return Double(2 * shared) / Double(total)
    }

    /// The segments with each lone insertion or deletion between equal text moved, within
    /// the text that repeats around it, to where it reads best: "ordföranden.<ins> Vid hög risk
    /// … polisen.</ins>" rather than "ordföranden<ins>. Vid hög risk … polisen</ins>.", which is
    /// as short but starts the insertion with the full stop that ends the sentence before it.
    /// Boundaries are scored as diff-match-patch's semantic clean-up scores them. An equal
    /// neighbour is used up only at the block's start or end: between two changes it stays,
    /// so that changes never run together.
    static func aligned(_ segments: [WordDiff.Segment]) -> [WordDiff.Segment] {
        var segments = segments
        var index = 0
        while index < segments.count {
            defer { index += 1 }
            let hasBefore = index > 0, hasAfter = index < segments.count - 1
            guard segments[index].operation != .equal,
                  !hasBefore || segments[index - 1].operation == .equal,
                  !hasAfter || segments[index + 1].operation == .equal else { continue }
            // Scalars, not Characters: an edit moves by code points, as the diff cut them.
            let before = hasBefore ? Array(segments[index - 1].text.unicodeScalars) : []
            let after = hasAfter ? Array(segments[index + 1].text.unicodeScalars) : []
            let edit = Array(segments[index].text.unicodeScalars)
            // How far the edit may move: left while the text before it ends as the edit does,
            // right while the text after it starts as the edit does.
            let leftLimit = index - 1 == 0 ? 0 : 1, rightLimit = index + 1 == segments.count - 1 ? 0 : 1
            var left = 0
            while left < before.count - leftLimit, left < edit.count, before[before.count - 1 - left] == edit[edit.count - 1 - left] { left += 1 }
            var right = 0
            while right < after.count - rightLimit, right < edit.count, after[right] == edit[right] { right += 1 }
            guard left > 0 || right > 0 else { continue }
            // Each place from `left` to the left of where it is to `right` to the right of it.
            let text = before + edit + after
            func score(at shift: Int) -> Int {
                let start = before.count + shift, end = start + edit.count
                // The limits keep an equal neighbour between two changes: the text's ends here
                // are the block's.
                return Self.score(text[..<start], text[start..<end], atEdge: start == 0) + Self.score(text[start..<end], text[end...], atEdge: end == text.count)
            }
            var best = 0, bestScore = score(at: 0)
            for shift in stride(from: -left, through: right, by: 1) where shift != 0 {
                let total = score(at: shift)
                if total > bestScore || (total == bestScore && shift > best) { best = shift; bestScore = total }
            }
            guard best != 0 else { continue }
            let start = before.count + best, end = start + edit.count
            func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(scalars)) }
            segments[index].text = string(text[start..<end])
            if hasAfter { segments[index + 1].text = string(text[end...]) }
            if hasBefore { segments[index - 1].text = string(text[..<start]) }
            // An equal neighbour at the block's end used up goes.
            if hasAfter, segments[index + 1].text.isEmpty { segments.remove(at: index + 1) }
            if hasBefore, segments[index - 1].text.isEmpty { segments.remove(at: index - 1); index -= 1 }
        }
        return segments
    }

    /// How well a boundary between two texts reads: 6 at the block's start or end, 5 at a
    /// blank line, 4 at a line break, 3 at the end of a sentence, 2 at white space, 1 at other
    /// punctuation, 0 inside a word.
    private static func score(_ one: ArraySlice<Unicode.Scalar>, _ two: ArraySlice<Unicode.Scalar>, atEdge: Bool) -> Int {
        guard let end = one.last, let start = two.first else { return atEdge ? 6 : 0 }
        func isWord(_ scalar: Unicode.Scalar) -> Bool { WordDiff.tokenKind(scalar) == .word }
        let space1 = end.properties.isWhitespace, space2 = start.properties.isWhitespace
        let break1 = end == "\n" || end == "\r", break2 = start == "\n" || start == "\r"
        if break1 || break2 { return one.suffix(2).elementsEqual(["\n", "\n"]) || two.prefix(2).elementsEqual(["\n", "\n"]) ? 5 : 4 }
        if !isWord(end) && !space1 && space2 { return 3 }
        if space1 || space2 { return 2 }
        if !isWord(end) || !isWord(start) { return 1 }
        return 0
    }
}
