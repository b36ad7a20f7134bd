import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads input files defensively: a size limit, UTF-8 only, and no symlink that leads out
/// of the content folder. The only place the load stage touches the disk.
struct SourceFiles {
    /// Larger files are refused. Routines are a few kilobytes; 256 KiB leaves room for long
    /// ones while keeping a mistaken paste of a whole binary out of the build.
    static let sizeLimit = 256 * 1024

    /// The content folder as the user named it, used in every displayed path.
    let root: String
    /// The same folder with symlinks resolved, to tell where a link really leads.
    let resolvedRoot: String
    /// Resolves paths below `root` with one `lstat` per file (see `ResolvedPaths`).
    private let resolver: ResolvedPaths

    init(root: String) {
        self.root = root
        self.resolvedRoot = ResolvedPaths.foundationResolved(root)
        self.resolver = ResolvedPaths(root: root, resolvedRoot: resolvedRoot)
    }

    func displayPath(_ relative: String) -> String {
        relative.isEmpty ? root : (root as NSString).appendingPathComponent(relative)
    }

    func absolutePath(_ relative: String) -> String {
        (root as NSString).appendingPathComponent(relative)
    }

    /// Whether something is there, following links (as `FileManager.fileExists` does, for a
    /// fraction of its cost: a load asks this of every council folder).
    func exists(_ relative: String) -> Bool {
        var info = stat()
        return stat(absolutePath(relative), &info) == 0
    }

    /// Whether anything is there, a link that leads nowhere included.
    func isPresent(_ relative: String) -> Bool {
        var info = stat()
        return lstat(absolutePath(relative), &info) == 0
    }

    /// Why a folder that is there cannot be listed (a file in its place, a link that leads
    /// nowhere, a folder this user may not read); nil when it can be, or when nothing is
    /// there. Listed as empty, its routines would be left out of the handbooks without a word.
    func folderProblem(_ relative: String) -> Diagnostic? {
        guard isPresent(relative) else { return nil }
        if let directory = opendir(absolutePath(relative)) {
            closedir(directory)
            return nil
        }
        let reason = switch errno {
        case ENOTDIR: "det är en fil, inte en mapp"
        case ENOENT: "det är en länk till en mapp som inte finns"
        case ELOOP: "det är en länk som leder runt i en cirkel av länkar"
        default: SystemError.text(errno)
        }
        return .error(SourceLocation(file: displayPath(relative)), "mappen gick inte att läsa: \(reason)", code: "unreadable")
    }

    func isDirectory(_ relative: String) -> Bool {
        var info = stat()
        return stat(absolutePath(relative), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Names in a folder, sorted so builds are deterministic; hidden files skipped.
    func list(_ relative: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: absolutePath(relative))) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every file below a folder, as paths relative to that folder, sorted.
    func listRecursively(_ relative: String) -> [String] {
        // Foundation's enumerator lists nothing of a folder named by a link (a `templates`
        // that links to the shipped folder): it is started from where the link leads.
        let start = isSymlink(relative) ? ResolvedPaths.foundationResolved(absolutePath(relative)) : absolutePath(relative)
        guard let enumerator = FileManager.default.enumerator(atPath: start) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            // Hidden files and folders, and all below a hidden folder (`.git/`, `.thumbnails/`).
            if (path as NSString).lastPathComponent.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let full = (relative as NSString).appendingPathComponent(path)
            // The enumerator does not follow a linked folder: it is listed, so that the caller
            // reports it instead of skipping it silently (`AssetSafety.linkProblem`).
            if !isDirectory(full) || isSymlink(full) { files.append(path) }
        }
        return files.sorted()
    }

