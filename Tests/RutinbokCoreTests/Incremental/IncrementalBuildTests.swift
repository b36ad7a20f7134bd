import Foundation
import Testing
@testable import RutinbokCore

/// Incremental builds: what a rebuild leaves alone, what it rewrites, and that the result is
/// always the bytes a clean build of the same input would write.
@Suite struct IncrementalBuildTests {
    typealias W = IncrementalWorkspace

    @Test func noOpBuildWritesNothing() async throws {
        let w = try W()
        let first = await w.build()
        #expect(first.published && !first.unchanged)
        let before = W.identities(w.output)
        #expect(!before.keys.contains { $0.contains("manifest") }, "the manifest is beside the output, not published in it")
        var folder = stat()
        stat(w.output, &folder)
        let manifest = try Data(contentsOf: W.manifest(of: w.output))

        let second = await w.build()
        #expect(second.published && second.unchanged)
        #expect(second.diagnostics == first.diagnostics, "a no-op build reports the same warnings")
        #expect(W.identities(w.output) == before)
        var after = stat()
        stat(w.output, &after)
        #expect(after.st_ino == folder.st_ino, "the output folder was not exchanged")
        #expect(try Data(contentsOf: W.manifest(of: w.output)) == manifest)
        #expect(leftovers(beside: w.output) == [])
    }

    /// The caches and the manifest beside the output hold what a public build leaves out
    /// (internal routines, their contacts): only the build's user may read them, also where
    /// the output lies in a web server's folder.
    @Test func whatIsKeptBesideTheOutputIsPrivate() async throws {
        var w = try W()
        #expect(await w.build().published)
        // As an older version left them: readable by everyone.
        for name in try FileManager.default.contentsOfDirectory(atPath: w.root.path) where name.hasPrefix(".output.") {
            var info = stat()
            let path = w.root.appendingPathComponent(name).path
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { chmod(path, 0o644) }
        }
        try w.append("content/routines/akut.md", "\nÄndrad.\n")
        #expect(await w.build().published)
        let beside = try FileManager.default.contentsOfDirectory(atPath: w.root.path).filter { $0.hasPrefix(".output.") }
        var files = 0
        for name in beside {
            var info = stat()
            #expect(lstat(w.root.appendingPathComponent(name).path, &info) == 0)
            guard (info.st_mode & S_IFMT) == S_IFREG else { continue }
            files += 1
            #expect(info.st_mode & 0o077 == 0, "\(name) is readable by others: \(String(info.st_mode & 0o777, radix: 8))")
        }
        #expect(files >= 4, "\(beside)")
    }

