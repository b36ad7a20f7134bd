import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One build at a time per output folder. Two builds into one output (a nightly build while
/// `serve` runs, two terminals) each took the spare and staged, and the one that published
/// second could leave out a whole handbook the first had moved. The lock is `flock` on
/// `.<output>.lock` beside the output, held from the plan to the last cache written; the
/// system drops it when the process ends, however it ends. A build that finds it taken
/// waits, without holding a thread, and then sees what the other one published.
final class OutputLock: Sendable {
    private let descriptor: Int32

    /// Nil when the folder the output lies in does not exist yet (no other build has been
    /// there), when the lock file cannot be made or locked (a file system without `flock`),
    /// or when the task is cancelled while it waits. `waiting` is called once, when another
    /// build has held the output for a second.
    static func acquire(beside output: URL, waiting: (@Sendable () -> Void)? = nil) async -> OutputLock? {
        let path = Publisher.beside(output, "lock").path
        var descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, Publisher.privateMode)
        if descriptor < 0 && errno == ELOOP {
            // A link in the lock's place is not followed: as root, it would make a file
            // wherever it points. The lock is the build's own file; it is made again.
            unlink(path)
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, Publisher.privateMode)
        }
        guard descriptor >= 0 else { return nil }
        var polls = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, !Task.isCancelled else {
                close(descriptor)
                return nil
            }
            polls += 1
            if polls == 50 { waiting?() }
            try? await Task.sleep(for: .milliseconds(20))
        }
        // The build that held it may have removed the file (`removeIfNothingPublished`):
        // a lock on a file no longer at the path locks nothing. Then take the one there now.
        guard isAtPath(descriptor, path) else {
            close(descriptor)
            return await acquire(beside: output, waiting: polls >= 50 ? nil : waiting)
        }
        return OutputLock(descriptor, path: path)
    }

    private static func isAtPath(_ descriptor: Int32, _ path: String) -> Bool {
        var held = stat(), there = stat()
        guard fstat(descriptor, &held) == 0, lstat(path, &there) == 0 else { return false }
        return held.st_dev == there.st_dev && held.st_ino == there.st_ino
    }

    /// Removes the lock file, still held, when there is no output beside it: a build that
    /// failed into a new path leaves nothing there (the lock's folder is often a shared one,
    /// `/tmp` or a home folder). A build waiting for this lock sees its file gone and makes
    /// another (`acquire`). With an output, the file stays: it is the build's own, and the
    /// next build takes it.
    func removeIfNothingPublished(at output: URL) {
        var info = stat()
        guard lstat(output.path, &info) != 0, errno == ENOENT, Self.isAtPath(descriptor, path) else { return }
        unlink(path)
    }

    /// Why a build must not go on when the lock file is there but not this user's to open (a
    /// build run as another user, with `sudo` say, left it, or a copy that took the lock with
    /// `flock` before any build): it could not tell whether
    /// another build is running, and the files that user left beside the output are not its
    /// own to replace. Nil when the lock can be used or made.
    static func refusal(beside output: URL) -> (message: String, notes: [String])? {
        let path = Publisher.beside(output, "lock").path
        let descriptor = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
        if descriptor >= 0 { close(descriptor); return nil }
        guard errno == EACCES || errno == EPERM else { return nil }
        let owner = ownerName(of: path).map { "användaren \($0)" } ?? "en annan användare"
        return ("\(path) tillhör \(owner) och går inte att öppna; då går det inte att se om ett annat bygge pågår",
                ["bygg som samma användare varje gång",
                 "ska \(owner) inte bygga eller låsa här längre: ta bort filerna \(Publisher.beside(output, "*").lastPathComponent) bredvid utdatamappen och ge \(output.path) till den användare som bygger"])
    }

    private static func ownerName(of path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, let entry = getpwuid(info.st_uid), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    private let path: String

    private init(_ descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }
}