    func isSymlink(_ relative: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: absolutePath(relative))) != nil
    }

    /// Whether the file, after following symlinks, is still inside the content folder.
    func staysInside(_ relative: String) -> Bool {
        resolver.resolved(relative).isInside(resolvedRoot)
    }

    /// Whether `relative`, links followed, is inside the folder `folder` (relative too).
    func staysInside(_ relative: String, folder: String) -> Bool {
        resolver.resolved(relative).isInside(resolver.resolved(folder))
    }

    /// The text of a file, or the reason it cannot be used.
    func read(_ relative: String) -> Result<String, Diagnostic> {
        // Opened without following a link at its end: then the file is no link, and where it
        // is depends on its folders only, which are resolved once each. One path walk per file
        // instead of an `lstat` and an `open`. Anything else (a link, a file that cannot be
        // opened) is read the general way, which reports it.
        // O_NONBLOCK: a named pipe saved as `x.md` would otherwise hold the build until
        // something writes to it, that is forever; it is refused below, as no regular file.
        let descriptor = open(absolutePath(relative), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return readFollowingLinks(relative, openError: errno) }
        defer { close(descriptor) }
        let location = SourceLocation(file: displayPath(relative))
        guard resolver.resolved(relative, isPlainEntry: true).isInside(resolvedRoot) else {
            return .failure(.error(location, "filen är en länk som leder utanför mappen \(root); kopiera in filen i stället", code: "symlink-outside"))
        }
        return read(descriptor, at: location)
    }

    /// `read` for a file that is a link or could not be opened without following one
    /// (`openError` says why; a link's is ELOOP).
    private func readFollowingLinks(_ relative: String, openError: Int32) -> Result<String, Diagnostic> {
        let location = SourceLocation(file: displayPath(relative))
        guard staysInside(relative) else {
            return .failure(.error(location, "filen är en länk som leder utanför mappen \(root); kopiera in filen i stället", code: "symlink-outside"))
        }
        let descriptor = open(absolutePath(relative), O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            // A link to nothing, or links that lead round in a circle: said so, since the file
            // is there to see in a folder listing.
            let reason = switch errno {
            case ENOENT where openError == ELOOP: "filen är en länk till en fil som inte finns"
            case ELOOP: "filen är en länk som leder runt i en cirkel av länkar"
            default: "filen gick inte att läsa: \(SystemError.text(errno))"
            }
            return .failure(.error(location, reason, code: "unreadable", notes: openError == ELOOP ? ["ta bort länken, eller kopiera in filen i stället"] : []))
        }
        defer { close(descriptor) }
        return read(descriptor, at: location)
    }

    /// The text of an open file: a regular file within the size limit, whose size is known
    /// before a byte is read (a file of gigabytes, or a sparse one, is refused, not read into
    /// memory first).
    private func read(_ descriptor: Int32, at location: SourceLocation) -> Result<String, Diagnostic> {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(.error(location, "filen gick inte att läsa: \(SystemError.text(errno))", code: "unreadable"))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.error(location, "filen gick inte att läsa: \(SystemError.text(EISDIR))", code: "unreadable"))
        default:
            return .failure(.error(location, "filen gick inte att läsa: det är ingen vanlig fil (utan till exempel en namngiven pipe)", code: "unreadable",
                                   notes: ["spara texten som en vanlig fil"]))
        }
        if Int(info.st_size) > Self.sizeLimit { return .failure(tooLarge(Int(info.st_size), at: location)) }
        guard let bytes = Self.readAll(descriptor, upTo: Self.sizeLimit + 1) else {
            return .failure(.error(location, "filen gick inte att läsa: \(SystemError.text(errno))", code: "unreadable"))
        }
        return text(of: bytes, at: location)
    }

    private func tooLarge(_ size: Int, at location: SourceLocation) -> Diagnostic {
        // A routine's advice for a routine; a template or a settings file is just too large.
        .error(location, "filen är \((size + 1023) / 1024) kB; gränsen är \(Self.sizeLimit / 1024) kB", code: "file-too-large",
               notes: location.file.hasSuffix(".md") ? ["en rutin är oftast några få kB: dela upp en lång rutin, och håll bilder och inklistrade dokument utanför texten"] : [])
    }

    private func text(of bytes: [UInt8], at location: SourceLocation) -> Result<String, Diagnostic> {
        guard bytes.count <= Self.sizeLimit else { return .failure(tooLarge(bytes.count, at: location)) }
        if let text = String(validating: bytes, as: UTF8.self) {
            // A byte order mark is invisible in editors and would break the front matter marker.
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        let (line, column) = Self.firstInvalidUTF8(in: Data(bytes))
        return .failure(.error(location.at(line: line, column: column),
                               "filen är inte sparad med teckenkodningen UTF-8; spara den med UTF-8", code: "invalid-utf8"))
    }

    /// What an open file holds, up to `limit` bytes (a file that grew since its size was
    /// looked at is not read on without end), or nil when it cannot be read.
    private static func readAll(_ descriptor: Int32, upTo limit: Int) -> [UInt8]? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: min(max(Int(info.st_size), 0) + 1, limit))
        var count = 0
        while count < limit {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit - bytes.count))) }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Line and column of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        let bytes = [UInt8](data)
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column)
            }
            guard index + length <= bytes.count else { return (line, column) }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return (line, column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return (line, column)
    }
}

private extension String {
    /// Whether this resolved path is `root` or below it.
    func isInside(_ root: String) -> Bool {
        self == root || hasPrefix(root + "/")
    }
}
