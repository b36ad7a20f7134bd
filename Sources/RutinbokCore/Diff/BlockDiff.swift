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
    public struct Block: Sendable, Hashable {
        public var line: OutlineLine
        public var text: String

        public init(_ line: OutlineLine, _ text: String) {
            self.line = line
            self.text = text
        }

        /// The blocks of a rendered body, in order.
        static func of(_ body: RenderedMarkdown) -> [Block] {
            OutlineLine.blocks(of: body.outline, text: body.text).map { Block($0.line, $0.text) }
        }

        /// What must be the same for two blocks to be the same block: a numbered item keeps its
        /// identity when an item before it is added and its number moves.
        fileprivate var identity: Identity { Identity(shape: shape, text: text) }

        var shape: Shape { Shape(self) }
    }

    /// What a block is, without its number: two blocks of one shape can be compared word by
    /// word. A table row's shape has its number of cells: a row that gained or lost a cell is
    /// shown as one row out and another in, so that no row has more cells than its header.
    struct Shape: Hashable {
        var kind: OutlineLine.Kind
        var level: Int
        var box: OutlineLine.Box
        var cells = 0

        init(_ block: Block) {
            kind = block.line.kind
            level = block.line.level
            box = block.line.box
            if kind == .tableHead || kind == .tableRow { cells = 1 + block.text.utf8.count { $0 == 0x09 } }
        }
    }

    /// Compared and hashed on the text's bytes: a String's own hashing normalises it first,
    /// which was most of numbering the blocks of thousands of routines.
    fileprivate struct Identity: Hashable {
        var shape: Shape
        var text: String

        static func == (lhs: Identity, rhs: Identity) -> Bool {
            lhs.shape == rhs.shape && lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(shape)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
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
    private mutating func pair(_ deleted: [Block], _ inserted: [Block]) {
        guard !deleted.isEmpty || !inserted.isEmpty else { return }
        let wordsDeleted = deleted.map { Self.words(in: $0.text) }
        func total(_ words: [UInt64: Int]) -> Int { words.values.reduce(0, +) }
        var next = 0
        /// Inserted blocks paired with none, and their words, shown once the deleted blocks
        /// before the next pair are.
        var unpaired: [(block: Block, words: Int)] = []
        for block in inserted {
            let words = Self.words(in: block.text)
            var best: (index: Int, score: Double)?
            for index in next..<deleted.count where deleted[index].shape == block.shape {
                let score = Self.dice(wordsDeleted[index], words)
                if score >= Self.similarity, score > best?.score ?? 0 { best = (index, score) }
            }
            guard let best else {
                unpaired.append((block, total(words)))
                continue
            }
            for index in next..<best.index {
                entries.append(Entry(line: deleted[index].line, change: .deleted(deleted[index].text)))
                deletedWords += total(wordsDeleted[index])
            }
            for (block, words) in unpaired {
                entries.append(Entry(line: block.line, change: .inserted(block.text)))
                insertedWords += words
            }
            unpaired.removeAll()
            // Counted after the edits are moved, which may move a word boundary with them.
            let segments = Self.aligned(WordDiff.countedSegments(from: deleted[best.index].text, to: block.text).segments)
            entries.append(Entry(line: block.line, change: .changed(segments)))
            for segment in segments where segment.operation != .equal {
                let words = Self.wordCount(segment.text)
                if segment.operation == .insert { insertedWords += words } else { deletedWords += words }
            }
            next = best.index + 1
        }
        for index in next..<deleted.count {
            entries.append(Entry(line: deleted[index].line, change: .deleted(deleted[index].text)))
            deletedWords += total(wordsDeleted[index])
        }
        for (block, words) in unpaired {
            entries.append(Entry(line: block.line, change: .inserted(block.text)))
            insertedWords += words
        }
    }

    /// The words of a text (as `WordDiff.words` counts them: runs of letters and digits that
    /// start with a letter or digit), each as a hash of its scalars with A–Z and À–Þ folded to
    /// lower case, with how often it occurs. One pass over the scalars: `WordDiff.tokens`,
    /// which makes a String of every token, cost more than all the rest of a comparison.
    static func words(in text: String) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        var hash: UInt64 = 0
        var inWord = false, counted = false
        for scalar in text.unicodeScalars {
            guard WordDiff.tokenKind(scalar) == .word else {
                if inWord, counted { counts[hash, default: 0] += 1 }
                inWord = false
                continue
            }
            if !inWord {
                inWord = true
                counted = scalar.isASCII || scalar.properties.generalCategory != .nonspacingMark
                hash = 0xCBF2_9CE4_8422_2325
            }
            var value = scalar.value
            if (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) { value += 0x20 }
            hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3
        }
        if inWord, counted { counts[hash, default: 0] += 1 }
        return counts
    }

    /// The number of words in a text, as `WordDiff.words` counts them.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            guard WordDiff.tokenKind(scalar) == .word else { inWord = false; continue }
            if !inWord, scalar.isASCII || scalar.properties.generalCategory != .nonspacingMark { count += 1 }
            inWord = true
        }
        return count
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
    /// The boundaries are scored as diff-match-patch's semantic clean-up scores them.
    static func aligned(_ segments: [WordDiff.Segment]) -> [WordDiff.Segment] {
        var segments = segments
        var index = 0
        while index < segments.count {
            defer { index += 1 }
            guard segments[index].operation != .equal,
                  index == 0 || segments[index - 1].operation == .equal,
                  index == segments.count - 1 || segments[index + 1].operation == .equal else { continue }
            let before = index > 0 ? Array(segments[index - 1].text) : []
            let after = index < segments.count - 1 ? Array(segments[index + 1].text) : []
            var edit = Array(segments[index].text)
            // Start from the edit slid as far left as the text allows, then try each place to the right.
            var left = before, right = after
            while let last = left.last, last == edit.last {
                left.removeLast()
                edit.insert(edit.removeLast(), at: 0)
                right.insert(last, at: 0)
            }
            var best = (left, edit, right), bestScore = score(left, edit) + score(edit, right)
            while let first = right.first, first == edit.first {
                left.append(edit.removeFirst())
                edit.append(first)
                right.removeFirst()
                let total = score(left, edit) + score(edit, right)
                if total >= bestScore { best = (left, edit, right); bestScore = total }
            }
            guard String(best.1) != segments[index].text else { continue }
            segments[index].text = String(best.1)
            if index < segments.count - 1 { segments[index + 1].text = String(best.2) }
            if index > 0 { segments[index - 1].text = String(best.0) }
            // An equal neighbour left empty goes.
            if index < segments.count - 1, segments[index + 1].text.isEmpty { segments.remove(at: index + 1) }
            if index > 0, segments[index - 1].text.isEmpty { segments.remove(at: index - 1); index -= 1 }
        }
        return segments
    }

    /// How well a boundary between two texts reads: 6 at the edge of the text, 5 at a blank
    /// line, 4 at a line break, 3 at the end of a sentence, 2 at white space, 1 at other
    /// punctuation, 0 inside a word.
    private static func score(_ one: [Character], _ two: [Character]) -> Int {
        guard let end = one.last, let start = two.first else { return 6 }
        let notWord1 = !(end.isLetter || end.isNumber), notWord2 = !(start.isLetter || start.isNumber)
        let space1 = notWord1 && end.isWhitespace, space2 = notWord2 && start.isWhitespace
        let break1 = space1 && end.isNewline, break2 = space2 && start.isNewline
        if break1 || break2 { return one.suffix(2) == ["\n", "\n"] || two.prefix(2) == ["\n", "\n"] ? 5 : 4 }
        if notWord1 && !space1 && space2 { return 3 }
        if space1 || space2 { return 2 }
        if notWord1 || notWord2 { return 1 }
        return 0
    }
}
