import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An incremental build keeps what did not change: files of the previous output are
/// hard-linked into the staging folder instead of being rendered and written again.
extension Publisher {
    /// Keeps every file the previous build wrote under `folder`, for a council whose inputs
    /// did not change; nil (and nothing left behind) when any is missing. The folder's block
    /// of the previous manifest then goes into the next one as it is.
    ///
    /// When the spare's manifest has the same block, the staging folder already holds that
    /// folder exactly as the output does: each file is only checked (there, a regular file of
    /// the recorded size: what `keepsBase` checks), straight from the manifest's bytes. Any
    /// file that fails the check sends the folder through the file-by-file way.
    public func reuse(folder: String) -> Int? {
        guard let previous, let block = previous.block(folder), block.outputCount > 0 else { return nil }
        if let spare = base?.block(folder), spare.sameBytes(as: block), !folder.isEmpty {
            // The folder and those it lies in (`andringar` of `andringar/nyby`) as a build makes
            // them; a link in its place becomes an empty folder, whose files are then missing.
            makeStagedFolder(folder)
            // Looked up relative to the folder itself: one name for the kernel to find, not two.
            let descriptor = openat(stagingFolder, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            // The folders inside it too, each when the first file in it is checked (`a` of
            // `a/b.css` and `a/c.svg`), compared as bytes: no string made for every file.
            var last: [CChar] = []
            let complete = descriptor >= 0 && previous.forEachOutput(in: folder, relative: true) { path, size in
                if let slash = strrchr(path, Int32(UInt8(ascii: "/"))) {
                    let count = path.distance(to: UnsafePointer(slash))
                    if count != last.count || memcmp(path, last, count) != 0 {
                        last = Array(UnsafeBufferPointer(start: path, count: count))
                        makeStagedFolder(folder + "/" + String(decoding: last.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                    }
                }
                return Self.holdsFile(descriptor, path, size: size, mode: modes.file)
            }
            if descriptor >= 0 { close(descriptor) }
            if complete {
                state.withLock {
                    $0.carried[folder] = block
                    $0.linked += block.outputCount
                }
                return block.outputCount
            }
        }
        guard let files = previous.folder(folder), files.outputs.count == block.outputCount else { return nil }
        var done: [String] = []
        var folders: Set<String> = []
        for (path, entry) in files.outputs {
            guard linkPrevious(path, entry, folders: &folders) else {
                for path in done { unlink(stagingRoot + path) }
                // Rendered after all: its pages keep their fingerprints (its inputs did not change).
                state.withLock { $0.pages.merge(files.pages) { _, new in new } }
                return nil
            }
            done.append(path)
        }
        state.withLock {
            $0.carried[folder] = block
            $0.linked += files.outputs.count
        }
        return files.outputs.count
    }

    /// Links single files of the previous output (the pages of a changed council whose inputs
    /// did not change); returns those it could link. The others must be rendered.
    ///
    /// Folder by folder: each folder's entries in both manifests are looked up once, and a file
    /// the spare already holds is checked by its name in its folder.
    public func reuse(files paths: Set<String>) -> Set<String> {
        guard let previous else { return [] }
        var linked: [(String, Manifest.Output)] = []
        var folders: Set<String> = []
        let byFolder = Dictionary(grouping: paths) { Manifest.split($0).folder }
        for (name, paths) in byFolder.sorted(by: { $0.key < $1.key }) {
            guard let files = previous.folder(name) else { continue }
            // Made, or given the folder mode, before its files are looked up in it.
            makeStagedFolder(name)
            let spare = base?.folder(name)
            let skip = name.isEmpty ? 0 : name.utf8.count + 1
            let folder = spare == nil || name.isEmpty ? -1 : openat(stagingFolder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            defer { if folder >= 0 { close(folder) } }
            for path in paths.sorted() {
                guard let entry = files.outputs[path] else { continue }
                let target = stagingRoot + path
                // Its folder made (a link in its place replaced) before anything is looked up in it.
                let parent = Self.parent(of: path)
                if folders.insert(parent).inserted { makeStagedFolder(parent) }
                // What `keepsBase` checks, relative to the folder.
                if let spare, spare.outputs[path] == entry,
                   folder >= 0 ? Self.holdsFile(folder, String(path.utf8.dropFirst(skip))!, size: entry.size, mode: modes.file)
                               : Self.holdsFile(stagingFolder, path, size: entry.size, mode: modes.file) {
                    linked.append((path, entry))
                    continue
                }
                guard linkPrevious(path, target, entry) else { continue }
                linked.append((path, entry))
            }
        }
        state.withLock {
            for (path, entry) in linked { $0.outputs[path] = entry }
            $0.linked += linked.count
        }
        return Set(linked.map(\.0))
    }

    /// The previous output's file at `path` with the bounds of its items, for a build that
    /// replaces some of them (`SegmentedFile`); nil unless the previous manifest recorded
    /// bounds for it and the file still holds exactly the bytes recorded (size and hash: a
    /// file edited by hand is made anew).
    func previousSegmented(_ path: String) -> SegmentedFile? {
        guard let previous, let folder = previous.folder(Manifest.split(path).folder),
              let entry = folder.outputs[path], let bounds = folder.items[path] else { return nil }
        let descriptor = openat(outputFolder, path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // Read, not mapped: unmapping thousands of files in a build with many threads cost
        // more than copying them (measured).
        guard let bytes = Self.readFile(descriptor, atMost: Int(entry.size)), Int64(bytes.count) == entry.size,
              bytes.withUnsafeBytes({ LaneHash.of($0) }) == entry.hash else { return nil }
        return SegmentedFile(bytes: bytes, bounds: bounds)
    }

    /// Files linked from the previous output rather than written.
    public var linkedCount: Int { state.withLock { $0.linked } }

    /// Files new or changed against the published output (the spare may have held some).
    public var changedCount: Int { state.withLock { $0.changed } }

    /// Files at paths the published output did not have (0 without a previous manifest).
    public var addedCount: Int { state.withLock { $0.added } }

    /// Formats the manifest block of a folder whose files are all staged (`paths`: every file
    /// in it), with its pages' fingerprints, while the other folders are still being made:
    /// the manifest then copies it instead of grouping and formatting its entries at the end.
    /// The spare's files it no longer holds are removed now too, not all at the end.
    public func seal(folder: String, paths: [String], pages: [(String, UInt64)]) {
        removeLeftovers(in: folder, keeping: paths)
        let (outputs, items) = state.withLock { state -> ([(String, Manifest.Output)], [(String, [Int])]) in
            (paths.compactMap { path in state.outputs.removeValue(forKey: path).map { (path, $0) } },
             paths.compactMap { path in state.items.removeValue(forKey: path).map { (path, $0) } })
        }
        let sealed = Manifest.SealedFolder(folder, Manifest.Folder(pages: pages, outputs: outputs, items: items))
        state.withLock { $0.sealed[folder] = sealed }
    }

    /// Writes the manifest of what is staged, beside the output as `.<output>.manifest.next`
    /// until `publish` puts it in place, and seals the staging folder with it (its marker
    /// holds the manifest's checksum, then the kind of output). Folders kept whole are copied
    /// from the previous manifest's bytes, sealed ones from their blocks.
    func writeManifest(_ manifest: Manifest) throws {
        var manifest = manifest
        let (outputs, items, carried, pages, sealed) = state.withLock { ($0.outputs, $0.items, $0.carried, $0.pages, $0.sealed) }
        manifest.outputs = outputs
        manifest.items = items
        manifest.pages.merge(pages) { current, _ in current }
        let bytes = manifest.serializedBytes(carrying: carried, sealed: sealed)
        let next = Self.nextManifestPath(of: output).path
        do {
            try bytes.withUnsafeBytes { try Self.writeFile(next, $0, mode: Self.privateMode) }
            try Self.writeMarker(of: staging, (Manifest.seal(of: bytes) ?? []) + kind.line, mode: modes.file)
        } catch {
            throw Failure.io("kunde inte skriva \(next): \(error)")
        }
    }

    /// Hard-links the previous output's file at `path` into the staging folder, if it is still
    /// there with the size the manifest recorded.
    private func linkPrevious(_ path: String, _ entry: Manifest.Output, folders: inout Set<String>) -> Bool {
        let target = stagingRoot + path
        let parent = Self.parent(of: path)
        if folders.insert(parent).inserted { makeStagedFolder(parent) }
        if keepsBase(path, entry) { return true }
        return linkPrevious(path, target, entry)
    }

    /// Hard-links the previous output's file at `path` to `target`, replacing what the
    /// staging folder had there, if that file is still there with the size the manifest
    /// recorded (a file changed by hand to another size is not taken).
    func linkPrevious(_ path: String, _ target: String, _ entry: Manifest.Output) -> Bool {
        guard isFolderOfOutput(Self.parent(of: path)), Self.holdsFile(outputFolder, path, size: entry.size, mode: modes.file) else { return false }
        clearBase(path)
        if linkat(outputFolder, path, stagingFolder, path, 0) == 0 { return true }
        // A folder the spare has at this path (`Publisher+FolderOrFile`).
        return errno == EEXIST && (try? clearSpareFolder(at: path)) == true && linkat(outputFolder, path, stagingFolder, path, 0) == 0
    }

    /// Whether `folder` of the published output (relative to it) is a folder all the way, no
    /// link on the way: a file found through a link someone put there lies outside the output,
    /// and is neither linked into the next one nor given its mode. Remembered for the build.
    private func isFolderOfOutput(_ folder: String) -> Bool {
        if folder.isEmpty { return true }
        if let known = state.withLock({ $0.outputFolders[folder] }) { return known }
        var info = stat()
        let real = isFolderOfOutput(Self.parent(of: folder))
            && fstatat(outputFolder, folder, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        state.withLock { $0.outputFolders[folder] = real }
        return real
    }

    /// Whether `folder` (an open descriptor) holds a regular file at `path` of `size` bytes:
    /// how a file kept or linked from an earlier output is checked. It is given `mode` if it
    /// has another (`OutputModes`).
    static func holdsFile(_ folder: Int32, _ path: UnsafePointer<CChar>, size: Int64, mode: mode_t) -> Bool {
        var info = stat()
        return fstatat(folder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            && Int64(info.st_size) == size && OutputModes.ensure(mode, info, in: folder, path)
    }

}
