import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore

extension Manifest {
    /// `text` with its last line ("end <checksum>") made right again, for tests that edit a
    /// record and want that record, not the checksum, to be what is judged.
    static func resealed(_ text: String) -> String {
        var body = text
        if body.hasSuffix("\n") { body.removeLast() }
        if let end = body.range(of: "\nend ", options: .backwards) { body = String(body[..<end.lowerBound]) }
        var writer = ManifestWriter()
        writer.text(body + "\n")
        writer.end()
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// The manifest's folder blocks: read lazily, checked whole, copied as they are for a council
/// kept whole, and the spare's folder taken without a file-by-file comparison when its block
/// is the output's (each file still checked).
@Suite struct ManifestBlocksTests {
    typealias W = IncrementalWorkspace

    func manifestPath(_ w: W) -> String { W.manifest(of: w.output).path }
    func spare(of w: W) -> String { Publisher.sparePath(of: URL(fileURLWithPath: w.output)).path }

    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    func sample() -> Manifest {
        var manifest = Manifest()
        manifest.global = 42
        manifest.inputs = ["content/site.yml": Stamp(size: 3, modified: 5)]
        manifest.councils = ["ana": 7, "bro": 8]
        manifest.pages = ["ana/akut.html": 1, "andringar/ana/akut.html": 2, "index.html": 3]
        manifest.outputs = ["ana/akut.html": .init(hash: 9, size: 10), "ana/assets/logo.svg": .init(hash: 11, size: 12),
                            "ana/a\tb\\c.html": .init(hash: 13, size: 14), "bro/index.html": .init(hash: 15, size: 16),
                            "index.html": .init(hash: 17, size: 18)]
        manifest.items = ["ana/akut.html": [2, 4, 4, 9], "index.html": [0, 18]]
        return manifest
    }

    @Test func foldersAreReadWhenAskedForAndRoundTrip() throws {
        let manifest = sample()
        let file = try #require(ManifestFile(bytes: manifest.serializedBytes()))
        // A council's change pages have a block of their own.
        #expect(file.folderNames == ["", "ana", "andringar/ana", "bro"])
        #expect(file.outputs.count == 5)
        #expect(file.outputs["ana/assets/logo.svg"] == .init(hash: 11, size: 12))
        #expect(file.outputs["ana/a\tb\\c.html"] == .init(hash: 13, size: 14))
        #expect(file.outputs["index.html"] == .init(hash: 17, size: 18))
        #expect(file.outputs["ana/saknas.html"] == nil && file.outputs["cid/index.html"] == nil)
        #expect(file.pages["andringar/ana/akut.html"] == 2 && file.pages["index.html"] == 3)
        #expect(file.folder("ana")?.items == ["ana/akut.html": [2, 4, 4, 9]] && file.folder("")?.items == ["index.html": [0, 18]])
        #expect(file.folder("bro")?.items == [:])
        #expect(file.councils == ["ana": 7, "bro": 8])
        #expect(file.inputsMatch(["content/site.yml": Stamp(size: 3, modified: 5)]))
        #expect(!file.inputsMatch(["content/site.yml": Stamp(size: 3, modified: 6)]))
        #expect(!file.inputsMatch([:]))
        #expect(file.decoded() == manifest)

        // The paths a folder's check looks up: unescaped, with or without the folder.
        var seen: [String: Int64] = [:]
        #expect(file.forEachOutput(in: "ana") { path, size in seen[String(cString: path)] = size; return true })
        #expect(seen == ["ana/akut.html": 10, "ana/assets/logo.svg": 12, "ana/a\tb\\c.html": 14])
        seen = [:]
        #expect(file.forEachOutput(in: "ana", relative: true) { path, size in seen[String(cString: path)] = size; return true })
        #expect(Set(seen.keys) == ["akut.html", "assets/logo.svg", "a\tb\\c.html"])
        #expect(!file.forEachOutput(in: "ana") { _, _ in false }, "stops when told to")
        #expect(!file.forEachOutput(in: "cid") { _, _ in true }, "no such folder")
    }

    /// A folder carried from the previous manifest comes out exactly as it would be written.
    @Test func aCarriedBlockIsTheSameBytesAsAWrittenOne() throws {
        let manifest = sample()
        let file = try #require(ManifestFile(bytes: manifest.serializedBytes()))
        var without = manifest
        without.outputs = manifest.outputs.filter { !$0.key.hasPrefix("ana/") }
        without.pages = manifest.pages.filter { !$0.key.hasPrefix("ana/") }
        without.items = manifest.items.filter { !$0.key.hasPrefix("ana/") }
        let block = try #require(file.block("ana"))
        #expect(without.serializedBytes(carrying: ["ana": block]) == manifest.serializedBytes())
        #expect(without.serializedBytes() != manifest.serializedBytes())
        // An entry of this build in a carried folder is laid over the carried ones.
        var changed = without
        changed.outputs["ana/akut.html"] = .init(hash: 99, size: 10)
        let merged = try #require(Manifest.parse(bytes: changed.serializedBytes(carrying: ["ana": block])))
        #expect(merged.outputs["ana/akut.html"] == .init(hash: 99, size: 10))
        #expect(merged.outputs["ana/assets/logo.svg"] == .init(hash: 11, size: 12))
        #expect(merged.pages["ana/akut.html"] == 1)
        // Its items' bounds belonged to the carried bytes: the file made again has none.
        #expect(merged.items["ana/akut.html"] == nil)
        changed.items["ana/akut.html"] = [0, 10]
        let remade = try #require(Manifest.parse(bytes: changed.serializedBytes(carrying: ["ana": block])))
        #expect(remade.items["ana/akut.html"] == [0, 10])
    }

    @Test func damagedOrInconsistentManifestsAreRefusedWhole() throws {
        let text = sample().serialized()
        #expect(ManifestFile(bytes: Array(text.utf8)) != nil)
        // One digit of one output's hash: the checksum no longer matches.
        let damaged = text.replacingOccurrences(of: "output 0000000000000009", with: "output 0000000000000008")
        #expect(damaged != text)
        #expect(ManifestFile(bytes: Array(damaged.utf8)) == nil)
        #expect(ManifestFile(bytes: Array(Manifest.resealed(damaged).utf8)) != nil, "resealed, the record itself is well formed")
        // Truncated, or cut anywhere.
        for length in [0, 10, text.utf8.count / 2, text.utf8.count - 1] {
            #expect(ManifestFile(bytes: Array(text.utf8.prefix(length))) == nil, "\(length)")
        }
        // A block whose length does not end on its records, even with a right checksum.
        let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("folder ") && $0.hasSuffix(" ana") })
        let parts = header.split(separator: " ")
        let longer = "folder \(Int(parts[1])! + 1) " + parts[2...].joined(separator: " ")
        #expect(ManifestFile(bytes: Array(Manifest.resealed(text.replacingOccurrences(of: String(header), with: longer)).utf8)) == nil)
        // A record after the blocks that belongs before them.
        let late = Manifest.resealed(text.replacingOccurrences(of: "\nend ", with: "\ncouncil 0000000000000001 cid\nend "))
        #expect(ManifestFile(bytes: Array(late.utf8)) == nil)
        // Counts in a header that do not match its records: the folder reads as empty.
        let miscounted = Manifest.resealed(text.replacingOccurrences(of: String(header), with: "folder \(parts[1]) \(parts[2]) 9 ana"))
        let file = try #require(ManifestFile(bytes: Array(miscounted.utf8)))
        #expect(file.outputs["ana/akut.html"] == nil)
        #expect(file.decoded() == nil)
    }

