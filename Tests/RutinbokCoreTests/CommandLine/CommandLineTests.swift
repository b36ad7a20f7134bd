import Foundation
import Testing
import CommandLineSupport
@testable import RutinbokCore

/// The built `rutinbok` executable, beside the test bundle in the build products folder.
enum Executable {
    static let url = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("rutinbok")

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// `executable`: another program than the built `rutinbok` (an installed copy, `setpriv`).
    static func run(_ arguments: [String], in directory: URL? = nil, executable: URL = url) throws -> Run {
        let process = try start(arguments, in: directory, executable: executable)
        let out = process.standardOutput as! Pipe, err = process.standardError as! Pipe
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func start(_ arguments: [String], quiet: Bool = false, in directory: URL? = nil, executable: URL = url) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if quiet {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        } else {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        }
        try process.run()
        return process
    }

    /// `rutinbok serve` with `arguments`, what it says written into the new file `log` (read it
    /// while it runs); the caller ends it.
    static func startPreview(_ arguments: [String], log: String, in directory: URL? = nil) throws -> Process {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = url
        process.arguments = ["serve"] + arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        return process
    }

    /// Sends SIGTERM and waits up to `seconds` for the process to end; a process still running
    /// then is killed, and false is returned (a test that waited for it without end hung CI).
    static func end(_ process: Process, within seconds: Double) -> Bool {
        process.terminate()
        let start = Date()
        while process.isRunning, Date().timeIntervalSince(start) < seconds { Thread.sleep(forTimeInterval: 0.02) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: Executable.url.path), "build the rutinbok executable first (swift build)"))
struct CommandLineTests {
    func arguments(_ w: BrokenWorkspace, _ command: String, today: String = "2026-06-01", _ extra: [String] = []) -> [String] {
        [command, "--content", w.content, "--templates", w.templates, "--today", today] + (command == "build" ? ["--output", w.output] : []) + extra
    }

    /// A public build's pages can be read by the web server whatever the umask of the user who
    /// built them (077 made every page 0600: 403 once copied); an intranet build keeps the
    /// umask's privacy; the files kept beside the output and the spare are the builder's alone.
    @Test func permissionsFollowWhoMayReadWhat() throws {
        let w = try BrokenWorkspace()
        func build(_ extra: [String] = [], output: String) throws {
            let quoted = ([Executable.url.path] + arguments(w, "build", extra).map { $0 == w.output ? output : $0 }).map { "'\($0)'" }
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/sh")
            shell.arguments = ["-c", "umask 077; exec " + quoted.joined(separator: " ") + " >/dev/null 2>&1"]
            try shell.run()
            shell.waitUntilExit()
            #expect(shell.terminationStatus == 0)
        }
        func mode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        try build(output: w.output)
        #expect(try mode(w.output) == 0o755)
        #expect(try mode("\(w.output)/exby/index.html") == 0o644)
        #expect(try mode("\(w.output)/exby/assets") == 0o755)
        #expect(try mode(Publisher.beside(URL(fileURLWithPath: w.output), "manifest").path) == 0o600)
        // A changed build leaves the output it replaced as the spare: not for the web.
        try w.append("content/routines/hotad.md", "\nEn mening till.\n")
        try build(output: w.output)
        #expect(try mode(Publisher.beside(URL(fileURLWithPath: w.output), "spare").path) == 0o700)
        #expect(try mode(w.output) == 0o755)

        let intranet = w.output + "-intranat"
        try build(["--internal"], output: intranet)
        #expect(try mode("\(intranet)/exby/index.html") == 0o600)
        // A second intranet build leaves the first's output as the spare, private too.
        try w.append("content/routines/hotad.md", "\nFör intranätet.\n")
        try build(["--internal"], output: intranet)

        // Files and folders kept from an earlier output (linked, or rewritten in place) get the
        // build's permissions too: a public build after an intranet one in the same folder, and
        // after a hand's `chmod -R go-rwx`, as a build into a new folder would give them.
        func modes(_ root: String) throws -> [String: Int] {
            var found = ["": try mode(root)]
            for path in try FileManager.default.subpathsOfDirectory(atPath: root) { found[path] = try mode("\(root)/\(path)") }
            return found
        }
        func wrong(_ root: String) throws -> [String] {
            try modes(root).filter { path, mode in
                var folder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &folder)
                return mode != (folder.boolValue ? 0o755 : 0o644)
            }.keys.sorted()
        }
        #expect(try modes(intranet).values.contains(0o700))
        // Builds alternate between the output and the spare: each of them is checked.
        for line in ["", "Ett tillägg.", "Ett tillägg till."] {
            if !line.isEmpty { try w.append("content/routines/hotad.md", "\n\(line)\n") }
            try build(output: intranet)
            #expect(try wrong(intranet) == [], "\(line)")
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/chmod")
        shell.arguments = ["-R", "go-rwx", w.output]
        try shell.run()
        shell.waitUntilExit()
        #expect(try wrong(w.output).count > 10)
        for line in ["Ännu en mening.", "Och en till."] {
            try w.append("content/routines/hotad.md", "\n\(line)\n")
            try build(output: w.output)
            let left = try wrong(w.output)
            #expect(left == [], "\(line): \(left)")
        }
    }

