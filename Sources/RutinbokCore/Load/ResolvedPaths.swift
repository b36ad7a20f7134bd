import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Where paths below the content folder really lead, after following symlinks: what
/// `URL.resolvingSymlinksInPath()` says, without asking it once per file.
///
/// Foundation resolves a path one component at a time, checking each with `lstat` and
/// splicing in the target of any link. For a path whose last component is a plain name
/// (not `.` or `..`) that is not a link, that process ends with the folder's resolved path
/// followed by the name. So each folder is resolved once (by the same rule, up to the
/// content folder), each file costs one `lstat`, and anything else (a link, a file that
/// cannot be checked, an unusual name) goes through Foundation as before.
final class ResolvedPaths: Sendable {
    private let root: String
    private let resolvedRoot: String
    private let folders = Mutex<[String: String]>([:])

    init(root: String, resolvedRoot: String) {
        self.root = root
        self.resolvedRoot = resolvedRoot
    }

    /// The resolved, standardized absolute path of `relative` (relative to the content folder).
    /// `isPlainEntry`: the caller knows that it exists and is not a symlink (it opened it
    /// with `O_NOFOLLOW`), which saves checking again.
    func resolved(_ relative: String, isPlainEntry known: Bool = false) -> String {
        if relative.isEmpty { return resolvedRoot }
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            return resolved(name: relative, in: "", known: known)
        }
        let folder = String(relative[..<slash])
        let name = String(relative[relative.utf8.index(after: slash)...])
        return resolved(name: name, in: folder, known: known)
    }

    private func resolved(name: String, in folder: String, known: Bool = false) -> String {
        let relative = folder.isEmpty ? name : folder + "/" + name
        guard Self.isPlainName(name), !folder.hasSuffix("/"), known || isPlainEntry(relative) else {
            return Self.foundationResolved(absolutePath(relative))
        }
        let base = resolvedFolder(folder)
        let joined = base == "/" ? "/" + name : base + "/" + name
        // Foundation strips these prefixes when it standardizes (macOS automount paths).
        if joined.hasPrefix("/private/") || joined.hasPrefix("/var/automount/") {
            return Self.foundationResolved(absolutePath(relative))
        }
        return joined
    }

    /// A folder's resolved path, computed once.
    private func resolvedFolder(_ folder: String) -> String {
        if folder.isEmpty { return resolvedRoot }
        if let known = folders.withLock({ $0[folder] }) { return known }
        let result = resolved(folder)
        folders.withLock { $0[folder] = result }
        return result
    }

    /// Whether the entry exists and is not a symlink.
    private func isPlainEntry(_ relative: String) -> Bool {
        var info = stat()
        // Plain joining is enough for the kernel ("a//b" is "a/b"); Foundation's would bridge.
        let path = root.isEmpty ? relative : root + "/" + relative
        guard lstat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) != S_IFLNK
    }

    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".."
    }

    private func absolutePath(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    /// The one rule both the content folder and every irregular path are resolved by.
    static func foundationResolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
