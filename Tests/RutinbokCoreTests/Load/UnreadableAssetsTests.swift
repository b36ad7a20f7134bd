import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore

/// A council's `assets/`, or a file in it, that the builder may not read (`chmod 000`): the
/// build stops at loading with `unreadable` at that path, before anything is written. It
/// said the logo was no UTF-8 and missing, every file of an unreadable folder missing, and
/// blamed an unreadable PDF on the output (`write-failed`) once the pages were written (fuzz
/// audit, finding 10).
///
/// Root reads what it likes, so as root the builds run as `nobody` (`WriteProtectedOutputTests`).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Executable.url.path), "build the rutinbok executable first (swift build)"))
struct UnreadableAssetsTests {
    /// The workspace given to the user who builds, with a form in exby's `assets/` that
    /// `lokalt.md` links to, built once.
    func workspace() throws -> BrokenWorkspace {
        let w = try BrokenWorkspace()
        try w.write("content/councils/exby/assets/samtalslogg.pdf", "%PDF-1.4\n")
        try w.append("content/councils/exby/routines/lokalt.md", "\nFyll i [samtalsloggen](assets/samtalslogg.pdf).\n")
        if getuid() == 0 { WriteProtectedOutputTests.giveToNobody(w.root.path) }
        let first = try WriteProtectedOutputTests.build(w)
        #expect(first.status == 0, "\(first.stderr)")
        return w
    }

    /// Builds with `path` (in the workspace) at mode 000, and gives back what it said; the
    /// published output must be as it was.
    func buildWithUnreadable(_ w: BrokenWorkspace, _ path: String) throws -> String {
        let before = snapshot(w.output)
        let mode: mode_t = FileManager.default.fileExists(atPath: w.url(path).path + "/.") ? 0o755 : 0o644
        chmod(w.url(path).path, 0)
        defer { chmod(w.url(path).path, mode) }
        let run = try WriteProtectedOutputTests.build(w)
        #expect(run.status == 1)
        #expect(snapshot(w.output) == before, "nothing was written")
        return run.stderr.replacingOccurrences(of: w.root.path + "/", with: "")
    }

    @Test(.enabled(if: WriteProtectedOutputTests.canRunAsAnotherUser, "root reads every file, and this system has no setpriv to build as another user"))
    func anUnreadableLogoIsUnreadable() throws {
        let w = try workspace()
        let stderr = try buildWithUnreadable(w, "content/councils/exby/assets/logo.svg")
        #expect(stderr.hasPrefix("content/councils/exby/assets/logo.svg: fel: filen gick inte att läsa: "), "\(stderr)")
        #expect(stderr.contains("[unreadable]\n1 fel, 0 varningar\n"), "said once, and only that: \(stderr)")
    }

    @Test(.enabled(if: WriteProtectedOutputTests.canRunAsAnotherUser, "root reads every file, and this system has no setpriv to build as another user"))
    func anUnreadableFileIsUnreadableBeforeAnythingIsWritten() throws {
        let w = try workspace()
        let stderr = try buildWithUnreadable(w, "content/councils/exby/assets/samtalslogg.pdf")
        #expect(stderr.hasPrefix("content/councils/exby/assets/samtalslogg.pdf: fel: filen gick inte att läsa: "), "\(stderr)")
        #expect(stderr.contains("[unreadable]\n1 fel, 0 varningar\n"), "not also missing, nor a write that failed: \(stderr)")
    }

    @Test(.enabled(if: WriteProtectedOutputTests.canRunAsAnotherUser, "root reads every file, and this system has no setpriv to build as another user"))
    func anUnreadableAssetsFolderIsOneError() throws {
        let w = try workspace()
        let stderr = try buildWithUnreadable(w, "content/councils/exby/assets")
        #expect(stderr.hasPrefix("content/councils/exby/assets: fel: mappen gick inte att läsa: "), "\(stderr)")
        #expect(stderr.contains("[unreadable]\n1 fel, 0 varningar\n"), "the logo and the form are not also missing: \(stderr)")
    }

}
