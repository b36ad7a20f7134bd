import Foundation
import Testing
@testable import RutinbokCore

/// A path of the output that is a folder in one build and a file in the next (a council's
/// `assets/x.css/` that becomes `assets/x.css`), or the reverse. The build after the change
/// starts its staging folder from the spare, which still has the other kind of entry there:
/// it failed with `write-failed` ("det är en mapp") on content that was right (fuzz audit,
/// finding 5). A stale spare never fails a build, and each build is a clean build's bytes.
@Suite struct FolderOrFileChangeTests {
    typealias W = IncrementalWorkspace

    /// Files new or changed from `before` to `after`, the marker left out.
    func changed(_ before: [String: Data], _ after: [String: Data]) -> Int {
        after.filter { $0.key != Publisher.marker && before[$0.key] != $0.value }.count
    }

    @Test(arguments: [true, false])
    func aPathTurnedBetweenFolderAndFileFailsNoLaterBuild(folderFirst: Bool) async throws {
        var w = try W()
        #expect(await w.build().published)
        let folder = "content/councils/ana/assets/x.css/a.svg", file = "content/councils/ana/assets/x.css"
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        try w.write(folderFirst ? folder : file, folderFirst ? svg : "a { color: red }\n")
        #expect(await w.build().published)

        // The change: one build with a fresh staging folder's worth of difference.
        try w.remove(file)
        try w.write(folderFirst ? file : folder, folderFirst ? "a { color: red }\n" : svg)
        var before = W.tree(w.output)
        let change = await w.build()
        #expect(change.published, "\(change.diagnostics)")
        #expect(change.filesChanged == changed(before, W.tree(w.output)) && change.filesChanged == 1, "\(change.filesChanged)")
        await expectSameAsClean(w)

        // The builds after it start from a spare that has the other kind of entry at the path.
        for line in ["Ett.", "Två."] {
            try w.append("content/routines/akut.md", "\n\(line)\n")
            before = W.tree(w.output)
            let result = await w.build()
            #expect(result.published, "\(line) \(result.diagnostics)")
            #expect(result.filesChanged == changed(before, W.tree(w.output)), "\(line) \(result.filesChanged)")
            await expectSameAsClean(w)
        }
        var info = stat()
        #expect(lstat("\(w.output)/ana/assets/x.css", &info) == 0 && (info.st_mode & S_IFMT) == (folderFirst ? S_IFREG : S_IFDIR))
    }

    /// Two files of one build, one at a path the other needs as a folder: the later one
    /// replaced the earlier without a word (a handbook without its stylesheet), and the
    /// manifest listed both. Either order stops the build; the output stays as it was.
    @Test(arguments: [true, false])
    func filesOfOneBuildThatNeedAPathAsFileAndFolderStopIt(fileFirst: Bool) async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        let published = snapshot(w.output)
        let publisher = try Publisher(output: w.output, protected: [w.content, w.templates])
        let file = OutputFile(path: "exby/assets/tema/rutinbok.css", contents: .text("a {}"))
        let inside = OutputFile(path: "exby/assets/tema/rutinbok.css/a.svg", contents: .text("<svg/>"))
        var failure: Error?
        do {
            try publisher.write(fileFirst ? [file, inside] : [inside, file])
            try publisher.publish()
        } catch {
            failure = error
        }
        #expect("\(failure.map { "\($0)" } ?? "")" == "kunde inte skriva \(publisher.output.path)/exby/assets/tema/rutinbok.css: bygget har två filer med den sökvägen, den ena som fil och den andra som mapp, så det går inte att publicera")
        publisher.discard()
        #expect(snapshot(w.output) == published)
        #expect(leftovers(beside: w.output) == [])
    }
}
