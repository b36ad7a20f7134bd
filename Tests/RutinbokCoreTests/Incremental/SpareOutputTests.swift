import Foundation
import Testing
@testable import RutinbokCore

/// The spare: the output a build replaced, kept beside it so that the next build starts its
/// staging folder from it and touches only the files that differ.
@Suite struct SpareOutputTests {
    typealias W = IncrementalWorkspace

    func spare(of w: W) -> String { Publisher.sparePath(of: URL(fileURLWithPath: w.output)).path }

    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func theReplacedOutputBecomesTheSpareAndTheNextBuildStartsFromIt() async throws {
        var w = try W()
        #expect(await w.build().published)
        #expect(inode(spare(of: w)) == nil, "a build into a new folder replaces nothing")
        let first = try #require(inode(w.output))

        try w.append("content/routines/akut.md", "\nEn ny mening om akut läge.\n")
        #expect(await w.build().published)
        #expect(inode(spare(of: w)) == first, "the replaced output is kept as the spare")
        #expect(FileManager.default.fileExists(atPath: Publisher.spareManifestPath(of: URL(fileURLWithPath: w.output)).path))
        await expectSameAsClean(w)
        let second = try #require(inode(w.output))

        // Deleting a routine and changing another: the spare has files the new output must not.
        try w.remove("content/councils/ana/routines/egen.md")
        try w.append("content/routines/risk.md", "\nEn ny mening om risk.\n")
        let result = await w.build()
        #expect(result.published)
        #expect(inode(w.output) == first, "the staging folder was the spare")
        #expect(inode(spare(of: w)) == second)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/ana/egen.html"))
        #expect(result.filesWritten - result.filesReused < result.filesWritten / 2,
                "most files were already in the spare: \(result.filesWritten - result.filesReused) of \(result.filesWritten) written")
        await expectSameAsClean(w)
    }

    /// "N nya eller ändrade" counts against the published output, not the spare: after an
    /// edit is undone, the spare (two builds old) holds every byte the build makes, and yet
    /// the pages of the edit changed for a reader.
    @Test func theChangedCountIsAgainstThePublishedOutputWhenTheSpareHoldsTheBytes() async throws {
        var w = try W()
        #expect(await w.build().published)
        let routine = "content/routines/akut.md"
        let original = try String(contentsOf: w.root.appendingPathComponent(routine), encoding: .utf8)
        func changed(_ before: [String: Data], _ after: [String: Data]) -> Int {
            after.filter { $0.key != Publisher.marker && before[$0.key] != $0.value }.count
        }
        let first = W.tree(w.output)
        try w.append(routine, "\nEn mening som tas bort igen.\n")
        let edit = await w.build()
        let edited = W.tree(w.output)
        try w.write(routine, original)
        let undo = await w.build()
        let undone = W.tree(w.output)

        #expect(edit.published && undo.published)
        #expect(edit.filesChanged > 0 && edit.filesChanged == changed(first, edited), "\(edit.filesChanged)")
        #expect(undo.filesReused == undo.filesWritten, "the spare held every file")
        #expect(undo.filesChanged == changed(edited, undone) && undo.filesChanged == edit.filesChanged, "\(undo.filesChanged)")
        #expect(changed(first, undone) == 0)
    }

    @Test func aSpareWithoutACompleteManifestIsRemovedNotUsed() async throws {
        var w = try W()
        #expect(await w.build().published)
        try w.append("content/routines/akut.md", "\nEtt.\n")
        #expect(await w.build().published)
        let manifest = Publisher.spareManifestPath(of: URL(fileURLWithPath: w.output)).path
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        try String(text.dropLast(4)).write(toFile: manifest, atomically: false, encoding: .utf8)
        // Inode numbers are reused at once, so a file marks the broken spare.
        try "kvar".write(toFile: "\(spare(of: w))/ana/kvar.html", atomically: true, encoding: .utf8)

        try w.append("content/routines/akut.md", "\nTvå.\n")
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/ana/kvar.html"), "a truncated manifest does not describe the spare")
        #expect(!FileManager.default.fileExists(atPath: "\(spare(of: w))/ana/kvar.html"), "the broken spare is removed")
        await expectSameAsClean(w)
    }

    @Test func aSpareFileChangedOrRemovedIsWrittenAgain() async throws {
        var w = try W()
        #expect(await w.build().published)
        try w.append("content/routines/akut.md", "\nEtt.\n")
        #expect(await w.build().published)
        // Damage the spare behind the manifest's back: a file with another size, one missing.
        try "skadad".write(toFile: "\(spare(of: w))/ana/kontakter.html", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(spare(of: w))/bro/index.html")

        try w.append("content/routines/akut.md", "\nTvå.\n")
        #expect(await w.build().published)
        await expectSameAsClean(w)
    }

    /// A folder of the output replaced by a link (someone with write access to the output): the
    /// builds after wrote pages through it into the folder it led to, and gave its files their
    /// modes (security audit). The folder it leads to stays as it was, and the output gets
    /// real folders again, as a clean build has them.
    @Test func aFolderOfTheOutputReplacedByALinkIsNotWrittenThrough() async throws {
        var w = try W()
        #expect(await w.build().published)
        let outside = w.root.appendingPathComponent("utanfor").path, assets = w.root.appendingPathComponent("utanfor-assets").path
        for (folder, copied) in [(outside, "ana"), (assets, "bro/assets")] {
            try FileManager.default.copyItem(atPath: "\(w.output)/\(copied)", toPath: folder)
            try FileManager.default.removeItem(atPath: "\(w.output)/\(copied)")
            try FileManager.default.createSymbolicLink(atPath: "\(w.output)/\(copied)", withDestinationPath: folder)
        }
        for folder in [outside, assets] {
            chmod(folder, 0o700)
            for path in try FileManager.default.subpathsOfDirectory(atPath: folder) { chmod("\(folder)/\(path)", 0o600) }
        }
        let before = [outside, assets].map(snapshot)
        let modes = try [outside, assets].flatMap { folder in
            try FileManager.default.subpathsOfDirectory(atPath: folder).map { try FileManager.default.attributesOfItem(atPath: "\(folder)/\($0)")[.posixPermissions] as? Int }
        }
        for (index, line) in ["Ett.", "Två.", "Tre."].enumerated() {
            try w.append("content/routines/akut.md", "\n\(line)\n")
            #expect(await w.build().published, "build \(index + 1)")
            #expect([outside, assets].map(snapshot) == before, "build \(index + 1) wrote through a link")
        }
        let after = try [outside, assets].flatMap { folder in
            try FileManager.default.subpathsOfDirectory(atPath: folder).map { try FileManager.default.attributesOfItem(atPath: "\(folder)/\($0)")[.posixPermissions] as? Int }
        }
        #expect(after == modes)
        for copied in ["ana", "bro/assets"] {
            let type = try FileManager.default.attributesOfItem(atPath: "\(w.output)/\(copied)")[.type] as? FileAttributeType
            #expect(type == .typeDirectory, "\(copied)")
        }
        await expectSameAsClean(w)
    }

    /// A council's folder of the output replaced by a link, and the council then removed from
    /// the content: its files left in the spare were removed by path, through the link, so
    /// the folder it led to was emptied (audit). The link is removed instead, and the folder
    /// it leads to stays as it was.
    @Test func aRemovedCouncilsFolderReplacedByALinkIsNotEmptiedThroughIt() async throws {
        var w = try W()
        #expect(await w.build().published)
        let outside = w.root.appendingPathComponent("utanfor").path
        try FileManager.default.copyItem(atPath: "\(w.output)/bro", toPath: outside)
        try FileManager.default.removeItem(atPath: "\(w.output)/bro")
        try FileManager.default.createSymbolicLink(atPath: "\(w.output)/bro", withDestinationPath: outside)
        let before = snapshot(outside)
        #expect(!before.isEmpty)
        // One build more, so that the output with the link becomes the spare the next one stages in.
        try w.append("content/routines/akut.md", "\nEtt.\n")
        #expect(await w.build().published)
        try FileManager.default.removeItem(atPath: w.root.appendingPathComponent("content/councils/bro").path)
        #expect(await w.build().published)
        try w.append("content/routines/akut.md", "\nTvå.\n")
        #expect(await w.build().published)
        #expect(snapshot(outside) == before, "a build removed files through a link")
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/bro"))
        await expectSameAsClean(w)
    }

    /// A file of the spare that only the spare holds is rewritten where it is (same inode);
    /// one that is also a file of the published output is replaced, never written through.
    @Test func aSpareFileOfItsOwnIsRewrittenInPlaceAndASharedOneIsNot() async throws {
        var w = try W()
        #expect(await w.build().published)
        try w.append("content/routines/akut.md", "\nEtt.\n")
        #expect(await w.build().published)
        // The spare's akut page is the first build's (the output has a new one); its contacts
        // page is the same file as the output's.
        var info = stat()
        lstat("\(spare(of: w))/ana/akut.html", &info)
        #expect(info.st_nlink == 1)
        let own = UInt64(info.st_ino)
        lstat("\(spare(of: w))/ana/kontakter.html", &info)
        #expect(info.st_nlink == 2)
        let published = W.tree(w.output), identities = W.identities(w.output)

        // The contacts page changes too (the council's name), so the shared file must be replaced.
        try w.append("content/routines/akut.md", "\nTvå.\n")
        let council = try String(contentsOfFile: "\(w.content)/councils/ana/council.yml", encoding: .utf8)
        try w.write("content/councils/ana/council.yml", council.replacingOccurrences(of: "Ana <kommun>", with: "Anaby <kommun>"))
        #expect(await w.build().published)
        #expect(inode("\(w.output)/ana/akut.html") == own, "rewritten in place")
        #expect(try String(contentsOfFile: "\(w.output)/ana/akut.html", encoding: .utf8).contains("Två."))
        #expect(try String(contentsOfFile: "\(w.output)/ana/kontakter.html", encoding: .utf8).contains("Anaby"))
        // The output it replaced (now the spare) is exactly as it was published.
        #expect(W.tree(spare(of: w)) == published)
        #expect(W.identities(spare(of: w)) == identities)
        await expectSameAsClean(w)
    }

    @Test func aFolderOfTheSparesNameWithoutTheMarkerIsLeftAlone() async throws {
        var w = try W()
        #expect(await w.build().published)
        try FileManager.default.createDirectory(atPath: spare(of: w), withIntermediateDirectories: true)
        try "inte rutinboks".write(toFile: "\(spare(of: w))/egen.txt", atomically: true, encoding: .utf8)

        try w.append("content/routines/akut.md", "\nEtt.\n")
        #expect(await w.build().published)
        #expect(FileManager.default.fileExists(atPath: "\(spare(of: w))/egen.txt"))
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/egen.txt"))
        await expectSameAsClean(w)
    }
}
