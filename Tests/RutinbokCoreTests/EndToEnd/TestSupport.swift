import Foundation
@testable import RutinbokCore
import TestScratch

/// Paths and helpers shared by the end-to-end tests.
enum TestPaths {
    /// The package root, found from this file's location so tests run from any folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = packageRoot.appendingPathComponent("Tests/RutinbokCoreTests/Fixtures")

    /// A new empty folder in the test process's scratch folder (`TestScratch`).
    static func temporaryFolder(_ name: String = "rutinbok-test") -> URL {
        TestScratch.folder(name)
    }

    /// Every file below `folder`, as relative path → contents, skipping the output marker and the build manifest.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return result }
        while let path = enumerator.nextObject() as? String {
            let full = folder.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  path != Publisher.marker else { continue }
            result[path] = FileManager.default.contents(atPath: full.path)
        }
        return result
    }

    /// Builds `content` with `templates` into a new folder and returns it with the result.
    static func build(content: URL, templates: URL, today: String = "2026-11-29") async -> (URL, Build.Result) {
        let output = temporaryFolder("rutinbok-out").appendingPathComponent("output")
        var options = Build.Options()
        options.content = content.path
        options.templates = templates.path
        options.output = output.path
        options.today = Day(today)!
        return (output, await Build.run(options, write: true))
    }
}
