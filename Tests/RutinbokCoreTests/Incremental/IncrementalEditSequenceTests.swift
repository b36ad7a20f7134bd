import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore

/// "An incremental build's output is byte-identical to a clean full build in every case":
/// checked after every step of a random, seeded sequence of edits of the end-to-end fixtures
/// (`EditSequence`), mostly built with a theme over them (`tema/` over `templates/`), each
/// built into the same output as the step before and, cleanly, into a new folder with
/// nothing beside it. The two must agree on the diagnostics, on whether the
/// build published, on the set of files and on every file's bytes, and on the manifest
/// beside the output. A build that fails must leave the output as it was.
///
/// The default run is CI-sized. `RUTINBOK_FUZZ_SEED` chooses the first seed,
/// `RUTINBOK_FUZZ_SEEDS` how many seeds from it, `RUTINBOK_FUZZ_STEPS` how many steps each:
///
///     RUTINBOK_FUZZ_SEED=7 RUTINBOK_FUZZ_SEEDS=20 RUTINBOK_FUZZ_STEPS=200 swift test --skip-build --filter IncrementalEditSequenceTests
///
/// A failure prints the seed, the step and every edit up to it, then the first file that
/// differs with an excerpt of both versions; the seed and the step count make it again.
/// `RUTINBOK_FUZZ_REPORT=<path>` also writes each seed's report to `<path>-<seed>` and copies
/// its folder (input, outputs and what lies beside them) to `<path>-<seed>.workspace`, and
/// `RUTINBOK_FUZZ_VERBOSE=1` prints every step as it runs.
@Suite struct IncrementalEditSequenceTests {
    @Test func randomEditsBuildWhatACleanBuildWould() async throws {
        let environment = ProcessInfo.processInfo.environment
        let first = environment["RUTINBOK_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_129
        let seeds = environment["RUTINBOK_FUZZ_SEEDS"].flatMap { Int($0) } ?? 1
        let steps = environment["RUTINBOK_FUZZ_STEPS"].flatMap { Int($0) } ?? 40
        var failures = 0
        for seed in first..<first + UInt64(seeds) {
            var run = try EditSequenceRun(seed: seed)
            let started = Date()
            let failure = await run.run(steps: steps)
            if environment["RUTINBOK_FUZZ_SEED"] != nil {
                print("seed \(seed): \(steps) steps, \(run.published) published, \(run.failed) failed, \(run.unchanged) unchanged, "
                      + String(format: "%.1f s", Date().timeIntervalSince(started)) + (failure == nil ? "" : ", DIFFERENCE"))
            }
            if let failure {
                Issue.record(Comment(rawValue: failure))
                if let file = environment["RUTINBOK_FUZZ_REPORT"] {
                    try? failure.write(toFile: "\(file)-\(seed)", atomically: true, encoding: .utf8)
                    try? FileManager.default.copyItem(atPath: run.edits.root.path, toPath: "\(file)-\(seed).workspace")
                }
                failures += 1
                if failures >= 5 { break }
            }
            try? FileManager.default.removeItem(at: run.edits.root)
        }
    }
}

/// One seed's sequence: edits, builds and the comparison after each step.
struct EditSequenceRun {
    let seed: UInt64
    var edits: EditSequence
    /// Every step's edits and options, for the report.
    var log: [String] = []
    /// The input as the last build of every council that published had it; a failed build's
    /// input goes back to it (most times) in the next step.
    var lastGood: [String: Data]
    var lastFailed = false
    var published = 0, failed = 0, unchanged = 0
    /// `RUTINBOK_FUZZ_VERBOSE=1` prints every step as it goes, with the first error of its build.
    let verbose = ProcessInfo.processInfo.environment["RUTINBOK_FUZZ_VERBOSE"] != nil

    init(seed: UInt64) throws {
        self.seed = seed
        edits = try EditSequence(seed: seed)
        lastGood = edits.snapshot()
    }

    /// The public output and the intranet's, each with its own files beside it.
    func output(intranet: Bool) -> String {
        edits.root.appendingPathComponent(intranet ? "output-intranat" : "output").path
    }

