import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Size and modification time (ns) of a file: what tells a no-op build that nothing
/// changed without reading anything. A file rewritten with the same size within the same
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
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// The stamp of one file, following symlinks; nil when it does not exist.
    static func of(_ path: String) -> Stamp? {
        var info = stat()
        return stat(path, &info) == 0 ? Stamp(info) : nil
    }
}

/// Stamps every file below the content and templates folders, without reading any. The
/// loader skips hidden files; so does this, so an editor's swap file does not cause a rebuild.
/// Symlinks are followed (the loader reads through them), with a depth limit against loops.
enum InputStamps {
    /// Relative path (prefixed with `prefix`) → stamp, for every file below `root`.
    static func scan(_ root: String, prefix: String, into stamps: inout [String: Stamp]) {
        // Folders are listed first, one at a time (few: one per council); the files, most of
        // the work, are then stamped on all cores.
        var files: [(path: String, relative: String)] = []
        list(root, relative: prefix, depth: 0, files: &files, stamps: &stamps)
        let paths = files.map(\.path)
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count / 256))
        let found = Mutex([Stamp?](repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local: [(Int, Stamp)] = []
            for index in stride(from: chunk, to: paths.count, by: chunks) {
                var info = stat()
                // A broken link is still an input.
                local.append((index, stat(paths[index], &info) == 0 ? Stamp(info) : Stamp(size: -1, modified: 0)))
            }
            found.withLock { for (index, stamp) in local { $0[index] = stamp } }
        }
        let stamped = found.withLock { $0 }
        for (index, file) in files.enumerated() { stamps[file.relative] = stamped[index] }
    }

    private static func list(_ folder: String, relative: String, depth: Int,
                             files: inout [(path: String, relative: String)], stamps: inout [String: Stamp]) {
        guard depth < 24, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            // A link or an unknown type: what it leads to decides (links are followed).
            if entry.pointee.d_type != UInt8(DT_DIR) && entry.pointee.d_type != UInt8(DT_REG) {
                var info = stat()
                guard stat(path, &info) == 0 else {
                    stamps[relative + name] = Stamp(size: -1, modified: 0)
                    continue
                }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                list(path, relative: relative + name + "/", depth: depth + 1, files: &files, stamps: &stamps)
            } else {
                files.append((path, relative + name))
            }
        }
    }
}
