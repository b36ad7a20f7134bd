import Foundation
import Testing
@testable import RutinbokCore

/// The portal in a changed build: word counts kept from the previous build, summary pages
/// linked when their data did not change, and always the bytes of a clean build.
@Suite struct PortalReuseTests {
    typealias W = IncrementalWorkspace

    func manifest(_ w: W) throws -> Manifest {
        try #require(Manifest.parse(try String(contentsOfFile: W.manifest(of: w.output).path, encoding: .utf8)))
    }

    func page(_ w: W, _ path: String) throws -> String {
        try String(contentsOfFile: "\(w.output)/\(path)", encoding: .utf8)
    }

    @Test func theManifestKeepsWordCountsAndSummaryFingerprints() async throws {
        let w = try W()
        #expect(await w.build().published)
        let manifest = try manifest(w)
        #expect(!manifest.wordCounts.isEmpty)
        for name in PortalPages.Name.allCases {
            #expect(manifest.pages[name.path] != nil, "\(name.path)")
        }
        for id in ["akut", "extra", "risk"] {
            #expect(manifest.pages[PortalPages.coveragePath(routine: id)] != nil, "\(id)")
        }
        for council in ["ana", "bro"] {
            #expect(manifest.pages[PortalPages.handbookPath(council: council)] != nil, "\(council)")
        }
        #expect(manifest.pages[PortalPages.groupPath(group: "dalen")] != nil)
    }

    /// A base routine's page across the handbooks is linked while nothing it shows changed,
    /// rendered when its row of the coverage did, and comes and goes with its routine.
    @Test func routinePagesFollowTheirRoutine() async throws {
        var w = try W()
        #expect(await w.build().published)
        let akut = PortalPages.coveragePath(routine: "akut"), risk = PortalPages.coveragePath(routine: "risk")
        var marked: [String: String] = [:]
        for path in [akut, risk] {
            let original = try page(w, path)
            marked[path] = original.replacingOccurrences(of: "<h1>", with: "<h6>")
            #expect(marked[path] != original)
            try marked[path]!.write(toFile: "\(w.output)/\(path)", atomically: false, encoding: .utf8)
        }

        // Ana's own routine is on no routine's page: both are linked as they were, not
        // rendered. Of the twelve fingerprinted pages (six summary pages, three routines', two
        // handbooks', one group's), only the readability page and Ana's page show the edit (its LIX).
        try w.append("content/councils/ana/routines/egen.md", "\nEn mening till.\n")
        let linked = await w.build()
        #expect(linked.published)
        #expect(linked.portalPagesRendered == 2)
        #expect(try page(w, akut) == marked[akut])
        #expect(try page(w, risk) == marked[risk])

        // Bro adapts "akut": its page is rendered again, the other one's is not.
        let text = try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8)
        try w.write("content/councils/bro/routines/akut.md", text + "\nBros egen mening.\n")
        #expect(await w.build().published)
        #expect(try page(w, akut).contains("../andringar/bro/akut.html"))
        #expect(try page(w, risk) == marked[risk])

        // The group's text of "risk" gains words: the counts on its page change.
        try w.append("content/groups/dalen/routines/risk.md", "\nTre nya ord här och några till.\n")
        #expect(await w.build().published)
        #expect(try page(w, risk) != marked[risk])
        await expectSameAsClean(w)

