import Testing
@testable import RutinbokCore

/// The two block lists a diff was made from, read back out of it: the old side is every
/// block but the inserted ones, the new side every block but the deleted ones.
struct BlockDiffSides {
    var old: [BlockDiff.Block] = []
    var new: [BlockDiff.Block] = []

    init(_ diff: BlockDiff) {
        for entry in diff.entries {
            switch entry.change {
            case .equal(let text):
                old.append(.init(entry.line, text))
                new.append(.init(entry.line, text))
            case .deleted(let text): old.append(.init(entry.line, text))
            case .inserted(let text): new.append(.init(entry.line, text))
            case .changed(let segments):
                // A changed block's line is the new one's; the old one had the same shape.
                old.append(.init(entry.line, segments.filter { $0.operation != .insert }.map(\.text).joined()))
                new.append(.init(entry.line, segments.filter { $0.operation != .delete }.map(\.text).joined()))
            }
        }
    }
}

@Suite("Portal: texts compared block by block")
struct BlockDiffTests {
    private func paragraph(_ text: String) -> BlockDiff.Block { .init(OutlineLine(.paragraph), text) }
    private func item(_ text: String, number: Int) -> BlockDiff.Block { .init(OutlineLine(.numbered, level: 1, number: number), text) }
    private func changes(_ diff: BlockDiff) -> [String] {
        diff.entries.map { entry in
            switch entry.change {
            case .equal(let text): "=\(text)"
            case .deleted(let text): "-\(text)"
            case .inserted(let text): "+\(text)"
            case .changed(let segments): "~" + segments.map { ($0.operation == .equal ? "" : $0.operation == .insert ? "+" : "-") + "[\($0.text)]" }.joined()
            }
        }
    }

    @Test func theSameTextHasNoChange() {
        let blocks = [paragraph("Ring 112."), item("Gå ut.", number: 1)]
        let diff = BlockDiff(from: blocks, to: blocks)
        #expect(changes(diff) == ["=Ring 112.", "=Gå ut."])
        #expect(diff.insertedWords == 0 && diff.deletedWords == 0)
    }

    @Test func anEditedBlockIsDiffedWordByWord() {
        let diff = BlockDiff(from: [paragraph("Säkerhetssamordnaren bedömer risken tillsammans med ordföranden.")],
                             to: [paragraph("Säkerhetsenheten bedömer risken tillsammans med ordföranden.")])
        #expect(changes(diff) == ["~-[Säkerhetssamordnaren]+[Säkerhetsenheten][ bedömer risken tillsammans med ordföranden.]"])
        #expect(diff.insertedWords == 1 && diff.deletedWords == 1)
    }

    /// A block rewritten with other words is one block out and another in, deleted first:
    /// their words interleaved would be unreadable.
    @Test func aRewrittenBlockIsDeletedThenInserted() {
        let diff = BlockDiff(from: [paragraph("A."), paragraph("Ha en plan för hur ledamöterna tar sig ut."), paragraph("B.")],
                             to: [paragraph("A."), paragraph("Säkerhetsvärden sitter nära presidiet."), paragraph("B.")])
        #expect(changes(diff) == ["=A.", "-Ha en plan för hur ledamöterna tar sig ut.", "+Säkerhetsvärden sitter nära presidiet.", "=B."])
        #expect(diff.deletedWords == 9 && diff.insertedWords == 4)
    }

    /// Of several deleted blocks, an inserted one is paired with the one most like it; the
    /// deleted blocks before that one are shown first, and a new block nothing is like after them.
    @Test func anInsertedBlockIsPairedWithTheMostSimilarDeletedOne() {
        let diff = BlockDiff(from: [paragraph("Kontakta polisen direkt."), paragraph("Spara alla meddelanden du får.")],
                             to: [paragraph("Helt ny text här."), paragraph("Spara alla meddelanden och brev du får.")])
        #expect(changes(diff) == ["-Kontakta polisen direkt.", "+Helt ny text här.", "~[Spara alla meddelanden ]+[och brev ][du får.]"])
    }

