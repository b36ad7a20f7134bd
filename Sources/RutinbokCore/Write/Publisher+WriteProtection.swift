import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An administrator may write-protect the published output (`chmod -R a-w output`). The
/// build after that replaces it, and it becomes the spare with its folders, files and marker
/// read-only; the build after that took the spare as its staging folder and could neither
/// write its marker (`behörighet saknas`) nor remove what it had claimed, so every other
/// build failed and left `.<output>.staging-<pid>` behind for good.
///
/// The spare and the staging folders are the build's own (its user made every file in
/// them), so it gives itself the permission it needs there: it makes a folder writable
/// before it removes something from it, and its marker writable before it writes it. A
/// folder that stays in the output is given the output's mode anyway (`makeStagedFolder`).
/// A link is never followed to give a mode: only a folder or file found as such.
extension Publisher {
    /// Gives the owner read, write and (for a folder) search permission on the entry `name`
    /// in `folder` (an open descriptor; `name` nil for `folder` itself), when it lacks any
    /// and is a folder or regular file itself, not a link. False when nothing was changed.
    @discardableResult
    static func makeOwnerWritable(in folder: Int32, _ name: String?) -> Bool {
        var info = stat()
        let found = name.map { fstatat(folder, $0, &info, AT_SYMLINK_NOFOLLOW) } ?? fstat(folder, &info)
        guard found == 0 else { return false }
        let type = info.st_mode & S_IFMT
        let wanted: mode_t = type == S_IFDIR ? S_IRWXU : type == S_IFREG ? S_IRUSR | S_IWUSR : 0
        guard wanted != 0, info.st_mode & wanted != wanted else { return false }
        let mode = info.st_mode & 0o7777 | wanted
        return (name.map { fchmodat(folder, $0, mode, 0) } ?? fchmod(folder, mode)) == 0
    }

    /// `makeOwnerWritable` for a path.
    @discardableResult
    static func makeOwnerWritable(_ path: String) -> Bool {
        makeOwnerWritable(in: AT_FDCWD, path)
    }

    /// Removes the file (or, `folder`, the empty folder) at `relative` in the staging folder;
    /// a folder of the spare it lies in that a hand made read-only is made writable first.
    /// False when it could not be removed (no such file, a folder not empty).
    @discardableResult
    func removeStaged(_ relative: String, folder: Bool = false) -> Bool {
        let flag = folder ? AT_REMOVEDIR : 0, path = stagingRoot + relative
        if unlinkat(AT_FDCWD, path, flag) == 0 { return true }
        let parent = Self.parent(of: relative)
        // The staging folder itself is this build's, and writable (0700) until published. A
        // folder reached through a link (one put into an earlier output) lies elsewhere: its
        // mode is not touched.
        guard errno == EACCES, !parent.isEmpty, Self.isReal(stagingRoot + parent),
              Self.makeOwnerWritable(stagingRoot + parent) else { return false }
        return unlinkat(AT_FDCWD, path, flag) == 0
    }

    /// Whether `path` names itself, with no link on its way (the staging folder's path is
    /// the real one: the output's is resolved).
    private static func isReal(_ path: String) -> Bool {
        guard let resolved = realpath(path, nil) else { return false }
        defer { free(resolved) }
        return String(cString: resolved) == path
    }
}
