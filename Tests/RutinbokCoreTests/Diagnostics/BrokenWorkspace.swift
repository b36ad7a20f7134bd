import Foundation
@testable import RutinbokCore

/// A temporary copy of the minimal valid content tree (`Fixtures/broken/base`) and of the
/// theme (`templates/`), for one test to break. Paths in diagnostics are shown relative to
/// the workspace, so expectations read `content/routines/hotad.md:8:11: …`.
final class BrokenWorkspace: @unchecked Sendable {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let baseFixture = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/broken/base")
    /// The date every case is checked against unless it sets another: all base dates are in the past and fresh.
    static let defaultToday = Day("2026-06-01")!

    let root: URL
    var content: String { root.appendingPathComponent("content").path }
    var templates: String { root.appendingPathComponent("templates").path }
    var output: String { root.appendingPathComponent("output").path }

    init() throws {
        root = TestPaths.temporaryFolder("rutinbok-broken")
        try FileManager.default.copyItem(at: Self.baseFixture, to: root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

    func write(_ path: String, _ data: Data) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url(path))
    }

    func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// Replaces the one occurrence of `old` in a file.
    func replace(_ path: String, _ old: String, with new: String) throws {
        let text = try read(path)
        precondition(text.components(separatedBy: old).count == 2, "'\(old)' must occur once in \(path)")
        try write(path, text.replacingOccurrences(of: old, with: new))
    }

    func append(_ path: String, _ text: String) throws { try write(path, try read(path) + text) }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    func move(_ path: String, to other: String) throws { try FileManager.default.moveItem(at: url(path), to: url(other)) }

    func symlink(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: url(path).path, withDestinationPath: destination)
    }

    func options(today: Day = BrokenWorkspace.defaultToday) -> Build.Options {
        var options = Build.Options()
        options.content = content
        options.templates = templates
        options.output = output
        options.today = today
        return options
    }

    /// Every diagnostic of `rutinbok check`, as the CLI prints it, with the workspace prefix removed.
    func check(today: Day = BrokenWorkspace.defaultToday) async -> [String] {
        let result = await Build.checkBothVersions(options(today: today))
        return result.diagnostics.normalized().map(display)
    }

    func display(_ diagnostic: Diagnostic) -> String {
        diagnostic.description.replacingOccurrences(of: root.path + "/", with: "")
    }
}