    /// Blocks that share few of their words are one out and one in, however short: "Dalens"
    /// between "Gör en" and "bedömning. Läs akut läge." struck through reads worse. The
    /// deleted blocks of a stretch come before its inserted ones, as in a line diff.
    @Test func blocksThatShareFewWordsAreNotPaired() {
        let diff = BlockDiff(from: [paragraph("Gör en bedömning. Läs akut läge."), paragraph("Samma rubrik igen.")],
                             to: [paragraph("Dalens bedömning.")])
        #expect(changes(diff) == ["-Gör en bedömning. Läs akut läge.", "-Samma rubrik igen.", "+Dalens bedömning."])
        #expect(BlockDiff.dice(BlockDiff.words(in: "Gör en bedömning. Läs akut läge."), BlockDiff.words(in: "Dalens bedömning.")) == 0.25)
    }

    /// An insertion that could start with the full stop of the sentence before it starts after
    /// it instead, as a reader would write it: the same words, a better place.
    @Test func editsMoveToWhereTheyReadBest() {
        let diff = BlockDiff(from: [paragraph("Enheten bedömer risken med ordföranden.")],
                             to: [paragraph("Enheten bedömer risken med ordföranden. Vid hög risk kontaktar enheten polisen.")])
        #expect(changes(diff) == ["~[Enheten bedömer risken med ordföranden.]+[ Vid hög risk kontaktar enheten polisen.]"])
        #expect(diff.insertedWords == 6)
        // Inside a word is the worst place: "hot" added before "hotet" stays a word of its own.
        #expect(BlockDiff.aligned([.init(.equal, "Anmäl hot"), .init(.insert, "et och hot"), .init(.equal, "et.")])
                == [.init(.equal, "Anmäl "), .init(.insert, "hotet och "), .init(.equal, "hotet.")])
    }

    /// A lone edit moves between the places the repeated text allows, by place, not by its
    /// text ("ha" among "hahaha"); it never uses up the equal text between two changes.
    @Test func editsMoveByPlaceAndKeepChangesApart() {
        #expect(BlockDiff.aligned([.init(.equal, "Säg ha"), .init(.insert, "ha"), .init(.equal, "ha.")])
                == [.init(.equal, "Säg "), .init(.insert, "ha"), .init(.equal, "haha.")])
        let apart: [WordDiff.Segment] = [.init(.delete, "a"), .init(.equal, "b"), .init(.insert, "b")]
        #expect(BlockDiff.aligned(apart) == apart)
    }

    /// Paired rows are diffed cell by cell: a change never spans two cells, so the row keeps
    /// its header's number of cells.
    @Test func rowsAreComparedCellByCell() {
        let row = OutlineLine(.tableRow)
        let diff = BlockDiff(from: [.init(row, "Vakten\tOve Ordning\t070-123 45 67\tdag och natt")],
                             to: [.init(row, "Vakten\tEva Ek\t070-765 43 21\tdag och natt")])
        guard case .changed(let segments)? = diff.entries.first?.change else { Issue.record("not paired: \(diff.entries)"); return }
        #expect(DiffHTML(contactName: { $0 }).cells(.changed(segments)).count == 4)
        #expect(segments.filter { $0.operation != .equal }.allSatisfy { !$0.text.contains("\t") })
    }

    /// Contact cards are the same only with the same contact: cards whose ids share a word
    /// are one out and one in, and a card's id counts no words.
    @Test func cardsAreNeverPaired() {
        let card = OutlineLine(.contactCard)
        let diff = BlockDiff(from: [.init(card, "kommunens-sakerhetssamordnare")], to: [.init(card, "regionens-sakerhetssamordnare")])
        #expect(changes(diff) == ["-kommunens-sakerhetssamordnare", "+regionens-sakerhetssamordnare"])
        #expect(diff.insertedWords == 0 && diff.deletedWords == 0)
    }

    /// A table row that gained or lost a cell is another row: shown out and in, never as cells
    /// under the wrong header.
    @Test func rowsWithAnotherNumberOfCellsAreNotPaired() {
        let row = OutlineLine(.tableRow)
        let diff = BlockDiff(from: [.init(row, "Låg\tVanligt\tIngen åtgärd")], to: [.init(row, "Låg\tIngen åtgärd")])
        #expect(changes(diff) == ["-Låg\tVanligt\tIngen åtgärd", "+Låg\tIngen åtgärd"])
    }

    /// Blocks of another shape are not paired, whatever their words: a heading that became a
    /// paragraph is one out and one in.
    @Test func onlyBlocksOfOneShapeArePaired() {
        let diff = BlockDiff(from: [.init(OutlineLine(.heading, level: 2), "Efter mötet")], to: [paragraph("Efter mötet")])
        #expect(changes(diff) == ["-Efter mötet", "+Efter mötet"])
    }

    /// A numbered item keeps its identity when one is added before it and its number moves;
    /// the comparison shows the new numbers.
    @Test func numbersThatMoveAreNoChange() {
        let diff = BlockDiff(from: [item("Ring 112.", number: 1), item("Gå ut.", number: 2)],
                             to: [item("Larma vakten.", number: 1), item("Ring 112.", number: 2), item("Gå ut.", number: 3)])
        #expect(changes(diff) == ["+Larma vakten.", "=Ring 112.", "=Gå ut."])
        #expect(diff.entries.map(\.line.number) == [1, 2, 3])
        #expect(diff.insertedWords == 2 && diff.deletedWords == 0)
    }

    /// Both sides come back out of any diff, and its word counts are those of its changes.
    @Test func bothTextsComeBackOutOfEveryDiff() {
        let words = ["Ring", "polisen", "112", "nu", "och", "sedan", "vakten", ".", "Säkerhet", "-"]
        let lines: [OutlineLine] = [OutlineLine(.paragraph), OutlineLine(.bullet, level: 1), OutlineLine(.heading, level: 2),
                                    OutlineLine(.tableRow, level: 0), OutlineLine(.paragraph, box: .viktigt)]
        var generator = SeededGenerator(state: 5)
        func block() -> BlockDiff.Block {
            let count = Int.random(in: 0...6, using: &generator)
            let text = (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            return .init(lines.randomElement(using: &generator)!, text)
        }
        for _ in 0..<500 {
            let old = (0..<Int.random(in: 0...8, using: &generator)).map { _ in block() }
            var new = old
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let index = Int.random(in: 0...new.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where index < new.count: new.remove(at: index)
                case 1 where index < new.count: new[index].text += " och vakten"
                default: new.insert(block(), at: index)
                }
            }
            let diff = BlockDiff(from: old, to: new)
            let sides = BlockDiffSides(diff)
            #expect(sides.old == old && sides.new == new, "old=\(old) new=\(new)")
            var inserted = 0, deleted = 0
            for entry in diff.entries {
                switch entry.change {
                case .equal: break
                case .deleted(let text): deleted += WordDiff.words(in: [.init(.delete, text)], .delete)
                case .inserted(let text): inserted += WordDiff.words(in: [.init(.insert, text)], .insert)
                case .changed(let segments):
                    inserted += WordDiff.words(in: segments, .insert)
                    deleted += WordDiff.words(in: segments, .delete)
                }
            }
            #expect(diff.insertedWords == inserted && diff.deletedWords == deleted)
        }
    }

    /// The words a comparison counts and pairs blocks by are `WordDiff`'s words, whatever the
    /// text; capitals of Swedish letters fold, so "Åtgärd" and "åtgärd" are one word.
    @Test func wordsAreTheWordDiffsWords() {
        let pieces = ["Ring", "ring", "112", "½", "é", "e\u{301}", "\u{301}x", "Åtgärd", "åtgärd", "HR-konsult", " ", "\n", "\t", ".", "–", "🙂", "\u{A0}"]
        var generator = SeededGenerator(state: 9)
        for _ in 0..<1000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(BlockDiff.words(in: text).values.reduce(0, +) == WordDiff.words(in: [.init(.equal, text)], .equal), "\(text.debugDescription)")
        }
        #expect(BlockDiff.words(in: "Åtgärd RING") == BlockDiff.words(in: "åtgärd ring"))
        #expect(BlockDiff.words(in: "Ring ring").count == 1)
    }

    /// Compared as rendered: Markdown syntax and link targets are no part of the text, so a
    /// link that leads elsewhere with the same words is no change, and a list stays a list.
    @Test func renderedBodiesCompareTheirText() {
        let renderer = MarkdownRenderer()
        let old = renderer.render("## Kontakt\n\nLäs [Dokumentera](dokumentera.md#checklista).\n\n- Ring 112\n- Gå ut\n", file: "a.md")
        let new = renderer.render("## Kontakt\n\nLäs [Dokumentera](polisanmalan.md).\n\n* Ring 112\n* Gå ut genast\n", file: "b.md")
        let diff = BlockDiff(from: old, to: new)
        #expect(changes(diff) == ["=Kontakt", "=Läs Dokumentera.", "=Ring 112", "~[Gå ut]+[ genast]"])
        #expect(diff.entries.map(\.line.kind) == [.heading, .paragraph, .bullet, .bullet])
        #expect(diff.insertedWords == 1 && diff.deletedWords == 0)
    }
}
