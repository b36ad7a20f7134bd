/// `DiffHTML.render` for plain text (see `PlainUTF8`): one pass over each segment's UTF-8
/// bytes, escaping as `HTML.escape` does, into one output buffer. Same rules, same bytes.
struct PlainDiffHTML {
    private let table: UnsafeBufferPointer<UInt8>
    private var output: [UInt8] = []
    /// The paragraph being written, and whether one was written before it.
    private var paragraph: [UInt8] = []
    private var hasParagraph = false

    /// The HTML of the segments, or nil when one of them is not plain.
    static func render(_ segments: [WordDiff.Segment]) -> String? {
        let size = segments.reduce(0) { $0 + $1.text.utf8.count }
        return PlainUTF8.table.withUnsafeBufferPointer { table in
            var writer = PlainDiffHTML(table: table)
            writer.output.reserveCapacity(size + size / 8 + 256)
            writer.paragraph.reserveCapacity(1024)
            writer.output.append(contentsOf: DiffHTML.open.utf8)
            for segment in segments {
                let added = segment.text.utf8.withContiguousStorageIfAvailable { writer.add($0, segment.operation) }
                guard added == true else { return nil }
            }
            writer.finishParagraph()
            writer.output.append(contentsOf: DiffHTML.close.utf8)
            return String(decoding: writer.output, as: UTF8.self)
        }
    }

    private init(table: UnsafeBufferPointer<UInt8>) {
        self.table = table
    }

    /// One segment: its text cut at each paragraph break (`DiffHTML.paragraphPieces`), each
    /// piece added to the current paragraph. False, with the output unfinished, when the text
    /// is not plain: a piece is written only once this pass has checked all its scalars.
    private mutating func add(_ text: UnsafeBufferPointer<UInt8>, _ operation: WordDiff.Operation) -> Bool {
        var pieceStart = 0, index = 0
        while index < text.count {
            guard let traits = PlainUTF8.checkedTraits(text, at: index, table: table) else { return false }
            guard traits.kind == .space else {
                index += PlainUTF8.length(lead: text[index])
                continue
            }
            let runStart = index
            var lineFeeds = 0
            while index < text.count, PlainUTF8.checkedTraits(text, at: index, table: table)?.kind == .space {
                if text[index] == 0x0A { lineFeeds += 1 }
                index += PlainUTF8.length(lead: text[index])
            }
            let first = text[runStart]
            if lineFeeds >= 2, first == 0x20 || first == 0x0A || first == 0x09 || first == 0x0D {
                addPiece(text, pieceStart, runStart, operation)
                finishParagraph()
                pieceStart = index
            }
        }
        addPiece(text, pieceStart, text.count, operation)
        return true
    }

    /// `DiffHTML.html`: a piece of one segment, marked as its operation asks.
    private mutating func addPiece(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ operation: WordDiff.Operation) {
        var start = start
        if paragraph.isEmpty {
            while start < end, isWhitespace(text, start) { start += PlainUTF8.length(lead: text[start]) }
        }
        var blank = true
        var index = start
        while index < end, blank {
            blank = isWhitespace(text, index)
            index += PlainUTF8.length(lead: text[index])
        }
        switch operation {
        case .equal: addLines(text, start, end)
        case .insert where blank: addLines(text, start, end)
        case .delete where blank: break
        case .insert:
            paragraph.append(contentsOf: DiffHTML.insertionOpen.utf8)
            addLines(text, start, end)
            paragraph.append(contentsOf: DiffHTML.insertionClose.utf8)
        case .delete:
            paragraph.append(contentsOf: DiffHTML.deletionOpen.utf8)
            addLines(text, start, end)
            paragraph.append(contentsOf: DiffHTML.deletionClose.utf8)
        }
    }

    private func isWhitespace(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        PlainUTF8.traits(text, at: index, table: table).isWhitespace
    }

    /// `DiffHTML.lines`: escaped text with each line feed Character (not the one of a CR LF)
    /// as a line break.
    private mutating func addLines(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var copied = start
        for index in start..<end {
            let replacement: String
            switch text[index] {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x22: replacement = "&quot;"
            case 0x27: replacement = "&#39;"
            case 0x0A where index == start || text[index - 1] != 0x0D: replacement = DiffHTML.lineBreak
            default: continue
            }
            paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<index]))
            paragraph.append(contentsOf: replacement.utf8)
            copied = index + 1
        }
        paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<end]))
    }

    /// `DiffHTML.finish`: the paragraph without trailing line breaks, unless it is empty.
    private mutating func finishParagraph() {
        let lineBreak = DiffHTML.lineBreak.utf8
        while paragraph.count >= lineBreak.count, paragraph.suffix(lineBreak.count).elementsEqual(lineBreak) {
            paragraph.removeLast(lineBreak.count)
        }
        if !paragraph.isEmpty {
            if hasParagraph { output.append(contentsOf: DiffHTML.paragraphSeparator.utf8) }
            output.append(contentsOf: DiffHTML.paragraphOpen.utf8)
            output.append(contentsOf: paragraph)
            output.append(contentsOf: DiffHTML.paragraphClose.utf8)
            hasParagraph = true
        }
        paragraph.removeAll(keepingCapacity: true)
    }
}
