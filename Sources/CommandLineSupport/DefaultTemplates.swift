import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the templates are when `--templates` is not given: `templates/` in the folder the
/// command runs in, as in a clone of the repository; else the `templates/` folder beside the
/// program, where an installation keeps it with the binaries (README, "Installing on a
/// server"). An editor can then run the commands in the folder that holds `content/` alone,
/// as the guide says, and the binary finds the templates of its own release.
///
/// A folder given with `--templates` is a theme laid over that shipped folder, file by file
/// (docs/themes.md, "Starting a theme"): the shipped folder is found the same way.
public enum DefaultTemplates {
    public static let name = "templates"

    /// The folders a build reads its templates from.
    public struct Lookup: Equatable, Sendable {
        /// The theme's folder: the one given, else the shipped one (or `templates`, which is
        /// then missing).
        public var folder: String
        /// The folders looked in for the shipped templates (absolute), which a build names
        /// when none of them holds templates; empty when a folder was given.
        public var lookedIn: [String]
        /// The shipped templates that `folder` overlays: nil when no folder was given, when
        /// the one given is the shipped folder, or when no shipped folder was found.
        public var shipped: String?
    }

    public static func lookup(given: String?, programFolder: URL? = ProgramFolder.url) -> Lookup {
        let (found, lookedIn) = shippedFolder(programFolder: programFolder)
        guard let given else { return Lookup(folder: found ?? name, lookedIn: lookedIn, shipped: nil) }
        guard let found, !isSameFolder(given, found) else { return Lookup(folder: given, lookedIn: [], shipped: nil) }
        return Lookup(folder: given, lookedIn: [], shipped: found)
    }

    /// The shipped templates folder, if any, and where it was looked for.
    private static func shippedFolder(programFolder: URL?) -> (String?, [String]) {
        let here = URL(fileURLWithPath: name).standardizedFileURL.path
        if isFolder(name) { return (name, [here]) }
        guard let beside = programFolder?.appendingPathComponent(name).standardizedFileURL.path else { return (nil, [here]) }
        return (isFolder(beside) ? beside : nil, [here, beside])
    }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Whether two paths lead to one folder, links followed (`--templates ./templates/`, or
    /// the installation's folder by its absolute path, are the shipped folder itself).
    private static func isSameFolder(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}

/// The folder of the running program, whatever link started it: where an installation keeps
/// `rutinbok-serve` and `templates/` beside `rutinbok`.
public enum ProgramFolder {
    public static var url: URL {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