    /// Runs the steps; the report of the first difference, or nil.
    mutating func run(steps: Int) async -> String? {
        for step in 1...steps {
            if let failure = await self.step(step) { return failure }
        }
        return nil
    }

    mutating func step(_ number: Int) async -> String? {
        edits.done = []
        var said: [String] = []
        if lastFailed, edits.chance(0.85) {
            edits.restore(lastGood)
            said.append("restored the input of the last build that published")
        }
        let count = edits.chance(0.08) ? 0 : edits.int(1...3)
        for _ in 0..<count { said.append(edits.randomEdit()) }

        var options = Build.Options(today: edits.chance(0.7) ? Day("2026-11-29")! : Day(edits.pick(["2026-12-24", "2027-09-01", "2028-03-15"])!)!)
        options.content = edits.content
        options.templates = edits.templates
        // Mostly the theme over the shipped templates; now and then the shipped ones alone.
        if edits.chance(0.8) {
            options.templates = edits.theme
            options.shippedTemplates = edits.templates
        }
        options.includeInternal = edits.chance(0.25)
        options.output = output(intranet: options.includeInternal)
        if edits.chance(0.12), let council = edits.pick(edits.councils) { options.councils = [council] }
        options.strict = edits.chance(0.05)
        if edits.chance(0.15), let damage = damage(options.output) { said.append(damage) }

        let flags = [options.shippedTemplates == nil ? nil : "--templates tema", options.includeInternal ? "--internal" : nil, options.councils.first.map { "--council \($0)" },
                     "--today \(options.today)", options.strict ? "--strict" : nil].compactMap { $0 }.joined(separator: " ")
        let logStart = log.count
        log.append("step \(number): build \(flags)")
        log += said.map { "  - \($0)" } + edits.done.map { "    \($0)" }

        let before = IncrementalWorkspace.tree(options.output)
        let result = await Build.run(options, write: true)
        let clean = TestPaths.temporaryFolder("rutinbok-fuzz-clean").appendingPathComponent((options.output as NSString).lastPathComponent).path
        var cleanOptions = options
        cleanOptions.output = clean
        let fresh = await Build.run(cleanOptions, write: true)
        defer { try? FileManager.default.removeItem(atPath: (clean as NSString).deletingLastPathComponent) }

        var problems: [String] = []
        if result.published != fresh.published {
            problems.append("published: incremental \(result.published), clean \(fresh.published)")
        }
        if result.diagnostics != fresh.diagnostics {
            problems.append("the diagnostics differ:\n  incremental:\n"
                            + result.diagnostics.map { "    \($0.description)" }.joined(separator: "\n")
                            + "\n  clean:\n" + fresh.diagnostics.map { "    \($0.description)" }.joined(separator: "\n"))
        }
        let after = IncrementalWorkspace.tree(options.output)
        if !result.published {
            if let difference = Self.firstDifference(after, before) {
                problems.append("a failed build changed the output: \(difference)")
            }
        } else if fresh.published {
            if let difference = Self.firstDifference(after, IncrementalWorkspace.tree(clean)) {
                problems.append(difference)
            } else {
                let mine = try? Data(contentsOf: IncrementalWorkspace.manifest(of: options.output))
                let theirs = try? Data(contentsOf: IncrementalWorkspace.manifest(of: clean))
                if mine != theirs {
                    problems.append("the manifests differ: " + Self.excerpts(mine ?? Data(), theirs ?? Data()))
                }
            }
        }
        if verbose {
            print(log[logStart...].joined(separator: "\n"))
            print("  => published \(result.published)\(result.unchanged ? " (unchanged)" : ""): "
                  + (result.diagnostics.first { $0.severity == .error }?.description ?? "no errors"))
        }
        if result.unchanged { unchanged += 1 }
        // A build of one council says nothing of the others: only a whole build's input is one to go back to.
        if result.published { published += 1 } else { failed += 1 }
        if result.published && options.councils.isEmpty { lastGood = edits.snapshot() }
        lastFailed = !result.published
        guard !problems.isEmpty else { return nil }
        return """
            An incremental build differs from a clean build.
            seed \(seed), step \(number) (RUTINBOK_FUZZ_SEED=\(seed) RUTINBOK_FUZZ_STEPS=\(number))
            \(problems.joined(separator: "\n"))
            The steps:
            \(log.joined(separator: "\n"))
            """
    }