    /// `--council` publishes the chosen councils only: the summary says which handbooks left
    /// the output, and which came back with the next full build (linked from the spare, they
    /// are not "none new or changed").
    @Test func buildSaysWhichHandbooksLeftTheOutputOrCameBack() throws {
        let w = try BrokenWorkspace()
        try w.write("content/councils/annanby/council.yml", try w.read("content/councils/exby/council.yml").replacingOccurrences(of: "Exby kommun", with: "Annanby kommun"))
        try w.write("content/councils/annanby/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        #expect(try Executable.run(arguments(w, "build")).status == 0)
        // Said with --quiet too: a handbook gone from a nightly build's output needs a look.
        let one = try Executable.run(arguments(w, "build", ["--council", "exby", "--quiet"]))
        #expect(one.status == 0)
        #expect(one.stderr.contains("Togs bort ur \(w.output)/: 1 handbok ("), "\(one.stderr)")
        #expect(one.stderr.contains("), annanby (med --council innehåller \(w.output)/ bara de kommuner du valde).\n"), "\(one.stderr)")
        let all = try Executable.run(arguments(w, "build"))
        #expect(all.stderr.contains("Nya i \(w.output)/: 1 handbok, annanby.\n"), "\(all.stderr)")
        #expect(!all.stderr.contains("inga nya eller ändrade") && !all.stderr.contains("Togs bort"), "\(all.stderr)")
    }

    /// Files gone from the output for another reason than a removed handbook (here a theme's
    /// file deleted, copied into every handbook) are counted in the summary and in JSON.
    @Test func buildCountsFilesThatLeftTheOutput() throws {
        let w = try BrokenWorkspace()
        try w.write("templates/assets/extra.css", "p { margin: 0 }")
        #expect(try Executable.run(arguments(w, "build")).status == 0)
        let copies = try #require(FileManager.default.enumerator(atPath: w.output)).compactMap { $0 as? String }
            .filter { $0.hasSuffix("/extra.css") || $0 == "extra.css" }.count
        #expect(copies >= 2, "one in the handbook, one for the portal")
        try FileManager.default.removeItem(atPath: w.templates + "/assets/extra.css")
        let run = try Executable.run(arguments(w, "build", ["--format", "json"]))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["build"] as? [String: Any])?["removed_files"] as? Int == copies, "\(run.stdout)")
        try w.write("templates/assets/extra.css", "p { margin: 0 }")
        #expect(try Executable.run(arguments(w, "build")).status == 0)
        try FileManager.default.removeItem(atPath: w.templates + "/assets/extra.css")
        let text = try Executable.run(arguments(w, "build"))
        #expect(text.stderr.contains(" filer, varav inga nya eller ändrade; \(copies) filer togs bort) i \(w.output)/ på "), "\(text.stderr)")
    }

    /// `build --format json` reports the build beside the diagnostics; with `--quiet`, only
    /// when there is something to say, as in text.
    @Test func jsonSaysWhatTheBuildDid() throws {
        let w = try BrokenWorkspace()
        try w.write("content/councils/annanby/council.yml", try w.read("content/councils/exby/council.yml").replacingOccurrences(of: "Exby kommun", with: "Annanby kommun"))
        try w.write("content/councils/annanby/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        func build(_ extra: [String]) throws -> (run: Executable.Run, build: [String: Any]?) {
            let run = try Executable.run(arguments(w, "build", ["--format", "json"] + extra))
            guard !run.stdout.isEmpty else { return (run, nil) }
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return (run, object["build"] as? [String: Any])
        }
        let first = try build([])
        #expect(first.run.status == 0 && first.run.stderr.isEmpty, "\(first.run.stderr)")
        let report = try #require(first.build, "\(first.run.stdout)")
        #expect(report["published"] as? Bool == true && report["unchanged"] as? Bool == false)
        let files = try #require(report["files"] as? Int)
        #expect(files > 20 && report["changed_files"] as? Int == files && report["removed_files"] as? Int == 0)
        // A first build has no earlier output to have added handbooks to.
        #expect(report["handbooks_added"] as? [String] == [] && report["handbooks_removed"] as? [String] == [])
        #expect(report["output"] as? String == w.output)

        let again = try #require(try build([]).build)
        #expect(again["unchanged"] as? Bool == true && again["changed_files"] as? Int == 0 && again["files"] as? Int == files)
        #expect(try build(["--quiet"]).run.stdout.isEmpty, "nothing to say")

        let one = try build(["--council", "exby", "--quiet"])
        #expect(one.build?["handbooks_removed"] as? [String] == ["annanby"], "\(one.run.stdout)")
        #expect((one.build?["removed_files"] as? Int ?? 0) > 10, "the handbook's files are among the removed")
        #expect(try build([]).build?["handbooks_added"] as? [String] == ["annanby"])

        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: hanterra")
        let failed = try build([])
        #expect(failed.run.status == 1)
        #expect(failed.build?["published"] as? Bool == false && failed.build?["files"] as? Int == 0, "\(failed.run.stdout)")
    }

    /// Sorted by file, a group.yml that did not load comes after the errors it may have caused
    /// in other files: the last line names it, whatever kept it from loading.
    @Test func theLastLineNamesASettingsFileThatDidNotLoad() throws {
        let w = try BrokenWorkspace()
        let group = "content/groups/grannar/group.yml", original = try w.read(group)
        try w.replace(group, "name: Samverkan Grannar", with: "name Samverkan Grannar")
        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: hanterra")
        func lastLines(_ count: Int) throws -> [String] {
            let run = try Executable.run(arguments(w, "check"))
            #expect(run.status == 1)
            return run.stderr.replacingOccurrences(of: w.root.path + "/", with: "").split(separator: "\n").suffix(count).map(String.init)
        }
        #expect(try lastLines(2) == ["2 fel, 0 varningar", "Rätta först felet i content/groups/grannar/group.yml:1:1; fel i andra filer kan komma av det."])
        // A file not saved as UTF-8 did not load either, nor did a council folder without its
        // council.yml: both are named.
        try Data(Array("name: Samverkan Grannar\n".utf8) + [0xFF, 0x0A]).write(to: w.url(group))
        try w.write("content/councils/nyby/kommun.yml", "name: Nyby\n")
        #expect(try lastLines(1) == ["Rätta först felen i content/councils/nyby, content/groups/grannar/group.yml:2:1; fel i andra filer kan komma av dem."])
        // One error, the file's own: nothing to say first.
        try w.remove("content/councils/nyby")
        try w.write(group, original.replacingOccurrences(of: "name: Samverkan Grannar", with: "name Samverkan Grannar"))
        try w.replace("content/routines/hotad.md", "phase: hanterra", with: "phase: hantera")
        let alone = try Executable.run(arguments(w, "check"))
        #expect(alone.status == 1 && !alone.stderr.contains("Rätta först"), "\(alone.stderr)")
    }

    /// Run where the workspace is: its templates/ is then the shipped folder itself, and
    /// nothing is laid over it (run from the package, `check` would first say how the
    /// workspace's copy compares with the package's templates/).
    @Test func cleanCheckExitsZero() throws {
        let w = try BrokenWorkspace()
        let run = try Executable.run(arguments(w, "check"), in: w.root)
        #expect(run.status == 0)
        #expect(run.stderr == "Inga fel eller varningar i 1 handbok.\n")
    }

    @Test func errorsExitOneWithCompilerStyleLinesAndACount() throws {
        let w = try BrokenWorkspace()
        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: hanterra")
        try w.replace("content/routines/hotad.md", "order: 10", with: "ordre: 10")
        let run = try Executable.run(arguments(w, "check"), in: w.root)
        #expect(run.status == 1)
        #expect(run.stderr.replacingOccurrences(of: w.root.path + "/", with: "") == """
            content/routines/hotad.md:4:8: fel: okänd del 'hanterra' [unknown-phase]
              obs: menade du 'hantera'?
              obs: delarna i site.yml: forebygga, hantera
            content/routines/hotad.md:5:1: varning: okänd nyckel 'ordre' [unknown-key]
              obs: menade du 'order'?
            1 fel, 1 varning

            """)
    }

    @Test func warningsExitZeroUnlessStrict() throws {
        let w = try BrokenWorkspace()
        try w.replace("content/routines/hotad.md", "order: 10", with: "ordre: 10")
        #expect(try Executable.run(arguments(w, "check")).status == 0)
        let strict = try Executable.run(arguments(w, "check", ["--strict"]))
        #expect(strict.status == 1)
        #expect(strict.stderr.contains(": fel: okänd nyckel 'ordre' [unknown-key]"))
        #expect(strict.stderr.hasSuffix("1 fel, 0 varningar\n"))
        let build = try Executable.run(arguments(w, "build", ["--strict"]))
        #expect(build.status == 1)
        // No output yet: nothing to be "as before".
        #expect(build.stderr.hasSuffix("1 fel, 0 varningar\nIngenting skrevs till \(w.output)/.\n"), "\(build.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.output))
    }

    /// `--quiet` is for scheduled builds: nothing when all is well (cron mails nothing),
    /// everything when something needs doing.
    @Test func quietBuildsSayNothingUnlessSomethingNeedsDoing() throws {
        let w = try BrokenWorkspace()
        let clean = try Executable.run(arguments(w, "build", ["--quiet"]))
        #expect(clean.status == 0 && clean.stderr.isEmpty && clean.stdout.isEmpty, "\(clean.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/exby/index.html"))
        #expect(try Executable.run(arguments(w, "build", ["-q"])).stderr.isEmpty, "a build with nothing changed")
        let json = try Executable.run(arguments(w, "build", ["-q", "--format", "json"]))
        #expect(json.status == 0 && json.stdout.isEmpty && json.stderr.isEmpty, "\(json.stdout)")
        try w.replace("content/routines/hotad.md", "order: 10", with: "ordre: 10")
        let warned = try Executable.run(arguments(w, "build", ["-q"]))
        #expect(warned.status == 0)
        #expect(warned.stderr.contains(": varning: okänd nyckel 'ordre' [unknown-key]"), "\(warned.stderr)")
        #expect(warned.stderr.contains("0 fel, 1 varning\nByggde 1 handbok"), "\(warned.stderr)")
        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: hanterra")
        let failed = try Executable.run(arguments(w, "build", ["-q"]))
        #expect(failed.status == 1 && failed.stderr.hasSuffix("1 fel, 1 varning\nIngenting skrevs: \(w.output)/ är som förut.\n"), "\(failed.stderr)")
        // A final '/' in --output is not doubled in what is said.
        let slash = try Executable.run(arguments(w, "build", ["--output", w.output + "/"]).filter { $0 != "--quiet" })
        #expect(slash.stderr.contains("Ingenting skrevs: \(w.output)/ är som förut."), "\(slash.stderr)")
        // A file in the output's place is refused, and named as a file.
        try w.write("fil.txt", "behåll\n")
        let file = try Executable.run(arguments(w, "build", ["--output", w.url("fil.txt").path]).filter { $0 != "--quiet" })
        #expect(file.status == 1 && file.stderr.hasSuffix("Ingenting skrevs: \(w.url("fil.txt").path) är som förut.\n"), "\(file.stderr)")
    }

    @Test func todayDecidesWhatIsStale() throws {
        let w = try BrokenWorkspace()
        let run = try Executable.run(arguments(w, "check", today: "2027-03-01"))
        #expect(run.status == 0)
        #expect(run.stderr.contains("hotad.md:8:11: varning: 'Om du blir hotad' granskades senast 2026-01-15, för mer än 12 månader sedan; be den ansvariga att granska den [review-overdue]\n  obs: i handboken för Exby kommun (ansvarig: Säkerhetssamordnare, Anna Exempel)\n"))
        let future = try Executable.run(arguments(w, "check", today: "2026-01-01"))
        #expect(future.status == 1)
        #expect(future.stderr.contains("hotad.md:8:11: fel: 'reviewed' är 2026-01-15, ett datum i framtiden [future-date]"))
    }

    @Test func jsonFormat() throws {
        let w = try BrokenWorkspace()
        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: hanterra")
        let run = try Executable.run(arguments(w, "check", ["--format", "json"]))
        #expect(run.status == 1)
        #expect(run.stderr == "")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 0)
        let items = object["diagnostics"] as! [[String: Any]]
        #expect(items.count == 1)
        let item = items[0]
        #expect((item["file"] as? String)?.hasSuffix("content/routines/hotad.md") == true)
        #expect(item["line"] as? Int == 4)
        #expect(item["column"] as? Int == 8)
        #expect(item["severity"] as? String == "error")
        #expect(item["code"] as? String == "unknown-phase")
        #expect(item["message"] as? String == "okänd del 'hanterra'")
        #expect(item["notes"] as? [String] == ["menade du 'hantera'?", "delarna i site.yml: forebygga, hantera"])
    }

    @Test(arguments: [["build", "--bogus"], ["check", "--today", "2026-1-1"], ["check", "--format", "xml"], ["nosuchcommand"], ["render"]])
    func wrongUsageExitsTwo(_ arguments: [String]) throws {
        let run = try Executable.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains("fel: ") && run.stderr.contains("Användning:"))
    }

    @Test func helpExitsZero() throws {
        #expect(try Executable.run(["build", "--help"]).status == 0)
    }

    /// `--version` prints the version alone, for scripts that record what built the output,
    /// and the help page offers it in Swedish.
    @Test func versionIsPrintedAndOffered() throws {
        let version = try Executable.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == ProgramVersion.current + "\n", "\(version.stdout)")
        #expect(ProgramVersion.current.split(separator: ".").count == 3 && ProgramVersion.current.allSatisfy { $0.isNumber || $0 == "." })
        let help = try Executable.run(["--help"])
        #expect(help.stdout.contains("--version") && help.stdout.contains("Visar vilken version av rutinbok det är."), "\(help.stdout)")
        #expect(!help.stdout.contains("Show the version"), "\(help.stdout)")
    }

    /// Text in a content file cannot drive the terminal: control characters in a message
    /// (here a key that hides the rest of the line, `ESC [8m`; a value's are refused and
    /// shown by their code) are shown, not sent.
    @Test func controlCharactersInMessagesAreShownNotSent() throws {
        let w = try BrokenWorkspace()
        try w.replace("content/routines/hotad.md", "owner: samordnare", with: "owner: samordnare\n\"nobody\\e[8m\\u202E\": x")
        let run = try Executable.run(arguments(w, "check", ["--strict"]))
        #expect(run.status == 1)
        #expect(!run.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, "\(run.stderr)")
        #expect(run.stderr.contains("'nobody\\u{1b}[8m\\u{202e}'"), "\(run.stderr)")
    }

    /// A refused `new` or `adopt` (the file is there, no such council) is an error, as in
    /// `build`: exit 1 and nothing written. Exit 2 is kept for wrong usage.
    @Test func refusedNewAndAdoptExitOneAndWriteNothing() throws {
        let w = try BrokenWorkspace()
        try w.write("content/councils/exby/routines/egen.md", "Redan skriven.\n")
        let taken = try Executable.run(["new", "routine", "egen", "--council", "exby", "--content", w.content])
        #expect(taken.status == 1 && taken.stderr.hasPrefix("fel: ") && taken.stderr.contains("finns redan"), "\(taken.stderr)")
        #expect(try w.read("content/councils/exby/routines/egen.md") == "Redan skriven.\n")
        let nowhere = try Executable.run(["new", "routine", "ny-rutin", "--council", "ingenstans", "--content", w.content])
        #expect(nowhere.status == 1 && nowhere.stderr.contains("det finns ingen kommun eller region 'ingenstans'"), "\(nowhere.stderr)")
        #expect(!FileManager.default.fileExists(atPath: w.url("content/councils/ingenstans").path))
        let adopt = try Executable.run(["adopt", "exby/finns-inte", "--into", "exby", "--content", w.content])
        #expect(adopt.status == 1 && adopt.stderr.hasPrefix("fel: "), "\(adopt.stderr)")
    }

    /// `adopt` with the source written as the council's name is (`Exempelstad/…`) or as its
    /// file (`….md`) says what differs, with the command written right; several councils in
    /// one `--council` are told to repeat the option.
    @Test func adoptAndCouncilSayHowToWriteWhatWasMeant() throws {
        let content = DemoContent.content
        let folder = SuggestedCommand.shellQuoted(content)
        for (written, how) in [("Exempelstad/sociala-medier", "med små bokstäver"), ("exempelstad/sociala-medier.md", "utan .md"),
                               ("Exempelstad/Sociala-medier.MD", "med små bokstäver och utan .md")] {
            let run = try Executable.run(["adopt", written, "--into", "exempelby", "--content", content])
            #expect(run.status == 1)
            #expect(run.stderr == """
                fel: rutinen ska skrivas '<kommun>/<rutin-id>' \(how): 'exempelstad/sociala-medier', inte '\(written)'
                  obs: skriv: rutinbok adopt exempelstad/sociala-medier --into exempelby --content \(folder)

                """, "\(run.stderr)")
        }
        let other = try Executable.run(["adopt", "exempelstad", "--into", "exempelby", "--content", content])
        #expect(other.stderr.hasPrefix("fel: rutinen ska skrivas '<kommun>/<rutin-id>', till exempel 'exempelstad/sociala-medier', men här står 'exempelstad'\n"), "\(other.stderr)")
        let both = try Executable.run(["report", "--content", content, "--council", "exempelby,exempelstad"])
        #expect(both.status == 1 && both.stdout.isEmpty)
        #expect(both.stderr.hasPrefix("""
            --council: fel: det finns ingen kommun eller region 'exempelby,exempelstad' [unknown-council]
              obs: skriv --council en gång för varje kommun: --council exempelby --council exempelstad

            """), "\(both.stderr)")
        let groups = try Executable.run(["report", "--content", content, "--group", "nordvast, sydost"])
        #expect(groups.stderr.contains("  obs: skriv --group en gång för varje grupp: --group nordvast --group sydost\n"), "\(groups.stderr)")
    }

    /// `new routine` with an id close to a base routine's says at once what `check` would
    /// say of the file (`override-unknown`), with the command for the id probably meant.
    @Test func newRoutineWarnsOfANearMissAtOnce() async throws {
        let w = try BrokenWorkspace()
        let run = try Executable.run(["new", "routine", "anmala", "--council", "exby", "--content", w.content, "--today", "2026-06-01"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("""
            varning: 'anmala' ersätter ingen grundrutin och läggs därför till som en ny rutin
              obs: ville du ersätta 'anmalan'? Ta i så fall bort filen och skriv: rutinbok new routine anmalan --council exby --content \(SuggestedCommand.shellQuoted(w.content))

            """), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: w.url("content/councils/exby/routines/anmala.md").path))
        #expect(await w.check().contains { $0.hasSuffix("[override-unknown]\n  obs: ville du ersätta 'anmalan'? Döp i så fall filen till 'anmalan.md'") })
        // An id near none, or one that replaces a base routine, is made without a word of warning.
        for id in ["sammantraden", "hotad"] {
            let quiet = try Executable.run(["new", "routine", id, "--council", "exby", "--content", w.content, "--today", "2026-06-01"])
            #expect(quiet.status == 0 && !quiet.stderr.contains("varning"), "\(quiet.stderr)")
        }
    }

    /// A failed first build into a new output leaves nothing beside it, not even its lock
    /// (often in a shared folder: `/tmp/.x.lock`); an output built once keeps its lock.
    @Test func aFailedFirstBuildLeavesNoLockBehind() throws {
        let w = try BrokenWorkspace()
        let build = ["build", "--content", w.content, "--templates", w.templates, "--output", w.url("ny").path, "--today", "2026-06-01"]
        func beside() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: w.root.path).filter { $0.hasPrefix(".ny") }.sorted() }
        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: hanter")
        let failed = try Executable.run(build)
        #expect(failed.status == 1 && failed.stderr.contains("[unknown-phase]"), "\(failed.stderr)")
        #expect(try beside() == [])
        try w.replace("content/routines/hotad.md", "phase: hanter", with: "phase: hantera")
        #expect(try Executable.run(build).status == 0)
        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: hanter")
        #expect(try Executable.run(build).status == 1)
        #expect(try beside().contains(".ny.lock"), "the output is there: its lock stays")
    }

    /// `--group` chooses the councils that joined a group, in `check`, `report` and `build`
    /// alike; a group there is not, or a council's id, is an error and nothing is done.
    @Test func aGroupsCouncilsAreChosenWithGroup() throws {
        let content = DemoContent.content
        let check = try Executable.run(["check", "--content", content, "--templates", DemoContent.templates, "--today", "2026-11-29", "--group", "nordvast"])
        #expect(check.status == 0 && check.stderr == "Inga fel eller varningar i 3 handböcker.\n", "\(check.stderr)")
        let report = try Executable.run(["report", "--content", content, "--today", "2026-11-29", "--format", "csv", "--group", "nordvast", "--council", "exempelby"])
        #expect(report.status == 0)
        let councils = Set(report.stdout.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ";").first.map(String.init) ?? "" })
        #expect(councils == ["exempelby", "fiktiva", "lattsasby", "pahittsjo"], "\(councils)")
        let output = TestPaths.temporaryFolder("rutinbok-group-build").appendingPathComponent("output").path
        let build = try Executable.run(["build", "--content", content, "--templates", DemoContent.templates, "--output", output, "--today", "2026-11-29", "--group", "nordvast"])
        #expect(build.status == 0, "\(build.stderr)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: output).filter { FileManager.default.fileExists(atPath: "\(output)/\($0)/kontakter.html") }
        #expect(Set(folders) == ["fiktiva", "lattsasby", "pahittsjo"])
        let typo = try Executable.run(["check", "--content", content, "--templates", DemoContent.templates, "--group", "nordvst"])
        #expect(typo.status == 1 && typo.stderr == """
            --group: fel: det finns ingen grupp 'nordvst' [unknown-group]
              obs: menade du 'nordvast'?
              obs: grupper i groups/: nordvast
            1 fel, 0 varningar

            """, "\(typo.stderr)")
        let council = try Executable.run(["report", "--content", content, "--group", "exempelby"])
        #expect(council.status == 1 && council.stdout.isEmpty)
        #expect(council.stderr.hasPrefix("--group: fel: det finns ingen grupp 'exempelby'; 'exempelby' är en kommun eller region, som du väljer med --council [unknown-group]\n"), "\(council.stderr)")
    }

    /// `report --council` with a group's id or no council's: the error on stderr, exit 1,
    /// and nothing on stdout (a program reading it gets no half report). A group's id is
    /// said to be one, with its members, wherever a council is expected.
    @Test func aCouncilThatIsAGroupOrNothingIsAnErrorWithNothingOnStdout() throws {
        let content = DemoContent.content
        let group = """
            --council: fel: 'nordvast' är en grupp (Samverkan Nordväst), inte en kommun eller region [unknown-council]
              obs: gruppens medlemmar: fiktiva (Fiktiva kommun), lattsasby (Låtsasby kommun), pahittsjo (Påhittsjö kommun)
              obs: alla gruppens kommuner och regioner väljer du med --group nordvast
            1 fel, 0 varningar

            """
        for format in ["text", "json", "csv"] {
            let run = try Executable.run(["report", "--content", content, "--today", "2026-11-29", "--format", format, "--council", "nordvast"])
            #expect(run.status == 1)
            #expect(run.stdout == "", "\(format): \(run.stdout)")
            #expect(run.stderr == group, "\(run.stderr)")
        }
        let nowhere = try Executable.run(["report", "--content", content, "--council", "ingenstans"])
        #expect(nowhere.status == 1 && nowhere.stdout == "", "\(nowhere.stdout)")
        #expect(nowhere.stderr.hasPrefix("--council: fel: det finns ingen kommun eller region 'ingenstans' [unknown-council]\n  obs: kommuner och regioner: exempelby, exempelstad, "), "\(nowhere.stderr)")
        let output = TestPaths.temporaryFolder("rutinbok-group").appendingPathComponent("output").path
        let build = try Executable.run(["build", "--content", content, "--templates", DemoContent.templates, "--output", output, "--council", "nordvast"])
        #expect(build.status == 1 && build.stderr.hasPrefix(group.components(separatedBy: "1 fel")[0]), "\(build.stderr)")
        let new = try Executable.run(["new", "routine", "x", "--council", "nordvast", "--content", content])
        #expect(new.status == 1 && new.stderr.hasPrefix("fel: 'nordvast' är en grupp (Samverkan Nordväst), inte en kommun eller region\n"), "\(new.stderr)")
        #expect(!new.stderr.contains("new council"), "a group is not offered as a new council: \(new.stderr)")
    }

    /// `redirects` writes its prefix into a server's configuration as it is: one that would end
    /// a rule (`;`, `}`, white space) or lead to another host (`//`) is refused (security
    /// audit); `--own-site` needs one handbook.
    @Test func redirectsRefusesAPrefixThatIsNoPlainPath() throws {
        let content = TestPaths.packageRoot.appendingPathComponent("content").path
        for prefix in ["//evil.example/", "/a b/", "/a;}\nx", "/../etc/"] {
            let refused = try Executable.run(["redirects", "--content", content, "--format", "nginx", "--prefix", prefix])
            #expect(refused.status == 2 && refused.stdout.isEmpty, "\(prefix)")
            #expect(refused.stderr.hasPrefix("fel: --prefix ska vara en sökväg på webbservern"), "\(refused.stderr)")
        }
        let plain = try Executable.run(["redirects", "--content", content, "--prefix", "rutiner", "--council", "exempelby", "--own-site"])
        #expect(plain.status == 0 && plain.stdout == "/rutiner/hot-via-e-post.html\t/rutiner/hot-via-e-post-och-sociala-medier.html\n", "\(plain.stdout)")
        let two = try Executable.run(["redirects", "--content", content, "--own-site"])
        #expect(two.status == 2 && two.stderr.hasPrefix("fel: --own-site gäller en handbok"), "\(two.stderr)")
    }

    /// A default is said once in a help page: ArgumentParser adds it to an option's help, so a
    /// help text that writes it too says it twice.
    @Test(arguments: ["build", "check", "report", "redirects", "serve", "adopt", "new council", "new routine"])
    func aHelpPageSaysEachDefaultOnce(_ command: String) throws {
        let help = try Executable.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(help.status == 0)
        // An option's help may run over two lines; joined, a default twice is one line.
        let joined = help.stdout.replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(joined.range(of: #"\(förval: [^)]*\)\s*\(förval:"#, options: .regularExpression) == nil, "\(help.stdout)")
        #expect(joined.contains("(förval:"), "a help page with no default at all: \(command)")
    }

    /// ArgumentParser's own words reach the user in Swedish: its usage errors and the headings
    /// and defaults of a help page.
    @Test func usageErrorsAndHelpPagesAreInSwedish() throws {
        let kind = try Executable.run(["new", "council", "x", "--name", "X", "--kind", "komun"])
        #expect(kind.status == 2)
        #expect(kind.stderr.hasPrefix("fel: 'komun' fungerar inte för --kind; välj kommun, landsting eller region\n"))
        #expect(kind.stderr.contains("Användning: rutinbok new council"))
        let missing = try Executable.run(["new", "council"])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("fel: argumentet <id> saknas\n"))
        // An id given, but starting with '-': ArgumentParser read it as an option.
        let dashed = try Executable.run(["new", "council", "-x", "--name", "X", "--kind", "kommun"])
        #expect(dashed.status == 2 && dashed.stderr.hasPrefix("fel: argumentet <id> saknas\n  obs: '-x' börjar med '-' och läses därför som ett alternativ, inte som <id>\n"),
                "\(dashed.stderr)")
        let help = try Executable.run(["adopt", "--help"])
        #expect(help.status == 0)
        for heading in ["ÖVERSIKT: ", "ANVÄNDNING: ", "ARGUMENT:", "ALTERNATIV:", "(förval: content)", "Visar den här hjälpen."] {
            #expect(help.stdout.contains(heading), "\(heading)")
        }
        #expect(!help.stdout.contains("USAGE:") && !help.stdout.contains("(default:"))
        let typo = try Executable.run(["build", "--councl", "x"])
        #expect(typo.status == 2 && typo.stderr.hasPrefix("fel: okänt alternativ '--councl'. Menade du '--council'?\n"), "\(typo.stderr)")
        let format = try Executable.run(["check", "--format", "xml"])
        #expect(format.status == 2 && format.stderr.hasPrefix("fel: 'xml' fungerar inte för --format; välj text eller json\n"), "\(format.stderr)")
        // The guide's word for the internal version is "intranät": the flag is named for it.
        let intranet = try Executable.run(["build", "--intranet"])
        #expect(intranet.status == 2 && intranet.stderr.hasPrefix("fel: okänt alternativ '--intranet'; intranätets version byggs med --internal\n"), "\(intranet.stderr)")
    }

    /// Run in the wrong folder (no content/ there), a build says so and leaves nothing behind,
    /// not even the lock beside the output it would have written.
    @Test func aBuildWithoutContentLeavesNoTrace() throws {
        let w = try BrokenWorkspace()
        let empty = w.url("tom")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let run = try Executable.run(["build", "--templates", w.templates], in: empty)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("content: fel: innehållsmappen finns inte [no-content]\n"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path) == [])
    }

    /// Without --templates, both places looked in are named: the folder the command runs in,
    /// and the program's own folder (where an installation keeps its templates).
    @Test func missingTemplatesNameWhereTheyWereLookedFor() throws {
        let w = try BrokenWorkspace()
        let beside = Executable.url.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("templates").path
        let run = try Executable.run(["check", "--content", w.content], in: URL(fileURLWithPath: w.content))
        #expect(run.status == 1)
        #expect(run.stderr.contains("templates: fel: mallmappen finns inte [no-templates]\n  obs: letade efter \(w.content)/templates och \(beside)\n"), "\(run.stderr)")
        // Given with --templates, only that folder is named.
        let given = try Executable.run(["check", "--content", w.content, "--templates", "mallar"], in: URL(fileURLWithPath: w.content))
        #expect(given.stderr.contains("mallar: fel: mallmappen finns inte [no-templates]\n  obs: letade efter \(w.content)/mallar\n"), "\(given.stderr)")
    }

    /// A build that waits for another one into the same output says so, rather than seem to hang.
    @Test func aBuildWaitingForAnotherSaysSo() async throws {
        let w = try BrokenWorkspace()
        #expect(try Executable.run(arguments(w, "build")).status == 0)
        var held: OutputLock? = await OutputLock.acquire(beside: URL(fileURLWithPath: w.output).standardizedFileURL.resolvingSymlinksInPath())
        try w.append("content/routines/hotad.md", "\nNy rad.\n")
        let process = try Executable.start(arguments(w, "build"))
        try await Task.sleep(for: .milliseconds(1500))
        #expect(process.isRunning, "it waited")
        withExtendedLifetime(held) {}
        held = nil
        let stderr = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: stderr, as: UTF8.self).hasPrefix("Väntar på att ett annat bygge till \(w.output)/ ska bli klart …\n"))
    }

    /// The intranet's version goes to a folder of its own unless `--output` says otherwise,
    /// so that it never lands in `output/`, where the public version is published from.
    @Test func theIntranetsBuildHasAnOutputFolderOfItsOwn() throws {
        let w = try BrokenWorkspace()
        let run = try Executable.run(["build", "--internal", "--content", "content", "--templates", "templates", "--today", "2026-06-01"], in: w.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains(" i output-intranat/ på "), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: w.url("output-intranat/exby/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: w.url("output").path))
        let help = try Executable.run(["build", "--help"])
        #expect(help.stdout.contains("--internal output-intranat)"), "\(help.stdout)")
    }

    /// `rutinbok serve` is the preview program beside `rutinbok`, with the arguments as given.
    @Test func serveRunsThePreviewProgram() throws {
        let help = try Executable.run(["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("ANVÄNDNING: rutinbok serve") && help.stdout.contains("--port <port>"), "the preview's own options")
        let wrong = try Executable.run(["serve", "--bogus"])
        #expect(wrong.status == 2 && wrong.stderr.contains("fel: okänt alternativ '--bogus'"))
        // A negative port is a wrong port, not a missing one; every wrong port says what a port is.
        for port in ["-1", "99999", "åtta"] {
            let run = try Executable.run(["serve", "--port", port])
            #expect(run.status == 2 && run.stderr.hasPrefix("fel: '\(port)' fungerar inte för --port: en port är ett heltal från 0 till 65535"), "\(run.stderr)")
        }
    }

    /// An installation keeps `templates/` beside the binaries; the guide has editors run the
    /// commands in the folder that holds `content/` alone. Without `--templates`, the
    /// templates are found there (after `./templates`, as in a clone).
    @Test func theTemplatesBesideTheProgramAreFoundWithoutTemplatesOption() throws {
        let w = try BrokenWorkspace()
        let bin = w.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Executable.url, to: bin.appendingPathComponent("rutinbok"))
        let arguments = ["check", "--content", w.content, "--today", "2026-06-01"]
        // Run where there is no templates/: the binary in the build folder has none beside it.
        let missing = try Executable.run(arguments, in: bin)
        #expect(missing.status == 1 && missing.stderr.contains("mallmappen finns inte"), "\(missing.stderr)")
        try FileManager.default.copyItem(atPath: w.templates, toPath: bin.appendingPathComponent("templates").path)
        let installed = Process()
        installed.executableURL = bin.appendingPathComponent("rutinbok")
        installed.arguments = arguments
        installed.currentDirectoryURL = w.root.appendingPathComponent("content")
        let err = Pipe()
        installed.standardError = err
        try installed.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        installed.waitUntilExit()
        #expect(installed.terminationStatus == 0, "\(stderr)")
        #expect(stderr.contains("Inga fel eller varningar"), "\(stderr)")
    }

    /// A theme given with `--templates` holds only what it changes: the program lays it over
    /// the templates/ beside it (an installation's), file by file, and `check` says which
    /// files are the theme's. Without templates beside the program, the theme is alone.
    @Test func aThemeIsLaidOverTheTemplatesBesideTheProgram() throws {
        let w = try BrokenWorkspace()
        let bin = w.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Executable.url, to: bin.appendingPathComponent("rutinbok"))
        let marker = "<p>Exbys eget sidhuvud</p>"
        try w.write("tema/header.mustache", try w.read("templates/header.mustache").replacingOccurrences(of: "</header>", with: marker + "</header>"))
        // Run where the content is, which has no templates/ of its own.
        func installed(_ arguments: [String]) throws -> Executable.Run {
            try Executable.run(arguments + ["--content", ".", "--templates", "../tema", "--today", "2026-06-01"],
                               in: URL(fileURLWithPath: w.content), executable: bin.appendingPathComponent("rutinbok"))
        }
        let alone = try installed(["check"])
        #expect(alone.status == 1 && alone.stderr.contains("tema/footer.mustache: fel: mallen 'footer.mustache' saknas; varje bygge behöver den [missing-template]"), "\(alone.stderr)")

        try FileManager.default.copyItem(atPath: w.templates, toPath: bin.appendingPathComponent("templates").path)
        let checked = try installed(["check"])
        #expect(checked.status == 0)
        #expect(checked.stderr == """
            Temat i \(w.root.path)/tema/ ersätter 1 av rutinboks filer; de andra 34 tas från \(bin.path)/templates/.
            Ändrade i temat (jämför dem med rutinboks när rutinbok uppdateras): header.mustache.
            Inga fel eller varningar i 1 handbok.

            """, "\(checked.stderr)")
        let built = try installed(["build", "--output", "../ut"])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try w.read("ut/exby/index.html")
        #expect(page.contains(marker) && page.contains("<footer class=\"site-footer\">"))
        #expect(try w.read("ut/exby/assets/tema/rutinbok.css") == (try w.read("templates/assets/rutinbok.css")))
        // A build says nothing of the theme: a theme that holds only what it changes is normal.
        #expect(!built.stderr.contains("Temat"), "\(built.stderr)")
    }

    /// `--council` in the preview, as in `build`: with many councils in one content folder,
    /// the other councils' warnings hid the editor's own, and the address names its handbook.
    @Test func servePreviewsOneCouncil() throws {
        let content = try DemoContent.copy()
        let output = content + "-output", log = content + "-serve.log"
        defer { for path in [content, output, log] { try? FileManager.default.removeItem(atPath: path) } }
        let process = try Executable.startPreview(["--content", content, "--templates", DemoContent.templates, "--output", output, "--port", "0", "--council", "exempelby"], log: log)
        defer { if process.isRunning { process.terminate() } }
        // The address is printed once the server listens; the first build may end before or after.
        func said() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        let page = "\(output)/exempelby/index.html", start = Date()
        while !(said().contains(" och bygger om") && FileManager.default.fileExists(atPath: page)), Date().timeIntervalSince(start) < 60 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(said().contains("/exempelby/ och bygger om"), "\(said())")
        #expect(FileManager.default.fileExists(atPath: page))
        #expect(!FileManager.default.fileExists(atPath: "\(output)/exempelstad"), "only the council asked for")
    }

    /// Ctrl-C ends the preview even while requests keep every thread busy: four requests with a
    /// header of 256 kB (FlyingFox reads one in time that grows with the square of its length,
    /// and any web page can send them to the preview) kept it running, deaf to SIGINT, for
    /// minutes (security audit). It now ends within two seconds of the signal.
    @Test func ctrlCEndsAPreviewThatIsKeptBusy() throws {
        let content = try DemoContent.copy()
        let output = content + "-output", log = content + "-serve.log"
        defer { for path in [content, output, log] { try? FileManager.default.removeItem(atPath: path) } }
        let process = try Executable.startPreview(["--content", content, "--templates", DemoContent.templates, "--output", output, "--port", "0"], log: log)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        func said() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        let start = Date()
        var port: UInt16?
        while port == nil, Date().timeIntervalSince(start) < 60 {
            port = said().firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//).flatMap { UInt16($0.1) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let listening = try #require(port, "\(said())")
        var sockets: [Int32] = []
        defer { for socket in sockets { close(socket) } }
        let request = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-big: ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024)
        for _ in 0..<4 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = listening.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(connected == 0)
            sockets.append(socket)
            _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        Thread.sleep(forTimeInterval: 1)
        let interrupted = Date()
        kill(process.processIdentifier, SIGINT)
        while process.isRunning, Date().timeIntervalSince(interrupted) < 15 { Thread.sleep(forTimeInterval: 0.1) }
        #expect(!process.isRunning, "still running 15 s after Ctrl-C")
        #expect(Date().timeIntervalSince(interrupted) < 5)
    }

    /// Without `--output` the preview builds beside the published folder, never into it: a
    /// preview of one council in `output/` had left only that council there, for a cron job's
    /// `rsync --delete` to publish.
    @Test func aPreviewNeverBuildsIntoThePublishedFolder() throws {
        let root = TestPaths.temporaryFolder("rutinbok-preview-folder")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: DemoContent.content, toPath: root.appendingPathComponent("content").path)
        let log = root.appendingPathComponent("serve.log")
        let process = try Executable.startPreview(["--templates", DemoContent.templates, "--port", "0", "--council", "exempelby"], log: log.path, in: root)
        defer { if process.isRunning { process.terminate() } }
        func said() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        let page = root.appendingPathComponent("output-forhandsvisning/exempelby/index.html").path, start = Date()
        while !(said().contains("Byggde handböckerna") && FileManager.default.fileExists(atPath: page)), Date().timeIntervalSince(start) < 60 {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(said().contains("Förhandsvisningen visar output-forhandsvisning/ på http://"), "\(said())")
        #expect(FileManager.default.fileExists(atPath: page))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path), "the published folder was touched")
    }

    /// `rutinbok` and `rutinbok-serve` count as one program for what a build keeps: a build
    /// after a preview of the same output uses what the preview rendered, where each had made
    /// the next build a full one. (The preview builds for today, so its pages may differ.)
    @Test func aPreviewAndABuildKeepEachOthersWork() throws {
        let content = try DemoContent.copy()
        let output = content + "-output", log = content + "-serve.log"
        defer { for path in [content, output, log] { try? FileManager.default.removeItem(atPath: path) } }
        let build = ["build", "--content", content, "--templates", DemoContent.templates, "--output", output, "--today", "2026-11-29"]
        #expect(try Executable.run(build).status == 0)
        let process = try Executable.startPreview(["--content", content, "--templates", DemoContent.templates, "--output", output, "--port", "0"], log: log)
        defer { if process.isRunning { process.terminate() } }
        func said() -> String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }
        let start = Date()
        while !said().contains("Byggde handböckerna"), Date().timeIntervalSince(start) < 60 { Thread.sleep(forTimeInterval: 0.1) }
        #expect(Executable.end(process, within: 10), "the preview ended at SIGTERM")
        #expect(said().contains("Byggde handböckerna"), "\(said())")
        // The preview builds for today, the build for its --today: pages that show a date may
        // differ, but the rendered routines the preview kept are the build's own.
        let again = try Executable.run(build + ["--timings"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("bodies rendered 0,"), "\(again.stderr)")
    }

    /// A SIGTERM sent as soon as the first build is reported ends the preview. It came before
    /// the preview watched for it, once, and was ignored: the preview ran on, and CI hung
    /// waiting for it. Several times, since the moment was a narrow one.
    @Test func aSignalJustAfterTheFirstBuildEndsThePreview() throws {
        let content = try DemoContent.copy()
        let output = content + "-output", log = content + "-serve.log"
        defer { for path in [content, output, log] { try? FileManager.default.removeItem(atPath: path) } }
        for attempt in 1...3 {
            let process = try Executable.startPreview(["--content", content, "--templates", DemoContent.templates, "--output", output, "--port", "0"], log: log)
            let start = Date()
            while !((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("Byggde handböckerna"), process.isRunning,
                  Date().timeIntervalSince(start) < 60 { Thread.sleep(forTimeInterval: 0.002) }
            #expect(Executable.end(process, within: 5), "attempt \(attempt)")
        }
    }

    #if os(Linux)
    /// A build run once as root (`sudo`) leaves files beside the output that the usual user
    /// cannot open, the output's lock among them: the usual user's next build stops and says
    /// why, where it used to go on without the lock. (Run as root, with `setpriv`.)
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aLockLeftByAnotherUserStopsTheBuildWithAReason() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rutinbok-lock-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try FileManager.default.copyItem(atPath: DemoContent.content, toPath: "\(root)/content")
        let output = "\(root)/output"
        let build = ["build", "--content", "\(root)/content", "--templates", DemoContent.templates, "--output", output, "--today", "2026-11-29"]
        #expect(try Executable.run(build).status == 0)
        let before = snapshot(output)
        let other = try Executable.run(["--reuid=65534", "--regid=65534", "--clear-groups", Executable.url.path] + build,
                                       executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        let stderr = other.stderr
        #expect(other.status == 1, "\(stderr)")
        #expect(stderr.hasPrefix("\(output): fel: \(root)/.output.lock tillhör användaren root och går inte att öppna; då går det inte att se om ett annat bygge pågår [output-refused]\n  obs: bygg som samma användare varje gång\n"), "\(stderr)")
        #expect(snapshot(output) == before)
    }

    /// The preview's HTTP stack brings Foundation's networking and libcurl with it; the other
    /// commands must not load them (they are 6 ms of every start).
    @Test func rutinbokDoesNotLoadTheNetworkingLibraries() throws {
        let ldd = Process()
        ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        ldd.arguments = [Executable.url.path]
        let out = Pipe()
        ldd.standardOutput = out
        try ldd.run()
        let libraries = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ldd.waitUntilExit()
        #expect(libraries.contains("libswiftCore"), "ldd lists the libraries")
        #expect(!libraries.contains("FoundationNetworking") && !libraries.contains("libcurl"))
    }
    #endif

    @Test func failedBuildExitsOneAndKeepsOutput() throws {
        let w = try BrokenWorkspace()
        #expect(try Executable.run(arguments(w, "build")).status == 0)
        let before = snapshot(w.output)
        try w.write("content/routines/utbildning.md", "")
        let failed = try Executable.run(arguments(w, "build"))
        #expect(failed.status == 1)
        #expect(failed.stderr.hasSuffix("Ingenting skrevs: \(w.output)/ är som förut.\n"), "\(failed.stderr)")
        #expect(snapshot(w.output) == before)
        #expect(leftovers(beside: w.output) == [])
    }

    /// SIGKILL at several moments of a build big enough to take a while: the output is always
    /// either the whole previous one or the whole new one, and the next build cleans up.
    @Test func killedBuildLeavesPreviousOutput() throws {
        let w = try BrokenWorkspace()
        let council = try w.read("content/councils/exby/council.yml")
        for number in 1...120 {
            let slug = String(format: "kommun-%03d", number)
            try w.write("content/councils/\(slug)/council.yml", council.replacingOccurrences(of: "Exby kommun", with: "Kommun \(number)"))
            try w.write("content/councils/\(slug)/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            try w.write("content/councils/\(slug)/routines/lokalt.md", try w.read("content/councils/exby/routines/lokalt.md"))
        }
        let started = Date()
        #expect(try Executable.run(arguments(w, "build")).status == 0)
        let duration = Date().timeIntervalSince(started)
        let old = snapshot(w.output)
        #expect(old.count > 1000)

        try w.replace("content/routines/hotad.md", "title: Om du blir hotad", with: "title: Ny titel")
        var states: [(output: [String: Data], stagingLeft: Bool)] = []
        // The changed build is shorter than the first, full one, and a kill after it finished
        // makes the rest no-op builds: most kills come early, at many points, so that one lands
        // while it writes however busy the machine is.
        for fraction in [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.55, 0.7, 0.8, 0.9, 0.95] {
            let process = try Executable.start(arguments(w, "build"), quiet: true)
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            states.append((snapshot(w.output), !leftovers(beside: w.output).isEmpty))
        }
        #expect(try Executable.run(arguments(w, "build")).status == 0)
        let new = snapshot(w.output)
        #expect(new != old)
        #expect(leftovers(beside: w.output) == [], "the next build removes the staging folders of killed builds")
        for state in states {
            #expect(state.output == old || state.output == new, "never a mix of old and new")
        }
        #expect(states.contains { $0.output == old && $0.stagingLeft }, "at least one kill should hit a build while it was writing (build took \(duration) s)")
    }
}
