import Foundation
import Testing
@testable import RutinbokCore

/// Every Markdown and YAML example in docs/guide/ builds. Examples are fenced blocks whose info
/// string names what they are and where they go:
///
///     ```markdown rutin councils/nyby/routines/x.md     a routine
///     ```yaml council councils/nyby/council.yml         a council's settings
///     ```yaml group groups/sydost/group.yml             a group's settings
///     ```markdown trasig <path> <code>                  a broken file: must fail with <code>
///
/// All good examples go into one content tree beside the demo's site.yml, which must build
/// without errors; each broken one replaces its file in a copy of that tree. The `rutinbok`
/// commands in the guide's `sh` blocks are run in that tree: each must be one the program
/// accepts.
@Suite struct GuideExamplesTests {
    struct Example {
        var kind: String
        var path: String
        var code: String?
        var text: String
        var source: String
    }

    static let guide = TestPaths.packageRoot.appendingPathComponent("docs/guide")
    static let checkedKinds: Set<String> = ["rutin", "council", "group", "trasig"]

    static func chapters() throws -> [(String, String)] {
        try FileManager.default.contentsOfDirectory(atPath: guide.path).filter { $0.hasSuffix(".md") }.sorted().map {
            ($0, try String(contentsOf: guide.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// Fenced blocks: (info string words, text, where it starts).
    static func fences(in text: String, file: String) -> [(words: [String], text: String, source: String)] {
        var result: [(words: [String], text: String, source: String)] = []
        var open: (words: [String], lines: [String], line: Int)?
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var current = open {
                if trimmed == "```" {
                    result.append((current.words, current.lines.joined(separator: "\n") + "\n", "\(file):\(current.line)"))
                    open = nil
                } else {
                    current.lines.append(line)
                    open = current
                }
            } else if trimmed.hasPrefix("```") {
                open = (trimmed.dropFirst(3).split(separator: " ").map(String.init), [], number + 1)
            }
        }
        return result
    }

    static func examples() throws -> [Example] {
        var examples: [Example] = []
        for (file, text) in try chapters() {
            for fence in fences(in: text, file: file) {
                guard let language = fence.words.first, ["markdown", "md", "yaml", "yml"].contains(language) else { continue }
                let kind = fence.words.count > 1 ? fence.words[1] : ""
                let path = fence.words.count > 2 ? fence.words[2] : ""
                examples.append(Example(kind: kind, path: path, code: fence.words.count > 3 ? fence.words[3] : nil,
                                        text: fence.text, source: fence.source))
            }
        }
        return examples
    }

    static func tree(_ examples: [Example]) throws -> URL {
        let content = TestPaths.temporaryFolder("rutinbok-guide").appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("content/site.yml"),
                                         to: content.appendingPathComponent("site.yml"))
        for example in examples {
            let target = content.appendingPathComponent(example.path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try example.text.write(to: target, atomically: true, encoding: .utf8)
        }
        return content
    }

    static func build(_ content: URL) async -> Build.Result {
        var options = Build.Options()
        options.content = content.path
        options.templates = TestPaths.packageRoot.appendingPathComponent("templates").path
        options.today = Day("2026-11-29")!
        return await Build.run(options, write: false)
    }

    @Test func everyExampleIsMarkedWithWhatItIsAndWhereItGoes() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 8)
        for example in examples {
            #expect(Self.checkedKinds.contains(example.kind), "\(example.source): mark the example with rutin, council, group or trasig")
            #expect(!example.path.isEmpty && !example.path.contains(".."), "\(example.source): the example needs a path inside content/")
        }
        let paths = examples.filter { $0.kind != "trasig" }.map(\.path)
        #expect(Set(paths).count == paths.count, "two examples write the same file")
    }

    @Test func theExamplesBuildTogetherWithoutErrors() async throws {
        let good = try Self.examples().filter { $0.kind != "trasig" }
        let content = try Self.tree(good)
        let result = await Self.build(content)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error }.map(\.description))")

