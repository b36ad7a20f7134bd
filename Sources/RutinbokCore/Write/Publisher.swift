import Foundation
import CAtomicSwap

/// The write stage, and the only code that touches the output folder. A build writes into a
/// staging folder beside the output and swaps it in only when everything succeeded, so a
/// failed or interrupted build leaves the published output exactly as it was.
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
    public static let marker = ".rutinbok-output"

    public let output: URL
    let staging: URL

    /// Checks that `output` may be replaced and prepares an empty staging folder beside it.
    /// `protected` are folders the output may neither be nor contain (content, templates).
    public init(output path: String, protected: [String]) throws {
        let output = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        self.output = output
        try Self.checkSafe(output, protected: protected)
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent).staging-"
        Self.removeStale(in: parent, prefix: prefix)
        staging = parent.appendingPathComponent("\(prefix)\(getpid())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data().write(to: staging.appendingPathComponent(Self.marker))
        } catch {
            throw Failure.io("\(path): error: could not prepare the staging folder: \(error.localizedDescription)")
        }
    }

    static func checkSafe(_ output: URL, protected: [String]) throws {
        let path = output.path
        if path == "/" || path.isEmpty { throw Failure.refused("refusing to write the output to '/'") }
        if path == FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path {
            throw Failure.refused("refusing to replace the home folder \(path)")
        }
        for folder in protected {
            let other = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            if path == other || other.hasPrefix(path + "/") {
                throw Failure.refused("refusing to write the output to \(path): it would replace \(folder)")
            }
        }
        if FileManager.default.fileExists(atPath: output.appendingPathComponent("Package.swift").path)
            || FileManager.default.fileExists(atPath: output.appendingPathComponent(".git").path) {
            throw Failure.refused("refusing to write the output to \(path): it is a repository root")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Failure.refused("refusing to replace \(path): it is a file, not an output folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if !entries.isEmpty, !entries.contains(marker) {
                throw Failure.refused("refusing to replace \(path): it is not empty and was not made by rutinbok; choose another --output")
            }
        }
    }

    /// Staging folders left by killed builds; only ours (they carry the marker) are removed.
    private static func removeStale(in parent: URL, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let folder = parent.appendingPathComponent(name)
            guard let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0 || pid == getpid(),
                  FileManager.default.fileExists(atPath: folder.appendingPathComponent(marker).path) else { continue }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Writes files into the staging folder. Safe to call from several tasks at once for different files.
    public func write(_ files: [OutputFile]) throws {
        var created: Set<String> = []
        for file in files {
            if let problem = OutputPath.problem(with: file.path) {
                throw Failure.refused("refusing to write '\(file.path)': the path \(problem)")
            }
            let target = staging.appendingPathComponent(file.path)
            let folder = target.deletingLastPathComponent().path
            if !created.contains(folder) {
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                created.insert(folder)
            }
            do {
                switch file.contents {
                case .text(let text): try Data(text.utf8).write(to: target)
                case .copy(let source): try FileManager.default.copyItem(atPath: source, toPath: target.path)
                }
            } catch {
                throw Failure.io("\(output.path)/\(file.path): error: could not write the file: \(error.localizedDescription)")
            }
        }
    }

    /// Puts the staged output in place: one atomic exchange where the system has it.
    public func publish() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path) {
            guard rename(staging.path, output.path) == 0 else { throw Failure.io("could not move the new output into place: \(String(cString: strerror(errno)))") }
            return
        }
        if rutinbok_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)  // now holds the previous output
            return
        }
        let previous = staging.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).previous-\(getpid())")
        guard rename(output.path, previous.path) == 0 else { throw Failure.io("could not move the old output aside: \(String(cString: strerror(errno)))") }
        guard rename(staging.path, output.path) == 0 else {
            _ = rename(previous.path, output.path)
            throw Failure.io("could not move the new output into place: \(String(cString: strerror(errno)))")
        }
        try? fm.removeItem(at: previous)
    }

    /// Drops the staging folder after a failed build.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
