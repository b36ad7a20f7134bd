import Foundation
import Testing
@testable import RutinbokCore

/// One mistake an author can make, made on a copy of `Fixtures/broken/base` (a minimal
/// handbook that checks clean), with every diagnostic `rutinbok check` must print for it.
struct BrokenCase: CustomTestStringConvertible, Sendable {
    let name: String
    var today = BrokenWorkspace.defaultToday
    let edit: @Sendable (BrokenWorkspace) throws -> Void
    let expected: [String]
    var testDescription: String { name }
    /// Set while the code is known to print something else; the comparison then may fail.
    var knownIssue: String?

    init(_ name: String, today: String? = nil, knownIssue: String? = nil, _ edit: @escaping @Sendable (BrokenWorkspace) throws -> Void, expect expected: [String]) {
        self.name = name
        if let today { self.today = Day(today)! }
        self.edit = edit
        self.expected = expected
        self.knownIssue = knownIssue
    }
}

// The files of the base fixture, as the cases name them.
private let hotad = "content/routines/hotad.md"
private let anmalan = "content/routines/anmalan.md"
private let utbildning = "content/routines/utbildning.md"
private let council = "content/councils/exby/council.yml"
private let lokalt = "content/councils/exby/routines/lokalt.md"
private let site = "content/site.yml"

