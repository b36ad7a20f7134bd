import Foundation
@testable import RutinbokCore

/// The demo content of the repository, loaded and resolved once, as of a fixed day.
enum DemoContent {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
    static var content: String { "\(root)/content" }
    static var templates: String { "\(root)/templates" }
    static let today = Day("2026-11-29")!

    struct Loaded: Sendable {
        var site: Site
        var handbooks: [Handbook]
        var bodies: RenderedBodies
    }

    static func load(content: String = DemoContent.content) async throws -> Loaded {
        let (site, problems) = await ContentLoader.load(contentDirectory: content)
        guard let site else { throw Failure(problems.map(\.description).joined(separator: "\n")) }
        let (handbooks, _) = Resolver.resolve(site)
        return Loaded(site: site, handbooks: handbooks, bodies: await RenderedBodies.render(handbooks))
    }

    static func portal() async throws -> Portal {
        let loaded = try await load()
        return Portal(site: loaded.site, handbooks: loaded.handbooks, bodies: loaded.bodies, today: today)
    }

    /// Builds the demo into a new temporary folder and returns it.
    static func build(internal includeInternal: Bool = false) async throws -> String {
        let output = TestPaths.temporaryFolder("rutinbok-portal").appendingPathComponent("output").path
        var options = Build.Options()
        options.content = content
        options.templates = templates
        options.output = output
        options.today = today
        options.includeInternal = includeInternal
        let result = await Build.run(options, write: true)
        guard result.published else { throw Failure(result.diagnostics.map(\.description).joined(separator: "\n")) }
        return output
    }

    /// A copy of the demo content in a temporary folder, for commands that write.
    static func copy() throws -> String {
        let target = TestPaths.temporaryFolder("rutinbok-content").appendingPathComponent("content").path
        try FileManager.default.copyItem(atPath: content, toPath: target)
        return target
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

func read(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}
