import Foundation
import Testing
@testable import RutinbokCore

/// Rendered routine bodies kept between builds: they must read back exactly, and a damaged
/// or foreign cache must never be used.
@Suite struct MarkdownCacheTests {
    static func sample(_ n: Int) -> RenderedMarkdown {
        let location = RutinbokCore.SourceLocation(file: "content/routines/r\(n).md", line: 7 + n, column: 3)
        return RenderedMarkdown(
            template: "<h2 id=\"a\">Å \(n)</h2>\n<p>\u{1}0\u{1} och “citat” & mer</p>\n",
            printTemplate: n % 2 == 0 ? nil : "<h3 id=\"r-a\">Å \(n)</h3>\n",
            headings: [.init(id: "a", text: "Å \(n)", level: 2, location: location)],
            links: [.init(routine: "annan", anchor: "del", written: "annan.md#Del", location: location),
                    .init(routine: nil, anchor: nil, written: "#", location: location)],
            contacts: [.init(id: "hr", style: .card, location: location), .init(id: "it", style: .inline, location: location)],
            text: "Å \(n)\nEn mening.",
            readability: Readability(words: 3 + n, sentences: 2, longWords: 1),
            diagnostics: n % 3 == 0 ? [] : [.warning(location, "something \(n)", code: "c", notes: ["a note", "another"])])
    }

    static func key(_ n: Int) -> MarkdownCache.Key {
        MarkdownCache.Key(file: "content/routines/r\(n).md", id: "r\(n)", firstLine: 5, allowRawHTML: n == 2,
                          bodyHash: UInt64(n) &* 0x9E37_79B9_7F4A_7C15, bodyLength: 100 + n)
    }

    func expectSame(_ a: RenderedMarkdown?, _ b: RenderedMarkdown, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let a else { Issue.record("missing", sourceLocation: sourceLocation); return }
        #expect(a.template == b.template && a.printTemplate == b.printTemplate && a.text == b.text, sourceLocation: sourceLocation)
        #expect(a.headings == b.headings && a.links == b.links && a.contacts == b.contacts, sourceLocation: sourceLocation)
        #expect(a.readability == b.readability && a.diagnostics == b.diagnostics, sourceLocation: sourceLocation)
    }

    func output() -> URL { TestPaths.temporaryFolder("rutinbok-cache").appendingPathComponent("output") }

    @Test func entriesReadBackExactly() {
        let output = output()
        let cache = MarkdownCache(output: output)
        #expect(cache.count == 0)
        let entries = (0..<6).map { (Self.key($0), Self.sample($0)) }
        cache.save(entries, live: Set(entries.map(\.0)))
        let again = MarkdownCache(output: output)
        #expect(again.count == 6)
        for (key, page) in entries { expectSame(again.entry(key), page) }
        var other = Self.key(1)
        other.bodyLength += 1
        #expect(again.entry(other) == nil, "another body is another entry")
    }

    @Test func appendedEntriesAndADamagedTail() throws {
        let output = output()
        let first = (0..<3).map { (Self.key($0), Self.sample($0)) }
        MarkdownCache(output: output).save(first, live: Set(first.map(\.0)))
        let more = (3..<5).map { (Self.key($0), Self.sample($0)) }
        let cache = MarkdownCache(output: output)
        cache.save(more, live: Set((first + more).map(\.0)))
        #expect(MarkdownCache(output: output).count == 5)

        // A build killed while appending leaves a partial record: the records before it stay.
        let path = cache.path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes.dropLast(10).write(to: URL(fileURLWithPath: path))
        let damaged = MarkdownCache(output: output)
        #expect(damaged.count == 4)
        expectSame(damaged.entry(Self.key(3)), Self.sample(3))
        // Appending after it cuts the damaged tail off first.
        damaged.save([(Self.key(9), Self.sample(9))], live: Set((0..<4).map(Self.key) + [Self.key(9)]))
        let repaired = MarkdownCache(output: output)
        #expect(repaired.count == 5)
        expectSame(repaired.entry(Self.key(9)), Self.sample(9))
    }

    @Test func aDamagedRecordIsAMissNotAWrongEntry() throws {
        let output = output()
        let entries = (0..<3).map { (Self.key($0), Self.sample($0)) }
        let cache = MarkdownCache(output: output)
        cache.save(entries, live: Set(entries.map(\.0)))
        // Flip a byte inside the middle record's HTML.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cache.path))
        let marker = Data("Å 1</h2>".utf8)
        let at = try #require(bytes.range(of: marker)).lowerBound
        bytes[at + 4] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: cache.path))
        let damaged = MarkdownCache(output: output)
        #expect(damaged.entry(Self.key(1)) == nil)
        expectSame(damaged.entry(Self.key(0)), Self.sample(0))
        expectSame(damaged.entry(Self.key(2)), Self.sample(2))
    }

    @Test func aCacheOfAnotherFormatOrBinaryIsIgnored() throws {
        let output = output()
        let cache = MarkdownCache(output: output)
        try Data("rutinbok-markdown-cache 0\nwhatever".utf8).write(to: URL(fileURLWithPath: cache.path))
        #expect(MarkdownCache(output: output).count == 0)
        let entries = [(Self.key(1), Self.sample(1))]
        MarkdownCache(output: output).save(entries, live: Set(entries.map(\.0)))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: cache.path))
        bytes[MarkdownCache.magic.utf8.count] ^= 0xFF  // the binary's size in the header
        try bytes.write(to: URL(fileURLWithPath: cache.path))
        #expect(MarkdownCache(output: output).count == 0)
    }

    @Test func entriesNoBuildUsesAreDroppedWhenTheyAreMost() {
        let output = output()
        let old = (0..<8).map { (Self.key($0), Self.sample($0)) }
        MarkdownCache(output: output).save(old, live: Set(old.map(\.0)))
        let fresh = [(Self.key(20), Self.sample(20))]
        MarkdownCache(output: output).save(fresh, live: [Self.key(20), Self.key(1)])
        let after = MarkdownCache(output: output)
        #expect(after.count == 2)
        expectSame(after.entry(Self.key(1)), Self.sample(1))
    }

    @Test func aBuildRendersOnlyTheBodiesThatChanged() async throws {
        var w = try IncrementalWorkspace()
        let first = await w.build()
        #expect(first.published && first.bodiesRendered > 3)
        try w.append("content/routines/akut.md", "\nEn ny mening om akut läge.\n")
        let second = await w.build()
        #expect(second.published)
        #expect(second.bodiesRendered == 1, "only akut.md changed")
        let (clean, fresh) = await w.cleanBuild()
        #expect(fresh.bodiesRendered == first.bodiesRendered, "a build into a new folder renders everything")
        #expect(IncrementalWorkspace.tree(w.output) == IncrementalWorkspace.tree(clean))
    }

    @Test func checkingAloneLeavesNoCache() async throws {
        let w = try IncrementalWorkspace()
        let result = await Build.run(w.options(), write: false)
        #expect(result.bodiesRendered > 0)
        #expect(!FileManager.default.fileExists(atPath: MarkdownCache(output: URL(fileURLWithPath: w.output)).path))
    }
}
