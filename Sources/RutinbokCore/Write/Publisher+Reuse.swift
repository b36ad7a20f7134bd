import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An incremental build keeps what did not change: files of the previous output are
/// hard-linked into the staging folder instead of being rendered and written again.
extension Publisher {
    /// Links every file the previous build wrote under `folder` into the staging folder, for a
    /// council whose inputs did not change. False (and nothing left behind) when any is missing.
    public func reuse(folder: String) -> Int? {
        guard let files = previousByFolder[folder], !files.isEmpty else { return nil }
        var done: [String] = []
        var folders: Set<String> = []
        for (path, entry) in files {
            guard linkPrevious(path, entry, folders: &folders) else {
                for path in done { unlink(stagingRoot + path) }
                return nil
            }
            done.append(path)
        }
        state.withLock {
            for (path, entry) in files { $0.outputs[path] = entry }
            $0.linked += files.count
        }
        return files.count
    }

    /// Links single files of the previous output (portal pages whose inputs did not change);
    /// returns those it could link. The others must be rendered.
    public func reuse(files paths: Set<String>) -> Set<String> {
        guard let previous else { return [] }
        var linked: Set<String> = []
        var folders: Set<String> = []
        for path in paths.sorted() {
            guard let entry = previous.outputs[path], linkPrevious(path, entry, folders: &folders) else { continue }
            linked.insert(path)
            state.withLock { $0.outputs[path] = entry }
        }
        state.withLock { $0.linked += linked.count }
        return linked
    }

    /// Files linked from the previous output rather than written.
    public var linkedCount: Int { state.withLock { $0.linked } }

    /// Writes the manifest of what is staged; the last file before the exchange.
    func writeManifest(_ manifest: Manifest) throws {
        var manifest = manifest
        manifest.outputs = state.withLock { $0.outputs }
        var text = manifest.serialized()
        do {
            try text.withUTF8 { try Self.writeFile(staging.appendingPathComponent(Manifest.fileName).path, UnsafeRawBufferPointer($0)) }
        } catch {
            throw Failure.io("could not write \(output.path)/\(Manifest.fileName): \(error)")
        }
    }

    /// Hard-links the previous output's file at `path` into the staging folder, if it is still
    /// there with the size the manifest recorded.
    private func linkPrevious(_ path: String, _ entry: Manifest.Output, folders: inout Set<String>) -> Bool {
        let target = stagingRoot + path
        let parent = Self.parent(of: target)
        if folders.insert(parent).inserted {
            Self.makeFolder(parent)
        }
        if keepsBase(path, entry) { return true }
        var info = stat()
        return fstatat(outputFolder, path, &info, AT_SYMLINK_NOFOLLOW) == 0 && Int64(info.st_size) == entry.size
            && linkPrevious(path, target)
    }

    /// Hard-links the previous output's file at `path` to `target`, replacing what the
    /// staging folder had there.
    func linkPrevious(_ path: String, _ target: String) -> Bool {
        clearBase(path)
        return linkat(outputFolder, path, stagingFolder, path, 0) == 0
    }
}