    /// The line format of the first sessions (version 2) is read as no manifest at all.
    @Test func aManifestOfTheOldFormatMeansAFullBuild() async throws {
        let w = try W()
        #expect(await w.build().published)
        let current = try #require(Manifest.parse(bytes: try Publisher.readFile(manifestPath(w))))
        var lines = ["rutinbok-manifest 2", "global \(ContentHash.hex(current.global))"]
        for (path, stamp) in current.inputs.sorted(by: { $0.key < $1.key }) { lines.append("input \(stamp.size) \(stamp.modified) \(path)") }
        for (slug, value) in current.councils.sorted(by: { $0.key < $1.key }) { lines.append("council \(ContentHash.hex(value)) \(slug)") }
        for (path, value) in current.pages.sorted(by: { $0.key < $1.key }) { lines.append("page \(ContentHash.hex(value)) \(path)") }
        for (path, output) in current.outputs.sorted(by: { $0.key < $1.key }) {
            lines.append("output \(ContentHash.hex(output.hash)) \(output.size) \(path)")
        }
        try (lines.joined(separator: "\n") + "\nend\n").write(toFile: manifestPath(w), atomically: false, encoding: .utf8)
        #expect(ManifestFile.read(manifestPath(w), describing: URL(fileURLWithPath: w.output)) == nil)

        // Nothing changed, but without a manifest that cannot be known: a full build.
        let again = await w.build()
        #expect(again.published && !again.unchanged && again.filesReused == 0)
        await expectSameAsClean(w)
        #expect(await w.build().unchanged, "its own manifest makes the next build a no-op")
    }

