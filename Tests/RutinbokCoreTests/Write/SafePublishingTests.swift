import Foundation
import Testing
@testable import RutinbokCore

/// Everything in the output folder, path → bytes, so two snapshots compare byte for byte.
func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return files }
    while let path = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let full = (folder as NSString).appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = FileManager.default.contents(atPath: full)
        }
    }
    return files
}

/// Names beside the output folder that a build left behind (`.output.staging-<pid>`, `.output.previous-<pid>`).
func leftovers(beside output: String) -> [String] {
    let parent = (output as NSString).deletingLastPathComponent
    let name = (output as NSString).lastPathComponent
    return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
        .filter { $0.hasPrefix(".\(name).staging-") || $0.hasPrefix(".\(name).previous-")
            || ($0.hasPrefix(".\(name).") && Int($0.split(separator: ".").last ?? "") != nil) }
}

@Suite struct SafePublishingTests {
    /// A killed build can leave a cache's new copy under its temporary name
    /// (`.output.cache.<pid>`), as large as the cache. The next build removes it once no
    /// process has that number; a running build's is left alone.
    @Test func temporaryCopiesOfKilledBuildsAreRemoved() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        let parent = (w.output as NSString).deletingLastPathComponent
        let dead = "\(parent)/.output.cache.4194305"  // above any pid Linux hands out (pid_max ≤ 2^22)
        let alive = "\(parent)/.output.loaded.\(getpid())"
        let notOurs = "\(parent)/.output.log.4194305"  // beside the output, but not a name rutinbok uses
        #expect(FileManager.default.createFile(atPath: notOurs, contents: Data("x".utf8)))
        for path in [dead, alive] { #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8))) }
        try w.append("content/routines/hotad.md", "\nNy rad.\n")
        #expect(await Build.run(w.options(), write: true).published)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(FileManager.default.fileExists(atPath: notOurs))
        unlink(alive)
    }

