import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The few file operations the writer needs, on POSIX calls: Foundation's are slower
/// (`Data.write` fsyncs each file, `removeItem` walks trees slowly) and follow links.
extension Publisher {
    /// The bytes of the file at `path`, which must be a regular file. Opened without waiting:
    /// a named pipe put in the place of a file beside the output (or of a theme's asset) would
    /// otherwise hold the build forever, waiting for a writer that never comes.
    static func readFile(_ path: String, atMost limit: Int = .max) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw Failure.io("\(path): \(SystemError.text(errno))") }
        defer { close(fd) }
        guard let bytes = readFile(fd, atMost: limit) else {
            throw Failure.io("\(path): \(errno == EINVAL ? "det är ingen vanlig fil" : SystemError.text(errno))")
        }
        return bytes
    }

    /// Part of a regular file, read without reading the rest: `count` bytes from its start, or
    /// (`fromEnd`) its last `count` bytes; fewer when the file is shorter. Nil when it cannot
    /// be read.
    static func readPart(_ path: String, count: Int, fromEnd: Bool = false) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return readPart(fd, count: count, fromEnd: fromEnd)
    }

    /// The whole file, when its first `count` bytes (or, `fromEnd`, its last) are what `accept`
    /// takes; nil otherwise, or when it cannot be read. What the files beside the output start
    /// or end with is checked so before they are read: a file of gigabytes in a cache's place
    /// was read into memory first, to be found wrong after.
    static func readFile(_ path: String, whosePart count: Int, fromEnd: Bool = false, is accept: ([UInt8]) -> Bool) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let part = readPart(fd, count: count, fromEnd: fromEnd), accept(part) else { return nil }
        return readFile(fd)
    }

    /// `readPart` of an open file, with `pread` (the file's offset stays where it was).
    static func readPart(_ fd: Int32, count: Int, fromEnd: Bool = false) -> [UInt8]? {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size), wanted = min(count, size)
        let offset = fromEnd ? size - wanted : 0
        return [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            while initialized < wanted {
                let read = pread(fd, buffer.baseAddress! + initialized, wanted - initialized, off_t(offset + initialized))
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                initialized += read
            }
        }
    }

    /// The bytes of an open regular file; nil when it cannot be read, is no regular file
    /// (errno then EINVAL; a folder's is EISDIR), or is larger than `limit` (EFBIG).
    static func readFile(_ fd: Int32, atMost limit: Int = .max) -> [UInt8]? {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            errno = (info.st_mode & S_IFMT) == S_IFDIR ? EISDIR : EINVAL
            return nil
        }
        guard info.st_size <= limit else {
            errno = EFBIG
            return nil
        }
        // Read straight into the array's storage: no zero fill, no copy of what was read.
        return [UInt8](unsafeUninitializedCapacity: Int(info.st_size)) { buffer, initialized in
            while initialized < buffer.count {
                let count = Glibc.read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                initialized += count
            }
        }
    }

    /// Writes without Foundation's `Data.write`, which on Linux calls fsync for every file:
    /// with thousands of pages that made writing the slowest stage. Durability comes from the
    /// exchange at the end, not from each file.
    ///
    /// A name already in the staging folder (a file of the spare) may be a hard link into the
    /// published output, which must never be written through: such a file is unlinked and
    /// created anew (`O_EXCL`). A regular file no other name shares is rewritten where it
    /// is, which spares the file system an inode freed and another allocated (on ext4 the
    /// slow part of replacing thousands of files).
    /// `mode` is for a file it creates: the caches and the manifest beside the output (0600)
    /// hold what a public build leaves out, such as internal routines, and are no one else's
    /// to read, also where the output lies inside a web server's folder.
    /// `keeping`: the mode a file of the output rewritten in place is given (`OutputModes`).
    static func writeFile(_ path: String, _ bytes: UnsafeRawBufferPointer, mode: mode_t = 0o644, keeping kept: mode_t? = nil) throws {
        var fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if fd < 0 && errno == EEXIST {
            if let existing = openUnshared(path, mode: kept) {
                defer { close(existing) }
                try writeAll(existing, bytes)
                guard ftruncate(existing, off_t(bytes.count)) == 0 else { throw Failure.io(SystemError.text(errno)) }
                return
            }
            // A name this user may not replace (a file of another user's build): its reason,
            // not the "file exists" of the open after it.
            guard unlink(path) == 0 || errno == ENOENT else { throw Failure.io(SystemError.text(errno)) }
            fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        }
        guard fd >= 0 else { throw Failure.io(SystemError.text(errno)) }
        defer { close(fd) }
        try writeAll(fd, bytes)
    }

    /// The file at `path` opened for writing, when it is a regular file with one name (so
    /// writing it changes nothing else), given `mode` if it has another; nil otherwise. The
    /// staging folder is this build's alone (locked), so no other name can appear while it
    /// is written.
    private static func openUnshared(_ path: String, mode: mode_t?) -> Int32? {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1,
              mode.map({ OutputModes.ensure($0, info, in: fd, nil) }) ?? true else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Writes every byte to an open file, however many calls it takes.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure.io(SystemError.text(errno))
            }
            offset += written
        }
    }

    /// The folder part of a path ("a/b" for "a/b/c.html").
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Makes the folder at `relative` in the staging folder and the folders it lies in, as a
    /// build into a new folder would have them, each once a build: one the spare has is given
    /// the folder mode (`OutputModes`) if it has another, and anything else in a folder's place
    /// (a link someone put into an earlier output) is replaced by a folder, since files written
    /// into it would land wherever it leads. A folder that holds only folders (`andringar/`,
    /// `assets/` of `assets/tema/`) is made so too.
    func makeStagedFolder(_ relative: String) {
        var name = ""
        for component in relative.split(separator: "/") {
            if !name.isEmpty { name += "/" }
            name += component
            guard !state.withLock({ $0.stagedFolders.contains(name) }) else { continue }
            let path = stagingRoot + name
            var info = stat()
            if lstat(path, &info) != 0 {
                mkdir(path, 0o755)
            } else if (info.st_mode & S_IFMT) != S_IFDIR {
                noteClash(at: name)
                if unlink(path) == 0 { mkdir(path, 0o755) }
            } else if info.st_mode & 0o7777 != modes.folder {
                chmod(path, modes.folder)
            }
            // Remembered once made: another task that asks meanwhile makes it again, harmlessly.
            state.withLock { _ = $0.stagedFolders.insert(name) }
        }
    }

    /// Creates a folder and any missing parents; an existing folder is fine. A plain `mkdir`
    /// first: FileManager's version costs more than the rest of placing a page.
    static func makeFolder(_ path: String) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { return }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { return }
        makeFolder(parent)
        mkdir(path, 0o755)
    }

    /// A file rutinbok keeps beside the output for the next build (a cache), written under a
    /// temporary name first and moved into place by `commit`: a reader sees the old file or
    /// the new one, never a part.
    struct Replacement: Sendable {
        let temporary: String
        let path: String
    }

    /// Readable and writable by the build's user only: what is kept beside the output.
    static let privateMode: mode_t = 0o600

    static func prepareReplacement(of path: String, with bytes: [UInt8]) -> Replacement? {
        let temporary = "\(path).\(getpid())"
        do {
            try bytes.withUnsafeBytes { try writeFile(temporary, $0, mode: Self.privateMode) }
            return Replacement(temporary: temporary, path: path)
        } catch {
            unlink(temporary)
            return nil
        }
    }

    /// Appends to the file at `path` only while it is `length` bytes long (more than none):
    /// a cache file that another build changed meanwhile, or that ends in a damaged record,
    /// is replaced instead (see `RecordFile.commit`). `O_APPEND`: two builds appending at
    /// once both append. Returns where the appended bytes end (the file's length, unless
    /// another build appended after them); nil when nothing was appended.
    static func append(_ bytes: UnsafeRawBufferPointer, to path: String, whileItHas length: Int) -> Int? {
        guard length > 0 else { return nil }
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == length, (try? writeAll(fd, bytes)) != nil else { return nil }
        // After an append, the descriptor's offset is the end of what it wrote.
        let end = lseek(fd, 0, SEEK_CUR)
        return end >= 0 ? Int(end) : nil
    }

    static func commit(_ replacement: Replacement) {
        if rename(replacement.temporary, replacement.path) != 0 { unlink(replacement.temporary) }
    }

    static func discard(_ replacement: Replacement) {
        unlink(replacement.temporary)
    }

    /// Removes a folder of ours with its marker last, so that a build killed halfway through
    /// leaves a folder the next build still recognises (and removes) as its own.
    static func removeOwned(_ folder: URL) {
        // A folder write-protected by hand (`Publisher+WriteProtection`); a link is left as it is.
        makeOwnerWritable(folder.path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let entries = names.filter { $0 != marker }
        // Two threads: most of the time goes to the kernel's unlink, which runs in parallel.
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            removeTree(folder.appendingPathComponent(entries[index]).path)
        }
        unlink(folder.appendingPathComponent(marker).path)
        rmdir(folder.path)
    }

    /// `rm -rf` with `unlinkat`, without following symlinks; several times faster than
    /// FileManager's `removeItem`, which matters for the twenty thousand names of a
    /// replaced output.
    static func removeTree(_ path: String) {
        if unlink(path) == 0 || errno == ENOENT { return }
        var fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        // A folder a hand made unreadable (`Publisher+WriteProtection`).
        if fd < 0, errno == EACCES, makeOwnerWritable(path) { fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { return }
        removeContents(fd)
        if rmdir(path) != 0 && errno == ENOTEMPTY { removeContents(fd); rmdir(path) }
        close(fd)
    }

    private static func removeContents(_ fd: Int32) {
        // Nothing in a folder a hand made read-only could be removed (`Publisher+WriteProtection`).
        makeOwnerWritable(in: fd, nil)
        guard let directory = fdopendir(dup(fd)) else { return }
        defer { closedir(directory) }
        var folders: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self)) }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) || unlinkat(fd, name, 0) != 0 { folders.append(name) }
        }
        for name in folders {
            var child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child < 0, errno == EACCES, makeOwnerWritable(in: fd, name) { child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            guard child >= 0 else { continue }
            removeContents(child)
            close(child)
            unlinkat(fd, name, AT_REMOVEDIR)
        }
    }
}