        // And each example was read as what it claims to be, not skipped.
        let site = try #require(await ContentLoader.load(contentDirectory: content.path).0)
        let routines = site.routines + site.groups.values.flatMap(\.routines) + site.councils.flatMap(\.routines)
        for example in good {
            switch example.kind {
            case "rutin": #expect(routines.contains { $0.location.file.hasSuffix("/" + example.path) }, "\(example.source)")
            case "council": #expect(site.councils.contains { $0.location.file.hasSuffix("/" + example.path) }, "\(example.source)")
            case "group": #expect(site.groups.values.contains { $0.location.file.hasSuffix("/" + example.path) }, "\(example.source)")
            default: Issue.record("\(example.source): unknown kind \(example.kind)")
            }
        }
    }

    @Test func theBrokenExamplesFailAsTheGuideSays() async throws {
        let examples = try Self.examples()
        let good = examples.filter { $0.kind != "trasig" }
        let shown = try Self.chapters().flatMap { file, text in
            Self.fences(in: text, file: file).filter { $0.words.first == "text" }.flatMap { $0.text.components(separatedBy: "\n") }
        }
        let broken = examples.filter { $0.kind == "trasig" }
        #expect(!broken.isEmpty)
        for example in broken {
            let code = try #require(example.code, "\(example.source): name the expected problem code")
            let content = try Self.tree(good + [example])
            let result = await Self.build(content)
            let found = result.diagnostics.filter { $0.code == code && $0.location.file.hasSuffix("/" + example.path) }
            #expect(!found.isEmpty, "\(example.source): expected [\(code)], got \(result.diagnostics.map(\.description))")
            // The message the guide prints for it is the one the build gives.
            for line in shown where line.contains("[\(code)]") {
                let printed = found.map { $0.description.replacingOccurrences(of: content.path, with: "content") }
                #expect(printed.contains { $0.hasPrefix(line) }, "the guide shows '\(line)', the build says \(printed)")
            }
        }
    }

    /// The `rutinbok` commands of the guide's `sh` blocks (a line whose program is `rutinbok`,
    /// also by its full path; a trailing `&&` and an output redirection left off), as
    /// arguments. `rutinbok serve` runs until stopped and is left out.
    static func commands() throws -> [(arguments: [String], source: String)] {
        var commands: [(arguments: [String], source: String)] = []
        for (file, text) in try chapters() {
            for fence in fences(in: text, file: file) where fence.words.first == "sh" {
                for line in fence.text.components(separatedBy: "\n") {
                    var words = shellWords(line)
                    guard let program = words.first, program == "rutinbok" || program.hasSuffix("/rutinbok") else { continue }
                    words.removeFirst()
                    if words.last == "&&" { words.removeLast() }
                    if let redirect = words.firstIndex(of: ">") { words.removeSubrange(redirect...) }
                    if words.first != "serve" { commands.append((words, "\(fence.source): \(line)")) }
                }
            }
        }
        return commands
    }

    /// A command line split into words as a shell would for these simple lines: spaces
    /// separate, double quotes group.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], current = "", quoted = false, started = false
        for character in line {
            if character == "\"" { quoted.toggle(); started = true }
            else if character == " " && !quoted {
                if started { words.append(current) }
                current = ""; started = false
            } else { current.append(character); started = true }
        }
        if started { words.append(current) }
        return words
    }

    @Test func theGuidesShellWordsAreSplitAsAShellWould() {
        #expect(Self.shellWords(#"rutinbok new council nyby --name "Nyby kommun" --kind kommun"#)
                == ["rutinbok", "new", "council", "nyby", "--name", "Nyby kommun", "--kind", "kommun"])
        #expect(Self.shellWords("  rutinbok  build ") == ["rutinbok", "build"])
    }

    /// Every command the guide shows is one the program accepts: none ends in a usage error
    /// (exit code 2: an unknown subcommand or option, a value of the wrong kind) or a crash.
    /// Whether it succeeds depends on the day it runs (review dates go stale) and on what the
    /// guide's tree already holds (`new council nyby` where the examples made nyby), so a
    /// refusal with exit code 1 is accepted.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: Executable.url.path), "build the rutinbok executable first (swift build)"))
    func everyCommandInTheGuideIsOneTheProgramAccepts() throws {
        let commands = try Self.commands()
        #expect(commands.count >= 10, "found \(commands.map(\.source))")
        #expect(commands.contains { $0.arguments.starts(with: ["build", "--council", "nyby", "--strict", "--quiet"]) }, "the nightly script's build")
        let good = try Self.examples().filter { $0.kind != "trasig" }
        for command in commands {
            let root = try Self.tree(good).deletingLastPathComponent()
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("templates"),
                                                       withDestinationURL: TestPaths.packageRoot.appendingPathComponent("templates"))
            let run = try Executable.run(command.arguments, in: root)
            #expect(run.status == 0 || run.status == 1, "\(command.source): exit code \(run.status)\n\(run.stderr)")
            // The tree's `templates` is a link: its templates are found through it.
            #expect(!run.stderr.contains("[missing-template]"), "\(command.source): \(run.stderr)")
        }
    }
}