    /// An output in a folder that holds a web site would put what rutinbok keeps beside it
    /// (the text of every routine, internal ones too) on the web: a warning says so, also
    /// where the folder is reached through a link and the output is not there yet.
    @Test func anOutputBesideAWebSitesStartPageIsWarnedOf() async throws {
        let w = try BrokenWorkspace()
        let site = w.root.path + "/webbplats"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: site + "/index.html", contents: Data("<h1>Hej</h1>".utf8)))
        try FileManager.default.createSymbolicLink(atPath: w.root.path + "/genvag", withDestinationPath: site)
        for output in [site + "/handbok", w.root.path + "/genvag/handbok2"] {
            var options = w.options()
            options.output = output
            let result = await Build.run(options, write: true)
            let warnings = result.diagnostics.filter { $0.code == "output-in-web-root" }
            #expect(warnings.count == 1, "\(output): \(result.diagnostics)")
            #expect(warnings.first?.message.contains("har startsidan till en webbplats (index.html)") == true)
            #expect(warnings.first?.message.contains("texterna till alla rutiner, också de interna") == true)
        }
        #expect(!(await Build.run(w.options(), write: true)).diagnostics.contains { $0.code == "output-in-web-root" })
    }

    @Test func failedBuildLeavesPreviousOutputByteIdentical() async throws {
        let w = try BrokenWorkspace()
        let first = await Build.run(w.options(), write: true)
        #expect(first.published, "\(first.diagnostics.map(w.display))")
        let before = snapshot(w.output)
        #expect(before[Publisher.marker] != nil)
        #expect(before["exby/hotad.html"] != nil)

        try w.replace("content/routines/hotad.md", "title: Om du blir hotad", with: "title: Ny titel")
        try w.replace("content/routines/anmalan.md", "phase: hantera", with: "phase: okand")
        let second = await Build.run(w.options(), write: true)
        #expect(!second.published)
        #expect(second.diagnostics.hasErrors)
        #expect(snapshot(w.output) == before)
        #expect(leftovers(beside: w.output) == [])
    }

    @Test func strictBuildWithWarningsWritesNothing() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        let before = snapshot(w.output)
        try w.replace("content/routines/hotad.md", "order: 10", with: "ordre: 10")
        var options = w.options()
        options.strict = true
        let result = await Build.run(options, write: true)
        #expect(!result.published)
        #expect(result.diagnostics.map(\.code) == ["unknown-key"])
        #expect(snapshot(w.output) == before)
    }

    /// `--strict` fails on warnings also when nothing changed since the build that found them:
    /// the no-op build reports the stored warnings and publishes nothing.
    @Test func strictNoOpBuildWithStoredWarningsFails() async throws {
        let w = try BrokenWorkspace()
        try w.replace("content/routines/hotad.md", "order: 10", with: "ordre: 10")
        let first = await Build.run(w.options(), write: true)
        #expect(first.published && first.diagnostics.map(\.code) == ["unknown-key"])
        var options = w.options()
        options.strict = true
        let result = await Build.run(options, write: true)
        #expect(result.unchanged, "nothing changed: the stored warnings are reported again")
        #expect(!result.published)
        #expect(result.diagnostics.map(\.code) == ["unknown-key"])
    }

    /// A build that fails after writing its manifest (the last step before the exchange) takes
    /// that manifest with it: beside the output stays only the manifest of what is published.
    @Test func discardedStagingTakesItsManifestWithIt() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        let before = snapshot(w.output)
        let publisher = try Publisher(output: w.output, protected: [w.content, w.templates])
        let manifest = Manifest.path(of: publisher.output), next = Publisher.nextManifestPath(of: publisher.output)
        let published = try Data(contentsOf: manifest)
        try publisher.write([OutputFile(path: "exby/hotad.html", contents: .text("half"))])
        try publisher.writeManifest(Manifest())
        #expect(FileManager.default.fileExists(atPath: next.path))
        publisher.discard()
        #expect(!FileManager.default.fileExists(atPath: next.path))
        #expect(try Data(contentsOf: manifest) == published)
        #expect(snapshot(w.output) == before)
        #expect(leftovers(beside: w.output) == [])
    }

    @Test func discardedStagingLeavesOutputAlone() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        let before = snapshot(w.output)
        let publisher = try Publisher(output: w.output, protected: [w.content, w.templates])
        try publisher.write([OutputFile(path: "exby/hotad.html", contents: .text("half"))])
        #expect(leftovers(beside: w.output).count == 1)
        #expect(throws: Publisher.Failure.self) { try publisher.write([OutputFile(path: "../utanfor.html", contents: .text("x"))]) }
        #expect(!FileManager.default.fileExists(atPath: w.url("utanfor.html").path))
        publisher.discard()
        #expect(snapshot(w.output) == before)
        #expect(leftovers(beside: w.output) == [])
    }

    @Test func successfulBuildReplacesOutputAndCleansUp() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        try w.replace("content/routines/hotad.md", "title: Om du blir hotad", with: "title: Ny titel")
        #expect(await Build.run(w.options(), write: true).published)
        let page = try w.read("output/exby/hotad.html")
        #expect(page.contains("Ny titel"))
        #expect(leftovers(beside: w.output) == [])
    }

    // MARK: Refusals

    private func refusal(_ w: BrokenWorkspace, output: String, internal isInternal: Bool = false) async -> [String] {
        var options = w.options()
        options.output = output
        options.includeInternal = isInternal
        let result = await Build.run(options, write: true)
        #expect(!result.published)
        return result.diagnostics.filter { $0.code == "output-refused" }.map(\.message)
    }

    @Test func refusesContentTemplatesAndFoldersInsideThem() async throws {
        let w = try BrokenWorkspace()
        let contentBefore = snapshot(w.content), templatesBefore = snapshot(w.templates)
        #expect(await refusal(w, output: w.content).count == 1)
        #expect(await refusal(w, output: w.templates).count == 1)
        #expect(await refusal(w, output: w.content + "/councils/ut").count == 1)
        #expect(await refusal(w, output: w.root.path).count == 1, "the parent of content/ would replace it")
        #expect(snapshot(w.content) == contentBefore)
        #expect(snapshot(w.templates) == templatesBefore)
        #expect(leftovers(beside: w.content) == [])
    }

    /// The public output is what a web server publishes: an intranet build is refused there,
    /// and so is any output inside another (publishing that one would publish it). The output
    /// stays as it was; an intranet output may become public again.
    @Test func refusesTheIntranetInThePublicOutputAndOutputsInsideOutputs() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        // The marker: the manifest's checksum, then the kind of output.
        func kind(_ folder: String) throws -> String? { try w.read("\(folder)/\(Publisher.marker)").split(separator: "\n").last.map(String.init) }
        #expect(try w.read("output/\(Publisher.marker)").split(separator: "\n").count == 2)
        #expect(try kind("output") == "public")
        let before = snapshot(w.output)
        var intranet = w.options()
        intranet.includeInternal = true
        let refused = await Build.run(intranet, write: true)
        #expect(!refused.published)
        #expect(refused.diagnostics.filter { $0.code == "output-refused" }.map(\.message) == [
            "\(w.output) har den offentliga versionen; med --internal skulle de interna rutinerna hamna där. Välj en annan --output (utan --output blir det output-intranat/), eller ta bort \(w.output) först om det är meningen"])
        #expect(snapshot(w.output) == before)
        #expect(leftovers(beside: w.output) == [])
        // Said before any work: content errors do not hide it.
        try w.replace("content/routines/anmalan.md", "phase: hantera", with: "phase: okand")
        #expect(await Build.run(intranet, write: true).diagnostics.map(\.code) == ["output-refused"])
        try w.replace("content/routines/anmalan.md", "phase: okand", with: "phase: hantera")

        let nested = w.output + "/intranat"
        #expect(await refusal(w, output: nested) == ["\(nested) kan inte vara utdatamapp: den ligger i \(w.output), som rutinbok har byggt och som publiceras som den är; välj en mapp bredvid den"])
        #expect(await refusal(w, output: w.output + "/exby/ut").count == 1)
        #expect(snapshot(w.output) == before)

        // Beside it, the intranet's output says what it is; made public again, it says so.
        intranet.output = w.url("output-intranat").path
        #expect(await Build.run(intranet, write: true).published)
        #expect(try kind("output-intranat") == "internal")
        var publicAgain = w.options()
        publicAgain.output = intranet.output
        #expect(await Build.run(publicAgain, write: true).published)
        #expect(try kind("output-intranat") == "public")

        // A marker of an older version holds the manifest's seal alone: then the start page
        // tells which version the folder holds (an intranet build's asks search engines not
        // to index it). A public one is refused; the intranet's own goes on, incrementally.
        func markAsOlderVersion(_ folder: String) throws {
            let marker = "\(folder)/\(Publisher.marker)"
            try w.write(marker, String(try w.read(marker).split(separator: "\n")[0]) + "\n")
        }
        try markAsOlderVersion("output")
        #expect(await refusal(w, output: w.output, internal: true).count == 1)
        #expect(snapshot(w.output).filter { $0.key != Publisher.marker } == before.filter { $0.key != Publisher.marker })
        intranet.output = w.url("intranat").path
        #expect(await Build.run(intranet, write: true).published)
        try markAsOlderVersion("intranat")
        try w.append("content/routines/hotad.md", "\nNy rad.\n")
        let again = await Build.run(intranet, write: true)
        #expect(again.published && again.filesChanged < again.filesWritten, "an intranet output of an older version: built again, in part")
        #expect(try kind("intranat") == "internal")
    }

    /// A file put into the published output by hand, or an output an older version built
    /// inside it, is gone after the next changed builds, and does not come back with the
    /// previous output that the build after starts from.
    @Test func filesAddedAtTheTopOfTheOutputDoNotComeBack() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        try w.write("output/robots.txt", "User-agent: *\n")
        try w.write("output/intranat/\(Publisher.marker)", "")
        try w.write("output/intranat/intern.html", "intern\n")
        var seen: [[Bool]] = []
        for round in 1...4 {
            try w.append("content/routines/hotad.md", "\nRad \(round).\n")
            #expect(await Build.run(w.options(), write: true).published)
            seen.append(["output/robots.txt", "output/intranat/intern.html"].map { FileManager.default.fileExists(atPath: w.url($0).path) })
        }
        // The first build after starts from no previous output; from then on neither is seen again.
        #expect(seen.dropFirst().allSatisfy { $0 == [false, false] }, "\(seen)")
        var clean = w.options()
        clean.output = w.url("ren").path
        #expect(await Build.run(clean, write: true).published)
        #expect(snapshot(w.output).filter { $0.key != Publisher.marker } == snapshot(clean.output).filter { $0.key != Publisher.marker })
    }

    @Test func refusesRepositoryRootAndSlash() async throws {
        let w = try BrokenWorkspace()
        try w.write("repo/Package.swift", "// swift-tools-version:6.0\n")
        #expect(await refusal(w, output: w.url("repo").path) == ["\(w.url("repo").path) kan inte vara utdatamapp: den har Package.swift eller .git, som ett kodförråd"])
        try w.write("git-repo/.git/HEAD", "ref: refs/heads/main\n")
        #expect(await refusal(w, output: w.url("git-repo").path).count == 1)
        #expect(await refusal(w, output: BrokenWorkspace.packageRoot.path).count == 1)
        #expect(await refusal(w, output: "/") == ["'/' kan inte vara utdatamapp"])
        #expect(FileManager.default.fileExists(atPath: w.url("repo/Package.swift").path))
    }

    @Test func refusesFoldersNotMadeByRutinbok() async throws {
        let w = try BrokenWorkspace()
        try w.write("dokument/viktigt.txt", "inte rutinbok")
        let path = w.url("dokument").path
        #expect(await refusal(w, output: path) == ["\(path) kan inte vara utdatamapp: mappen är inte tom och gjordes inte av rutinbok; välj en annan --output"])
        try w.write("en-fil", "x")
        #expect(await refusal(w, output: w.url("en-fil").path).count == 1)
        #expect(try w.read("dokument/viktigt.txt") == "inte rutinbok")
        // An empty folder is fine: nothing in it can be lost.
        try FileManager.default.createDirectory(at: w.url("tom"), withIntermediateDirectories: true)
        var options = w.options()
        options.output = w.url("tom").path
        #expect(await Build.run(options, write: true).published)
    }

    @Test func neverDeletesAnythingOutsideTheOutputFolder() async throws {
        let w = try BrokenWorkspace()
        // Look-alikes of staging folders that rutinbok did not make, or that a running build holds.
        try w.write(".output.staging-99999999/keep.txt", "no marker")
        try w.write(".output.staging-abc/\(Publisher.marker)", "")
        try w.write(".output.staging-77/\(Publisher.marker)", "")
        let held = open(w.url(".output.staging-77/\(Publisher.marker)").path, O_RDONLY)
        defer { close(held) }
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        try w.write(".output.previous-5/keep.txt", "x")
        try w.write("output-sibling/keep.txt", "x")
        try w.write("notes.txt", "x")
        // What rutinbok keeps beside its output for the next build is its own: caches and the spare.
        let ours = [".output.cache", ".output.loaded", ".output.councils", ".output.frames", ".output.spare/",
                    ".output.manifest", ".output.spare.manifest", ".output.lock"]
        let outside = {
            snapshot(w.root.path).filter { entry in
                !entry.key.hasPrefix("output/") && !entry.key.hasPrefix("content/") && !ours.contains { entry.key.hasPrefix($0) }
            }
        }
        let before = outside()
        #expect(await Build.run(w.options(), write: true).published)
        #expect(await Build.run(w.options(), write: true).published)
        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: okand")
        #expect(!(await Build.run(w.options(), write: true).published))
        #expect(outside() == before)
    }

    @Test func staleStagingFolderOfADeadBuildIsRemoved() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        // A pid that cannot be running: above the kernel's pid_max (at most 2^22).
        try w.write(".output.staging-99999999/\(Publisher.marker)", "")
        try w.write(".output.staging-99999999/exby/half.html", "<p>half")
        #expect(await Build.run(w.options(), write: true).published)
        #expect(leftovers(beside: w.output) == [])
    }

    /// Without an atomic exchange, `publish` moves the output aside and the new one in: a build
    /// killed between the two left no output. The next build, even one that fails, puts the
    /// previous output back as it was; beside an output put in place, what was moved aside goes.
    @Test func anOutputMovedAsideByAKilledBuildIsPutBack() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        let published = snapshot(w.output)
        let aside = Publisher.asidePath(of: URL(fileURLWithPath: w.output), pid: 99_999_999)
        #expect(rename(w.output, aside.path) == 0)
        try w.replace("content/routines/hotad.md", "phase: hantera", with: "phase: okand")
        #expect(!(await Build.run(w.options(), write: true).published))
        #expect(snapshot(w.output) == published)
        #expect(leftovers(beside: w.output) == [])
        // Put in place, then killed before the previous output went to the spare.
        try w.replace("content/routines/hotad.md", "phase: okand", with: "phase: hantera")
        try FileManager.default.copyItem(atPath: w.output, toPath: aside.path)
        #expect(await Build.run(w.options(), write: true).published)
        #expect(!FileManager.default.fileExists(atPath: aside.path))
        // The same pages; the marker holds the seal of this build's manifest.
        #expect(snapshot(w.output).filter { $0.key != Publisher.marker } == published.filter { $0.key != Publisher.marker })
    }

    // MARK: Safe content

    @Test func rawHTMLAndJavascriptStayOutUnlessAllowed() async throws {
        let w = try BrokenWorkspace()
        try w.append("content/routines/utbildning.md", """

            <script>alert("block")</script>

            Text med <img src=x onerror="alert('inline')"> och [klick](javascript:alert('link')) och [data](data:text/html,hej).

            """)
        let safe = await Build.run(w.options(), write: true)
        #expect(safe.published)
        #expect(safe.diagnostics.map(w.display) == [
            "content/routines/utbildning.md:13:1: varning: HTML-kod tas inte med på sidan; skriv med Markdown i stället [raw-html]",
            "content/routines/utbildning.md:15:10: varning: HTML-kod tas inte med på sidan; skriv med Markdown i stället [raw-html]",
            "content/routines/utbildning.md:15:52: varning: länken 'javascript:alert('link')' tas bort: länkar får inte köra kod [unsafe-link]",
            "content/routines/utbildning.md:15:90: varning: länken 'data:text/html,hej' tas bort: länkar får inte köra kod [unsafe-link]",
        ])
        let page = try w.read("output/exby/utbildning.html")
        #expect(!page.contains("alert(\"block\")"))
        #expect(!page.contains("onerror"))
        #expect(!page.contains("javascript:"))
        #expect(!page.contains("data:text/html"))

        // `allow_raw_html` trusts the council's own routines, not the base's or its group's,
        // which others write (a security audit found them let through too).
        try w.append("content/councils/exby/council.yml", "allow_raw_html: true\n")
        let trusted = await Build.run(w.options(), write: true)
        #expect(trusted.published)
        #expect(trusted.diagnostics.map(w.display) == safe.diagnostics.map(w.display))
        #expect(!(try w.read("output/exby/utbildning.html")).contains("alert(\"block\")"))
        try w.write("content/councils/exby/routines/utbildning.md", try w.read("content/routines/utbildning.md"))
        let allowed = await Build.run(w.options(), write: true)
        #expect(allowed.published)
        #expect(!allowed.diagnostics.contains { $0.location.file.contains("councils/exby") }, "\(allowed.diagnostics.map(w.display))")
        let raw = try w.read("output/exby/utbildning.html")
        #expect(raw.contains("<script>alert(\"block\")</script>"))
        #expect(raw.contains("href=\"javascript:alert(&#x27;link&#x27;)\""))
    }

    @Test func configValuesAreEscapedInPages() async throws {
        let w = try BrokenWorkspace()
        try w.replace("content/councils/exby/council.yml", "name: Exby kommun", with: "name: \"<script>alert(1)</script>\"")
        try w.replace("content/councils/exby/council.yml", "name: Anna Exempel", with: "name: \"<b>Anna</b> & Co\"")
        try w.replace("content/routines/hotad.md", "title: Om du blir hotad", with: "title: \"<i>Hotad</i>\"")
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        for (path, data) in snapshot(w.output) where path.hasSuffix(".html") {
            let page = String(decoding: data, as: UTF8.self)
            #expect(!page.contains("<script>alert(1)"), "\(path)")
            #expect(!page.contains("<b>Anna</b>"), "\(path)")
            #expect(!page.contains("<i>Hotad</i>"), "\(path)")
        }
        let start = try w.read("output/exby/index.html")
        #expect(start.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(try w.read("output/exby/kontakter.html").contains("&lt;b&gt;Anna&lt;/b&gt; &amp; Co"))
    }
}