/// `lokalt.md` links to `utbildning.md`: when a case breaks `utbildning.md`, it is reported
/// once, in its own file, and not again as a broken link in `lokalt.md`.
let brokenCases: [BrokenCase] = [
    // YAML that does not parse: the line in the file, where the mistake is.
    BrokenCase("unclosed quote in council.yml", { try $0.replace(council, "verified: 2026-01-15", with: "verified: \"2026-01-15") }, expect: [
        "content/councils/exby/council.yml:11:15: error: YAML syntax error: a text that starts with a quote is never closed; add the closing quote [yaml-syntax]\n  note: YAML reports: found unexpected end of stream (while scanning a quoted scalar at line 11) at line 12, column 1",
    ]),
    BrokenCase("unclosed list in front matter", { try $0.replace(hotad, "audience: [alla]", with: "audience: [alla") }, expect: [
        "content/routines/hotad.md:6:11: error: YAML syntax error: a list opened with '[' is never closed with ']' [yaml-syntax]\n  note: YAML reports: did not find expected ',' or ']' (while parsing a flow sequence at line 6) at line 7, column 6",
    ]),
    BrokenCase("colon inside a value", { try $0.replace(hotad, "summary: Vad du gör direkt.", with: "summary: Obs: gör så här") }, expect: [
        "content/routines/hotad.md:3:13: error: YAML syntax error: there is a ': ' where no new key can start; put the whole value in quotes if it contains ': ', or check the indentation [yaml-syntax]\n  note: YAML reports: mapping values are not allowed in this context at line 3, column 13",
    ]),
    BrokenCase("tab as indentation", { try $0.replace(council, "    role:", with: "\trole:") }, expect: [
        "content/councils/exby/council.yml:7:1: error: YAML syntax error: a tab is used for indentation; YAML needs spaces [yaml-syntax]\n  note: YAML reports: found character that cannot start any token (while scanning for the next token at line 7) at line 7, column 1",
    ]),
    BrokenCase("line without colon", { try $0.replace(council, "kind: kommun", with: "kind kommun") }, expect: [
        "content/councils/exby/council.yml:2:1: error: YAML syntax error: this line has no ':'; write it as 'key: value' [yaml-syntax]\n  note: YAML reports: could not find expected ':' (while scanning a simple key at line 2) at line 3, column 1",
    ]),
    BrokenCase("key written twice", { try $0.replace(hotad, "order: 10\n", with: "order: 10\norder: 20\n") }, expect: [
        "content/routines/hotad.md:6:1: error: the key 'order' is written twice; keep one [duplicate-key]\n  note: first written at line 5",
    ]),
    // A value of the wrong type; a date that is not a date.
    BrokenCase("order is not a number", { try $0.replace(hotad, "order: 10", with: "order: först") }, expect: [
        "content/routines/hotad.md:5:8: error: 'order' must be a whole number, found the value 'först' [yaml-type]",
    ]),
    BrokenCase("title is a list", { try $0.replace(hotad, "title: Om du blir hotad", with: "title: [Om du, blir hotad]") }, expect: [
        "content/routines/hotad.md:2:8: error: 'title' must be text, found a list [yaml-type]",
    ]),
    BrokenCase("exclude is a mapping", { try $0.append(council, "exclude: { utbildning: ja }\n") }, expect: [
        "content/councils/exby/council.yml:12:10: error: 'exclude' must be a list, found a set of 'key: value' lines [yaml-type]",
    ]),
    BrokenCase("date that does not exist", { try $0.replace(hotad, "reviewed: 2026-01-15", with: "reviewed: 2026-02-30") }, expect: [
        "content/routines/hotad.md:8:11: error: 'reviewed' must be a date written YYYY-MM-DD, found '2026-02-30' [bad-date]",
    ]),
    BrokenCase("date written in words", { try $0.replace(council, "verified: 2026-01-15", with: "verified: 15 januari 2026") }, expect: [
        "content/councils/exby/council.yml:11:15: error: 'verified' must be a date written YYYY-MM-DD, found '15 januari 2026' [bad-date]",
    ]),
    // Unknown keys: a warning with "did you mean".
    BrokenCase("misspelt key in front matter", { try $0.replace(hotad, "order: 10", with: "ordre: 10") }, expect: [
        "content/routines/hotad.md:5:1: warning: unknown key 'ordre' [unknown-key]\n  note: did you mean 'order'?",
    ]),
    BrokenCase("misspelt key in a contact", { try $0.replace(council, "    phone:", with: "    phnoe:") }, expect: [
        "content/councils/exby/council.yml:9:5: warning: unknown key 'phnoe' [unknown-key]\n  note: did you mean 'phone'?",
    ]),
    BrokenCase("misspelt key in site.yml", { try $0.replace(site, "defaults:", with: "defualts:") }, expect: [
        "content/site.yml:10:1: warning: unknown key 'defualts' [unknown-key]\n  note: did you mean 'defaults'?",
    ]),
    // Each required key of a routine.
    BrokenCase("routine without title", { try $0.replace(utbildning, "title: Utbildning\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: error: missing 'title' (the routine's heading) [missing-key]",
    ]),
    BrokenCase("routine without summary", { try $0.replace(utbildning, "summary: Introduktion för nya förtroendevalda.\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: error: missing 'summary' (one sentence on what the routine is for) [missing-key]",
    ]),
    BrokenCase("routine without phase", { try $0.replace(utbildning, "phase: forebygga\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: error: missing 'phase' (which part of the handbook it belongs to) [missing-key]",
    ]),
    BrokenCase("routine without owner", { try $0.replace(utbildning, "owner: samordnare\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: error: missing 'owner' (the contact id of whoever keeps it current) [missing-key]",
    ]),
    BrokenCase("routine without reviewed", { try $0.replace(utbildning, "reviewed: 2026-01-15\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: error: missing 'reviewed' (the date it was last reviewed, YYYY-MM-DD) [missing-key]",
    ]),
    BrokenCase("unknown phase", { try $0.replace(hotad, "phase: hantera", with: "phase: hanterra") }, expect: [
        "content/routines/hotad.md:4:8: error: unknown phase 'hanterra' [unknown-phase]\n  note: did you mean 'hantera'?\n  note: phases in site.yml: forebygga, hantera",
    ]),
    BrokenCase("unknown audience", { try $0.replace(hotad, "audience: [alla]", with: "audience: [alla, gruppledare]") }, expect: [
        "content/routines/hotad.md:6:18: error: unknown audience 'gruppledare' [unknown-audience]\n  note: audiences in site.yml: alla, ordforande",
    ]),
    BrokenCase("front matter never closes", { try $0.replace(utbildning, "reviewed: 2026-01-15\n---\n", with: "reviewed: 2026-01-15\n\n") }, expect: [
        "content/routines/utbildning.md:1:1: error: the front matter opened here is never closed; add a line '---' after the last 'key: value' line [unclosed-front-matter]",
    ]),
    BrokenCase("no front matter", { try $0.write(utbildning, "# Utbildning\n\nAlla får en introduktion.\n") }, expect: [
        "content/routines/utbildning.md:1:1: error: the routine must start with front matter: a line '---', the routine's facts (title, summary, phase, owner, reviewed), and another '---' [missing-front-matter]",
    ]),
    // Contacts and owners, per council.
    BrokenCase("unknown contact reference", { try $0.replace(anmalan, "kontakt:samordnare", with: "kontakt:samordnaren") }, expect: [
        "content/routines/anmalan.md:15:20: error: no contact 'samordnaren' [unknown-contact]\n  note: did you mean 'samordnare'?\n  note: in the handbook of Exby kommun",
    ]),
    BrokenCase("owner that is not a contact", { try $0.replace(utbildning, "owner: samordnare", with: "owner: kanslichef") }, expect: [
        "content/routines/utbildning.md:7:8: error: the owner 'kanslichef' is not a contact [unknown-owner]\n  note: in the handbook of Exby kommun",
    ]),
    // Links and anchors.
    BrokenCase("link to an excluded routine", { try $0.append(council, "exclude: [utbildning]\n") }, expect: [
        "content/councils/exby/routines/lokalt.md:10:4: error: the link leads to 'utbildning', which Exby kommun leaves out ('exclude' in council.yml) [broken-link]\n  note: routines in this handbook: anmalan, hotad, lokalt",
    ]),
    BrokenCase("link to a misspelt routine", { try $0.replace(hotad, "(anmalan.md#gor-sa-har)", with: "(anmalnn.md)") }, expect: [
        "content/routines/hotad.md:15:36: error: the link leads to 'anmalnn', but the handbook has no routine with that id [broken-link]\n  note: did you mean 'anmalan'?\n  note: in the handbook of Exby kommun",
    ]),
    BrokenCase("link to an internal routine", { try $0.replace(anmalan, "reviewed: 2026-01-15\n", with: "reviewed: 2026-01-15\naccess: internal\n") }, expect: [
        "content/routines/hotad.md:15:36: error: the link leads to 'anmalan', which is internal and not in the public handbook [broken-link]\n  note: in the handbook of Exby kommun",
    ]),
    BrokenCase("anchor no heading has", { try $0.replace(hotad, "#gor-sa-har", with: "#Gör-så-här-nu") }, expect: [
        "content/routines/hotad.md:15:36: error: no heading 'gor-sa-har-nu' in anmalan.md [broken-anchor]\n  note: did you mean 'gor-sa-har'?\n  note: headings in anmalan.md: gor-sa-har\n  note: in the handbook of Exby kommun",
    ]),
    // Ids, exclude, groups, overrides.
    BrokenCase("two ids collide after folding", {
        try $0.write("content/routines/Riskbedömning.md", try $0.read(utbildning))
        try $0.write("content/routines/riskbedomning.md", try $0.read(utbildning))
    }, expect: [
        "content/routines/Riskbedömning.md: warning: the file name 'Riskbedömning.md' is used as 'riskbedomning.md'; rename the file to match [non-slug-id]",
        "content/routines/riskbedomning.md: error: routine id 'riskbedomning' is used twice: 'riskbedomning.md' and 'Riskbedömning.md' become the same web address [id-collision]\n  note: rename one of the files",
    ]),
    BrokenCase("exclude naming no routine", { try $0.append(council, "exclude: [utbildnig]\n") }, expect: [
        "content/councils/exby/council.yml:12:11: error: 'exclude' names 'utbildnig', but there is no routine with that id [unknown-exclude]\n  note: did you mean 'utbildning'?\n  note: routine ids: anmalan, hotad, lokalt, utbildning",
    ]),
    BrokenCase("unknown group", { try $0.replace(council, "group: grannar", with: "group: granar") }, expect: [
        "content/councils/exby/council.yml:3:8: error: group 'granar' does not exist [unknown-group]\n  note: did you mean 'grannar'?\n  note: groups in content/groups: grannar",
        "content/councils/exby/routines/lokalt.md:10:43: error: no contact 'hr' in Exby kommun [unknown-contact]\n  note: contacts: samordnare",
    ]),
    BrokenCase("override of an id the base does not have", { try $0.write("content/councils/exby/routines/anmalann.md", try $0.read(anmalan)) }, expect: [
        "content/councils/exby/routines/anmalann.md:1:1: warning: 'anmalann' does not replace any base routine, so it is added as a new one [override-unknown]\n  note: did you mean to replace 'anmalan'? Name the file 'anmalan.md'",
    ]),
    // Files that cannot be used.
    BrokenCase("file that is not UTF-8", { w in
        var data = Data(try w.read(utbildning).utf8)
        let range = data.range(of: Data("för".utf8))!
        data.replaceSubrange(range, with: [0x66, 0xF6, 0x72])  // "för" in Latin-1
        try w.write(utbildning, data)
    }, expect: [
        "content/routines/utbildning.md:3:24: error: the file is not valid UTF-8 text; save it as UTF-8 [invalid-utf8]",
    ]),
    BrokenCase("empty routine", { try $0.write(utbildning, "") }, expect: [
        "content/routines/utbildning.md:1:1: error: the routine is empty [empty-routine]",
    ]),
    BrokenCase("routine with only front matter", { try $0.replace(utbildning, "\nAlla nya förtroendevalda får en introduktion.\n", with: "") }, expect: [
        "content/routines/utbildning.md:10:1: error: the routine has no text after its front matter [empty-routine]",
    ]),
    BrokenCase("file over the size limit", {
        try $0.append(utbildning, String(repeating: "Lång text om säkerhet.\n", count: 12_000))
    }, expect: [
        "content/routines/utbildning.md: error: the file is 293 KiB; the limit is 256 KiB [file-too-large]\n  note: a routine is usually a few KiB: split a long one, and keep pictures and pasted documents out of the text",
    ]),
    BrokenCase("symlink to a file outside content", { w in
        try w.write("outside/hemlig.md", try w.read(utbildning))
        try w.symlink("content/routines/hemlig.md", to: w.url("outside/hemlig.md").path)
    }, expect: [
        "content/routines/hemlig.md: error: this file is a link that leads outside the content folder; copy the file in instead [symlink-outside]",
    ]),
    BrokenCase("symlink to a folder outside content", { w in
        try w.write("outside/bilder/karta.svg", "<svg/>")
        try w.symlink("content/councils/exby/assets/bilder", to: w.url("outside/bilder").path)
    }, expect: [
        "content/councils/exby/assets/bilder: error: this is a link that leads outside the content folder; copy the files in instead [symlink-outside]",
    ]),
    // Paths that would write outside the output folder.
    BrokenCase("logo path leaving the folder", { try $0.replace(council, "logo: assets/logo.svg", with: "logo: ../../x.svg") }, expect: [
        "content/councils/exby/council.yml:4:34: error: the logo path '../../x.svg' leads out of its folder with '..' [unsafe-path]",
    ]),
    BrokenCase("absolute logo path", { try $0.replace(council, "logo: assets/logo.svg", with: "logo: /etc/passwd") }, expect: [
        "content/councils/exby/council.yml:4:34: error: the logo path '/etc/passwd' is absolute; write it relative to the council folder [unsafe-path]",
    ]),
    BrokenCase("council folder that is not a slug", { try $0.move("content/councils/exby", to: "content/councils/Ex By") }, expect: [
        "content/councils/Ex By: error: folder name 'Ex By' may only use a–z, 0–9 and '-'; it becomes part of the web address [invalid-slug]\n  note: rename it 'ex-by'",
    ]),
    // Templates.
    BrokenCase("template section closed with the wrong name", { try $0.write("templates/contact-inline.mustache", "<span>\n{{#council}}x{{/counsil}}\n</span>\n") }, expect: [
        "templates/contact-inline.mustache:2:17: error: the template does not parse: a section is closed with another name than it was opened with [template-syntax]\n  note: {{#council}}x{{/counsil}}",
    ]),
    BrokenCase("template tag never closed", { try $0.write("templates/contact-inline.mustache", "<span>\n{{name\n") }, expect: [
        "templates/contact-inline.mustache:3:1: error: the template does not parse: a tag is not closed with '}}' before the end of the file [template-syntax]",
    ]),
    BrokenCase("template using a partial that does not exist", { try $0.write("templates/contact-inline.mustache", "<span>\n  {{> kontaktkort}}\n</span>\n") }, expect: [
        "templates/contact-inline.mustache:2:3: error: the template uses 'kontaktkort', but there is no template 'kontaktkort.mustache' [missing-template]\n  note: templates: accessibility, contact-card, contact-inline, contacts, emergency, footer, header, layout, portal, portal-index, portal/andring, portal/andringar, …",
    ]),
    BrokenCase("council folder named like a portal folder", { try $0.move("content/councils/exby", to: "content/councils/andringar") }, expect: [
        "content/councils/andringar: error: 'andringar' is the name of a folder the portal uses; give the council another folder name [reserved-slug]",
    ]),
    BrokenCase("routine template that escapes the body", { try $0.write("templates/routine.mustache", "<article>\n{{title}}\n{{body}}\n</article>\n") }, expect: [
        "templates/routine.mustache:1:1: error: the template must show '{{{body}}}' [template-missing-key]",
    ]),
    BrokenCase("required template missing", { try $0.remove("templates/print.mustache") }, expect: [
        "templates/print.mustache: error: the template 'print.mustache' is missing; every build needs it [missing-template]",
    ]),
    // Review dates.
    BrokenCase("stale routines and contacts", today: "2027-03-01", { _ in }, expect: [
        "content/councils/exby/council.yml:11:15: warning: the details of contact 'samordnare' (Säkerhetssamordnare, Anna Exempel) were last verified 2026-01-15, more than 6 months ago; check them and update 'verified' [contact-overdue]",
        "content/councils/exby/routines/lokalt.md:7:11: warning: 'Sammanträden i Exby' was last reviewed 2026-01-15, more than 12 months ago; ask its owner (Säkerhetssamordnare, Anna Exempel) to review it [review-overdue]",
        "content/groups/grannar/group.yml:7:15: warning: the details of contact 'hr' (HR-stöd) were last verified 2026-01-15, more than 6 months ago; check them and update 'verified' [contact-overdue]",
        "content/routines/anmalan.md:8:11: warning: 'Polisanmälan' was last reviewed 2026-01-15, more than 12 months ago; ask its owner to review it [review-overdue]\n  note: in the handbook of Exby kommun (Säkerhetssamordnare, Anna Exempel)",
        "content/routines/hotad.md:8:11: warning: 'Om du blir hotad' was last reviewed 2026-01-15, more than 12 months ago; ask its owner to review it [review-overdue]\n  note: in the handbook of Exby kommun (Säkerhetssamordnare, Anna Exempel)",
        "content/routines/utbildning.md:8:11: warning: 'Utbildning' was last reviewed 2026-01-15, more than 12 months ago; ask its owner to review it [review-overdue]\n  note: in the handbook of Exby kommun (Säkerhetssamordnare, Anna Exempel)",
    ]),
    BrokenCase("dates in the future", today: "2026-01-10", { try $0.replace(lokalt, "reviewed: 2026-01-15", with: "reviewed: 2026-01-05") }, expect: [
        "content/councils/exby/council.yml:11:15: error: 'verified' for contact 'samordnare' is 2026-01-15, a date in the future [future-date]",
        "content/groups/grannar/group.yml:7:15: error: 'verified' for contact 'hr' is 2026-01-15, a date in the future [future-date]",
        "content/routines/anmalan.md:8:11: error: 'reviewed' is 2026-01-15, a date in the future [future-date]",
        "content/routines/hotad.md:8:11: error: 'reviewed' is 2026-01-15, a date in the future [future-date]",
        "content/routines/utbildning.md:8:11: error: 'reviewed' is 2026-01-15, a date in the future [future-date]",
    ]),
    BrokenCase("review interval overridden per routine", { try $0.replace(hotad, "order: 10", with: "order: 10\nreview_interval_months: 3") }, expect: [
        "content/routines/hotad.md:9:11: warning: 'Om du blir hotad' was last reviewed 2026-01-15, more than 3 months ago; ask its owner to review it [review-overdue]\n  note: in the handbook of Exby kommun (Säkerhetssamordnare, Anna Exempel)",
    ]),
    // Config values.
    BrokenCase("unknown council kind", { try $0.replace(council, "kind: kommun", with: "kind: komun") }, expect: [
        "content/councils/exby/council.yml:2:7: error: 'kind' must be kommun, landsting or region, found 'komun' [bad-value]\n  note: did you mean 'kommun'?",
    ]),
    BrokenCase("theme colour too light", { try $0.replace(council, "#1d4f73", with: "#ffee00") }, expect: [
        "content/councils/exby/council.yml:1:1: error: the theme colour #ffee00 is too light for white text (contrast 1.2:1, at least 4.5:1 is needed) [low-contrast]\n  note: choose a darker colour",
    ]),
    // Left unfinished: what a handbook must not be published without.
    BrokenCase("contact without phone or e-mail", { try $0.replace(council, "    phone: \"070-000 00 01\"\n    email: sakerhet@exby.example\n", with: "") }, expect: [
        "content/councils/exby/council.yml:6:3: error: contact 'samordnare' has neither 'phone' nor 'email'; readers would have no way to reach it [contact-unreachable]",
    ]),
    BrokenCase("accessibility statement partly met without shortcomings", { try $0.append(council, "accessibility:\n  status: delvis\n  assessed: 2026-01-10\n") }, expect: [
        "content/councils/exby/council.yml:13:11: error: the accessibility statement says 'delvis' but lists no shortcomings; list what is not accessible under 'shortcomings', or write 'status: helt' if you know of nothing [accessibility-incomplete]",
    ]),
    BrokenCase("accessibility statement without a date", { try $0.append(council, "accessibility:\n  status: helt\n") }, expect: [
        "content/councils/exby/council.yml:12:1: warning: the accessibility statement has no 'assessed' date; write the day you last assessed the site, YYYY-MM-DD [accessibility-undated]",
    ]),
    BrokenCase("text left from rutinbok new routine", {
        try $0.replace(lokalt, "summary: Säkerhet vid sammanträden.", with: "summary: \"En mening om vad rutinen är till för.\"")
        try $0.append(lokalt, "\n## Gör så här\n\n1. Första steget.\n2. Andra steget.\n\nFörsta steget. är inte ensamt på raden här.\n")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:3:10: error: the routine still has the text 'En mening om vad rutinen är till för.' that 'rutinbok new routine' wrote; replace it with the routine's own words [unfinished-routine]",
        "content/councils/exby/routines/lokalt.md:14:4: error: the routine still has the text 'Första steget.' that 'rutinbok new routine' wrote; replace it with the routine's own words [unfinished-routine]",
        "content/councils/exby/routines/lokalt.md:15:4: error: the routine still has the text 'Andra steget.' that 'rutinbok new routine' wrote; replace it with the routine's own words [unfinished-routine]",
    ]),
    BrokenCase("quick_contacts names no contact there is", { try $0.append(site, "quick_contacts: [samordnare, samordnaren]\n") }, expect: [
        "content/site.yml:13:30: warning: no council or group has a contact 'samordnaren'; no start page shows it [unknown-contact]\n  note: did you mean 'samordnare'?\n  note: contacts: hr, samordnare",
    ]),
    BrokenCase("group members that do not match the councils' group:", {
        try $0.replace("content/groups/grannar/group.yml", "description: En gemensam handbok.\n", with: "description: En gemensam handbok.\nmembers: [exbi, nyby]\n")
    }, expect: [
        "content/councils/exby/council.yml:3:8: warning: Exby kommun joins 'grannar' with 'group:', but the group's 'members' does not list 'exby' [group-members]\n  note: add 'exby' to 'members' in groups/grannar/group.yml",
        "content/groups/grannar/group.yml:3:11: warning: 'members' names 'exbi', but there is no council 'exbi' [group-members]\n  note: did you mean 'exby'?\n  note: councils: exby",
        "content/groups/grannar/group.yml:3:17: warning: 'members' names 'nyby', but there is no council 'nyby' [group-members]\n  note: councils: exby",
    ]),
    BrokenCase("site.yml missing", { try $0.remove(site) }, expect: [
        "content/site.yml: error: site.yml is missing: it names the phases, audiences and national numbers [missing-file]",
    ]),
    BrokenCase("council.yml missing", { try $0.remove(council) }, expect: [
        "content/councils/exby: error: the council folder has no council.yml [missing-file]",
    ]),
]

@Suite struct BrokenInputTests {
    @Test func baseFixtureIsClean() async throws {
        let workspace = try BrokenWorkspace()
        #expect(await workspace.check() == [])
    }

    @Test(arguments: brokenCases)
    func brokenInput(_ brokenCase: BrokenCase) async throws {
        let workspace = try BrokenWorkspace()
        try brokenCase.edit(workspace)
        let actual = await workspace.check(today: brokenCase.today)
        if ProcessInfo.processInfo.environment["RUTINBOK_RECORD"] != nil {
            print("RECORD \(brokenCase.name)\n" + actual.map { "        \(String(reflecting: $0))," }.joined(separator: "\n"))
        }
        if let issue = brokenCase.knownIssue {
            withKnownIssue(Comment(rawValue: issue), isIntermittent: true) { #expect(actual == brokenCase.expected) }
        } else {
            #expect(actual == brokenCase.expected)
        }
        #expect(actual.contains { $0.contains(": error: ") || $0.contains(": warning: ") }, "every case must produce a diagnostic")
    }

    @Test func atLeastThirtyCases() {
        #expect(brokenCases.count >= 30)
    }
}
