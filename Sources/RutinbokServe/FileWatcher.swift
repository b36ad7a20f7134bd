import Foundation

/// Notices edits by comparing file sizes and modification times between scans. Polling
/// works the same on every system and for every editor, including those that save by
/// writing a new file and renaming it over the old one.
struct FileWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var size: Int
        var modified: Int
    }

    typealias Snapshot = [String: Stamp]

    let folders: [String]

    func scan() -> Snapshot {
        var snapshot: Snapshot = [:]
        for folder in folders { Self.scan(folder, into: &snapshot) }
        return snapshot
    }

    /// Paths added, removed or changed between two scans, sorted.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        let keys = Set(old.keys).union(new.keys)
        return keys.filter { old[$0] != new[$0] }.sorted()
    }

    private static func scan(_ path: String, into snapshot: inout Snapshot) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let stamp = Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec))
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            // Not the folder's own time: it changes when an editor drops a swap file beside a routine.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            // Editors' swap and backup files come and go while typing; they are not content.
            for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") {
                scan(path + "/" + name, into: &snapshot)
            }
        case S_IFLNK:
            // A linked file counts by what it points at.
            var target = stat()
            if stat(path, &target) == 0 {
                snapshot[path] = Stamp(size: Int(target.st_size), modified: Int(target.st_mtim.tv_sec) * 1_000_000_000 + Int(target.st_mtim.tv_nsec))
            }
        default:
            snapshot[path] = stamp
        }
    }
}
