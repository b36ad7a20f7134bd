#if canImport(Glibc)
import Glibc
#endif

/// Size and change time (ns) of a file: what tells a no-op build that nothing changed without
/// reading anything. The change time is the later of the modification time and the status
/// change time (`ctime`), which the system sets whenever a file is written, renamed, linked
/// or given another modification time: two files of one size and time swapped by name, or
/// a file written and dated back with `touch -d` (an archive unpacked with its times), are
/// then not taken for unchanged. A file rewritten with the same size within the same
/// nanosecond would be missed; editors and `git checkout` cannot do that in practice.
struct Stamp: Hashable, Sendable {
    var size: Int64
    var modified: Int64

    /// The modification time of a stamp that must not be trusted (see `IncrementalPlan`).
    static let racy: Int64 = -1
    var isRacy: Bool { modified == Self.racy }
    /// For a file the scan did not see: never equal to a real stamp.
    static let unknown = Stamp(size: -2, modified: racy)

    init(size: Int64, modified: Int64) {
        self.size = size
        self.modified = modified
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = max(Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                       Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// rutinbok's programs: another binary may render differently, so whatever a build keeps
    /// for the next (manifest, caches) is tied to them. Both programs that build, `rutinbok`
    /// and the preview's `rutinbok-serve` (installed side by side, from one build), count as
    /// one: a preview and a build of the same output then keep each other's work, where
    /// each had made the next build a full one. The running program counts too, whatever its
    /// name (a test runner).
    static let ofRutinbok: Stamp = {
        let running = realpath("/proc/self/exe", nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) }
            ?? CommandLine.arguments.first ?? ""
        let folder = running.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let programs = Set([running, "\(folder)/rutinbok", "\(folder)/rutinbok-serve"]).sorted()
        return combined(programs.map { of($0) ?? Stamp(size: 0, modified: 0) })
    }()

    /// One stamp for several files: it changes when any of them does (the latest change time
    /// moves; a size may move too).
    static func combined(_ stamps: [Stamp]) -> Stamp {
        Stamp(size: stamps.reduce(Int64(0)) { $0 &* 1_000_003 &+ $1.size },
              modified: stamps.map(\.modified).max() ?? 0)
    }

    /// The stamp of one file, following symlinks; nil when it does not exist.
    static func of(_ path: String) -> Stamp? {
        var info = stat()
        return stat(path, &info) == 0 ? Stamp(info) : nil
    }
}

/// Stamps every file below the content and templates folders, and each council's and group's
/// folder (see `walk`), without reading any. The loader skips hidden files; so does this, so
/// an editor's swap file does not cause a rebuild.
/// Symlinks are followed (the loader reads through them), with a depth limit against loops.
enum InputStamps {
    /// Relative path (prefixed with `prefix`) → stamp, for every file below `root`. The
    /// folders two levels down (each council's, each group's) are walked on all cores: the
    /// walk is most of a no-op build.
    static func scan(_ root: String, prefix: String, into stamps: inout [String: Stamp]) {
        var deeper: [Folder] = []
        walk(root, relative: prefix, depth: 0, trusted: true, into: &stamps, handOff: 2, to: &deeper)
        for found in Parallel.map(deeper, { folder -> [String: Stamp] in
            var stamps: [String: Stamp] = [:]
            var none: [Folder] = []
            walk(folder.path, relative: folder.relative, depth: folder.depth, trusted: folder.trusted, into: &stamps, handOff: nil, to: &none)
            return stamps
        }) {
            stamps.merge(found) { first, _ in first }
        }
    }

    private struct Folder: Sendable {
        let path: String
        let relative: String
        let depth: Int
        let trusted: Bool
    }

    /// Stamps what is below `folder`; folders at depth `handOff` are left in `deeper`. Below
    /// a folder whose name is not in the composed form nothing is `trusted` (see below).
    private static func walk(_ folder: String, relative: String, depth: Int, trusted: Bool, into stamps: inout [String: Stamp],
                             handOff: Int?, to deeper: inout [Folder]) {
        if depth == handOff {
            // A council's or group's folder, whatever it holds: the loader takes every folder
            // there for a council (or a group), so an empty one (made before its council.yml,
            // or named with a space) is an error a clean build reports, though no file changed.
            if relative.hasPrefix("content/councils/") || relative.hasPrefix("content/groups/") {
                addFolder(relative, trusted: trusted, to: &stamps)
            }
            deeper.append(Folder(path: folder, relative: relative, depth: depth, trusted: trusted))
            return
        }
        guard depth < 24, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        // Each entry is stamped relative to its open folder: the kernel then looks up one
        // name, not the whole path again, which was most of a no-op build's time.
        let folderDescriptor = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            // A symbolic link is followed, and what it leads to is stamped: a link moved to
            // another file with the same stamp (a hard link of it) would look unchanged, so
            // nothing reached through a link is trusted.
            var linkInfo = stat()
            let isLink = entry.pointee.d_type == UInt8(DT_LNK)
                || (entry.pointee.d_type == UInt8(DT_UNKNOWN) && fstatat(folderDescriptor, name, &linkInfo, AT_SYMLINK_NOFOLLOW) == 0
                    && (linkInfo.st_mode & S_IFMT) == S_IFLNK)
            let trusted = trusted && !isLink
            var info = stat()
            guard fstatat(folderDescriptor, name, &info, 0) == 0 else {
                stamps[relative + name] = Stamp(size: -1, modified: 0)  // a broken link: still an input
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let trusted = trusted && FileName.isComposed(name)
                // A folder named as a file the loader reads (`routines/x.md/`, `council.yml/`)
                // is an error a clean build reports (`unreadable`).
                if name.hasSuffix(".md") || name.hasSuffix(".yml") {
                    addFolder(relative + name + "/", trusted: trusted, to: &stamps)
                }
                walk(folder + "/" + name, relative: relative + name + "/", depth: depth + 1,
                     trusted: trusted, into: &stamps, handOff: handOff, to: &deeper)
            } else {
                // Swift compares strings by their canonical form: a name with 'ö' as one
                // character and the same name with 'o' and a combining mark are one key, so a
                // file renamed from one form to the other would look unchanged. Such a name is
                // never trusted (the loader refuses it), nor are two names that are one key.
                let key = relative + name
                let stamp = trusted && FileName.isComposed(name) ? Stamp(info) : Stamp(size: Int64(info.st_size), modified: Stamp.racy)
                if stamps.updateValue(stamp, forKey: key) != nil { stamps[key] = Stamp(size: stamp.size, modified: Stamp.racy) }
            }
        }
    }

    /// A folder as an input of its own, by its name only: its stamp never moves (its times do
    /// whenever an editor's swap file comes and goes in it), so what a build notices is the
    /// folder coming or going. Not trusted, as a file is not, when its name is not composed
    /// or is one key with another.
    private static func addFolder(_ relative: String, trusted: Bool, to stamps: inout [String: Stamp]) {
        let stamp = Stamp(size: 0, modified: trusted ? 0 : Stamp.racy)
        if stamps.updateValue(stamp, forKey: relative) != nil { stamps[relative] = Stamp(size: 0, modified: Stamp.racy) }
    }
}
