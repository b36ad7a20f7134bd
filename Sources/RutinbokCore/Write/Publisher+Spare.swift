import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The spare: the output a build replaced, kept beside the new one (`.<output>.spare`) so that
/// the next build can start its staging folder from it. Its manifest (`.<output>.spare.manifest`)
/// says what each file holds, so only files that differ are written, linked or removed. A
/// staging folder made from the spare is an ordinary staging folder: if the build dies, the
/// next one removes it, and the published output is never touched until the exchange.
extension Publisher {
    static func sparePath(of output: URL) -> URL { beside(output, "spare") }
    static func spareManifestPath(of output: URL) -> URL { beside(output, "spare.manifest") }
    /// The manifest a build wrote, until `publish` puts its output and it in place.
    static func nextManifestPath(of output: URL) -> URL { beside(output, "manifest.next") }

    /// `.<output>.<suffix>` in the output's parent: where the staging folders, the spare and
    /// the caches live, all of them rutinbok's own.
    static func beside(_ output: URL, _ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
    }

    /// An output whose parent looks served by a web server: the parent holds a site's start
    /// page, or is where Debian's web servers serve from. What a build keeps beside its output
    /// would then be on the web: its caches (readable to a server running as the same user),
    /// with the routines' text, an intranet build's internal ones too.
    static func placementWarning(for output: URL) -> Diagnostic? {
        // The folder it lies in as it really is: a link to a web root is a web root (the output
        // itself, before a first build, is not there to resolve the path through).
        let parent = output.deletingLastPathComponent().resolvingSymlinksInPath()
        let startPage = ["index.html", "index.htm", "index.php"].first { FileManager.default.fileExists(atPath: parent.appendingPathComponent($0).path) }
        let webRoot = ["/var/www/", "/srv/www/", "/usr/share/nginx/"].contains { (parent.path + "/").hasPrefix($0) }
        guard startPage != nil || webRoot else { return nil }
        let why = startPage.map { "har startsidan till en webbplats (\($0))" } ?? "är där webbservrar brukar hämta sina sidor"
        return .warning(SourceLocation(file: output.path), "mappen som utdatamappen ligger i, \(parent.path), \(why); bredvid utdatamappen sparar rutinbok sina egna filer, bland dem texterna till alla rutiner, också de interna", code: "output-in-web-root",
                        notes: ["bygg i en mapp utanför webbplatsen, och kopiera sedan utdatamappen dit, som kapitel 5 i guiden visar"])
    }

