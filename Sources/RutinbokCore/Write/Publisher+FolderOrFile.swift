import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A path of the output that is a folder in one build and a file in another (a council's
/// `assets/x.css/` that became `assets/x.css`). The staging folder starts from the spare, the
/// output of two builds ago, which may still have the other kind of entry at that path.
///
/// A file of the spare where this build needs a folder is replaced by `makeStagedFolder`. A
/// folder of the spare where this build places a file made that file fail to write (`det är
/// en mapp`), one build after the change, on content that was right: the spare's folder is
/// removed here and the file written. A stale spare never fails a build.
///
/// Two files of the same build where one needs the other's path as a folder are no stale
/// spare but a build that cannot be published as it is: the later one used to replace the
/// earlier without a word (a handbook without its stylesheet) while the manifest still
/// listed both. That stops the build (`publish`).
extension Publisher {
    /// Clears the staging folder's entry at `path` for a file, when the spare left a folder
    /// there: true when it removed one (the caller then places the file again), false when
    /// there is no folder there. Throws when the folder is one this build made for its files.
    func clearSpareFolder(at path: String) throws -> Bool {
        var info = stat()
        guard fstatat(stagingFolder, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        if state.withLock({ $0.stagedFolders.contains(path) }) { throw Failure.io(Self.clash) }
        Self.removeTree(stagingRoot + path)
        return true
    }

    /// Notes a file this build staged at `path` that a folder of the same build is to take
    /// (called by `makeStagedFolder` when it finds a non-folder there).
    func noteClash(at path: String) {
        state.withLock { state in
            if state.outputs[path] != nil, state.clash == nil { state.clash = path }
        }
    }

    /// Throws when two files of this build needed the same path as a file and as a folder.
    func checkNoClash() throws {
        if let path = state.withLock({ $0.clash }) { throw Failure.io("kunde inte skriva \(output.path)/\(path): \(Self.clash)") }
    }

    /// Said after the path, as `write` names it.
    private static let clash = "bygget har två filer med den sökvägen, den ena som fil och den andra som mapp, så det går inte att publicera"
}
