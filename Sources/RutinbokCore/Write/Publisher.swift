import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CAtomicSwap
import Synchronization

/// The write stage, and the only code that touches the output folder. A build writes into a
/// staging folder beside the output and swaps it in only when everything succeeded, so a
/// failed or interrupted build leaves the published output exactly as it was.
///
/// The output it replaces is not deleted but kept beside it as the *spare* (`.<output>.spare`,
/// with its manifest). The next build starts its staging folder from the spare and changes
/// only the files that differ, instead of creating every name anew and deleting every old
/// one: a build that changes a few pages then touches a few files (see `Publisher+Spare`).
public final class Publisher: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case refused(String)
        case io(String)
        public var description: String {
            switch self {
            case .refused(let message), .io(let message): message
            }
        }
    }

    /// Marks a folder as rutinbok's output, so a build never replaces a folder it did not make.
    /// It holds the checksum of the manifest that describes the folder (`Manifest.seal(of:)`)
    /// and then a line with the kind of build that made it (`OutputKind`; none from a version
    /// before 0.17, whose kind `OutputKind.of` finds in the output).
    public static let marker = ".rutinbok-output"
    /// The marker holds a seal and a line or two: one larger is not rutinbok's, and is not read.
    static let markerLimit = 64 * 1024

    /// Whether an output holds the public handbooks or the intranet's (`--internal`).
    enum OutputKind: String {
        case `public`, `internal`
        init(internal isInternal: Bool) { self = isInternal ? .internal : .public }

        /// What the marker in `folder` says; nil when the folder has none. An older version's
        /// marker says nothing: then the portal's start page tells, since an intranet build
        /// asks search engines not to index it (a theme that does not is taken for public).
        static func of(_ folder: URL) -> OutputKind? {
            guard let data = try? Publisher.readFile(folder.appendingPathComponent(marker).path, atMost: markerLimit) else { return nil }
            if let kind = String(decoding: data, as: UTF8.self).split(separator: "\n").last.flatMap({ OutputKind(rawValue: String($0)) }) {
                return kind
            }
            let start = Publisher.readPart(folder.appendingPathComponent("index.html").path, count: 8192) ?? []
            return String(decoding: start, as: UTF8.self).contains("<meta name=\"robots\" content=\"noindex") ? .internal : .public
        }

        /// Its line in the marker.
        var line: [UInt8] { Array("\(rawValue)\n".utf8) }
    }

    /// What kind of output this build makes.
    let kind: OutputKind
    /// The permissions of the output's files and folders, under the umask the build started with.
    let modes = OutputModes.current()

    public let output: URL
    let staging: URL
    /// `staging` as a path ending in "/": a file's path is one concatenation away, where
    /// URL's path methods would cost more than placing many a page.
    let stagingRoot: String
    /// Open descriptors of the two folders, for looking names up relative to them (the
    /// kernel then walks a short relative path, not the whole path for each of 20,000
    /// files); -1 when the output does not exist yet.
    let outputFolder: Int32
    let stagingFolder: Int32
    /// An open descriptor of the staging folder's marker, holding an exclusive `flock` for as
    /// long as this build runs. The kernel drops the lock when the process dies, even by
    /// SIGKILL, so a marker nobody holds means a dead build: safer than a pid, which is reused.
    let lock: Int32
    /// The manifest of the output being replaced, whose files may be linked instead of written.
    let previous: ManifestFile?
    /// What the staging folder held when this build took it over (the spare's manifest); nil
    /// when it started empty.
    let base: ManifestFile?

    struct State {
        /// Files staged one by one (written, linked or kept), outside the carried folders.
        var outputs: [String: Manifest.Output] = [:]
        /// The bounds of the items of staged files made with them (`Manifest.items`).
        var items: [String: [Int]] = [:]
        /// Folders kept whole: exactly the previous manifest's block, files and pages.
        var carried: [String: ManifestFile.Block] = [:]
        /// Folders whose block was formatted as soon as they were complete (`seal`).
        var sealed: [String: Manifest.SealedFolder] = [:]
        /// Page fingerprints of the previous manifest that still hold (a council that was to
        /// be kept whole but had to be rendered).
        var pages: [String: UInt64] = [:]
        /// Folders of the staging folder made, or found and mended, by `makeStagedFolder`.
        var stagedFolders: Set<String> = []
        /// Folders of the published output found to be folders (true) or links (false).
        var outputFolders: [String: Bool] = [:]
        /// A path two files of this build need, as a file and as a folder (`noteClash`).
        var clash: String?
        /// Copied source → its first staged copy.
        var copies: [String: (path: String, entry: Manifest.Output)] = [:]
        var linked = 0
        /// Files staged with bytes the published output does not have at that path.
        var changed = 0
        /// Of those, files at a path the published output does not have at all.
        var added = 0
    }
    let state = Mutex(State())

    /// Checks that `output` may be replaced and prepares an empty staging folder beside it.
    /// `protected` are folders the output may neither be nor contain (content, templates).
    /// `internal`: the output is the intranet's (`--internal`).
    public convenience init(output path: String, protected: [String], internal isInternal: Bool = false) throws {
        try self.init(output: path, protected: protected, internal: isInternal, previous: nil)
    }

    init(output path: String, protected: [String], internal isInternal: Bool = false, previous: ManifestFile?) throws {
        self.previous = previous
        kind = OutputKind(internal: isInternal)
        let output = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        self.output = output
        try Self.checkSafe(output, protected: protected, internal: isInternal)
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).staging-"
        Self.removeStale(besides: output)
        staging = parent.appendingPathComponent("\(prefix)\(getpid())")
        // The spare is trusted only beside an output this build replaces and a manifest that
        // describes it. With either deleted (the way to rebuild from scratch) it goes too: a
        // file edited by hand, or added, in an earlier output must not come back from it.
        if previous == nil { Self.discardSpare(of: output) }
        var claimed = previous != nil ? Self.claimSpare(of: output, as: staging) : nil
        // A spare this build cannot write into, even with the permission it gives itself
        // (another user's files): it starts from an empty folder instead. A stale spare never
        // fails a build.
        if claimed != nil, (try? Self.writeMarker(of: staging, kind.line, mode: modes.file)) == nil {
            Self.removeOwned(staging)
            claimed = nil
        }
        base = claimed
        if claimed == nil {
            // With the system's calls, whose reason (a folder of another user) is told in Swedish.
            Self.makeFolder(parent.path)
            // Private until it is published: a web server that serves the output's parent by
            // mistake must not serve a half-built output, nor the spare it becomes later.
            guard mkdir(staging.path, 0o700) == 0 else { throw Failure.io("kunde inte förbereda arbetsmappen \(staging.path): \(SystemError.text(errno))") }
            let marker = open(staging.appendingPathComponent(Self.marker).path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard marker >= 0 else {
                let reason = SystemError.text(errno)
                rmdir(staging.path)
                throw Failure.io("kunde inte förbereda arbetsmappen \(staging.path): \(reason)")
            }
            close(marker)
        }
        stagingRoot = staging.path + "/"
        outputFolder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        stagingFolder = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        lock = open(staging.appendingPathComponent(Self.marker).path, O_RDONLY)
        if lock >= 0 { _ = flock(lock, LOCK_EX | LOCK_NB) }
        // The marker says what kind of build this is (the spare's may say another) until the
        // manifest's seal goes before it (`writeManifest`). A build that fails here has no
        // publisher to discard its staging folder: it removes the folder itself.
        do {
            try Self.writeMarker(of: staging, kind.line, mode: modes.file)
        } catch {
            Self.removeOwned(staging)
            throw error
        }
    }

    deinit {
        for descriptor in [lock, outputFolder, stagingFolder] where descriptor >= 0 { close(descriptor) }
    }

    static func checkSafe(_ output: URL, protected: [String], internal isInternal: Bool = false) throws {
        let path = output.path
        if path == "/" || path.isEmpty { throw Failure.refused("'/' kan inte vara utdatamapp") }
        // Inside another output, this one would be published with it (internal routines with
        // public ones, say), and removed by its next build.
        var folder = output.deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            var info = stat()
            if lstat(folder.appendingPathComponent(marker).path, &info) == 0 {
                throw Failure.refused("\(path) kan inte vara utdatamapp: den ligger i \(folder.path), som rutinbok har byggt och som publiceras som den är; välj en mapp bredvid den")
            }
            folder = folder.deletingLastPathComponent()
        }
        // The public handbooks' folder is what a web server publishes: an intranet build there
        // would publish the internal routines.
        if isInternal, OutputKind.of(output) == .public {
            throw Failure.refused("\(path) har den offentliga versionen; med --internal skulle de interna rutinerna hamna där. Välj en annan --output (utan --output blir det \(Build.Options.defaultOutput(forIntranet: true))/), eller ta bort \(path) först om det är meningen")
        }
        if path == FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path {
            throw Failure.refused("hemmappen \(path) kan inte vara utdatamapp; välj en annan --output")
        }
        for folder in protected {
            let other = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            if path == other || other.hasPrefix(path + "/") {
                throw Failure.refused("\(path) kan inte vara utdatamapp: \(folder) skulle skrivas över")
            }
            // Inside content/ or templates/ the next build would read its own output as input.
            if path.hasPrefix(other + "/") {
                throw Failure.refused("\(path) kan inte vara utdatamapp: den ligger i \(folder)")
            }
        }
        if FileManager.default.fileExists(atPath: output.appendingPathComponent("Package.swift").path)
            || FileManager.default.fileExists(atPath: output.appendingPathComponent(".git").path) {
            throw Failure.refused("\(path) kan inte vara utdatamapp: den har Package.swift eller .git, som ett kodförråd")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure.refused("\(path) kan inte vara utdatamapp: det är en fil") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty, !entries.contains(marker) {
                throw Failure.refused("\(path) kan inte vara utdatamapp: mappen är inte tom och gjordes inte av rutinbok; välj en annan --output")
            }
        }
    }

    /// Removes what killed builds left beside `output` (staging folders, temporary copies of
    /// caches) and makes the files kept there private: by every build that writes, a no-op one
    /// (which creates no publisher) too.
    static func removeStale(besides output: URL) {
        let parent = output.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        removeStale(names, in: parent, prefix: ".\(output.lastPathComponent).staging-")
        tidyFiles(names, besides: output)
    }

    /// Where `publish` moves the previous output aside when the system has no atomic exchange.
    static func asidePath(of output: URL, pid: Int32) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(pid)")
    }

    /// A build killed between the two renames of `publish`'s fallback left the previous output
    /// moved aside, and no output in its place: it is put back, so that what was published is
    /// there again. Beside an output that was put in place, it is removed. Only a folder of
    /// ours (with the marker) whose build is gone; run under the output's lock, before anything
    /// reads the output.
    static func restoreInterrupted(besides output: URL) {
        let parent = output.deletingLastPathComponent(), prefix = ".\(output.lastPathComponent).previous-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), isGone(pid) else { continue }
            let aside = parent.appendingPathComponent(name)
            guard isOwnFolder(aside) else { continue }
            var info = stat()
            if lstat(output.path, &info) != 0, errno == ENOENT, rename(aside.path, output.path) == 0 { continue }
            removeOwned(aside)
        }
    }

    /// Whether the build that named a file beside the output by its process number is gone: no
    /// process has the number, and it is not this one.
    private static func isGone(_ pid: Int32) -> Bool {
        pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// The files rutinbok keeps beside the output (`.<output>.<name>`).
    static let filesBeside = ["manifest", "manifest.next", "spare.manifest", "cache", "cache.index", "councils", "loaded", "frames", "lock"]
    /// Those replaced through a copy under a temporary name, `.<output>.<name>.<pid>` (`prepareReplacement`).
    static let replacedBeside: Set<String> = ["cache", "cache.index", "councils", "loaded", "frames"]

    /// A killed build's temporary copy of a cache is removed once no process has its number,
    /// and a file an older version left readable by others is made private.
    private static func tidyFiles(_ names: [String], besides output: URL) {
        var info = stat()
        for name in filesBeside {
            let path = beside(output, name).path
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_mode & 0o077 != 0 { chmod(path, privateMode) }
        }
        let parent = output.deletingLastPathComponent(), prefix = ".\(output.lastPathComponent)."
        for entry in names where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dot = rest.lastIndex(of: "."), replacedBeside.contains(String(rest[..<dot])),
                  let pid = Int32(rest[rest.index(after: dot)...]), isGone(pid) else { continue }
            let path = parent.appendingPathComponent(entry).path
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(path) }
        }
    }

    /// Staging folders left by killed builds, among `names` (the entries of `parent`). Only ours
    /// are removed: named `.<output>.staging-<pid>`, carrying the marker, and with no live build
    /// holding the marker's lock.
    private static func removeStale(_ names: [String], in parent: URL, prefix: String) {
        for name in names where name.hasPrefix(prefix) && Int32(name.dropFirst(prefix.count)) != nil {
            let folder = parent.appendingPathComponent(name)
            let descriptor = open(folder.appendingPathComponent(marker).path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
            guard descriptor >= 0 else {
                // Killed between creating the folder and writing the marker, or while removing it.
                if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true { rmdir(folder.path) }
                continue
            }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            removeOwned(folder)
        }
    }

    /// Writes files into the staging folder. Safe to call from several tasks at once for different files.
    /// A file whose bytes equal the previous output's file at the same path becomes a hard
    /// link to it, and a copied asset already staged in this build becomes a link to that
    /// copy: the file system then allocates no inode and writes no data for it.
    public func write(_ files: [OutputFile]) throws {
        var created: Set<String> = []
        for file in files {
            if let problem = OutputPath.problem(with: file.path) {
                throw Failure.refused("'\(file.path)' skrivs inte: sökvägen \(problem)")
            }
            let target = stagingRoot + file.path
            let folder = Self.parent(of: file.path)
            if created.insert(folder).inserted { makeStagedFolder(folder) }
            do {
                if let bounds = file.items { state.withLock { $0.items[file.path] = bounds } }
                switch file.contents {
                case .text(let text):
                    var text = text
                    try text.withUTF8 { try place(file.path, target, UnsafeRawBufferPointer($0), source: nil) }
                case .bytes(let bytes):
                    try bytes.withUnsafeBytes { try place(file.path, target, $0, source: nil) }
                case .copy(let source):
                    // A theme's asset goes into every handbook: its source is read once per
                    // build, and the other copies are links to the first.
                    if let staged = state.withLock({ $0.copies[source] }), placeStaged(file.path, target, staged) { continue }
                    let bytes = try Self.readFile(source)
                    try bytes.withUnsafeBytes { try place(file.path, target, $0, source: source) }
                }
            } catch {
                throw Failure.io("kunde inte skriva \(output.path)/\(file.path): \(error)")
            }
        }
    }

    private func place(_ path: String, _ target: String, _ bytes: UnsafeRawBufferPointer, source: String?) throws {
        let entry = Manifest.Output(hash: LaneHash.of(bytes), size: Int64(bytes.count))
        defer { record(path, entry) }
        if keep(path, target, entry) { return }
        if let source, let staged = state.withLock({ $0.copies[source] }), staged.1 == entry, linkStaged(path, target, staged.0) { return }
        do {
            try Self.writeFile(target, bytes, keeping: modes.file)
        } catch {
            // A folder the spare has at this path (`Publisher+FolderOrFile`).
            guard try clearSpareFolder(at: path) else { throw error }
            try Self.writeFile(target, bytes, keeping: modes.file)
        }
        if let source { state.withLock { if $0.copies[source] == nil { $0.copies[source] = (target, entry) } } }
    }

    /// A copied asset whose source this build has staged already, placed without reading the
    /// source again: kept from an earlier output, or linked to the staged copy. False when
    /// neither could be done; nothing is recorded then, and the caller places it from its source.
    private func placeStaged(_ path: String, _ target: String, _ staged: (path: String, entry: Manifest.Output)) -> Bool {
        guard keep(path, target, staged.entry) || linkStaged(path, target, staged.path) else { return false }
        record(path, staged.entry)
        return true
    }

    /// Keeps the spare's file at `path`, or links the published output's, when it holds these
    /// bytes. Compared with the published output, not the spare: a spare two builds old may
    /// already hold the bytes of an edit undone since.
    private func keep(_ path: String, _ target: String, _ entry: Manifest.Output) -> Bool {
        let published = previous?.outputs[path] == entry
        guard keepsBase(path, entry) || (published && linkPrevious(path, target, entry)) else { return false }
        state.withLock { $0.linked += 1 }
        return true
    }

    private func linkStaged(_ path: String, _ target: String, _ staged: String) -> Bool {
        clearBase(path)
        return link(staged, target) == 0
    }

    /// What the manifest says of the file at `path`, and whether it is new or changed.
    private func record(_ path: String, _ entry: Manifest.Output) {
        let before = previous?.outputs[path]
        let published = before == entry, added = previous != nil && before == nil
        state.withLock { $0.outputs[path] = entry; if !published { $0.changed += 1 }; if added { $0.added += 1 } }
    }

    /// Puts the staged output in place: one atomic exchange where the system has it.
    public func publish() throws {
        try checkNoClash()
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path) {
            makePublic(staging)
            guard rename(staging.path, output.path) == 0 else { throw Failure.io("kunde inte flytta den nya utdatamappen på plats: \(SystemError.text(errno))") }
            placeManifest()
            return
        }
        removeLeftovers()
        makePublic(staging)
        if rutinbok_exchange_paths(staging.path, output.path) == 0 {
            keepAsSpare(staging)  // now holds the previous output
            placeManifest()
            return
        }
        // Not atomic: a build killed between the two renames leaves no output, until the next
        // build puts the previous one back (`restoreInterrupted`).
        let previous = Self.asidePath(of: output, pid: getpid())
        guard rename(output.path, previous.path) == 0 else {
            // A mount point cannot be exchanged or moved: publishing into it needs a folder in it.
            if errno == EBUSY {
                throw Failure.io("kunde inte byta ut \(output.path): \(SystemError.text(EBUSY)); töm den och bygg i en mapp i den i stället, till exempel --output \(output.appendingPathComponent("handbok").path)")
            }
            throw Failure.io(Self.notReplaceable(output, errno))
        }
        guard rename(staging.path, output.path) == 0 else {
            _ = rename(previous.path, output.path)
            throw Failure.io("kunde inte flytta den nya utdatamappen på plats: \(SystemError.text(errno))")
        }
        keepAsSpare(previous)
        placeManifest()
    }

    /// Why the published output could not be moved aside, plainly: a write-protected or
    /// locked output (another user's in a folder where only owners may rename, or
    /// `chattr +i`) is told as such, and that it was left as it was.
    static func notReplaceable(_ output: URL, _ code: Int32) -> String {
        guard code == EACCES || code == EPERM else { return "kunde inte flytta undan den gamla utdatamappen: \(SystemError.text(code))" }
        return "den publicerade utdatamappen \(output.path) går inte att byta ut: den är skyddad mot ändringar (den tillhör kanske en annan användare, eller är låst); den är kvar som den var. Bygg som den användare som äger den, ta bort skyddet, eller välj en annan --output"
    }

    /// The staged folder takes the published output's permissions (`rwxr-xr-x` for a first
    /// build, less what the umask takes away) just before it is put in place.
    /// A folder in it has the build's (`OutputModes`), which a user's `chmod` does not outlast.
    private func makePublic(_ folder: URL) {
        var info = stat()
        // Never less than a new folder's reading and entering: a public build's folder is
        // readable whatever an earlier build under another umask (an intranet's) left.
        let mode = stat(output.path, &info) == 0 ? info.st_mode & 0o7777 | modes.folder & 0o555 : modes.folder
        chmod(folder.path, mode)
    }

    /// Drops the staging folder after a failed build, and the manifest it may have written.
    public func discard() {
        Self.removeOwned(staging)
        unlink(Self.nextManifestPath(of: output).path)
    }

    /// Writes the marker of a folder of rutinbok's: its kind alone while it is staged, then
    /// the seal of its manifest and its kind. In place, not replaced: the marker's inode
    /// carries the lock that tells a build is alive. `mode`: the one it is given if it has
    /// another (the spare's, written again, has the mode an earlier build gave it).
    static func writeMarker(of folder: URL, _ bytes: [UInt8], mode: mode_t? = nil) throws {
        let path = folder.appendingPathComponent(marker).path
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        // The spare's marker, write-protected by hand with the output it was (`Publisher+WriteProtection`).
        if descriptor < 0, errno == EACCES, makeOwnerWritable(path) { descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard descriptor >= 0 else { throw Failure.io("kunde inte skriva \(folder.path)/\(marker): \(SystemError.text(errno))") }
        defer { close(descriptor) }
        var info = stat()
        if let mode, fstat(descriptor, &info) == 0 { _ = OutputModes.ensure(mode, info, in: descriptor, nil) }
        guard bytes.withUnsafeBytes({ Glibc.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw Failure.io("kunde inte skriva \(folder.path)/\(marker): \(SystemError.text(errno))")
        }
    }
}