    @Test func touchedButUnchangedFileRewritesNothing() async throws {
        var w = try W()
        #expect(await w.build().published)
        let before = W.identities(w.output)
        try w.write("content/routines/akut.md", try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8))
        let result = await w.build()
        #expect(result.published && !result.unchanged)
        #expect(W.rewritten(before, W.identities(w.output)) == [Publisher.marker])
    }

    /// `--content content` and `--content ./content/` are one folder: the second build reuses
    /// everything the first made, and shows its messages with the same paths.
    @Test func anotherSpellingOfTheSameFoldersIsANoOp() async throws {
        var w = try W()
        let first = await w.build()
        #expect(first.published && !first.unchanged)
        var options = w.options()
        options.content = w.root.path + "/./content/"
        options.templates = w.root.path + "/content/../templates"
        let second = await Build.run(options, write: true)
        #expect(second.published && second.unchanged)
        // A no-op build replays the stored messages; a check reads the files again, and shows
        // them under the same spelling.
        try w.append("content/routines/akut.md", "\n<b>rå HTML</b>\n")
        let checked = await Build.run(w.options(), write: false).diagnostics.map(\.description)
        #expect(!checked.isEmpty)
        #expect(await Build.run(options, write: false).diagnostics.map(\.description) == checked)
    }

    @Test func councilRoutineChangeRewritesOnlyItsPages() async throws {
        var w = try W()
        #expect(await w.build().published)
        let before = W.identities(w.output)
        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening.\n")
        #expect(await w.build().published)
        let rewritten = W.rewritten(before, W.identities(w.output))
        #expect(rewritten.contains("ana/egen.html"))
        #expect(rewritten.contains("ana/skriv-ut.html"), "the print page holds every routine")
        #expect(!rewritten.contains("ana/kontakter.html"))
        #expect(!rewritten.contains { $0.hasPrefix("bro/") }, "\(rewritten.sorted())")
        // Of the portal: its summary pages, change pages and Ana's page (the routine's LIX).
        #expect(rewritten.isSubset(of: before.keys.filter { $0.hasPrefix("ana/") || !$0.contains("/") || $0.hasPrefix("andringar/") }
                                     + [PortalPages.handbookPath(council: "ana")]),
                "\(rewritten.sorted())")
        #expect(!rewritten.contains(PortalPages.handbookPath(council: "bro")))
        await expectSameAsClean(w)
    }

    /// In a council that changed, the pages made from its frame (contacts, vCard, search,
    /// accessibility) and the start page are kept, not rendered, when only a routine's text
    /// changed; the start page is rendered when a summary or a review date changes.
    @Test func pagesOfTheFrameAreKeptWhenOnlyARoutinesTextChanged() async throws {
        var w = try W()
        #expect(await w.build().published)
        let framePages: Set = ["ana/kontakter.html", "ana/kontakter.vcf", "ana/sok.html", "ana/tillganglighet.html"]

        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening i texten.\n")
        var kept = await keptPages(w, in: "ana")
        #expect(kept.isSuperset(of: framePages.union(["ana/index.html", "ana/risk.html"])), "\(kept.sorted())")
        #expect(kept.isDisjoint(with: ["ana/egen.html", "ana/skriv-ut.html", "ana/sokindex.js"]), "\(kept.sorted())")
        #expect(await w.build().published)
        #expect(try String(contentsOfFile: "\(w.output)/ana/sokindex.js", encoding: .utf8).contains("En ny mening i texten."))
        await expectSameAsClean(w)

        let egen = try String(contentsOfFile: "\(w.content)/councils/ana/routines/egen.md", encoding: .utf8)
        for (old, new) in [("summary: Bara i Ana.", "summary: Bara i Ana, ny."), ("reviewed: 2026-10-01", "reviewed: 2023-10-01")] {
            try w.write("content/councils/ana/routines/egen.md", egen.replacingOccurrences(of: old, with: new))
            kept = await keptPages(w, in: "ana")
            #expect(kept.isSuperset(of: framePages) && !kept.contains("ana/index.html"), "\(new): \(kept.sorted())")
            #expect(await w.build().published)
            await expectSameAsClean(w)
        }
        #expect(try String(contentsOfFile: "\(w.output)/ana/index.html", encoding: .utf8).contains("Bara i Ana."))

        // The council's name is part of the frame: no page of it is kept.
        let council = try String(contentsOfFile: "\(w.content)/councils/ana/council.yml", encoding: .utf8)
        try w.write("content/councils/ana/council.yml", council.replacingOccurrences(of: "Ana <kommun>", with: "Anaby <kommun>"))
        #expect(await keptPages(w, in: "ana") == [])
        #expect(await w.build().published)
        await expectSameAsClean(w)
    }

    /// A changed council whose frame did not change gets its print page and search index from
    /// the previous build's, with the sections and entries of the routines whose page is
    /// rendered replaced; the bounds recorded for the next build (the manifest) are those a
    /// clean build records.
    @Test func printPageAndSearchIndexArePatchedWhileTheFrameIsKept() async throws {
        var w = try W()
        #expect(await w.build().filesPatched == 0, "nothing to patch in a first build")
        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening i egen.\n")
        var result = await w.build()
        #expect(result.filesPatched == 2, "ana's print page and search index")
        #expect(try String(contentsOfFile: "\(w.output)/ana/skriv-ut.html", encoding: .utf8).contains("En ny mening i egen."))
        await expectSameAsClean(w)

        // Both councils inherit akut.
        try w.append("content/routines/akut.md", "\nEn ny mening om akut läge.\n")
        result = await w.build()
        #expect(result.filesPatched == 4)
        #expect(try String(contentsOfFile: "\(w.output)/bro/skriv-ut.html", encoding: .utf8).contains("En ny mening om akut läge."))
        await expectSameAsClean(w)

        // A title is part of the frame (the contents list it): the pages are made whole.
        let egen = try String(contentsOfFile: "\(w.content)/councils/ana/routines/egen.md", encoding: .utf8)
        try w.write("content/councils/ana/routines/egen.md", egen.replacingOccurrences(of: "title: Ana egen rutin", with: "title: Anas egen rutin"))
        result = await w.build()
        #expect(result.filesPatched == 0)
        await expectSameAsClean(w)

        // A print page changed by hand, to the same size, in a routine's section that the next
        // edit keeps: not taken, made whole.
        let print = "\(w.output)/ana/skriv-ut.html"
        let page = try String(contentsOfFile: print, encoding: .utf8)
        let edited = page.replacingOccurrences(of: "Gå i säkerhet.", with: "Gå i SÄKERHET.")
        #expect(edited != page && edited.utf8.count == page.utf8.count)
        try edited.write(toFile: print, atomically: true, encoding: .utf8)
        try w.append("content/councils/ana/routines/egen.md", "\nÄnnu en mening.\n")
        result = await w.build()
        #expect(result.filesPatched == 1, "the search index only")
        await expectSameAsClean(w)
    }

    /// A theme that does not let the sections be told apart (its print template shows the
    /// routines twice, or its layout shows the content twice) gets its print page made whole
    /// every time, and each build is still a clean build's bytes.
    @Test func printPagesOfThemesWithoutItemBoundsAreMadeWhole() async throws {
        let print = """
            <h1>{{council.name}}</h1><ol>{{#routines}}<li>{{title}}</li>{{/routines}}</ol>
            {{#routines}}<section id="{{anchor}}"><h2>{{title}}</h2>
            {{{body}}}</section>
            {{/routines}}
            """
        for (template, text) in [("print", print), ("layout", "{{{content}}}<hr>{{{content}}}\n")] {
            var w = try W()
            try w.write("templates/\(template).mustache", text)
            #expect(await w.build().published, "\(template)")
            try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening i egen.\n")
            let result = await w.build()
            #expect(result.published && result.filesPatched == 1, "\(template): the search index only")
            let page = try String(contentsOfFile: "\(w.output)/ana/skriv-ut.html", encoding: .utf8)
            #expect(page.contains("En ny mening i egen."))
            #expect(!page.contains("rutinbok-content"), "\(template): the layout's stand-in never reaches a page")
            #expect(page.components(separatedBy: "<h1>").count - 1 == (template == "layout" ? 2 : 1))
            await expectSameAsClean(w)
        }
    }

    /// A changed council whose frame did not change is checked again only where its pages
    /// changed: what the last check found in its other routines is reported as before, and a
    /// link from an unchanged routine to a heading of a changed one is checked again when the
    /// changed routine's heading ids change. Each build reports what a clean build reports.
    @Test func aChangedCouncilIsCheckedAgainWhereItChanged() async throws {
        var w = try W()
        // egen is overdue for review (a warning), and lank links to a heading of akut.
        let egen = try String(contentsOfFile: "\(w.content)/councils/ana/routines/egen.md", encoding: .utf8)
        try w.write("content/councils/ana/routines/egen.md", egen.replacingOccurrences(of: "reviewed: 2026-10-01", with: "reviewed: 2023-10-01"))
        try w.write("content/councils/ana/routines/lank.md", """
            ---
            title: Ana länkar
            summary: Pekar på en rubrik.
            phase: forebygga
            order: 30
            audience: [alla]
            owner: samordnare
            reviewed: 2026-10-01
            ---
            Läs [ring först](akut.md#ring).

            """)
        func expectAsClean(_ result: Build.Result, _ comment: Comment, sourceLocation: Testing.SourceLocation = #_sourceLocation) async {
            let (_, clean) = await w.cleanBuild()
            #expect(result.diagnostics == clean.diagnostics, comment, sourceLocation: sourceLocation)
            #expect(result.published == clean.published, comment, sourceLocation: sourceLocation)
        }
        let overdue = { (result: Build.Result) in
            result.diagnostics.contains { $0.code == "review-overdue" && $0.location.file.hasSuffix("ana/routines/egen.md") }
        }
        var result = await w.build()
        #expect(result.published && overdue(result) && result.councilsCheckedInPart == 0)

        // akut's text: both councils inherit it, neither's frame changed.
        let akut = try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8)
        try w.append("content/routines/akut.md", "\nEn mening till om akut läge.\n")
        result = await w.build()
        #expect(result.published && result.councilsCheckedInPart == 2)
        #expect(overdue(result), "what egen's check found still stands")
        await expectAsClean(result, "text edit")

        // akut's heading renamed: lank, unchanged, now points to no heading.
        try w.write("content/routines/akut.md", akut.replacingOccurrences(of: "{#ring}", with: "{#ringa}"))
        result = await w.build()
        #expect(!result.published && result.councilsCheckedInPart == 0)
        #expect(result.diagnostics.contains { $0.code == "broken-anchor" && $0.location.file.hasSuffix("ana/routines/lank.md") })
        await expectAsClean(result, "heading renamed")

        // And back: the link holds again.
        try w.write("content/routines/akut.md", akut)
        result = await w.build()
        #expect(result.published && overdue(result))
        await expectAsClean(result, "heading restored")
        await expectSameAsClean(w)
    }

    /// A file of the council's assets/ that a routine links to is part of what its check
    /// reads: removing it fails the next build, as a clean build would, and putting it back
    /// clears that, though no routine changed.
    @Test func aRemovedAssetIsMissedAndAnAddedOneFound() async throws {
        var w = try W()
        try w.write("content/councils/ana/assets/blankett.pdf", "%PDF-1.4\n")
        try w.append("content/councils/ana/routines/egen.md", "\nFyll i [blanketten](assets/blankett.pdf).\n")
        var result = await w.build()
        #expect(result.published, "\(result.diagnostics)")

        try w.remove("content/councils/ana/assets/blankett.pdf")
        result = await w.build()
        let (_, clean) = await w.cleanBuild()
        #expect(!result.published && result.diagnostics.map(\.code).contains("missing-asset"))
        #expect(result.diagnostics == clean.diagnostics)

        try w.write("content/councils/ana/assets/blankett.pdf", "%PDF-1.4\n")
        result = await w.build()
        #expect(result.published && !result.diagnostics.map(\.code).contains("missing-asset"))
        await expectSameAsClean(w)
    }

    /// The pages of `council` the next build would keep from the current output.
    private func keptPages(_ w: W, in council: String) async -> Set<String> {
        await w.plannedReuse().pages[council] ?? []
    }

    @Test func baseRoutineChangeRebuildsInheritingCouncilsOnly() async throws {
        var w = try W()
        #expect(await w.build().published)
        var before = W.identities(w.output)
        // Both councils inherit akut.
        try w.append("content/routines/akut.md", "\nEn ny mening om akut läge.\n")
        #expect(await w.build().published)
        var rewritten = W.rewritten(before, W.identities(w.output))
        #expect(rewritten.isSuperset(of: ["ana/akut.html", "bro/akut.html"]))
        await expectSameAsClean(w)

        // bro's group replaces risk: editing the base text leaves bro's pages alone.
        before = W.identities(w.output)
        try w.append("content/routines/risk.md", "\nEn ny mening om risk.\n")
        #expect(await w.build().published)
        rewritten = W.rewritten(before, W.identities(w.output))
        #expect(rewritten.contains("ana/risk.html"))
        #expect(!rewritten.contains { $0.hasPrefix("bro/") }, "\(rewritten.sorted())")
        await expectSameAsClean(w)
    }

    @Test func groupRoutineAndCouncilConfigChanges() async throws {
        var w = try W()
        #expect(await w.build().published)
        try w.append("content/groups/dalen/routines/risk.md", "\nGruppens nya mening.\n")
        #expect(await w.build().published)
        #expect(try String(contentsOfFile: "\(w.output)/bro/risk.html", encoding: .utf8).contains("Gruppens nya mening."))
        await expectSameAsClean(w)

        let council = try String(contentsOfFile: "\(w.content)/councils/bro/council.yml", encoding: .utf8)
        try w.write("content/councils/bro/council.yml", council.replacingOccurrences(of: "Bro kommun", with: "Broby kommun"))
        #expect(await w.build().published)
        #expect(try String(contentsOfFile: "\(w.output)/bro/index.html", encoding: .utf8).contains("Broby kommun"))
        await expectSameAsClean(w)
    }

    /// A council leaves out a base routine that another base routine links to: its pages show
    /// the link's words alone, and take the link back when the routine comes back; each
    /// build as a clean one would make it.
    @Test func leavingOutALinkedBaseRoutine() async throws {
        var w = try W()
        #expect(await w.build().published)
        let council = try String(contentsOfFile: "\(w.content)/councils/ana/council.yml", encoding: .utf8)
        try w.write("content/councils/ana/council.yml", council.replacingOccurrences(of: "exclude: [extra]", with: "exclude: [extra, akut]"))
        let left = await w.build()
        #expect(left.published && left.diagnostics.contains { $0.code == "link-removed" }, "\(left.diagnostics)")
        #expect(!(try String(contentsOfFile: "\(w.output)/ana/risk.html", encoding: .utf8).contains("akut.html")))
        #expect(!(try String(contentsOfFile: "\(w.output)/ana/skriv-ut.html", encoding: .utf8).contains("#rutin-akut")))
        await expectSameAsClean(w)
        try w.write("content/councils/ana/council.yml", council)
        #expect(await w.build().published)
        #expect(try String(contentsOfFile: "\(w.output)/ana/risk.html", encoding: .utf8).contains("akut.html"))
        await expectSameAsClean(w)
    }

    /// A link to a routine the council excludes is a warning ("link-removed"); once that
    /// routine's file is deleted, the link leads nowhere (`broken-link`) and `exclude` names
    /// nothing. No file the council's handbook is made of changed, but what its check finds
    /// did: the build reports what a clean build reports, not what the last check found.
    @Test func deletingAnExcludedRoutineChecksItsCouncilAgain() async throws {
        var w = try W()
        try w.append("content/routines/akut.md", "\nSe [extra stöd](extra.md).\n")
        let first = await w.build()
        #expect(first.published && first.diagnostics.contains { $0.code == "link-removed" }, "\(first.diagnostics)")
        try w.remove("content/routines/extra.md")
        let result = await w.build()
        let (_, clean) = await w.cleanBuild()
        #expect(!clean.published && !clean.diagnostics.contains { $0.code == "link-removed" }, "\(clean.diagnostics)")
        #expect(result.published == clean.published)
        #expect(result.diagnostics == clean.diagnostics)
    }

    /// The same for an internal base routine, which a public build leaves out: a link to it
    /// is "link-removed" until its file is deleted, then broken.
    @Test func deletingAnInternalBaseRoutineChecksItsCouncilsAgain() async throws {
        var w = try W()
        try w.write("content/routines/intern.md", """
            ---
            title: Intern
            summary: Bara internt.
            phase: hantera
            order: 40
            audience: [alla]
            owner: samordnare
            reviewed: 2026-10-01
            access: internal
            ---
            Text.

            """)
        try w.append("content/routines/akut.md", "\nSe [den interna](intern.md).\n")
        let first = await w.build()
        #expect(first.published && first.diagnostics.contains { $0.code == "link-removed" }, "\(first.diagnostics)")
        try w.remove("content/routines/intern.md")
        let result = await w.build()
        let (_, clean) = await w.cleanBuild()
        #expect(!clean.published && !clean.diagnostics.contains { $0.code == "link-removed" }, "\(clean.diagnostics)")
        #expect(result.published == clean.published)
        #expect(result.diagnostics == clean.diagnostics)
    }

    /// A routine's title shows on its neighbours' pages (previous/next) and its phase in every
    /// page's header: such edits re-render the council's other routine pages too.
    @Test func titleAndPhaseChangesReachOtherRoutinePages() async throws {
        var w = try W()
        #expect(await w.build().published)
        let akut = try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8)
        try w.write("content/routines/akut.md", akut.replacingOccurrences(of: "title: Akut läge", with: "title: Akut läge nu"))
        #expect(await w.build().published)
        await expectSameAsClean(w)
        let risk = try String(contentsOfFile: "\(w.content)/routines/risk.md", encoding: .utf8)
        try w.write("content/routines/risk.md", risk.replacingOccurrences(of: "phase: forebygga", with: "phase: hantera"))
        #expect(await w.build().published)
        await expectSameAsClean(w)
        try w.append("content/councils/ana/routines/egen.md", "\nBara brödtext.\n")
        #expect(await w.build().published)
        await expectSameAsClean(w)
    }

    /// An adopted routine's page names the council it came from: renaming that council, in
    /// another council's folder, makes the page again.
    @Test func anAdoptedRoutineFollowsItsSourcesName() async throws {
        var w = try W()
        let egen = try String(contentsOfFile: "\(w.content)/councils/ana/routines/egen.md", encoding: .utf8)
        try w.write("content/councils/ana/routines/egen.md", egen.replacingOccurrences(of: "access: public", with: "access: public\nadopted_from: bro/egen"))
        #expect(await w.build().published)
        #expect(try String(contentsOfFile: "\(w.output)/ana/egen.html", encoding: .utf8).contains("Bygger på Bro kommuns rutin"))
        let bro = try String(contentsOfFile: "\(w.content)/councils/bro/council.yml", encoding: .utf8)
        try w.write("content/councils/bro/council.yml", bro.replacingOccurrences(of: "name: Bro kommun", with: "name: Broby kommun"))
        #expect(await w.build().published)
        #expect(try String(contentsOfFile: "\(w.output)/ana/egen.html", encoding: .utf8).contains("Bygger på Broby kommuns rutin"))
        await expectSameAsClean(w)
    }

    @Test func templateChangeRebuildsEverything() async throws {
        var w = try W()
        #expect(await w.build().published)
        let before = W.identities(w.output)
        let layout = try String(contentsOfFile: "\(w.templates)/layout.mustache", encoding: .utf8)
        try w.write("templates/layout.mustache", layout.replacingOccurrences(of: "</html>", with: "<!-- ny mall --></html>"))
        #expect(await w.build().published)
        let after = W.identities(w.output)
        let pages = after.keys.filter { ($0.hasPrefix("ana/") || $0.hasPrefix("bro/")) && $0.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for page in pages {
            #expect(before[page] != after[page], "\(page) was not rebuilt")
            #expect(try String(contentsOfFile: "\(w.output)/\(page)", encoding: .utf8).contains("<!-- ny mall -->"))
        }
        await expectSameAsClean(w)
    }

    @Test func addedAndDeletedFiles() async throws {
        var w = try W()
        #expect(await w.build().published)
        try w.remove("content/councils/ana/routines/egen.md")
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/ana/egen.html"))
        await expectSameAsClean(w)

        let extra = try String(contentsOfFile: "\(w.content)/routines/extra.md", encoding: .utf8)
        try w.write("content/councils/bro/routines/ny-rutin.md", extra.replacingOccurrences(of: "Extra stöd", with: "Ny rutin"))
        #expect(await w.build().published)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/bro/ny-rutin.html"))
        await expectSameAsClean(w)

        try w.write("templates/assets/extra.css", "body { margin: 0 }\n")
        #expect(await w.build().published)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/ana/assets/tema/extra.css") || W.files(w.output).contains { $0.hasSuffix("/extra.css") })
        await expectSameAsClean(w)
    }

    /// A council added (a copy of ana, with its own name) and one deleted (bro, whose group
    /// gives it a change page): folders, change pages and portal as a clean build has them.
    @Test func addedAndDeletedCouncils() async throws {
        var w = try W()
        #expect(await w.build().published)
        for file in W.files("\(w.content)/councils/ana") {
            var text = try String(contentsOfFile: "\(w.content)/councils/ana/\(file)", encoding: .utf8)
            if file == "council.yml" { text = text.replacingOccurrences(of: "Ana <kommun>", with: "Cid kommun") }
            try w.write("content/councils/cid/\(file)", text)
        }
        #expect(await w.build().published)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/cid/egen.html"))
        #expect(try String(contentsOfFile: "\(w.output)/index.html", encoding: .utf8).contains("Cid kommun"))
        await expectSameAsClean(w)

        #expect(FileManager.default.fileExists(atPath: "\(w.output)/andringar/bro/risk.html"))
        try w.remove("content/councils/bro")
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/bro"))
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/andringar/bro"))
        await expectSameAsClean(w)
    }

    /// A manifest beside the output that is not the output's (a build killed after putting its
    /// output in place but before its manifest) is whole and well-formed, yet must not be
    /// trusted: the output's marker holds the seal of its own manifest.
    @Test func aManifestOfAnotherOutputMeansFullBuild() async throws {
        var w = try W()
        #expect(await w.build().published)
        let older = try Data(contentsOf: W.manifest(of: w.output))
        try w.append("content/routines/akut.md", "\nÄndrad en gång.\n")
        #expect(await w.build().published)
        try older.write(to: W.manifest(of: w.output))
        #expect(ManifestFile.read(W.manifest(of: w.output).path, describing: URL(fileURLWithPath: w.output)) == nil)
        try w.append("content/routines/akut.md", "\nÄndrad igen.\n")
        let result = await w.build()
        #expect(result.published && !result.unchanged)
        await expectSameAsClean(w)
        #expect(ManifestFile.read(W.manifest(of: w.output).path, describing: URL(fileURLWithPath: w.output)) != nil,
                "the build put its own manifest in place")
    }

    @Test func corruptOrMissingManifestMeansFullBuild() async throws {
        var w = try W()
        #expect(await w.build().published)
        try "rutinbok-manifest 1\nglobal zz\n".write(to: W.manifest(of: w.output), atomically: false, encoding: .utf8)
        try w.append("content/routines/akut.md", "\nÄndrad.\n")
        let result = await w.build()
        #expect(result.published && !result.unchanged && result.filesReused == 0)
        await expectSameAsClean(w)

        try FileManager.default.removeItem(at: W.manifest(of: w.output))
        let again = await w.build()
        #expect(again.published && !again.unchanged)
        await expectSameAsClean(w)
    }

    /// The files beside the output are rutinbok's own, but anything may end up under their
    /// names: a named pipe there held the build forever (opening it waits for a writer). A
    /// build reads regular files only, and takes anything else for a missing file.
    @Test func namedPipesBesideTheOutputAreNotWaitedFor() async throws {
        var w = try W()
        for name in ["manifest", "spare.manifest", "cache", "cache.index", "councils", "loaded", "frames"] {
            #expect(await w.build().published)
            try w.append("content/routines/akut.md", "\nÄndrad för \(name).\n")
            #expect(await w.build().published)
            let path = Publisher.beside(URL(fileURLWithPath: w.output), name).path
            try FileManager.default.removeItem(atPath: path)
            #expect(mkfifo(path, 0o600) == 0)
            try w.append("content/routines/akut.md", "\nOch igen.\n")
            // Without this, a build that waits is let go after a while (and the test fails)
            // rather than holding the test run forever.
            let watchdog = Task.detached {
                try await Task.sleep(for: .seconds(60))
                let writer = open(path, O_WRONLY | O_NONBLOCK)
                if writer >= 0 { close(writer) }
            }
            let started = ContinuousClock.now
            let result = await w.build()
            watchdog.cancel()
            #expect(ContinuousClock.now - started < .seconds(30), "the build waited on .output.\(name)")
            #expect(result.published, "\(name)")
            await expectSameAsClean(w)
        }
    }

    /// Hand edits to the output are not guarded against, but deleting the output folder or its
    /// manifest is the documented way back: the build after it is a clean one. Before, a
    /// same-size edit came back from the spare (each unchanged page there is the same file as
    /// in the output), and a file added by hand went back and forth between the two.
    @Test func deletingTheOutputOrItsManifestRebuildsFromScratch() async throws {
        var w = try W()
        for round in 1...3 {
            try w.append("content/routines/akut.md", "\nRunda \(round).\n")
            #expect(await w.build().published)
        }
        let page = try #require(W.tree(w.output).keys.first { $0.hasSuffix("kontakter.html") })
        func tamper() throws {
            let url = URL(fileURLWithPath: w.output).appendingPathComponent(page)
            var bytes = try Data(contentsOf: url)
            bytes.replaceSubrange(0..<7, with: Data("HACKED!".utf8))
            let handle = try FileHandle(forWritingTo: url)  // in place: the spare's link sees it too
            try handle.write(contentsOf: bytes)
            try handle.close()
            try "x".write(toFile: w.output + "/stray.html", atomically: false, encoding: .utf8)
        }
        try tamper()
        try FileManager.default.removeItem(at: W.manifest(of: w.output))
        #expect(await w.build().published)
        await expectSameAsClean(w)

        try w.append("content/routines/akut.md", "\nRunda 4.\n")
        #expect(await w.build().published)
        try tamper()
        try FileManager.default.removeItem(atPath: w.output)
        #expect(await w.build().published)
        await expectSameAsClean(w)
        // And the build after that, from the spare it left.
        try w.append("content/routines/akut.md", "\nRunda 5.\n")
        #expect(await w.build().published)
        await expectSameAsClean(w)
    }

    /// Two builds into one output (a nightly build while `serve` runs) could each take the
    /// spare, and the second to publish left out files the first had moved: a whole handbook
    /// in 3 of 100 tries. One waits for the other now.
    @Test func buildsIntoOneOutputTakeTurns() async throws {
        var w = try W()
        #expect(await w.build().published)
        let output = URL(fileURLWithPath: w.output).standardizedFileURL.resolvingSymlinksInPath()
        var held = await OutputLock.acquire(beside: output)
        try #require(held != nil)
        try w.append("content/routines/akut.md", "\nÄndrad medan ett annat bygge pågår.\n")
        let manifest = try Data(contentsOf: W.manifest(of: w.output))
        let workspace = w
        let waiting = Task { await workspace.build() }
        try await Task.sleep(for: .milliseconds(400))
        #expect(try Data(contentsOf: W.manifest(of: w.output)) == manifest, "the build ran while another held the output")
        withExtendedLifetime(held) {}
        held = nil
        #expect(await waiting.value.published)
        await expectSameAsClean(w)

        for round in 1...4 {
            try w.append("content/routines/akut.md", "\nSamtidigt \(round).\n")
            let one = w, other = w
            async let first = one.build()
            async let second = other.build()
            let (a, b) = await (first, second)
            #expect(a.published && b.published && (a.unchanged || b.unchanged), "one publishes, the other finds nothing changed")
            await expectSameAsClean(w)
        }
    }

    /// A link in the lock's place is not followed (as root it would make a file wherever it
    /// points): the lock is made again as a file of its own, and it still locks.
    @Test func aLinkInTheLocksPlaceIsNotFollowed() async throws {
        let w = try W()
        let output = URL(fileURLWithPath: w.output).standardizedFileURL.resolvingSymlinksInPath()
        let lock = Publisher.beside(output, "lock").path
        let target = w.root.appendingPathComponent("elsewhere/made-by-the-lock").path
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: lock, withDestinationPath: target)
        let held = await OutputLock.acquire(beside: output)
        #expect(held != nil)
        #expect(!FileManager.default.fileExists(atPath: target), "the link was followed")
        #expect((try FileManager.default.attributesOfItem(atPath: lock)[.type] as? FileAttributeType) == .typeRegular)
        let second = Task { await OutputLock.acquire(beside: output) }
        try await Task.sleep(for: .milliseconds(200))
        second.cancel()
        #expect(await second.value == nil, "the lock is held")
        withExtendedLifetime(held) {}
    }

    /// Two files of one size and one modification time (unpacked from an archive, say) that
    /// swap names, and a file written and dated back: their sizes and modification times are
    /// as before, but not their change times.
    @Test func filesSwappedOrDatedBackAreNotTakenForUnchanged() async throws {
        var w = try W()
        let routine = { (title: String) in
            "---\ntitle: \(title)\nsummary: En rutin.\nphase: forebygga\norder: 40\naudience: [alla]\nowner: samordnare\nreviewed: 2026-10-01\n---\nText.\n"
        }
        try w.write("content/councils/ana/routines/ra.md", routine("Rutin A"))
        try w.write("content/councils/ana/routines/rb.md", routine("Rutin B"))
        let a = "\(w.content)/councils/ana/routines/ra.md", b = "\(w.content)/councils/ana/routines/rb.md"
        for path in [a, b] { W.setModified(path, secondsAgo: 3600) }
        #expect(await w.build().published)
        #expect(rename(a, a + ".tmp") == 0 && rename(b, a) == 0 && rename(a + ".tmp", b) == 0)
        let swapped = await w.build()
        #expect(swapped.published && !swapped.unchanged)
        await expectSameAsClean(w)

        let text = try String(contentsOfFile: a, encoding: .utf8)
        try text.replacingOccurrences(of: "Rutin B", with: "Rutin C").write(toFile: a, atomically: false, encoding: .utf8)
        W.setModified(a, secondsAgo: 3600)
        let datedBack = await w.build()
        #expect(datedBack.published && !datedBack.unchanged)
        await expectSameAsClean(w)
    }

    /// "karta-ö.pdf" renamed to the same name with 'o' and a combining mark: one name to Swift,
    /// two to the file system and a web server. The build looked unchanged and the old file
    /// stayed published; now such a name is never trusted and the loader refuses it.
    @Test func aFileRenamedToTheDecomposedFormOfItsNameIsNoticed() async throws {
        var w = try W()
        let composed = "karta-\u{F6}.pdf", decomposed = "karta-o\u{308}.pdf"
        try w.write("content/councils/ana/assets/\(composed)", "%PDF-1.4 karta")
        #expect(await w.build().published)
        let before = W.tree(w.output)
        let folder = "\(w.content)/councils/ana/assets/"
        #expect(rename(folder + composed, folder + decomposed) == 0)
        let result = await w.build()
        #expect(!result.published && !result.unchanged)
        #expect(result.diagnostics.contains { $0.code == "asset-name" && $0.location.file.hasSuffix(decomposed) }, "\(result.diagnostics)")
        #expect(W.tree(w.output) == before)

        // The same for a folder: renaming it leaves the files in it as they were.
        #expect(rename(folder + decomposed, folder + composed) == 0)
        try w.write("content/councils/ana/assets/ritning-f\u{F6}r/plan.pdf", "%PDF-1.4 plan")
        #expect(await w.build().published)
        #expect(rename(folder + "ritning-f\u{F6}r", folder + "ritning-fo\u{308}r") == 0)
        let renamedFolder = await w.build()
        #expect(!renamedFolder.published && !renamedFolder.unchanged)
        #expect(renamedFolder.diagnostics.contains { $0.code == "asset-name" }, "\(renamedFolder.diagnostics)")
    }

    /// A link in the content is stamped by what it leads to. Pointed at a hard link of the same
    /// file elsewhere, it looked unchanged, while a clean build refuses it: nothing reached
    /// through a link is trusted by the no-op check.
    @Test func aLinkPointedElsewhereIsNotTakenForUnchanged() async throws {
        var w = try W()
        try w.write("content/councils/ana/assets/a.pdf", "%PDF-1.4 a")
        let assets = "\(w.content)/councils/ana/assets"
        #expect(symlink("a.pdf", "\(assets)/b.pdf") == 0)
        #expect(await w.build().published)
        #expect(link("\(assets)/a.pdf", "\(w.content)/councils/ana/utanfor.pdf") == 0)
        #expect(unlink("\(assets)/b.pdf") == 0 && symlink("../utanfor.pdf", "\(assets)/b.pdf") == 0)
        let result = await w.build()
        #expect(!result.published && !result.unchanged)
        #expect(result.diagnostics.contains { $0.code == "symlink-outside" }, "\(result.diagnostics)")
    }

    /// A council's folder made before its council.yml is written holds no file, so no stamp
    /// changed, but a clean build refuses it (`missing-file`): the build after it is no no-op
    /// and says what a clean build says. The same for a group's folder with a name that is no slug.
    @Test func anEmptyCouncilOrGroupFolderIsNotANoOp() async throws {
        let w = try W()
        #expect(await w.build().published)
        for (folder, code) in [("councils/ny", "missing-file"), ("groups/Ny Grupp", "invalid-slug")] {
            try FileManager.default.createDirectory(atPath: "\(w.content)/\(folder)", withIntermediateDirectories: true)
            let result = await w.build()
            let (_, clean) = await w.cleanBuild()
            #expect(!clean.published && clean.diagnostics.contains { $0.code == code }, "\(folder): \(clean.diagnostics)")
            #expect(!result.unchanged && result.published == clean.published, "\(folder)")
            #expect(result.diagnostics == clean.diagnostics, "\(folder)")
            try FileManager.default.removeItem(atPath: "\(w.content)/\(folder)")
            #expect(await w.build().unchanged, "\(folder): the folder gone, the output is what the inputs make")
        }
    }

    /// A folder named as a file the loader reads is an error a clean build reports: the build
    /// after one is made is no no-op either.
    @Test func aFolderInAFilesPlaceIsNotANoOp() async throws {
        let w = try W()
        #expect(await w.build().published)
        for folder in ["routines/ny.md", "councils/ana/routines/ny-mapp.md/bilaga"] {
            try FileManager.default.createDirectory(atPath: "\(w.content)/\(folder)", withIntermediateDirectories: true)
            let result = await w.build()
            let (_, clean) = await w.cleanBuild()
            #expect(!clean.published && clean.diagnostics.contains { $0.code == "unreadable" }, "\(folder): \(clean.diagnostics)")
            #expect(!result.unchanged && !result.published, "\(folder)")
            #expect(result.diagnostics == clean.diagnostics, "\(folder)")
            try FileManager.default.removeItem(atPath: "\(w.content)/\(folder.components(separatedBy: ".md")[0]).md")
        }
    }

    @Test func deletedOutputFileIsNotANoOp() async throws {
        let w = try W()
        #expect(await w.build().published)
        try FileManager.default.removeItem(atPath: "\(w.output)/ana/akut.html")
        let result = await w.build()
        #expect(result.published && !result.unchanged)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/ana/akut.html"))
        await expectSameAsClean(w)
    }

    /// An output file of another size than the manifest says (cut short by a full disk, say)
    /// is as good as missing: the build after it writes it again.
    @Test func aTruncatedOutputFileIsNotANoOp() async throws {
        let w = try W()
        #expect(await w.build().published)
        let page = "\(w.output)/ana/akut.html"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: page))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: page))
        let result = await w.build()
        #expect(result.published && !result.unchanged)
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == bytes)
        await expectSameAsClean(w)
    }

    /// Review dates are measured against `--today`: the same files built on a later day, when
    /// routines and contacts have passed their dates, is no no-op.
    @Test func aLaterDayIsNotANoOp() async throws {
        let w = try W()
        let first = await w.build()
        #expect(first.published && !first.diagnostics.contains { $0.code == "review-overdue" })
        var later = w.options()
        later.today = Day("2027-08-02")!  // risk.md and extra.md were reviewed 2026-08-01, every 12 months
        let result = await Build.run(later, write: true)
        #expect(result.published && !result.unchanged)
        #expect(result.diagnostics.contains { $0.code == "review-overdue" && $0.location.file.hasSuffix("routines/extra.md") })
        #expect(try String(contentsOfFile: "\(w.output)/bro/extra.html", encoding: .utf8).contains("<p>Inaktuell</p>"))
    }

    /// A council's pages show its group's contacts: editing them in group.yml, which holds no
    /// routine, reaches the pages of every council in the group.
    @Test func aGroupsContactChangeReachesItsCouncils() async throws {
        var w = try W()
        #expect(await w.build().published)
        let group = try String(contentsOfFile: "\(w.content)/groups/dalen/group.yml", encoding: .utf8)
        try w.write("content/groups/dalen/group.yml", group.replacingOccurrences(of: "Gunnar Grupp", with: "Greta Grupp"))
        let result = await w.build()
        #expect(result.published && !result.unchanged)
        #expect(try String(contentsOfFile: "\(w.output)/bro/kontakter.html", encoding: .utf8).contains("Greta Grupp"))
        await expectSameAsClean(w)
    }

    @Test func failedIncrementalBuildLeavesOutputAsItWas() async throws {
        var w = try W()
        #expect(await w.build().published)
        let before = W.identities(w.output), bytes = W.tree(w.output)
        try w.append("content/councils/ana/routines/egen.md", "\nSe [saknad](finns-inte.md#inget).\n")
        let routine = try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8)
        try w.write("content/routines/akut.md", routine.replacingOccurrences(of: "phase: ", with: "phase: okand-"))
        let result = await w.build()
        #expect(!result.published && result.diagnostics.hasErrors)
        #expect(W.identities(w.output) == before)
        #expect(W.tree(w.output) == bytes)
        #expect(leftovers(beside: w.output) == [])
    }

    /// A build stopped after staging some files (as when killed) changes nothing: the staged
    /// hard links point at the published files, which nothing writes through.
    @Test func abandonedIncrementalStagingLeavesOutputAsItWas() async throws {
        var w = try W()
        #expect(await w.build().published)
        let before = W.identities(w.output), bytes = W.tree(w.output)
        let previous = try #require(ManifestFile.read(W.manifest(of: w.output).path, describing: URL(fileURLWithPath: w.output)))
        let publisher = try Publisher(output: w.output, protected: [w.content, w.templates], previous: previous)
        #expect(publisher.reuse(folder: "ana") != nil)
        try publisher.write([OutputFile(path: "ana/akut.html", contents: .text("halvfärdig")),
                             OutputFile(path: "bro/akut.html", contents: .text("halvfärdig"))])
        publisher.discard()
        #expect(W.identities(w.output) == before)
        #expect(W.tree(w.output) == bytes)
        #expect(leftovers(beside: w.output) == [])

        try w.append("content/routines/akut.md", "\nÄndrad.\n")
        #expect(await w.build().published)
        await expectSameAsClean(w)
    }

    @Test func unchangedCouncilReportsWhatItsCheckFoundWithoutBeingCheckedAgain() async throws {
        var w = try W()
        try w.write("content/councils/bro/council.yml", """
            name: Bro kommun
            kind: kommun
            group: dalen
            contacts:
              namndsekreterare:
                role: Nämndsekreterare
                email: kansli@bro.example
                verified: 2020-01-01

            """)
        let first = await w.build()
        #expect(first.published)
        #expect(first.diagnostics.contains { $0.code == "contact-overdue" && $0.location.file.contains("/bro/") })
        let path = W.manifest(of: w.output).path
        var manifest = try #require(ManifestFile.read(path, describing: URL(fileURLWithPath: w.output))?.decoded())
        #expect(manifest.checks["bro"]?.map(\.code) == ["contact-overdue"])
        #expect(manifest.checks["ana"] == nil, "nothing found, nothing recorded")

        // What the manifest says bro's check found is what a build reports for bro while its
        // inputs stay the same: proof that it was not checked again.
        let planted = Diagnostic.warning(RutinbokCore.SourceLocation(file: "planted.md"), "från manifestet", code: "planted")
        manifest.checks["bro"] = [planted]
        let planting = manifest.serializedBytes()
        try Data(planting).write(to: URL(fileURLWithPath: path))
        // The output's marker holds its manifest's seal, or the manifest is not taken for its.
        try Data(try #require(Manifest.seal(of: planting))).write(to: URL(fileURLWithPath: w.output).appendingPathComponent(Publisher.marker))

        // But a routine file that fails to load anywhere can change what a link check says, so
        // then every council is checked.
        try w.write("content/councils/ana/routines/trasig.md", "---\ntitle: [\n---\nText.\n")
        let failed = await w.build()
        #expect(!failed.published)
        #expect(!failed.diagnostics.contains(planted))
        #expect(failed.diagnostics.contains { $0.code == "contact-overdue" })

        try w.remove("content/councils/ana/routines/trasig.md")
        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening.\n")
        let replayed = await w.build()
        #expect(replayed.published)
        #expect(replayed.diagnostics.contains(planted))
        #expect(!replayed.diagnostics.contains { $0.code == "contact-overdue" })

        // bro's inputs changed (the same text, saved again): checked again, as a clean build does.
        try w.write("content/councils/bro/council.yml", try String(contentsOfFile: "\(w.content)/councils/bro/council.yml", encoding: .utf8))
        let rechecked = await w.build()
        #expect(rechecked.published)
        #expect(!rechecked.diagnostics.contains(planted))
        let (_, clean) = await w.cleanBuild()
        #expect(rechecked.diagnostics == clean.diagnostics)
        await expectSameAsClean(w)
    }

    @Test func manifestRoundTrips() {
        var manifest = Manifest()
        manifest.global = 42
        manifest.inputs = ["content/a b.md": Stamp(size: 3, modified: 5), "content/x\ty": Stamp(size: 1, modified: Stamp.racy)]
        manifest.councils = ["ana": 7]
        manifest.outputs = ["ana/index.html": .init(hash: 9, size: 10)]
        manifest.warnings = [.warning(RutinbokCore.SourceLocation(file: "c/x.md", line: 2, column: 3), "två\nrader", code: "w", notes: ["a\tb", "c\\d"])]
        manifest.checks = ["ana": [.warning(RutinbokCore.SourceLocation(file: "c/y.md", line: 4, column: 1), "en\trad", code: "v"),
                                   .warning(RutinbokCore.SourceLocation(file: "c/z.md"), "två", code: "u", notes: ["n"])]]
        #expect(Manifest.parse(manifest.serialized()) == manifest)
        #expect(Manifest.parse(String(manifest.serialized().dropLast(4))) == nil, "a truncated manifest is refused")
    }
}
