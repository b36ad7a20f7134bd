import Foundation

/// Where the templates are when `--templates` is not given: `templates/` in the folder the
/// command runs in, as in a clone of the repository; else the `templates/` folder beside the
/// program, where an installation keeps it with the binaries (README, "Installing on a
/// server"). An editor can then run the commands in the folder that holds `content/` alone,
/// as the guide says, and the binary finds the templates of its own release.
public enum DefaultTemplates {
    public static let name = "templates"

    /// The templates folder, and the folders looked in for it (absolute), which a build names
    /// when none of them holds templates.
    public static func lookup(given: String?, programFolder: URL? = ProgramFolder.url) -> (folder: String, lookedIn: [String]) {
        if let given { return (given, []) }
        let here = URL(fileURLWithPath: name).standardizedFileURL.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue { return (name, [here]) }
        guard let beside = programFolder?.appendingPathComponent(name).standardizedFileURL.path else { return (name, [here]) }
        if FileManager.default.fileExists(atPath: beside, isDirectory: &isFolder), isFolder.boolValue {
            return (beside, [here, beside])
        }
        return (name, [here, beside])
    }
}

/// The folder of the running program, whatever link started it: where an installation keeps
/// `rutinbok-serve` and `templates/` beside `rutinbok`.
public enum ProgramFolder {
    public static var url: URL {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