    // MARK: Damage beside the output and in it

    /// Cuts short, changes bytes of or deletes a file beside the output (manifest, caches),
    /// deletes the spare or a file of it, or deletes or cuts short a file in the output. Not
    /// a same-size change of a file in the output or the spare: the docs leave hand edits
    /// there to the editor ("What the manifest does not protect against").
    mutating func damage(_ output: String) -> String? {
        let parent = (output as NSString).deletingLastPathComponent, name = (output as NSString).lastPathComponent
        let spare = "\(parent)/.\(name).spare"
        let beside = ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted().filter {
            $0.hasPrefix(".\(name).") && !$0.hasSuffix(".lock") && $0 != ".\(name).spare"
        }
        switch edits.int(0...2) {
        case 0:
            guard let file = edits.pick(beside) else { return nil }
            return Self.damage(file: "\(parent)/\(file)", how: edits.int(0...2), at: &edits.rng, named: file)
        case 1:
            let files = IncrementalWorkspace.files(spare)
            if files.isEmpty || edits.chance(0.3) {
                try? FileManager.default.removeItem(atPath: spare)
                return "damage: deleted .\(name).spare"
            }
            let file = edits.pick(files)!
            return Self.damage(file: "\(spare)/\(file)", how: edits.int(0...1), at: &edits.rng, named: ".\(name).spare/\(file)")
        default:
            // Not the marker: it is what makes the folder rutinbok's and says which version it
            // holds; without it the build refuses the folder, as the docs say it must.
            guard let file = edits.pick(IncrementalWorkspace.files(output).filter { $0 != Publisher.marker }) else { return nil }
            return Self.damage(file: "\(output)/\(file)", how: edits.int(0...1), at: &edits.rng, named: "\(name)/\(file)")
        }
    }

    /// 0 deletes, 1 cuts short (to another size), 2 flips a byte in place.
    static func damage(file: String, how: Int, at rng: inout SeededGenerator, named: String) -> String {
        guard let bytes = FileManager.default.contents(atPath: file) else { return "damage: no \(named)" }
        switch how {
        case 0:
            unlink(file)
            return "damage: deleted \(named)"
        case 1:
            let size = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            truncate(file, off_t(size))
            return "damage: cut \(named) from \(bytes.count) to \(size) bytes"
        default:
            guard !bytes.isEmpty, let handle = FileHandle(forUpdatingAtPath: file) else { return "damage: \(named) was empty" }
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            handle.seek(toFileOffset: UInt64(at))
            handle.write(Data([bytes[at] ^ 0x5A]))
            try? handle.close()
            return "damage: flipped byte \(at) of \(bytes.count) in \(named)"
        }
    }

    // MARK: Reporting

    /// The first path present in one tree and not the other, or whose bytes differ, with
    /// excerpts of both versions around the first differing byte.
    static func firstDifference(_ incremental: [String: Data], _ clean: [String: Data]) -> String? {
        for path in Set(incremental.keys).union(clean.keys).sorted() where incremental[path] != clean[path] {
            guard let mine = incremental[path] else { return "\(path) is missing from the incremental build" }
            guard let theirs = clean[path] else { return "\(path) is only in the incremental build" }
            return "\(path) differs (\(mine.count) against \(theirs.count) bytes): " + excerpts(mine, theirs)
        }
        return nil
    }

    static func excerpts(_ mine: Data, _ theirs: Data) -> String {
        let a = [UInt8](mine), b = [UInt8](theirs)
        var at = 0
        while at < min(a.count, b.count), a[at] == b[at] { at += 1 }
        func excerpt(_ bytes: [UInt8]) -> String {
            let start = max(0, at - 120), end = min(bytes.count, at + 120)
            return String(decoding: bytes[start..<end], as: UTF8.self).debugDescription
        }
        return "first difference at byte \(at)\n  incremental: \(excerpt(a))\n  clean:       \(excerpt(b))"
    }
}
