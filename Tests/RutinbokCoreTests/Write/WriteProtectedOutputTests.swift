import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore

/// An administrator write-protects the published output (`chmod -R a-w output`) before each
/// build. The build after the first took the write-protected spare as its staging folder,
/// could not write its marker (`…/.output.staging-N/.rutinbok-output: behörighet saknas`),
/// and left the staging folder behind for good: every other build failed (fuzz audit,
/// finding 8). Each build now publishes what a clean build makes and leaves nothing behind.
///
/// Root is not stopped by a folder's mode, so as root the builds run as `nobody` through
/// `setpriv` (skipped where there is none); as another user they run as that user.
@Suite struct WriteProtectedOutputTests {
    static let setpriv = "/usr/bin/setpriv"
    static let canRunAsAnotherUser = getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv)
    static let nobody: uid_t = 65534

    /// `chmod -R a-w folder` (`writable`: `chmod -R u+w`), links left alone.
    static func protect(_ folder: String, writable: Bool = false) {
        var paths = [folder]
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            while let path = enumerator.nextObject() as? String { paths.append("\(folder)/\(path)") }
        }
        for path in paths {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { continue }
            chmod(path, writable ? info.st_mode & 0o7777 | S_IRWXU : info.st_mode & 0o7777 & ~0o222)
        }
    }

    /// Hands every file below `folder` (and it) to `nobody`, who builds there.
    static func giveToNobody(_ folder: String) {
        var paths = [folder]
        if let enumerator = FileManager.default.enumerator(atPath: folder) {
            while let path = enumerator.nextObject() as? String { paths.append("\(folder)/\(path)") }
        }
        for path in paths { lchown(path, nobody, nobody) }
    }

    /// `rutinbok build` as the user the test stands for: `nobody` when the test runs as root.
    static func build(_ w: BrokenWorkspace, into output: String? = nil) throws -> Executable.Run {
        let arguments = ["build", "--content", w.content, "--templates", w.templates, "--output", output ?? w.output, "--today", "2026-06-01"]
        guard getuid() == 0 else { return try Executable.run(arguments) }
        return try Executable.run(["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", Executable.url.path] + arguments,
                                  executable: URL(fileURLWithPath: setpriv))
    }

    @Test(.enabled(if: canRunAsAnotherUser, "root ignores a folder's mode, and this system has no setpriv to build as another user"))
    func aWriteProtectedOutputFailsNoBuildAndLeavesNothingBehind() throws {
        let w = try BrokenWorkspace()
        defer { Self.protect(w.root.path, writable: true) }
        if getuid() == 0 { Self.giveToNobody(w.root.path) }
        let first = try Self.build(w)
        #expect(first.status == 0, "\(first.stderr)")
        for line in ["Ett.", "Två.", "Tre."] {
            Self.protect(w.output)
            try w.append("content/routines/hotad.md", "\n\(line)\n")
            let run = try Self.build(w)
            #expect(run.status == 0, "\(line): \(run.stderr)")
            #expect(leftovers(beside: w.output) == [], "\(line)")
            // A clean build of the same content, by the same user.
            let clean = w.url("clean-\(line)").path
            #expect(try Self.build(w, into: clean).status == 0)
            let built = snapshot(w.output), fresh = snapshot(clean)
            #expect(Set(built.keys) == Set(fresh.keys), "\(line)")
            for (path, bytes) in fresh where built[path] != bytes { Issue.record("\(line): \(path) differs from a clean build") }
        }
    }

    /// A staging folder left by an earlier version's failed build, write-protected with the
    /// output it came from, is removed by the next build (the marker's lock is free).
    @Test(.enabled(if: canRunAsAnotherUser, "root ignores a folder's mode, and this system has no setpriv to build as another user"))
    func aWriteProtectedStagingFolderLeftBehindIsRemoved() throws {
        let w = try BrokenWorkspace()
        defer { Self.protect(w.root.path, writable: true) }
        if getuid() == 0 { Self.giveToNobody(w.root.path) }
        #expect(try Self.build(w).status == 0)
        let stale = w.url(".output.staging-99999999").path
        try FileManager.default.copyItem(atPath: w.output, toPath: stale)
        if getuid() == 0 { Self.giveToNobody(stale) }
        Self.protect(stale)
        try w.append("content/routines/hotad.md", "\nEtt.\n")
        let run = try Self.build(w)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(leftovers(beside: w.output) == [])
    }
}
