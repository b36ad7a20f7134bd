import Foundation
import Testing
@testable import RutinbokCore

/// Builds a small fixture site with a minimal fixture theme and compares every output file
/// with the files in `Fixtures/e2e/expected/`. Re-record after an intended change with
/// `RUTINBOK_RECORD=1 swift test --filter GoldenOutputTests`, then review the diff.
@Suite struct GoldenOutputTests {
    let root = TestPaths.fixtures.appendingPathComponent("e2e")

    @Test func fixtureSiteMatchesGoldenFiles() async throws {
        let (output, result) = await TestPaths.build(content: root.appendingPathComponent("content"),
                                                     templates: root.appendingPathComponent("templates"))
        #expect(result.published, "\(result.diagnostics)")
        let actual = TestPaths.snapshot(output)
        let expectedFolder = root.appendingPathComponent("expected")
        if ProcessInfo.processInfo.environment["RUTINBOK_RECORD"] != nil {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let target = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            return
        }
        let expected = TestPaths.snapshot(expectedFolder)
        #expect(Set(actual.keys) == Set(expected.keys), "files differ: only in output \(Set(actual.keys).subtracting(expected.keys).sorted()), only in expected \(Set(expected.keys).subtracting(actual.keys).sorted())")
        for path in expected.keys.sorted() {
            let want = String(decoding: expected[path] ?? Data(), as: UTF8.self)
            let got = String(decoding: actual[path] ?? Data(), as: UTF8.self)
            #expect(got == want, "\(path) differs from the golden file")
        }
    }

    @Test func fixtureDiagnosticsAreExact() async throws {
        let (_, result) = await TestPaths.build(content: root.appendingPathComponent("content"),
                                                templates: root.appendingPathComponent("templates"))
        // Named as `FolderPath` spells the folder: relative to the working directory when inside it.
        let content = FolderPath.canonical(root.appendingPathComponent("content").path)
        #expect(result.diagnostics.map(\.description) == [
            "\(content)/councils/bro/council.yml:5:3: varning: kontakten 'namndsekreterare' har inget datum i 'verified'; kontrollera uppgifterna och skriv dagen, ÅÅÅÅ-MM-DD [contact-unverified]",
            "\(content)/routines/extra.md:10:18: varning: HTML-kod tas inte med på sidan; skriv med Markdown i stället [raw-html]",
        ])
    }

    /// A phone files a contact the council has from its group under the group, not under the
    /// council: the group's coordinator does not work for each of its councils.
    @Test func theGroupsContactsAreFiledUnderTheGroupInTheVCard() async throws {
        let (output, result) = await TestPaths.build(content: root.appendingPathComponent("content"),
                                                     templates: root.appendingPathComponent("templates"))
        #expect(result.published, "\(result.diagnostics)")
        let cards = try String(contentsOf: output.appendingPathComponent("bro/kontakter.vcf"), encoding: .utf8)
            .components(separatedBy: "END:VCARD")
        let group = try #require(cards.first { $0.contains("FN:Gunnar Grupp") })
        #expect(group.contains("ORG:Samverkan Dalen\r\n"), "\(group)")
        let own = cards.filter { $0.contains("BEGIN:VCARD") && !$0.contains("FN:Gunnar Grupp") }
        #expect(!own.isEmpty && own.allSatisfy { $0.contains("ORG:Bro kommun\r\n") }, "\(own)")
    }

    /// A council's assets are published under `assets/`: `logo: logo.svg` names the same file as
    /// `logo: assets/logo.svg`, and the pages must point at it, not at a file that is not there.
    @Test func aLogoNamedWithoutItsFolderIsTheSameFile() async throws {
        let copy = TestPaths.temporaryFolder("rutinbok-logo")
        try FileManager.default.copyItem(at: root, to: copy.appendingPathComponent("e2e"))
        let council = copy.appendingPathComponent("e2e/content/councils/ana/council.yml")
        let text = try String(contentsOf: council, encoding: .utf8)
        #expect(text.contains("logo: assets/logo.svg"))
        try text.replacingOccurrences(of: "logo: assets/logo.svg", with: "logo: logo.svg").write(to: council, atomically: false, encoding: .utf8)
        let (output, result) = await TestPaths.build(content: copy.appendingPathComponent("e2e/content"),
                                                     templates: root.appendingPathComponent("templates"))
        #expect(result.published, "\(result.diagnostics)")
        let start = try String(contentsOf: output.appendingPathComponent("ana/index.html"), encoding: .utf8)
        #expect(start.contains("src=\"assets/logo.svg\""))
        #expect(TestPaths.snapshot(output) == TestPaths.snapshot(root.appendingPathComponent("expected")))
    }

    @Test func layeringExclusionAndAccessShapeTheHandbooks() async throws {
        let (output, _) = await TestPaths.build(content: root.appendingPathComponent("content"),
                                                templates: root.appendingPathComponent("templates"))
        let files = Set(TestPaths.snapshot(output).keys)
        // Ana excludes 'extra' and its internal routine stays out of the public build.
        #expect(files.contains("ana/egen.html"))
        #expect(!files.contains("ana/extra.html"))
        #expect(!files.contains("ana/hemlig.html"))
        // Bro gets the group's risk routine in place of the base one, and keeps 'extra'.
        #expect(files.contains("bro/extra.html"))
        let risk = try String(contentsOf: output.appendingPathComponent("bro/risk.html"), encoding: .utf8)
        #expect(risk.contains("Dalens bedömning."))
        // The group's contact is used in Bro; the council's own in Ana.
        let broAkut = try String(contentsOf: output.appendingPathComponent("bro/akut.html"), encoding: .utf8)
        #expect(broAkut.contains("Gunnar Grupp"))
        let anaAkut = try String(contentsOf: output.appendingPathComponent("ana/akut.html"), encoding: .utf8)
        #expect(anaAkut.contains("Anna Ana"))
        // Config values are escaped.
        #expect(anaAkut.contains("Ana &lt;kommun&gt;"))
        #expect(!anaAkut.contains("<kommun>"))
    }
}
