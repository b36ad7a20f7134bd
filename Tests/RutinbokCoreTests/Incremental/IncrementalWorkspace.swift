import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore

/// A temporary copy of the end-to-end fixtures (content + templates) and an output folder,
/// for builds that run one after another into the same output.
struct IncrementalWorkspace {
    let root: URL
    var content: String { root.appendingPathComponent("content").path }
    var templates: String { root.appendingPathComponent("templates").path }
    var output: String { root.appendingPathComponent("output").path }
    /// A theme's folder below the root (`tema`) that builds lay over `templates/`, which is
    /// then the shipped folder; nil for `templates/` alone.
    var theme: String?

    /// Every input is dated a minute back, so that no stamp is "racy" (too recent to trust).
    init() throws {
        root = TestPaths.temporaryFolder("rutinbok-incremental")
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("e2e/\(folder)"), to: root.appendingPathComponent(folder))
        }
        var seconds = 600
        for path in Self.files(root.path) {
            Self.setModified(root.appendingPathComponent(path).path, secondsAgo: seconds)
            seconds += 1
        }
        age = 100
    }

    private var age: Int

    func options(output: String? = nil) -> Build.Options {
        var options = Build.Options()
        options.content = content
        options.templates = templates
        if let theme {
            options.templates = root.appendingPathComponent(theme).path
            options.shippedTemplates = templates
        }
        options.output = output ?? self.output
        options.today = Day("2026-11-29")!
        return options
    }

    func build() async -> Build.Result {
        await Build.run(options(), write: true)
    }

    /// What the next build would take from the current output, as its plan decides it.
    func plannedReuse() async -> IncrementalPlan.Reuse {
        var plan = IncrementalPlan(options())
        plan.groupFolders()
        let (site, _) = await ContentLoader.load(contentDirectory: content)
        return plan.plan(site.map { Resolver.resolve($0).0 } ?? [])
    }

    /// A clean build of the same input into a new folder.
    func cleanBuild() async -> (String, Build.Result) {
        let folder = TestPaths.temporaryFolder("rutinbok-clean").appendingPathComponent("output").path
        return (folder, await Build.run(options(output: folder), write: true))
    }

    /// Writes a file and dates it in the past, each time a different second.
    mutating func write(_ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
        age -= 1
        Self.setModified(url.path, secondsAgo: age)
    }

    mutating func append(_ relative: String, _ text: String) throws {
        try write(relative, (try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)) + text)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relative))
    }

    static func setModified(_ path: String, secondsAgo: Int) {
        var times = [timespec(tv_sec: time(nil) - secondsAgo, tv_nsec: 0), timespec(tv_sec: time(nil) - secondsAgo, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    /// Relative paths of every file below `folder`, the manifest and marker included.
    static func files(_ folder: String) -> [String] {
        var result: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(path), isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    struct FileIdentity: Equatable {
        var inode: UInt64
        var modified: Int64
        var size: Int64
    }

    /// Inode, mtime and size of every file: what changes when a file is written or replaced.
    /// The manifest of the build published in `output`, beside it.
    static func manifest(of output: String) -> URL {
        Manifest.path(of: URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath())
    }

    static func identities(_ folder: String) -> [String: FileIdentity] {
        var result: [String: FileIdentity] = [:]
        for path in files(folder) {
            var info = stat()
            guard lstat((folder as NSString).appendingPathComponent(path), &info) == 0 else { continue }
            result[path] = FileIdentity(inode: UInt64(info.st_ino),
                                        modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                        size: Int64(info.st_size))
        }
        return result
    }

    /// Paths that are new or whose file was replaced or written.
    static func rewritten(_ before: [String: FileIdentity], _ after: [String: FileIdentity]) -> Set<String> {
        Set(after.filter { before[$0.key] != $0.value }.keys)
    }

    /// Every file's bytes, the manifest included.
    static func tree(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in files(folder) { result[path] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(path)) }
        return result
    }
}

/// Builds cleanly into a new folder and expects the incremental output to be the same bytes,
/// file for file (the manifest included).
func expectSameAsClean(_ w: IncrementalWorkspace, sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
    let (clean, result) = await w.cleanBuild()
    #expect(result.published, sourceLocation: sourceLocation)
    let incremental = IncrementalWorkspace.tree(w.output), fresh = IncrementalWorkspace.tree(clean)
    #expect(Set(incremental.keys) == Set(fresh.keys), sourceLocation: sourceLocation)
    for (path, bytes) in fresh where incremental[path] != bytes {
        Issue.record("\(path) differs from a clean build", sourceLocation: sourceLocation)
    }
}
