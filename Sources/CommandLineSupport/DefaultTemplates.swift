import Foundation

/// Where the templates are when `--templates` is not given: `templates/` in the folder the
/// command runs in, as in a clone of the repository; else the `templates/` folder beside the
/// program, where an installation keeps it with the binaries (README, "Installing on a
/// server"). An editor can then run the commands in the folder that holds `content/` alone,
/// as the guide says, and the binary finds the templates of its own release.
public enum DefaultTemplates {
    public static let name = "templates"

    public static func folder(given: String?, programFolder: URL? = ProgramFolder.url) -> String {
        if let given { return given }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isFolder), isFolder.boolValue { return name }
        if let beside = programFolder?.appendingPathComponent(name).path,
           FileManager.default.fileExists(atPath: beside, isDirectory: &isFolder), isFolder.boolValue {
            return beside
        }
        return name
    }
}

/// The folder of the running program, whatever link started it: where an installation keeps
/// `rutinbok-serve` and `templates/` beside `rutinbok`.
public enum ProgramFolder {
    public static var url: URL {
        (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
