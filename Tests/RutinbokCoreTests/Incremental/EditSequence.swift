import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore

/// A copy of the end-to-end fixtures and random but valid edits of it, as editors make them:
/// routines, front matter, council.yml, group.yml, site.yml, assets, templates, a theme laid
/// over them (`tema/`), whole councils. Every choice comes from `rng`, and every list it chooses from is sorted, so a
/// seed makes the same edits in every run. Each edit says what it did (`EditSequence.log`).
struct EditSequence {
    var rng: SeededGenerator
    let root: URL
    /// A number for names and words that must differ from every earlier one.
    private var serial = 0
    /// Modification times given to files "saved in the past", one second apart and rising.
    private var savedAt: Int
    /// What the edits of the current step did, one line each.
    var done: [String] = []

    var content: String { root.appendingPathComponent("content").path }
    var templates: String { root.appendingPathComponent("templates").path }
    /// A theme over `templates/` (the shipped folder, then), which starts with its own header.
    var theme: String { root.appendingPathComponent("tema").path }

    init(seed: UInt64) throws {
        rng = SeededGenerator(state: seed)
        root = TestPaths.temporaryFolder("rutinbok-edits")
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: TestPaths.fixtures.appendingPathComponent("e2e/\(folder)"), to: root.appendingPathComponent(folder))
        }
        let header = try String(contentsOf: root.appendingPathComponent("templates/header.mustache"), encoding: .utf8)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("tema"), withIntermediateDirectories: true)
        try (header + "<!-- temats sidhuvud -->\n").write(to: root.appendingPathComponent("tema/header.mustache"), atomically: false, encoding: .utf8)
        savedAt = time(nil) - 200_000
        for path in IncrementalWorkspace.files(root.path) {
            IncrementalWorkspace.setModified(root.appendingPathComponent(path).path, secondsAgo: 300_000)
        }
    }

    // MARK: Random choices

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &rng)] }
    mutating func next() -> Int { serial += 1; return serial }

    static let words = ["möte", "hot", "anmälan", "stöd", "polisen", "dokumentera", "samtal", "säkerhet", "ledamot",
                        "trygghet", "kontakt", "nämnd", "hemma", "telefon", "brev", "sociala", "medier", "väktare",
                        "ordförande", "rapport", "efteråt", "före", "åtgärd", "plan", "skydd", "larm"]

    mutating func words(_ count: ClosedRange<Int>) -> String {
        (0..<int(count)).map { _ in pick(Self.words)! }.joined(separator: " ")
    }

    mutating func sentence() -> String {
        let text = words(3...8)
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    mutating func day(from: Int = 2024, to: Int = 2026) -> String {
        let year = int(from...to)
        let month = year == 2026 ? int(1...10) : int(1...12)
        return String(format: "%04d-%02d-%02d", year, month, int(1...28))
    }

    // MARK: The files

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func read(_ relative: String) -> String? { try? String(contentsOfFile: path(relative), encoding: .utf8) }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }

    /// Names in a folder (files and folders, hidden ones left out), sorted.
    func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    var councils: [String] { list("content/councils") }
    var groups: [String] { list("content/groups") }
    var baseIDs: [String] { list("content/routines").filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) } }

    func routineIDs(in folder: String) -> [String] {
        list("\(folder)/routines").filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
    }

    /// Every routine file, relative to the root.
    var routineFiles: [String] {
        var files = baseIDs.map { "content/routines/\($0).md" }
        for group in groups { files += routineIDs(in: "content/groups/\(group)").map { "content/groups/\(group)/routines/\($0).md" } }
        for council in councils { files += routineIDs(in: "content/councils/\(council)").map { "content/councils/\(council)/routines/\($0).md" } }
        return files
    }

    /// The routine ids a routine in `file` may link to: the base's and those of its own folder,
    /// less those its council excludes (mostly: a link to one is an error in a council's routine).
    mutating func linkTargets(from file: String) -> [String] {
        let folder = (file as NSString).deletingLastPathComponent
        var ids = Set(baseIDs + list(folder).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
        let council = (folder as NSString).deletingLastPathComponent
        if council.hasPrefix("content/councils/"), chance(0.9),
           let line = read("\(council)/council.yml")?.split(separator: "\n").first(where: { $0.hasPrefix("exclude: [") }) {
            ids.subtract(line.dropFirst("exclude: [".count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return ids.sorted()
    }

    /// The anchors a link to `file` may name: each heading as written (spaces as hyphens) or
    /// its explicit id.
    func anchors(of file: String) -> [String] {
        guard let text = read(file) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("## ") }.map { line in
            if let open = line.range(of: "{#"), let close = line.range(of: "}", range: open.upperBound..<line.endIndex) {
                return String(line[open.upperBound..<close.lowerBound])
            }
            return line.dropFirst(3).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
        }
    }

    /// The phase and audience ids of site.yml (its `- { id: x, label: y }` lines, by section).
    func siteIDs(_ section: String) -> [String] {
        guard let site = read("content/site.yml") else { return [] }
        var inSection = false, ids: [String] = []
        for line in site.split(separator: "\n") {
            if !line.hasPrefix(" ") { inSection = line.hasPrefix("\(section):") ; continue }
            if inSection, let start = line.range(of: "id: "), let end = line.range(of: ",", range: start.upperBound..<line.endIndex) {
                ids.append(String(line[start.upperBound..<end.lowerBound]))
            }
        }
        return ids
    }

    /// How a file is saved: which modification time it ends up with.
    enum Save: String {
        /// Dated a little after the last save, in the past: what `IncrementalWorkspace` does.
        case datedBack = "dated back"
        /// Left as written, now: its stamp is "racy" and the build waits out the tick.
        case now = "now"
        /// Dated to some older time (a `git checkout`, an archive unpacked).
        case older = "older time"
        /// Written to a new file and renamed over the old one, as many editors save.
        case renamed = "new file renamed over it"
    }

    /// Writes `text` to `relative`, with a modification time as one of the ways of `Save`.
    mutating func save(_ relative: String, _ text: String, how: Save? = nil) {
        let how = how ?? [Save.datedBack, .datedBack, .datedBack, .now, .older, .renamed][int(0...5)]
        let target = path(relative)
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if how == .renamed {
            let temporary = (target as NSString).deletingLastPathComponent + "/.spara-\(next())"
            try? text.write(toFile: temporary, atomically: false, encoding: .utf8)
            rename(temporary, target)
        } else {
            try? text.write(toFile: target, atomically: false, encoding: .utf8)
        }
        switch how {
        case .datedBack, .renamed:
            savedAt += 1
            setTimes(target, seconds: savedAt)
        case .older: setTimes(target, seconds: savedAt - int(1000...100_000))
        case .now: break
        }
        done.append("wrote \(relative) (\(how.rawValue), \(text.utf8.count) bytes)")
    }

    func setTimes(_ path: String, seconds: Int, nanoseconds: Int = 0) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    mutating func remove(_ relative: String) {
        try? FileManager.default.removeItem(atPath: path(relative))
        done.append("removed \(relative)")
    }

    // MARK: Snapshots of the input, to go back to after a failed build

    /// Every file below content/, templates/ and tema/, relative to the root.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["content", "templates", "tema"] {
            for file in IncrementalWorkspace.files(path(folder)) { files["\(folder)/\(file)"] = FileManager.default.contents(atPath: path("\(folder)/\(file)")) }
        }
        return files
    }

    /// Puts the input back as `snapshot` had it: what an editor does after a build failed.
    mutating func restore(_ snapshot: [String: Data]) {
        let now = self.snapshot()
        for file in now.keys.sorted() where snapshot[file] == nil { remove(file) }
        for file in snapshot.keys.sorted() where now[file] != snapshot[file] {
            save(file, String(decoding: snapshot[file]!, as: UTF8.self))
        }
        pruneEmptyFolders()
    }

    /// Removes folders left empty below content/ (a council's folder without council.yml
    /// would be an error of its own).
    func pruneEmptyFolders() {
        func prune(_ folder: String) -> Bool {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            var empty = true
            for name in names {
                var isFolder: ObjCBool = false
                let full = folder + "/" + name
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue, prune(full) {
                    try? FileManager.default.removeItem(atPath: full)
                } else {
                    empty = false
                }
            }
            return empty
        }
        _ = prune(path("content"))
    }
}
