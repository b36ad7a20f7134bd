import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore
import Testing

/// Content written to attack the readers of the published handbooks and portal, all of
/// which share one web origin: an editor's account may be taken over, and the readers are
/// people under threat. (From a security review; each case was a working attack.)
@Suite struct HostileContentTests {
    /// Every file of the output as text, by path.
    static func outputTexts(_ w: BrokenWorkspace) throws -> [String: String] {
        var texts: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: w.output)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: w.output + "/" + path) { texts[path] = String(decoding: data, as: UTF8.self) }
        }
        return texts
    }

    /// A `"` with a combining mark after it is one Character, not `"`: escaping by Character
    /// let it through, and the browser, which reads code points, ended the attribute there.
    /// Through a table's header (its region's name), a contact's e-mail, the accessibility
    /// address and the logo's file name, it ran script on load on every page of the council
    /// and on the portal. (The two addresses are now refused before they get this far:
    /// `aHostileAddressIsNoAddress`.)
    @Test func aQuoteWithACombiningMarkCannotEndAnAttribute() async throws {
        let w = try BrokenWorkspace()
        let attack = "\"\u{301} autofocus onfocus=alert(1) x=\""
        try w.append("content/routines/hotad.md", "\n| Vem\(attack) | Nummer |\n| --- | --- |\n| Polisen | 114 14 |\n")
        try w.write("content/councils/exby/routines/hotad.md", try w.read("content/routines/hotad.md") + "\nEgen text.\n")
        try w.write("content/councils/exby/assets/l\(attack).svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try w.replace("content/councils/exby/council.yml", "logo: assets/logo.svg", with: "logo: 'assets/l\(attack).svg'")
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")

        let texts = try Self.outputTexts(w)
        #expect(texts.keys.contains("andringar/exby/hotad.html"), "the portal's change page, on the shared origin")
        var checked = 0
        for (path, text) in texts where path.hasSuffix(".html") {
            checked += 1
            let scalars = Array(text.unicodeScalars)
            #expect(!zip(scalars, scalars.dropFirst()).contains { $0 == "\"" && $1 == "\u{301}" }, "\(path) has a raw quote before the mark")
            #expect(!text.contains(" autofocus onfocus=alert(1) x=\""), "\(path)")
        }
        #expect(checked > 5)
        #expect(texts["exby/hotad.html"]?.contains("aria-label=\"Tabell: Vem&quot;\u{301} autofocus onfocus=alert(1) x=&quot;, Nummer\"") == true)
    }

    /// An address that would end an attribute, or add lines to the vCard, is no address: the
    /// build stops at it (`bad-email`), whatever the escaping downstream would have made of it.
    @Test func aHostileAddressIsNoAddress() async throws {
        let w = try BrokenWorkspace()
        // No space to catch it: the combining mark is what gives the quote away, scalar by scalar.
        try w.replace("content/councils/exby/council.yml", "email: sakerhet@exby.example",
                      with: "email: 'a\"\u{301}/autofocus/onfocus=alert`1`/x=\"\u{301}@exby.example'")
        try w.append("content/councils/exby/council.yml",
                     "accessibility:\n  status: helt\n  feedback_email: \"webb@exby.example\\r\\nBCC: x@y.example\"\n  assessed: 2026-01-10\n")
        let result = await Build.run(w.options(), write: true)
        #expect(!result.published)
        #expect(result.diagnostics.filter { $0.code == "bad-email" }.count == 2, "\(result.diagnostics.map(w.display))")
    }

    /// An address may hold `'` and `&` (RFC 5322 allows them, and the check lets them
    /// through): in the `mailto:` link and its label they are escaped.
    @Test func anAddressIsEscapedInItsLink() async throws {
        let w = try BrokenWorkspace()
        try w.replace("content/councils/exby/council.yml", "email: sakerhet@exby.example", with: "email: \"o'brien&co@exby.example\"")
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        let contacts = try w.read("output/exby/kontakter.html")
        #expect(contacts.contains("href=\"mailto:o&#39;brien&amp;co@exby.example\" aria-label=\"o&#39;brien&amp;co@exby.example\""))
        #expect(!contacts.contains("o'brien"))
    }

    /// A line break in a contact's value added properties, or a whole card ("Polisen" with
    /// another number), to the vCard a phone imports. (Line breaks that are controls, `\r`,
    /// NEL and the vertical tab, are refused as `control-character`; the vCard's escaping
    /// handles them too.)
    @Test func aLineBreakCannotAddToTheVCard() async throws {
        let w = try BrokenWorkspace()
        let injected = "\"Vardagar\\nEND:VCARD\\nBEGIN:VCARD\\nFN:Polisen\\nTEL:+46709999999\""
        try w.replace("content/councils/exby/council.yml", "email: sakerhet@exby.example", with: "email: sakerhet@exby.example\n    hours: \(injected)")
        try w.replace("content/councils/exby/council.yml", "role: Säkerhetssamordnare", with: "role: \"Samordnare\\u2028TEL:+4670\\u2029X\\nY\"")
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        let file = try w.read("output/exby/kontakter.vcf")
        // Folded lines unfolded (RFC 2426: a line break and a space continue the line).
        let lines = file.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(lines.filter { $0 == "BEGIN:VCARD" }.count == lines.filter { $0.hasPrefix("FN:") }.count, "\(file)")
        #expect(!lines.contains { $0.hasPrefix("FN:Polisen") || $0.hasPrefix("TEL:+4670") }, "\(file)")
        #expect(lines.contains { $0.hasPrefix("NOTE:Vardagar\\nEND:VCARD\\nBEGIN:VCARD\\nFN:Polisen\\nTEL:+46709999999") }, "\(file)")
        #expect(lines.contains("TITLE:Samordnare\\nTEL:+4670\\nX\\nY"), "\(file)")
        #expect(!file.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{85}" || $0 == "\u{0B}" })
    }

    /// A base routine kept internal, and a council's public routine with its id: the change
    /// page compared the two and published the internal text as deleted words, and the
    /// coverage page had the internal title as a row. An editor could do it on purpose with an
    /// empty routine.
    @Test func anInternalBaseRoutineLeavesNoTraceInAPublicBuild() async throws {
        let w = try BrokenWorkspace()
        try w.write("content/routines/skyddade-adresser.md", """
            ---
            title: Skyddade adresser HEMLIGTITEL
            summary: Internt.
            phase: hantera
            order: 90
            audience: [alla]
            owner: samordnare
            reviewed: 2026-01-15
            access: internal
            ---

            HEMLIGTEXT: ordförandens adress och larmkod.

            ## HEMLIGRUBRIK

            Mer.

            """)
        try w.write("content/councils/exby/routines/skyddade-adresser.md", """
            ---
            title: Offentlig rutin
            summary: Offentligt.
            phase: hantera
            order: 90
            audience: [alla]
            owner: samordnare
            reviewed: 2026-01-15
            ---

            Offentlig text.

            """)
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        let texts = try Self.outputTexts(w)
        for (path, text) in texts {
            #expect(!text.contains("HEMLIG"), "\(path) names the internal routine")
        }
        #expect(texts["exby/skyddade-adresser.html"]?.contains("Offentlig text.") == true)
        #expect(texts["andringar/exby/skyddade-adresser.html"] == nil, "nothing to compare with in public")
        #expect(texts["tackning.html"]?.contains("Offentlig rutin") == true, "listed as the council's own")

        // The intranet's build compares them, as before.
        var intranetOptions = w.options()
        intranetOptions.includeInternal = true
        intranetOptions.output = w.root.appendingPathComponent("intranet").path
        let intranet = await Build.run(intranetOptions, write: true)
        #expect(intranet.published)
        let page = try String(contentsOfFile: intranetOptions.output + "/andringar/exby/skyddade-adresser.html", encoding: .utf8)
        #expect(page.contains("HEMLIGTEXT"))
    }

    /// A council's assets are published as they are, on the address every handbook and the
    /// portal share: a page, a script or an SVG with script in it ran there. They stop the
    /// build, where they are, unless the council is trusted with raw HTML.
    @Test func assetsABrowserRunsStopTheBuild() async throws {
        let w = try BrokenWorkspace()
        #expect(await Build.run(w.options(), write: true).published)
        try w.write("content/councils/exby/assets/blankett.html", "<!doctype html><script>alert(1)</script>")
        try w.write("content/councils/exby/assets/karta.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <circle r=\"1\"/>\n  <SCRIPT>alert(1)</SCRIPT>\n</svg>")
        try w.write("content/councils/exby/assets/ikon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")
        try w.write("content/councils/exby/assets/ren.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Ren &amp; fin</title></svg>")
        // Ways past a list of patterns (from a code review): a namespace prefix, a character
        // reference, an entity from a declaration, UTF-16, no file ending.
        try w.write("content/councils/exby/assets/prefix.svg", "<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"><s:script>alert(1)</s:script></s:svg>")
        try w.write("content/councils/exby/assets/ref.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"&#106;avascript:alert(1)\"><text>x</text></a></svg>")
        try w.write("content/councils/exby/assets/dtd.svg", "<!DOCTYPE svg [<!ENTITY s \"&#60;script&#62;\">]><svg>&s;</svg>")
        // … and from a security audit: a prefix of letters beyond ASCII, a stylesheet's XSLT
        // (which can make any element), a reference padded with zeros.
        try w.write("content/councils/exby/assets/unicode.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:ä=\"http://www.w3.org/2000/svg\"><ä:script>alert(1)</ä:script></svg>")
        try w.write("content/councils/exby/assets/xslt.svg", "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"s.svg\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try w.write("content/councils/exby/assets/zeros.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"&#x000000006A;avascript:alert(1)\"><text>x</text></a></svg>")
        try w.write("content/councils/exby/assets/utf16.svg", Data("<svg><script>alert(1)</script></svg>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        try w.write("content/councils/exby/assets/sida", "<!doctype html><script>alert(1)</script>")
        #expect(mkfifo(w.url("content/councils/exby/assets/ror").path, 0o644) == 0)
        // What Windows and editors leave in a folder is neither published nor a problem.
        for leftover in ["Thumbs.db", "desktop.ini", "karta.svg~", "bilder/Thumbs.db"] {
            try w.write("content/councils/exby/assets/\(leftover)", "x")
        }
        let problems = await w.check().filter { $0.contains("assets/") }
        let svgNote = "\n  obs: spara bilden utan skript, eller som PNG"
        #expect(problems == [
            "content/councils/exby/assets/blankett.html: fel: filer som slutar på .html publiceras inte: i assets/ får bara vanliga dokument, bilder, ljud, film och typsnitt ligga, eftersom webbläsaren kan köra andra filer [asset-active]\n  obs: lägg en blankett som PDF och en bild som PNG, JPG eller SVG",
            "content/councils/exby/assets/dtd.svg:1:1: fel: SVG-bilden innehåller något som webbläsaren kör ('<!DOCTYPE'); den publiceras inte [asset-active]" + svgNote,
            "content/councils/exby/assets/ikon.svg:1:41: fel: SVG-bilden innehåller något som webbläsaren kör ('onload='); den publiceras inte [asset-active]" + svgNote,
            "content/councils/exby/assets/karta.svg:3:3: fel: SVG-bilden innehåller något som webbläsaren kör ('<SCRIPT'); den publiceras inte [asset-active]" + svgNote,
            "content/councils/exby/assets/prefix.svg:1:45: fel: SVG-bilden innehåller något som webbläsaren kör ('<s:script'); den publiceras inte [asset-active]" + svgNote,
            "content/councils/exby/assets/ref.svg:1:56: fel: SVG-bilden innehåller något som webbläsaren kör ('javascript:'); den publiceras inte [asset-active]" + svgNote,
            "content/councils/exby/assets/ror: fel: 'ror' är ingen vanlig fil och kan inte publiceras [asset-not-file]",
            "content/councils/exby/assets/sida: fel: filen har ingen filändelse, och en webbserver kan skicka den som en webbsida; den publiceras inte [asset-active]\n  obs: lägg en blankett som PDF och en bild som PNG, JPG eller SVG",
            "content/councils/exby/assets/unicode.svg:1:78: fel: SVG-bilden innehåller något som webbläsaren kör ('<ä:script'); den publiceras inte [asset-active]" + svgNote,
            "content/councils/exby/assets/utf16.svg: fel: SVG-bilden är inte sparad med teckenkodningen UTF-8, så den kan inte kontrolleras; den publiceras inte [asset-active]\n  obs: spara bilden med UTF-8, eller som PNG",
            "content/councils/exby/assets/xslt.svg:2:1: fel: SVG-bilden innehåller något som webbläsaren kör ('<?xml-stylesheet'); den publiceras inte [asset-active]" + svgNote,
            "content/councils/exby/assets/zeros.svg:1:64: fel: SVG-bilden innehåller något som webbläsaren kör ('javascript:'); den publiceras inte [asset-active]" + svgNote,
        ])
        let refused = await Build.run(w.options(), write: true)
        #expect(!refused.published)
        #expect(!FileManager.default.fileExists(atPath: w.output + "/exby/assets/blankett.html"))

        // A council trusted with raw HTML may publish them (a pipe is never a file to publish).
        try w.remove("content/councils/exby/assets/ror")
        try w.append("content/councils/exby/council.yml", "allow_raw_html: true\n")
        #expect(await w.check().filter { $0.contains("assets/") }.isEmpty)
        #expect(await Build.run(w.options(), write: true).published)
        #expect(FileManager.default.fileExists(atPath: w.output + "/exby/assets/blankett.html"))
        for leftover in ["Thumbs.db", "desktop.ini", "karta.svg~", "bilder/Thumbs.db"] {
            #expect(!FileManager.default.fileExists(atPath: w.output + "/exby/assets/\(leftover)"), "\(leftover)")
        }
    }

    /// "Menade du" compares a broken link's name with every heading or routine: for the first
    /// 20 broken links of a routine only, so that thousands cannot stall the build.
    @Test func suggestionsForTheFirstBrokenLinksOnly() async throws {
        let w = try BrokenWorkspace()
        try w.append("content/routines/hotad.md", "\n" + (1...25).map { "[l](#saknas-\($0))" }.joined(separator: " ") + "\n")
        let broken = await w.check().filter { $0.contains("[broken-anchor]") }
        #expect(broken.count == 25)
        #expect(broken.filter { $0.contains("obs: rubriker i") }.count == HandbookChecker.suggestionsPerRoutine)
    }

    /// A routine for the intranet only, with `body`.
    private static func internalRoutine(_ body: String, title: String = "Säkerhet i kommunhuset", order: Int = 80) -> String {
        """
        ---
        title: \(title)
        summary: Internt.
        phase: hantera
        order: \(order)
        audience: [alla]
        owner: samordnare
        reviewed: 2026-01-15
        access: internal
        ---

        \(body)

        """
    }

    /// A floor plan that only the intranet's routine links to was copied into the public
    /// build with the council's other files. A public build now leaves out what only internal
    /// routines (the council's or its group's) link to; a file a published routine links to,
    /// or that nothing links to, is published as before.
    @Test func aFileOnlyInternalRoutinesLinkToIsOnlyInTheIntranetsBuild() async throws {
        let w = try BrokenWorkspace()
        for name in ["ritning.pdf", "karta 1.png", "blankett.pdf", "plan å.pdf", "Plan 3 & 4.pdf", "bas-ritning.pdf", "rum-1.pdf", "rum-2.pdf"] {
            try w.write("content/councils/exby/assets/\(name)", Data("fil \(name)".utf8))
        }
        try w.write("content/councils/exby/routines/skydd.md", Self.internalRoutine("""
            Se [ritningen](assets/ritning.pdf), [kartan](assets/karta%201.png), [planen](<assets/plan å.pdf>)
            och ![logotypen](assets/logo.svg).

            Våningsplanen: [3 och 4](assets/Plan%203%20%26%204.pdf), [rum 1](assets/rum&#45;1.pdf),
            [rum 2](assets/rum\\-2.pdf).
            """))
        // An internal base routine: it cannot know the council's files, but it can name one.
        try w.write("content/routines/basritning.md", Self.internalRoutine("Se [ritningen](assets/bas-ritning.pdf).", title: "Ritning", order: 90))
        // Published routines link to two of them, written otherwise: what counts is the file the
        // link leads to, as the link checks resolve it.
        try w.append("content/councils/exby/routines/lokalt.md", "\nSe [kartan](<assets/karta 1.png>) och [planen](./assets/plan%20%C3%A5.pdf#sida-2).\n")
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        let assets = "\(w.output)/exby/assets"
        for withheld in ["ritning.pdf", "Plan 3 & 4.pdf", "rum-1.pdf", "rum-2.pdf", "bas-ritning.pdf"] {
            #expect(!FileManager.default.fileExists(atPath: "\(assets)/\(withheld)"), "\(withheld)")
        }
        #expect(FileManager.default.fileExists(atPath: "\(assets)/karta 1.png"), "a published routine links to it too")
        #expect(FileManager.default.fileExists(atPath: "\(assets)/plan å.pdf"), "a published routine links to it too")
        #expect(FileManager.default.fileExists(atPath: "\(assets)/blankett.pdf"), "nothing links to it")
        #expect(FileManager.default.fileExists(atPath: "\(assets)/logo.svg"), "the logo is on every page")

        var intranetOptions = w.options()
        intranetOptions.includeInternal = true
        intranetOptions.output = w.root.appendingPathComponent("intranet").path
        #expect(await Build.run(intranetOptions, write: true).published)
        #expect(FileManager.default.fileExists(atPath: "\(intranetOptions.output)/exby/assets/ritning.pdf"))

        // Once a published routine links to it, the public build has it, as a clean build would.
        try w.append("content/councils/exby/routines/lokalt.md", "\nSe [ritningen](assets/ritning.pdf).\n")
        #expect(await Build.run(w.options(), write: true).published)
        #expect(FileManager.default.fileExists(atPath: "\(assets)/ritning.pdf"))
        // And when the internal base routine no longer links to its file (the base routine is
        // part of the council's fingerprint), the file is published again.
        try w.replace("content/routines/basritning.md", "[ritningen](assets/bas-ritning.pdf)", with: "ritningen")
        #expect(await Build.run(w.options(), write: true).published)
        #expect(FileManager.default.fileExists(atPath: "\(assets)/bas-ritning.pdf"))
    }

    /// A council trusted with raw HTML may link a file from a published routine's HTML, which
    /// is not parsed for links: a file its source names is published.
    @Test func aFileAPublishedRoutinesHTMLNamesIsPublished() async throws {
        let w = try BrokenWorkspace()
        try w.append("content/councils/exby/council.yml", "allow_raw_html: true\n")
        try w.write("content/councils/exby/assets/plan.pdf", "%PDF-1.4 plan")
        try w.write("content/councils/exby/routines/skydd.md", Self.internalRoutine("Se [planen](assets/plan.pdf)."))
        try w.append("content/councils/exby/routines/lokalt.md", "\n<p><a href=\"assets/plan.pdf\">Planen</a></p>\n")
        #expect(await Build.run(w.options(), write: true).published)
        #expect(FileManager.default.fileExists(atPath: "\(w.output)/exby/assets/plan.pdf"))
    }

    /// A public build leaves internal routines out before checking them, so a broken link in
    /// one showed only when the intranet's version was built. `rutinbok check` checks both
    /// versions, and reports what only the public one finds (an internal contact named by a
    /// public routine) too, each problem once.
    @Test func checkFindsProblemsOfBothVersions() async throws {
        let w = try BrokenWorkspace()
        try w.write("content/councils/exby/routines/skydd.md", Self.internalRoutine("Se [planen](finns-inte.md)."))
        let broken = "content/councils/exby/routines/skydd.md:12:4: fel: länken går till 'finns-inte'"
        let publicBuild = await Build.run(w.options(), write: false).diagnostics.normalized().map(w.display)
        #expect(!publicBuild.contains { $0.hasPrefix(broken) }, "\(publicBuild)")

        let checked = await w.check()
        #expect(checked.filter { $0.hasPrefix(broken) }.count == 1, "\(checked)")
        var intranet = w.options()
        intranet.includeInternal = true
        let intranetOnly = await Build.checkBothVersions(intranet).diagnostics.normalized().map(w.display)
        #expect(intranetOnly.contains { $0.hasPrefix(broken) })
        // What the public version alone finds is still reported.
        for problem in publicBuild { #expect(checked.contains(problem), "\(problem)") }
    }

    /// A link that leaves the handbook and comes back into the council's own folder
    /// (`../exby/assets/plan.pdf`) works on a web server and only gets a `link-outside`
    /// warning. From an internal routine, it was not taken as a link to `assets/plan.pdf`, and
    /// the public build published the file; from a published routine, the file is published.
    @Test func aLinkBackIntoTheCouncilsFolderCountsAsALinkToItsFile() async throws {
        let w = try BrokenWorkspace()
        for name in ["plan.pdf", "karta 1.png", "blankett.pdf"] {
            try w.write("content/councils/exby/assets/\(name)", Data("fil \(name)".utf8))
        }
        try w.write("content/councils/exby/routines/skydd.md", Self.internalRoutine("""
            Se [planen](../exby/assets/plan.pdf), [kartan](../exby/assets/karta%201.png)
            och [blanketten](assets/blankett.pdf).
            """))
        try w.append("content/councils/exby/routines/lokalt.md", "\nFyll i [blanketten](../exby/assets/blankett.pdf).\n")
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        #expect(result.diagnostics.contains { $0.code == "link-outside" }, "the published link still gets its warning")
        let assets = "\(w.output)/exby/assets"
        #expect(!FileManager.default.fileExists(atPath: "\(assets)/plan.pdf"))
        #expect(!FileManager.default.fileExists(atPath: "\(assets)/karta 1.png"))
        #expect(FileManager.default.fileExists(atPath: "\(assets)/blankett.pdf"), "a published routine links to it")
    }

    /// What a routine names without a link: an internal routine keeps the file back, a
    /// published one that only mentions it in its text does not publish it; and a name is
    /// the whole name (`assets/plan.odt` is not `assets/plan.odt.pdf`).
    @Test func aFileNamedInTextIsKeptBackNotPublished() async throws {
        let w = try BrokenWorkspace()
        for name in ["ritning.pdf", "plan.odt.pdf", "plan.odt"] {
            try w.write("content/councils/exby/assets/\(name)", Data("fil \(name)".utf8))
        }
        try w.write("content/councils/exby/routines/skydd.md", Self.internalRoutine("Ritningen finns i assets/ritning.pdf. Se [planen](assets/plan.odt.pdf)."))
        try w.append("content/councils/exby/routines/lokalt.md", "\nRitningen (`assets/ritning.pdf`) finns bara på intranätet. Utkastet assets/plan.odt är gammalt.\n")
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        let assets = "\(w.output)/exby/assets"
        #expect(!FileManager.default.fileExists(atPath: "\(assets)/ritning.pdf"), "only named in a published text")
        #expect(!FileManager.default.fileExists(atPath: "\(assets)/plan.odt.pdf"))
        #expect(FileManager.default.fileExists(atPath: "\(assets)/plan.odt"), "nothing internal names it: 'assets/plan.odt.pdf' is another file")
    }

    /// The internal base routines are part of each council's fingerprint, in one order: taken
    /// from a dictionary, their order changed from one process to the next, and so did the
    /// fingerprint, and two clean builds of one input differed.
    @Test func theHiddenBaseRoutinesAreInOneOrder() async throws {
        let w = try BrokenWorkspace()
        let ids = ["e", "b", "d", "a", "c", "f"].map { "intern-\($0)" }
        for (index, id) in ids.enumerated() {
            try w.write("content/routines/\(id).md", Self.internalRoutine("Text.", title: "Intern \(id)", order: 90 + index))
        }
        let (site, _) = await ContentLoader.load(contentDirectory: w.content)
        let (handbooks, _) = Resolver.resolve(try #require(site))
        let files = try #require(handbooks.first { $0.council.slug == "exby" }).hiddenBaseFiles
        #expect(files.count == ids.count)
        #expect(files == files.sorted())
    }

    /// A contact only internal routines name (a bodyguard, say) was published on the contacts
    /// page, in the vCard, the search and the print page. `access: internal` keeps it for the
    /// intranet's build, and a public routine that names it is an error.
    @Test func anInternalContactIsOnlyInTheIntranetsBuild() async throws {
        let w = try BrokenWorkspace()
        try w.replace("content/councils/exby/council.yml", "contacts:\n", with: """
            contacts:
              livvakt:
                role: Livvakt HEMLIGKONTAKT
                name: Hemlig Person
                phone: "070-999 99 99"
                verified: 2025-01-15
                access: internal

            """)
        try w.write("content/councils/exby/routines/skydd.md", """
            ---
            title: Personskydd
            summary: Internt.
            phase: hantera
            order: 80
            audience: [alla]
            owner: livvakt
            reviewed: 2026-01-15
            access: internal
            ---

            Ring [livvakten](kontakt:livvakt).

            """)
        // A base routine with the contact's card, which the council replaces: its change page
        // compares with it, and named the card by the contact's id.
        try w.append("content/routines/hotad.md", "\n[Livvakt](kontakt:livvakt)\n")
        try w.write("content/councils/exby/routines/hotad.md", try w.read("content/routines/hotad.md").replacingOccurrences(of: "[Livvakt](kontakt:livvakt)", with: "Egen text."))
        let result = await Build.run(w.options(), write: true)
        #expect(result.published, "\(result.diagnostics.map(w.display))")
        #expect(result.diagnostics.map(w.display).contains { $0.contains("kontakten 'livvakt'") && $0.contains("[contact-overdue]") },
                "its details are still checked for age: \(result.diagnostics.map(w.display))")
        let texts = try Self.outputTexts(w)
        for (path, text) in texts {
            #expect(!text.contains("HEMLIGKONTAKT") && !text.contains("999 99 99") && !text.contains("46709999999") && !text.contains("livvakt"), "\(path)")
        }
        #expect(texts["andringar/exby/hotad.html"]?.contains("Kontaktuppgifter:</span> en kontakt som handboken inte har") == true)

        var intranetOptions = w.options()
        intranetOptions.includeInternal = true
        intranetOptions.output = w.root.appendingPathComponent("intranet").path
        #expect(await Build.run(intranetOptions, write: true).published)
        #expect(try String(contentsOfFile: intranetOptions.output + "/exby/kontakter.html", encoding: .utf8).contains("Livvakt HEMLIGKONTAKT"))
        // The intranet's pages ask search engines to stay away, should one find them; the
        // public ones do not.
        let noindex = "<meta name=\"robots\" content=\"noindex, nofollow\">"
        for page in ["exby/kontakter.html", "exby/index.html", "index.html", "tackning.html"] {
            #expect(try String(contentsOfFile: "\(intranetOptions.output)/\(page)", encoding: .utf8).contains(noindex), "\(page)")
            #expect(texts[page]?.contains(noindex) == false, "\(page)")
        }

        try w.replace("content/councils/exby/routines/skydd.md", "access: internal\n", with: "")
        let problems = await w.check()
        #expect(problems.contains { $0.hasPrefix("content/councils/exby/routines/skydd.md:7:8: fel: kontakten 'livvakt' har 'access: internal' och finns inte i den offentliga handboken i Exby kommun, men rutinen är offentlig [internal-contact]") }, "\(problems)")
    }

    /// The output path check reads bytes: on Characters, `/` or `.` with a mark after it hid
    /// a `..` or a leading `/`.
    @Test(arguments: ["../\u{301}x.html", "/\u{301}etc/x", "a/..\u{0}/b", "a/./../x", "ok/../../x"])
    func pathsThatLeaveTheOutputAreRefused(_ path: String) {
        #expect(OutputPath.problem(with: path) != nil)
    }

    @Test func ordinaryPathsPass() {
        for path in ["index.html", "exby/assets/logo.svg", "exby/\u{301}namn.html", "a/b..c/d"] {
            #expect(OutputPath.problem(with: path) == nil, "\(path)")
        }
    }
}
