import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The permissions every file and folder of an output has: what a build into a new folder
/// gives them (`rw-r--r--` and `rwxr-xr-x`, less what the umask takes away). A file kept from
/// an earlier output (linked, or rewritten in place) keeps its inode and with it the mode it
/// was made with, under another umask, by an intranet build or by a hand's `chmod`: it is
/// given the build's mode where it is checked anyway, so an incremental build's permissions
/// are a clean build's, as its bytes are.
struct OutputModes: Sendable {
    let file: mode_t
    let folder: mode_t

    /// The modes under the process's umask now.
    static func current() -> OutputModes {
        let mask = umask()
        return OutputModes(file: 0o644 & ~mask, folder: 0o755 & ~mask)
    }

    /// The process's umask, read without changing it where the system tells it (Linux 4.7 on):
    /// setting and restoring it would let a folder made by another thread meanwhile get the
    /// wrong mode.
    static func umask() -> mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let mask = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return mask
        }
        let mask = Glibc.umask(0o022)
        Glibc.umask(mask)
        return mask
    }

    /// Gives the entry `info` describes, at `path` in `folder` (an open descriptor; `path`
    /// nil for the folder itself), `mode` if it has another; false when that fails.
    static func ensure(_ mode: mode_t, _ info: stat, in folder: Int32, _ path: UnsafePointer<CChar>?) -> Bool {
        guard info.st_mode & 0o7777 != mode else { return true }
        guard let path else { return fchmod(folder, mode) == 0 }
        return fchmodat(folder, path, mode, 0) == 0
    }

}
