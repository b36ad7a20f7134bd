import Foundation
import Testing
@testable import RutinbokCore

/// The demo handbook in content/ with the real theme: it builds, twice identically, and
/// every internal link and anchor in it resolves.
@Suite(.serialized) struct DemoSiteTests {
    static let content = TestPaths.packageRoot.appendingPathComponent("content")
    static let templates = TestPaths.packageRoot.appendingPathComponent("templates")

    @Test func demoBuildsWithoutErrorsIntoEveryCouncilFolder() async throws {
        let (output, result) = await TestPaths.build(content: Self.content, templates: Self.templates)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        #expect(result.published)
        let councils = try FileManager.default.contentsOfDirectory(atPath: Self.content.appendingPathComponent("councils").path)
            .filter { !$0.hasPrefix(".") }
        #expect(councils.count >= 6)
        for council in councils {
            for page in ["index.html", "kontakter.html", "skriv-ut.html", "kontakter.vcf", "tillganglighet.html", "sok.html"] {
                #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(council)/\(page)").path), "\(council)/\(page)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    /// A council's `website` is linked from the footer of every page, named in the genitive;
    /// a council without one has no such link.
    @Test func theFooterLinksTheCouncilsOwnWebsite() async throws {
        let (output, _) = await TestPaths.build(content: Self.content, templates: Self.templates)
        for page in ["exempelby/index.html", "exempelby/kontakter.html", "exempelby/sok.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains(#"<li><a href="https://www.exempelby.example">Exempelby kommuns webbplats</a></li>"#), "\(page)")
        }
        let region = try String(contentsOf: output.appendingPathComponent("region-exempelland/index.html"), encoding: .utf8)
        #expect(region.contains(#">Region Exempellands webbplats</a>"#))
        let without = try String(contentsOf: output.appendingPathComponent("exempelstad/index.html"), encoding: .utf8)
        #expect(!without.contains("webbplats</a>"))
    }

    /// A reader in a group's council sees what is the group's: its routines say who wrote them,
    /// and its contacts say they are shared; the council's own say neither.
    @Test func whatTheGroupSharesIsSaidToBeTheGroups() async throws {
        let (output, _) = await TestPaths.build(content: Self.content, templates: Self.templates)
        func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        #expect(try page("lattsasby/utbildning-och-introduktion.html").contains("<div><dt>Skriven av</dt><dd>Samverkan Nordväst, samma text i hela gruppen</dd></div>"))
        #expect(try !page("lattsasby/riskbedomning-infor-sammantraden.html").contains("Skriven av"), "the council's own text")
        #expect(try !page("lattsasby/hotad-just-nu.html").contains("Skriven av"), "the base's text")
        let contacts = try page("lattsasby/kontakter.html").components(separatedBy: "<div class=\"contact-entry\" id=\"")
        func entry(_ id: String) -> String { contacts.first { $0.hasPrefix("\(id)\"") } ?? "" }
        #expect(entry("sakerhetssamordnare").contains("<p class=\"contact-shared\">Gemensam för Samverkan Nordväst</p>"), "\(entry("sakerhetssamordnare"))")
        #expect(!entry("tib").isEmpty && !entry("tib").contains("contact-shared"))
        #expect(try !page("exempelby/kontakter.html").contains("contact-shared"), "no group")
    }

    /// The box of whom to call shows the council's own `quick_contacts` first, else its
    /// group's, else site.yml's: a group's crisis line can stand on every member's start page.
    @Test func theBoxOfWhomToCallTakesTheCouncilsOrTheGroupsList() async throws {
        let content = TestPaths.temporaryFolder("rutinbok-quick").appendingPathComponent("content")
        try FileManager.default.copyItem(at: Self.content, to: content)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        func prepend(_ line: String, to file: String) throws {
            let url = content.appendingPathComponent(file)
            try (line + String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        try prepend("quick_contacts: [hr, sakerhetssamordnare]\n", to: "groups/nordvast/group.yml")
        try prepend("quick_contacts: [dialogsamordnare]\n", to: "councils/pahittsjo/council.yml")
        let (output, result) = await TestPaths.build(content: content, templates: Self.templates)
        #expect(result.published && !result.diagnostics.contains { $0.code == "unknown-contact" }, "\(result.diagnostics)")
        func roles(_ council: String) throws -> [String] {
            let start = try String(contentsOf: output.appendingPathComponent("\(council)/index.html"), encoding: .utf8)
            return start.components(separatedBy: "<span class=\"quick-role\">").dropFirst().map { $0.components(separatedBy: "</span>")[0] }
        }
        let (group, own, none) = (try roles("lattsasby"), try roles("pahittsjo"), try roles("exempelby"))
        #expect(group.count == 3 && group.first?.hasPrefix("HR") == true, "\(group)")
        #expect(own.first?.hasPrefix("Samordnare för medborgardialog") == true, "the council's own list before its group's: \(own)")
        #expect(none.first?.hasPrefix("Säkerhetssamordnare") == true, "no group: site.yml's list: \(none)")
    }

    /// A contact in the box with e-mail and no phone is reached by its address: the box would
    /// otherwise name someone with no way to reach them.
    @Test func aContactInTheBoxWithoutAPhoneShowsItsEmail() async throws {
        let content = TestPaths.temporaryFolder("rutinbok-quick-mail").appendingPathComponent("content")
        try FileManager.default.copyItem(at: Self.content, to: content)
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let file = content.appendingPathComponent("councils/exempelby/council.yml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "    phone: \"070-000 01 01\"\n", with: "").write(to: file, atomically: true, encoding: .utf8)
        let (output, result) = await TestPaths.build(content: content, templates: Self.templates)
        #expect(result.published, "\(result.diagnostics)")
        let start = try String(contentsOf: output.appendingPathComponent("exempelby/index.html"), encoding: .utf8)
        let entries = start.components(separatedBy: "<span class=\"quick-role\">").dropFirst().map { $0.components(separatedBy: "</li>")[0] }
        #expect(entries.count == 3)
        let box = try #require(entries.first { $0.hasPrefix("Säkerhetssamordnare, Anna Exempel") })
        #expect(box.contains("<a class=\"mail\" href=\"mailto:sakerhet@exempelby.example\" aria-label=\"sakerhet@exempelby.example\">"), "\(box)")
        #expect(!box.contains("tel:0700000101"))
        // One with a phone keeps only its phone in the box.
        let other = try #require(entries.first { !$0.hasPrefix("Säkerhetssamordnare") })
        #expect(other.contains("href=\"tel:") && !other.contains("mailto:"), "\(other)")
    }

    /// A templates folder named by a symbolic link (`templates` linked to a shared copy) is
    /// read through the link, as a content folder is: the build is the folder's own.
    @Test func aTemplatesFolderThatIsALinkIsReadThroughIt() async throws {
        let folder = TestPaths.temporaryFolder("rutinbok-linked-templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("templates")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: Self.templates)
        let (linked, result) = await TestPaths.build(content: Self.content, templates: link)
        #expect(result.published && !result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let (direct, _) = await TestPaths.build(content: Self.content, templates: Self.templates)
        var a = TestPaths.snapshot(linked), b = TestPaths.snapshot(direct)
        // The manifest's marker names the templates folder as given.
        a[Publisher.marker] = nil
        b[Publisher.marker] = nil
        #expect(!a.isEmpty && a == b)
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let (first, _) = await TestPaths.build(content: Self.content, templates: Self.templates)
        let (second, _) = await TestPaths.build(content: Self.content, templates: Self.templates)
        let a = TestPaths.snapshot(first), b = TestPaths.snapshot(second)
        #expect(!a.isEmpty)
        #expect(Set(a.keys) == Set(b.keys))
        let different = a.keys.filter { a[$0] != b[$0] }.sorted()
        #expect(different.isEmpty, "differ: \(different)")
    }

    @Test func everyInternalLinkAndAnchorResolves() async throws {
        let (output, _) = await TestPaths.build(content: Self.content, templates: Self.templates)
        let broken = LinkAudit.brokenLinks(in: output)
        #expect(broken.isEmpty, "\(broken.count) broken: \(broken.prefix(20))")
        #expect(LinkAudit.linkCount(in: output) > 500)
    }
}

/// Reads our own generated HTML for href/src and id attributes. Good enough for output we
/// produce ourselves; the browser tests validate the HTML properly.
enum LinkAudit {
    static let attribute = try! NSRegularExpression(pattern: #"\s(?:href|src)="([^"]*)""#)
    static let id = try! NSRegularExpression(pattern: #"\sid="([^"]*)""#)

    static func matches(_ regex: NSRegularExpression, in text: String) -> [String] {
        regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func pages(in output: URL) -> [String: String] {
        TestPaths.snapshot(output).filter { $0.key.hasSuffix(".html") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    static func linkCount(in output: URL) -> Int {
        pages(in: output).values.reduce(0) { $0 + matches(attribute, in: $1).count }
    }

    /// `handbocker/../index.html` → `index.html`: `standardizingPath` leaves a relative
    /// path's `..` as it is on Linux, and the ids of the page it names were then not found.
    /// A path that leads above the output keeps a leading `..`.
    static func normalized(_ path: String) -> String {
        var parts: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    static func brokenLinks(in output: URL) -> [String] {
        let pages = pages(in: output)
        let ids = pages.mapValues { Set(matches(id, in: $0)) }
        var broken: [String] = []
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            let folder = (path as NSString).deletingLastPathComponent
            for link in matches(attribute, in: html) {
                if link.contains(":") || link.hasPrefix("//") { continue }  // tel:, mailto:, https:, data:
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = String(parts[0]).components(separatedBy: "?")[0]
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                let target = file.isEmpty ? path : normalized((folder as NSString).appendingPathComponent(file))
                if target.hasPrefix("..") || !FileManager.default.fileExists(atPath: output.appendingPathComponent(target).path) {
                    broken.append("\(path): \(link) (no file)")
                    continue
                }
                if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(fragment) != true {
                    broken.append("\(path): \(link) (no id '\(fragment)')")
                }
            }
        }
        return broken
    }
}