        // A base routine goes, and with it its page; a new one comes with its own.
        let council = try String(contentsOfFile: "\(w.content)/councils/ana/council.yml", encoding: .utf8)
        try w.write("content/councils/ana/council.yml", council.replacingOccurrences(of: "exclude: [extra]\n", with: ""))
        try w.remove("content/routines/extra.md")
        // A copy of akut, without akut's former id.
        try w.write("content/routines/ny.md", text.replacingOccurrences(of: "title: Akut läge", with: "title: Ny rutin")
            .replacingOccurrences(of: "aliases: [akut-lage]\n", with: ""))
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/\(PortalPages.coveragePath(routine: "extra"))"))
        #expect(try page(w, PortalPages.coveragePath(routine: "ny")).contains("Ny rutin"))
        await expectSameAsClean(w)
    }

    /// A handbook's page in the portal is linked while nothing it shows changed, rendered when
    /// its routines, what it left out or what is due changed, and comes and goes with its
    /// council; every build is the bytes of a clean one.
    @Test func handbookPagesFollowTheirHandbook() async throws {
        var w = try W()
        #expect(await w.build().published)
        let ana = PortalPages.handbookPath(council: "ana"), bro = PortalPages.handbookPath(council: "bro")
        var marked: [String: String] = [:], original: [String: String] = [:]
        func mark(_ path: String) throws {
            original[path] = try page(w, path)
            marked[path] = original[path]!.replacingOccurrences(of: "<h1>", with: "<h6>")
            #expect(marked[path] != original[path])
            try marked[path]!.write(toFile: "\(w.output)/\(path)", atomically: false, encoding: .utf8)
        }
        try mark(ana)
        try mark(bro)

        // A base routine both inherit gains long words, which move its LIX: the pages show no
        // base routine's LIX (the readability page does), so neither is made again.
        try w.append("content/routines/akut.md", "\nFörvaltningsövergripande handlingsplaner.\n")
        #expect(await w.build().published)
        #expect(try page(w, ana) == marked[ana] && page(w, bro) == marked[bro])

        // Ana's own text gains a long word: its LIX on Ana's page changes, Bro's page is linked.
        try w.append("content/councils/ana/routines/egen.md", "\nFörvaltningsövergripande handlingsplaner.\n")
        #expect(await w.build().published)
        #expect(try page(w, ana) != marked[ana])
        #expect(try page(w, bro) == marked[bro])
        try mark(ana)

        // Bro's group adapts "akut": a new row form and change link on Bro's page only.
        let akut = try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8)
        try w.write("content/groups/dalen/routines/akut.md", akut + "\nDalens egen mening.\n")
        #expect(await w.build().published)
        #expect(try page(w, bro).contains("../andringar/bro/akut.html"))
        #expect(try page(w, ana) == marked[ana])
        // The hand edit undone (the output's own bytes again), the rest is as a clean build's.
        try original[ana]!.write(toFile: "\(w.output)/\(ana)", atomically: false, encoding: .utf8)
        await expectSameAsClean(w)

        // Ana takes "extra" back: its list of left-out routines empties, and the overview's
        // count no longer links to it.
        let council = try String(contentsOfFile: "\(w.content)/councils/ana/council.yml", encoding: .utf8)
        try w.write("content/councils/ana/council.yml", council.replacingOccurrences(of: "exclude: [extra]\n", with: ""))
        #expect(await w.build().published)
        #expect(try page(w, ana).contains("Den har inte valt bort någon rutin."))
        #expect(!(try page(w, "index.html").contains("handbocker/ana.html#utesluten")))
        await expectSameAsClean(w)

        // A council comes, with its page, and goes again, without it.
        try FileManager.default.copyItem(atPath: "\(w.content)/councils/ana", toPath: "\(w.content)/councils/cid")
        let cid = try String(contentsOfFile: "\(w.content)/councils/cid/council.yml", encoding: .utf8)
        try w.write("content/councils/cid/council.yml", cid.replacingOccurrences(of: "name: Ana <kommun>", with: "name: Cid kommun"))
        let added = await w.build()
        #expect(added.published, "\(added.diagnostics)")
        #expect(try page(w, PortalPages.handbookPath(council: "cid")).contains("<h1>Cid kommuns rutiner</h1>"))
        await expectSameAsClean(w)
        try FileManager.default.removeItem(atPath: "\(w.content)/councils/cid")
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/\(PortalPages.handbookPath(council: "cid"))"))
        await expectSameAsClean(w)
    }

    /// A group's page in the portal is linked while nothing it shows changed, rendered when its
    /// routines or members changed, and goes when its last member leaves the group and comes
    /// back when one joins again; every build is the bytes of a clean one.
    @Test func groupPagesFollowTheirGroup() async throws {
        var w = try W()
        #expect(await w.build().published)
        let dalen = PortalPages.groupPath(group: "dalen")
        let original = try page(w, dalen)
        #expect(original.contains("<h1>Samverkan Dalen</h1>"))
        let marked = original.replacingOccurrences(of: "<h1>", with: "<h6>")
        try marked.write(toFile: "\(w.output)/\(dalen)", atomically: false, encoding: .utf8)

        // Ana is no member: her own routine's edit leaves the group's page linked as it was.
        try w.append("content/councils/ana/routines/egen.md", "\nEn mening till.\n")
        #expect(await w.build().published)
        #expect(try page(w, dalen) == marked)

        // The group's own routine is reviewed again: its page is rendered.
        let risk = try String(contentsOfFile: "\(w.content)/groups/dalen/routines/risk.md", encoding: .utf8)
        try w.write("content/groups/dalen/routines/risk.md", risk.replacingOccurrences(of: "reviewed: 2026-08-01", with: "reviewed: 2026-11-01"))
        #expect(await w.build().published)
        #expect(try page(w, dalen).contains("1 november 2026"))
        await expectSameAsClean(w)

        // Bro, its only member, leaves the group (with a coordinator of its own in place of
        // the group's): the page goes, and the overview no longer links it.
        let bro = try String(contentsOfFile: "\(w.content)/councils/bro/council.yml", encoding: .utf8)
        try w.write("content/councils/bro/council.yml", bro.replacingOccurrences(
            of: "group: dalen\ncontacts:\n", with: "contacts:\n  samordnare:\n    role: Säkerhetssamordnare\n    email: samordnare@bro.example\n"))
        let left = await w.build()
        #expect(left.published, "\(left.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/\(dalen)"))
        #expect(!(try page(w, "index.html").contains(dalen)))
        await expectSameAsClean(w)

        // … and joins again: the page is back.
        try w.write("content/councils/bro/council.yml", bro)
        #expect(await w.build().published)
        #expect(try page(w, dalen).contains("<h1>Samverkan Dalen</h1>"))
        await expectSameAsClean(w)
    }

    /// bro's group text changes: the change list's counts for bro change, although bro's
    /// own files did not.
    @Test func anEditThatChangesTheChangeListsCounts() async throws {
        var w = try W()
        #expect(await w.build().published)
        let list = try page(w, "andringar.html")
        try w.append("content/groups/dalen/routines/risk.md", "\nTre nya ord här och några till.\n")
        #expect(await w.build().published)
        #expect(try page(w, "andringar.html") != list)
        await expectSameAsClean(w)

        // The base text changes: the counts of every text that replaces it change too.
        try w.append("content/routines/risk.md", "\nGrundtextens nya mening.\n")
        #expect(await w.build().published)
        await expectSameAsClean(w)

        // A council adapts a routine: a new row, and a new change page.
        let akut = try String(contentsOfFile: "\(w.content)/routines/akut.md", encoding: .utf8)
        try w.write("content/councils/ana/routines/akut.md", akut + "\nAnas egen mening.\n")
        #expect(await w.build().published)
        #expect(try page(w, "andringar.html").contains("andringar/ana/akut.html"))
        await expectSameAsClean(w)

        // … and gives it up again.
        try w.remove("content/councils/ana/routines/akut.md")
        #expect(await w.build().published)
        await expectSameAsClean(w)
    }

    /// Counts of a change whose page is linked come from the manifest; an edit elsewhere
    /// must leave them as a clean build counts them.
    @Test func keptCountsOfUnchangedChanges() async throws {
        var w = try W()
        #expect(await w.build().published)
        let counts = try manifest(w).wordCounts
        try w.append("content/councils/ana/routines/egen.md", "\nEn mening till.\n")
        #expect(await w.build().published)
        #expect(try manifest(w).wordCounts == counts)
        await expectSameAsClean(w)
    }

    /// A change page whose inputs did not change but whose file is gone is diffed and
    /// rendered after all.
    @Test func aKeptChangePageMissingFromTheOutputIsRendered() async throws {
        var w = try W()
        #expect(await w.build().published)
        let change = PortalPages.changePath(council: "bro", routine: "risk")
        let bytes = try page(w, change)
        try FileManager.default.removeItem(atPath: "\(w.output)/\(change)")
        try w.append("content/councils/ana/routines/egen.md", "\nEn mening till.\n")
        #expect(await w.build().published)
        #expect(try page(w, change) == bytes)
        await expectSameAsClean(w)

        // The same with no other change.
        try FileManager.default.removeItem(atPath: "\(w.output)/\(change)")
        #expect(await w.build().published)
        #expect(try page(w, change) == bytes)
        await expectSameAsClean(w)
    }

    @Test func anEditThatChangesTheReadabilityPage() async throws {
        var w = try W()
        #expect(await w.build().published)
        let before = W.identities(w.output), lix = try page(w, "lasbarhet.html")
        try w.append("content/councils/ana/routines/egen.md",
                     "\nSynnerligen omständliga förvaltningsövergripande handlingsplaner försvårar läsförståelsen avsevärt.\n")
        #expect(await w.build().published)
        #expect(try page(w, "lasbarhet.html") != lix)
        #expect(W.rewritten(before, W.identities(w.output)).contains("lasbarhet.html"))
        await expectSameAsClean(w)
    }

    /// A group given another id (its folder renamed) keeps its name: the readability page
    /// differs only in the link to the group's page, which is part of its fingerprint.
    @Test func aGroupsNewIDIsANewLinkOnTheReadabilityPage() async throws {
        var w = try W()
        #expect(await w.build().published)
        #expect(try page(w, "lasbarhet.html").contains("Samverkan Dalen (grupper/dalen.html)"))
        let before = W.identities(w.output)
        for file in ["group.yml", "routines/risk.md"] {
            try w.write("content/groups/dalarna/\(file)", try String(contentsOfFile: "\(w.content)/groups/dalen/\(file)", encoding: .utf8))
        }
        try w.remove("content/groups/dalen")
        let council = try String(contentsOfFile: "\(w.content)/councils/bro/council.yml", encoding: .utf8)
        try w.write("content/councils/bro/council.yml", council.replacingOccurrences(of: "group: dalen\n", with: "group: dalarna\n"))
        #expect(await w.build().published)
        let lix = try page(w, "lasbarhet.html")
        #expect(lix.contains("Samverkan Dalen (grupper/dalarna.html)") && !lix.contains("grupper/dalen.html"))
        #expect(W.rewritten(before, W.identities(w.output)).contains("lasbarhet.html"))
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/\(PortalPages.groupPath(group: "dalarna"))"))
        await expectSameAsClean(w)
    }

    /// A summary page whose data did not change is not rendered at all: its previous file is
    /// linked. (A hand edit of the output shows it: a rendered page would have lost it.)
    @Test func unchangedSummaryPagesAreLinkedNotRendered() async throws {
        var w = try W()
        #expect(await w.build().published)
        let coverage = "\(w.output)/tackning.html"
        let original = try String(contentsOfFile: coverage, encoding: .utf8)
        let marked = original.replacingOccurrences(of: "<h1>", with: "<h6>")
        #expect(marked != original && marked.utf8.count == original.utf8.count)
        try marked.write(toFile: coverage, atomically: false, encoding: .utf8)

        // A theme colour is not shown in the portal: no page of it is rendered.
        let council = try String(contentsOfFile: "\(w.content)/councils/ana/council.yml", encoding: .utf8)
        try w.write("content/councils/ana/council.yml", council.replacingOccurrences(of: "#123456", with: "#123457"))
        let colour = await w.build()
        #expect(colour.published)
        #expect(colour.portalPagesRendered == 0)
        #expect(try page(w, "tackning.html") == marked)

        // A council's name is: every page that names Ana is rendered again, all eleven but the
        // examples (there are none), the change list (only Bro's group text) and Bro's page.
        try w.write("content/councils/ana/council.yml", council.replacingOccurrences(of: "Ana <kommun>", with: "Anaby <kommun>"))
        let renamed = await w.build()
        #expect(renamed.published)
        #expect(renamed.portalPagesRendered == 8)
        #expect(try page(w, "tackning.html").contains("Anaby"))
        await expectSameAsClean(w)
    }

    /// A council's change pages are carried whole, as its folder is, when none of them
    /// changed; when one of their files is gone, they are linked or rendered one by one.
    @Test func aCouncilsChangePagesAreCarriedWhole() async throws {
        var w = try W()
        #expect(await w.build().published)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/andringar/bro/risk.html"))
        try w.append("content/councils/ana/routines/egen.md", "\nEn ny mening.\n")
        #expect(await w.plannedReuse().portal.changeFolders.contains("andringar/bro"))
        #expect(await w.build().published)
        await expectSameAsClean(w)

        // Gone from the output and from the spare the next build starts from.
        let spare = Publisher.sparePath(of: URL(fileURLWithPath: w.output)).path
        for folder in [w.output, spare] { try? FileManager.default.removeItem(atPath: "\(folder)/andringar/bro/risk.html") }
        try w.append("content/councils/ana/routines/egen.md", "\nEn mening till.\n")
        #expect(await w.build().published)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/andringar/bro/risk.html"))
        await expectSameAsClean(w)

        // ana adapts two routines, then gives one up: the other's page is kept, the folder is
        // not carried whole, and the page given up goes.
        for id in ["akut", "risk"] {
            let base = try String(contentsOfFile: "\(w.content)/routines/\(id).md", encoding: .utf8)
            try w.write("content/councils/ana/routines/\(id).md", base + "\nAnas egen mening.\n")
        }
        #expect(await w.build().published)
        await expectSameAsClean(w)
        try w.remove("content/councils/ana/routines/risk.md")
        let reuse = await w.plannedReuse()
        #expect(reuse.portal.changePages.contains("andringar/ana/akut.html"))
        #expect(!reuse.portal.changeFolders.contains("andringar/ana"))
        #expect(await w.build().published)
        #expect(!FileManager.default.fileExists(atPath: "\(w.output)/andringar/ana/risk.html"))
        await expectSameAsClean(w)
    }

    @Test func aTemplateChangeRendersTheSummaryPages() async throws {
        var w = try W()
        #expect(await w.build().published)
        let template = try String(contentsOfFile: "\(w.templates)/portal/lasbarhet.mustache", encoding: .utf8)
        try w.write("templates/portal/lasbarhet.mustache", template + "<p>Ny rad i mallen.</p>\n")
        #expect(await w.build().published)
        #expect(try page(w, "lasbarhet.html").contains("Ny rad i mallen."))
        await expectSameAsClean(w)
    }

    @Test func aCorruptedCountRecordMeansAFullBuild() async throws {
        for corruption in ["words zz 1 2", "words 00000000000000ab -1 2", "words 00000000000000ab 1", "words 00000000000000ab 1 2 3"] {
            var w = try W()
            #expect(await w.build().published)
            let path = W.manifest(of: w.output).path
            var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = try #require(lines.firstIndex { $0.hasPrefix("words ") })
            lines[index] = corruption
            // With a valid checksum: the record itself must be refused.
            try Manifest.resealed(lines.joined(separator: "\n")).write(toFile: path, atomically: false, encoding: .utf8)
            #expect(Manifest.parse(try String(contentsOfFile: path, encoding: .utf8)) == nil, "\(corruption)")

            try w.append("content/groups/dalen/routines/risk.md", "\nÄndrad.\n")
            let result = await w.build()
            #expect(result.published && !result.unchanged && result.filesReused == 0, "\(corruption)")
            await expectSameAsClean(w)
        }
    }

    /// A count record for files that are not there (or no longer) is simply not used.
    @Test func aForeignCountRecordIsIgnored() async throws {
        var w = try W()
        #expect(await w.build().published)
        let path = W.manifest(of: w.output).path
        var manifest = try manifest(w)
        manifest.wordCounts[12345] = WordCounts(inserted: 999, deleted: 999)
        try manifest.serialized().write(toFile: path, atomically: false, encoding: .utf8)
        try w.append("content/councils/ana/routines/egen.md", "\nÄndrad.\n")
        #expect(await w.build().published)
        #expect(!(try page(w, "andringar.html").contains("999")))
        await expectSameAsClean(w)
    }

    @Test func wordCountsRoundTrip() {
        var manifest = Manifest()
        manifest.global = 1
        manifest.wordCounts = [0xffff_ffff_ffff_ffff: WordCounts(inserted: 0, deleted: 12), 7: WordCounts(inserted: 3, deleted: 0)]
        manifest.pages = ["tackning.html": 5]
        #expect(Manifest.parse(manifest.serialized()) == manifest)
        let record = "\nwords 0000000000000007 3 0\n"
        #expect(manifest.serialized().contains(record))
        let duplicated = Manifest.resealed(manifest.serialized().replacingOccurrences(of: record, with: record + String(record.dropFirst())))
        #expect(Manifest.parse(duplicated) == nil, "a fingerprint counted twice is refused")
    }
}