    @Test func aDamagedManifestMeansAFullBuild() async throws {
        var w = try W()
        #expect(await w.build().published)
        var bytes = try Publisher.readFile(manifestPath(w))
        let index = try #require(bytes.indices.last { bytes[$0] == UInt8(ascii: "\n") && $0 < bytes.count - 40 })
        bytes[index - 1] = bytes[index - 1] == UInt8(ascii: "l") ? UInt8(ascii: "m") : UInt8(ascii: "l")  // a path's last letter
        try Data(bytes).write(to: URL(fileURLWithPath: manifestPath(w)))
        #expect(ManifestFile.read(manifestPath(w), describing: URL(fileURLWithPath: w.output)) == nil)
        try w.append("content/councils/ana/routines/egen.md", "\nÄndrad.\n")
        let result = await w.build()
        #expect(result.published && !result.unchanged && result.filesReused == 0)
        await expectSameAsClean(w)
    }

    /// bro does not change in three builds: the third takes its folder from the spare, whose
    /// block is the output's, checking each file. Files of the spare changed or removed
    /// behind the manifest's back are noticed and made again.
    @Test func aKeptFolderFromTheSpareIsCheckedFileByFile() async throws {
        var w = try W()
        #expect(await w.build().published)
        try w.append("content/councils/ana/routines/egen.md", "\nEtt.\n")
        #expect(await w.build().published)
        await expectSameAsClean(w)

        // Untouched, bro's files are the spare's own: same inodes, nothing written.
        let broFiles = W.files(w.output).filter { $0.hasPrefix("bro/") }
        #expect(broFiles.count > 3)
        let spareInodes = Dictionary(uniqueKeysWithValues: broFiles.map { ($0, inode("\(spare(of: w))/\($0)")) })
        try w.append("content/councils/ana/routines/egen.md", "\nTvå.\n")
        let result = await w.build()
        #expect(result.published)
        for path in broFiles { #expect(inode("\(w.output)/\(path)") == spareInodes[path], "\(path)") }
        await expectSameAsClean(w)

        // Now damage the spare's bro folder: one file replaced with other bytes, one removed.
        let replaced = try #require(broFiles.first { $0.hasSuffix("kontakter.html") })
        let removed = try #require(broFiles.first { $0 != replaced && $0.hasSuffix(".html") })
        try "skadad".write(toFile: "\(spare(of: w))/\(replaced)", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(spare(of: w))/\(removed)")
        try w.append("content/councils/ana/routines/egen.md", "\nTre.\n")
        #expect(await w.build().published)
        await expectSameAsClean(w)
    }

    /// A spare file changed in place, where it is also the published file (kept files are
    /// shared between the output and the spare): both checks fail, bro is rendered again.
    @Test func aSpareFileChangedInPlaceIsNoticed() async throws {
        var w = try W()
        #expect(await w.build().published)
        try w.append("content/councils/ana/routines/egen.md", "\nEtt.\n")
        #expect(await w.build().published)
        let path = try #require(W.files(spare(of: w)).first { $0.hasPrefix("bro/") && $0.hasSuffix(".html") })
        let handle = try #require(FileHandle(forWritingAtPath: "\(spare(of: w))/\(path)"))
        handle.seekToEndOfFile()
        handle.write(Data("<!-- ändrad -->".utf8))
        try handle.close()
        try w.append("content/councils/ana/routines/egen.md", "\nTvå.\n")
        #expect(await w.build().published)
        await expectSameAsClean(w)
    }
}

/// A manifest record is one line of tab-separated fields, whatever a title or a message holds.
@Suite struct ManifestEscapingTests {
    @Test(arguments: ["Roller\n\u{301}och ansvar", "rad\r\nrad", "flik\t\u{301}x", "snedstreck \\\u{301}n", "vanlig text", "\\n bokstavligt"])
    func fieldsComeBackAsTheyWere(_ text: String) {
        let escaped = Manifest.escape(text)
        #expect(!escaped.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\t" })
        #expect(Manifest.unescape(escaped) == text)
        #expect(Manifest.unescape(escaped).unicodeScalars.elementsEqual(text.unicodeScalars))
    }
}