    /// A folder rutinbok made: a folder itself (not a link to one) with the marker in it.
    static func isOwnFolder(_ folder: URL) -> Bool {
        var info = stat()
        return lstat(folder.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            && lstat(folder.appendingPathComponent(marker).path, &info) == 0
    }

    /// Removes the spare (only a folder of ours) and its manifest.
    static func discardSpare(of output: URL) {
        let spare = sparePath(of: output)
        if isOwnFolder(spare) { removeOwned(spare) }
        unlink(spareManifestPath(of: output).path)
    }

    /// Moves the spare to `staging` and returns what it holds; nil when there is no spare
    /// this build can use (one without a complete manifest is removed).
    static func claimSpare(of output: URL, as staging: URL) -> ManifestFile? {
        let spare = sparePath(of: output)
        guard isOwnFolder(spare) else { return nil }
        // Read and checked, not decoded: a folder is decoded only if this build asks for it.
        let spareManifest = spareManifestPath(of: output).path
        guard let manifest = ManifestFile.read(spareManifest, describing: spare) else {
            removeOwned(spare)
            unlink(spareManifest)
            return nil
        }
        // Atomic: of two builds racing for it, one gets it.
        guard rename(spare.path, staging.path) == 0 else { return nil }
        // From here on an unfinished staging folder, which no build takes for a spare, and
        // which carries no seal until this build writes its manifest.
        unlink(spareManifest)
        try? writeMarker(of: staging, [])
        removeUnlisted(in: staging, listed: manifest)
        return manifest
    }

    /// Removes what is at the top of a claimed spare but not in its manifest: a file put into
    /// the published output by hand (`robots.txt`), or an output an older version built inside
    /// it. The spare would bring it back with every other build. One folder read: deeper down,
    /// in a council's folder, such a file is not looked for (the guide says not to add any).
    static func removeUnlisted(in staging: URL, listed manifest: ManifestFile) {
        var listed: Set<String> = [marker]
        for name in manifest.folderNames {
            if name.isEmpty {
                manifest.folder("")?.outputs.keys.forEach { listed.insert($0) }
            } else {
                listed.insert(String(name.prefix { $0 != "/" }))
            }
        }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? [] where !listed.contains(entry) {
            removeTree(staging.appendingPathComponent(entry).path)
        }
    }

    /// Keeps the output just replaced as the spare, with its manifest, or removes it when it
    /// cannot serve as one. Before `placeManifest`, which takes the manifest's place.
    func keepAsSpare(_ folder: URL) {
        let spare = Self.sparePath(of: output), spareManifest = Self.spareManifestPath(of: output).path
        let manifest = Manifest.path(of: output).path
        var info = stat()
        if lstat(manifest, &info) == 0 {
            // A spare left by a build that raced this one; a folder without the marker is not ours.
            if Self.isOwnFolder(spare) { Self.removeOwned(spare) }
            // Private: served by mistake with the output's parent, it would keep the previous
            // handbooks on the web, pages removed since (a contact's number, say) among them.
            chmod(folder.path, 0o700)
            if rename(manifest, spareManifest) == 0, rename(folder.path, spare.path) == 0 { return }
        }
        Self.removeOwned(folder)
    }

    /// Puts the manifest this build wrote (if any) beside the output it describes; without
    /// one, the previous manifest, which no longer describes the output, goes.
    func placeManifest() {
        let manifest = Manifest.path(of: output).path
        if rename(Self.nextManifestPath(of: output).path, manifest) != 0 { unlink(manifest) }
    }

    /// Whether the staging folder already holds `entry` at `path`, from the spare.
    func keepsBase(_ path: String, _ entry: Manifest.Output) -> Bool {
        guard let base, base.outputs[path] == entry else { return false }
        return Self.holdsFile(stagingFolder, path, size: entry.size, mode: modes.file)
    }

    /// Removes the spare's file at `path` before something else takes its name.
    func clearBase(_ path: String) {
        if base?.outputs[path] != nil { unlinkat(stagingFolder, path, 0) }
    }

    /// Removes the spare's files this build did not make, and folders left empty by that.
    /// A folder kept whole with the spare's own block holds nothing else, and a sealed one
    /// had its leftovers removed when it was sealed (`removeLeftovers(in:keeping:)`).
    func removeLeftovers() {
        guard let base else { return }
        let (outputs, carried, sealed) = state.withLock { ($0.outputs, $0.carried, $0.sealed) }
        var folders: [String: Bool] = [:]
        for name in base.folderNames where sealed[name] == nil {
            var kept: [String: Manifest.Output] = [:]
            if let block = carried[name] {
                if let spare = base.block(name), spare.sameBytes(as: block) { continue }
                kept = block.file.folder(name)?.outputs ?? [:]
            }
            for path in (base.folder(name)?.outputs ?? [:]).keys where outputs[path] == nil && kept[path] == nil {
                removeLeftover(path, folders: &folders)
            }
        }
        removeEmpty(folders)
    }

    /// Removes the spare's files in `name` but `paths` (every file this build made there),
    /// and folders left empty by that: for a folder complete before the others are.
    func removeLeftovers(in name: String, keeping paths: [String]) {
        guard let spare = base?.folder(name), !spare.outputs.isEmpty else { return }
        let made = Set(paths)
        var folders: [String: Bool] = [:]
        for path in spare.outputs.keys where !made.contains(path) {
            removeLeftover(path, folders: &folders)
        }
        removeEmpty(folders)
    }

    /// Removes a file of the spare the new output does not have, if its folder is a real one
    /// of the staging folder. A folder of an earlier output replaced by a link (a council's
    /// folder, by someone with write access to the output) would otherwise have the files of
    /// the folder it leads to removed, once the council is gone from the content: the link
    /// itself is removed instead. A folder that is now a file of this build (a path that went
    /// from folder to file) holds nothing to remove. `folders` gathers the folders to remove
    /// if left empty, and says which were looked at.
    private func removeLeftover(_ path: String, folders: inout [String: Bool]) {
        var name = "", real = true
        for component in Self.parent(of: path).split(separator: "/") {
            if !name.isEmpty { name += "/" }
            name += component
            if let known = folders[name] {
                real = known
            } else {
                var info = stat()
                let type = lstat(stagingRoot + name, &info) == 0 ? info.st_mode & S_IFMT : 0
                if type == S_IFLNK { unlink(stagingRoot + name) }
                real = type == S_IFDIR
                folders[name] = real
            }
            if !real { break }
        }
        if real { removeStaged(path) }
    }

    /// Removes each folder if it is empty, and then its parents that are left empty.
    private func removeEmpty(_ folders: [String: Bool]) {
        for folder in folders.filter(\.value).keys.sorted(by: { $0.count > $1.count }) {
            var folder = folder
            while !folder.isEmpty, removeStaged(folder, folder: true) {
                folder = Self.parent(of: folder)
            }
        }
    }
}
