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
        "content/councils/exby/council.yml:11:15: fel: en text som börjar med ett citattecken avslutas aldrig; lägg till det avslutande citattecknet [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"found unexpected end of stream\" på rad 12, kolumn 1 (\"while scanning a quoted scalar\", från rad 11)",
    ]),
    BrokenCase("quote left open, the next quote two lines down", { try $0.replace(council, "kind: kommun", with: "kind: \"kommun") }, expect: [
        "content/councils/exby/council.yml:2:7: fel: 'kind' ska vara kommun, landsting eller region, men här står 'kommun group: grannar theme: { color:' [bad-value]",
        "content/councils/exby/council.yml:2:7: varning: texten inom citattecken fortsätter till rad 4; saknas det avslutande citattecknet på den här raden? [quote-across-lines]\n  obs: en text som ska gå över flera rader skrivs hellre efter '|' eller '>'",
        // `group: grannar` became part of the kind, so the group's contact is unknown.
        "content/councils/exby/routines/lokalt.md:10:43: fel: det finns ingen kontakt 'hr' i Exby kommun [unknown-contact]\n  obs: kontakter: samordnare\n  obs: lägg annars till kontakten 'hr' under 'contacts:' i councils/exby/council.yml",
        // … and no council joins the group any more.
        "content/groups/grannar/group.yml:1:1: varning: ingen kommun har 'group: grannar' i sin council.yml: gruppens rutiner och kontakter finns inte i någon handbok, och rutinerna kontrolleras inte förrän en kommun går med [group-members]\n  obs: en kommun går med genom att skriva 'group: grannar' i sin council.yml",
    ]),
    BrokenCase("quote left open, YAML trips after the next quote", { try $0.replace(council, "name: Anna Exempel", with: "name: \"Anna Exempel") }, expect: [
        "content/councils/exby/council.yml:8:11: fel: en text som börjar med ett citattecken avslutas inte på raden; lägg till det avslutande citattecknet [yaml-syntax]\n  obs: YAML läser texten ända till nästa citattecken, på rad 9, och kan sedan inte läsa det som står efter det\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected key\" på rad 9, kolumn 13 (\"while parsing a block mapping\", från rad 7)",
    ]),
    // The demo writes a theme on one line; a colour's '#' there starts a comment.
    BrokenCase("a colour without quotes inside { }", {
        try $0.replace(council, "color: \"#1d4f73\"", with: "color: #1d4f73")
    }, expect: [
        "content/councils/exby/council.yml:4:17: fel: '#' efter ett mellanslag börjar en kommentar i YAML, så resten av raden läses inte och '{' avslutas aldrig [yaml-syntax]\n  obs: sätt värdet inom citattecken: color: \"#1d4f73\"\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected ',' or '}'\" på rad 5, kolumn 9 (\"while parsing a flow mapping\", från rad 4)",
    ]),
    BrokenCase("a list left open at the end of group.yml", { try $0.append("content/groups/grannar/group.yml", "members: [\n") }, expect: [
        "content/groups/grannar/group.yml:8:10: fel: en lista som börjar med '[' avslutas aldrig med ']' [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected node content\" på rad 9, kolumn 1 (\"while parsing a flow node\", från rad 9)",
    ]),
    BrokenCase("unclosed list in front matter", { try $0.replace(hotad, "audience: [alla]", with: "audience: [alla") }, expect: [
        "content/routines/hotad.md:6:11: fel: en lista som börjar med '[' avslutas aldrig med ']' [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected ',' or ']'\" på rad 7, kolumn 6 (\"while parsing a flow sequence\", från rad 6)",
    ]),
    BrokenCase("colon inside a value", { try $0.replace(hotad, "summary: Vad du gör direkt.", with: "summary: Obs: gör så här") }, expect: [
        "content/routines/hotad.md:3:13: fel: här står ': ' där ingen ny nyckel kan börja; sätt hela värdet inom citattecken om det innehåller ': ', eller se över indraget [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"mapping values are not allowed in this context\" på rad 3, kolumn 13",
    ]),
    BrokenCase("tab as indentation", { try $0.replace(council, "    role:", with: "\trole:") }, expect: [
        "content/councils/exby/council.yml:7:1: fel: raden är indragen med tabb; YAML kräver mellanslag [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"found character that cannot start any token\" på rad 7, kolumn 1 (\"while scanning for the next token\", från rad 7)",
    ]),
    // Saved on Windows: the same explanations, from the same lines.
    BrokenCase("tab as indentation, and text after a closing quote, in files with Windows line endings", {
        try $0.replace(council, "    role:", with: "\trole:")
        try $0.write(council, try $0.read(council).replacingOccurrences(of: "\n", with: "\r\n"))
        try $0.replace(site, "title: Testhandbok", with: "title: \"Test\" handbok")
        try $0.write(site, try $0.read(site).replacingOccurrences(of: "\n", with: "\r\n"))
    }, expect: [
        "content/councils/exby/council.yml:7:1: fel: raden är indragen med tabb; YAML kräver mellanslag [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"found character that cannot start any token\" på rad 7, kolumn 1 (\"while scanning for the next token\", från rad 7)",
        "content/site.yml:1:1: fel: rutinerna nämner målgrupper (alla), men site.yml har inga under 'audiences' [unknown-audience]\n  obs: skriv målgrupperna i site.yml, till exempel audiences: [{ id: alla, label: alla förtroendevalda }]",
        "content/site.yml:1:8: fel: texten fortsätter efter det avslutande citattecknet; en text som börjar med ett citattecken ska sluta med det [yaml-syntax]\n  obs: sätt citattecken runt hela texten: title: '\"Test\" handbok'\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected key\" på rad 1, kolumn 15 (\"while parsing a block mapping\", från rad 1)",
    ]),
    BrokenCase("line without colon", { try $0.replace(council, "kind: kommun", with: "kind kommun") }, expect: [
        "content/councils/exby/council.yml:2:1: fel: raden har inget ':'; skriv den som 'nyckel: värde' [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"could not find expected ':'\" på rad 3, kolumn 1 (\"while scanning a simple key\", från rad 2)",
    ]),
    BrokenCase("files in routines/ that are not read", {
        try $0.write("content/routines/extra.md.txt", "---\ntitle: Extra\n---\n")
        try $0.write("content/councils/exby/routines/Karta.PNG", "png")
        // Leftovers of systems and editors, and folders, are left alone.
        try $0.write("content/routines/Thumbs.db", "x")
        try $0.write("content/councils/exby/routines/lokalt.md~", "x")
        try $0.write("content/councils/exby/routines/gamla/lokalt.md", "x")
    }, expect: [
        "content/councils/exby/routines/Karta.PNG: varning: filen 'Karta.PNG' läses inte: här ligger bara rutiner, filer som slutar på .md [not-a-routine]\n  obs: lägg bilder och bilagor i mappen assets/ hos kommunen och länka till dem där",
        "content/routines/extra.md.txt: varning: filen 'extra.md.txt' läses inte: en rutin är en fil som slutar på .md [not-a-routine]\n  obs: döp om den till 'extra.md'",
    ]),
    BrokenCase("text after a quoted value", { try $0.replace(hotad, "summary: Vad du gör direkt.", with: "summary: \"Ring\" när det är akut") }, expect: [
        "content/routines/hotad.md:3:10: fel: texten fortsätter efter det avslutande citattecknet; en text som börjar med ett citattecken ska sluta med det [yaml-syntax]\n  obs: sätt citattecken runt hela texten: summary: '\"Ring\" när det är akut'\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected key\" på rad 3, kolumn 17 (\"while parsing a block mapping\", från rad 2)",
    ]),
    BrokenCase("no space after a key's colon", { try $0.replace(hotad, "owner: samordnare", with: "owner:samordnare") }, expect: [
        "content/routines/hotad.md:7:6: fel: efter ':' ska det stå ett mellanslag; skriv 'owner: samordnare' [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"could not find expected ':'\" på rad 8, kolumn 1 (\"while scanning a simple key\", från rad 7)",
    ]),
    BrokenCase("a group member whose council.yml does not load", {
        try $0.append("content/groups/grannar/group.yml", "members: [exby]\n")
        try $0.replace(council, "kind: kommun", with: "kind kommun")
    }, expect: [
        // Its own problem only: not also "members names a council there is none of".
        "content/councils/exby/council.yml:2:1: fel: raden har inget ':'; skriv den som 'nyckel: värde' [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"could not find expected ':'\" på rad 3, kolumn 1 (\"while scanning a simple key\", från rad 2)",
    ]),
    BrokenCase("key written twice", { try $0.replace(hotad, "order: 10\n", with: "order: 10\norder: 20\n") }, expect: [
        "content/routines/hotad.md:6:1: fel: nyckeln 'order' står två gånger; behåll en av dem [duplicate-key]\n  obs: första gången på rad 5",
    ]),
    // A value of the wrong type; a date that is not a date.
    BrokenCase("order is not a number", { try $0.replace(hotad, "order: 10", with: "order: först") }, expect: [
        "content/routines/hotad.md:5:8: fel: 'order' ska vara ett heltal, men här står värdet 'först' [yaml-type]",
    ]),
    BrokenCase("title is a list", { try $0.replace(hotad, "title: Om du blir hotad", with: "title: [Om du, blir hotad]") }, expect: [
        "content/routines/hotad.md:2:8: fel: 'title' ska vara text, men här står en lista [yaml-type]",
    ]),
    BrokenCase("exclude is a mapping", { try $0.append(council, "exclude: { utbildning: ja }\n") }, expect: [
        "content/councils/exby/council.yml:12:10: fel: 'exclude' ska vara en lista, men här står rader med 'nyckel: värde' [yaml-type]",
    ]),
    BrokenCase("date that does not exist", { try $0.replace(hotad, "reviewed: 2026-01-15", with: "reviewed: 2026-02-30") }, expect: [
        "content/routines/hotad.md:8:11: fel: 'reviewed' är 2026-02-30, en dag som inte finns: februari 2026 har 28 dagar [bad-date]",
    ]),
    BrokenCase("accessibility assessed in the future", { try $0.append(council, "accessibility:\n  status: helt\n  feedback_email: tillganglighet@exby.example\n  assessed: 2026-07-01\n") }, expect: [
        "content/councils/exby/council.yml:15:13: fel: 'assessed' är 2026-07-01, ett datum i framtiden [future-date]\n  obs: skriv dagen då ni senast bedömde webbplatsens tillgänglighet, i dag (2026-06-01) eller tidigare",
    ]),
    BrokenCase("date written in words", { try $0.replace(council, "verified: 2026-01-15", with: "verified: 15 januari 2026") }, expect: [
        "content/councils/exby/council.yml:11:15: fel: 'verified' ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men här står '15 januari 2026' [bad-date]",
    ]),
    // A word processor's quotes and dashes, which look right and are not.
    BrokenCase("values in typographic quotes", {
        try $0.replace(council, "phone: \"070-000 00 01\"", with: "phone: ”070-000 00 01”")
        try $0.replace(council, "name: Exby kommun", with: "name: »Exby kommun«")
        try $0.replace(council, "color: \"#1d4f73\"", with: "color: ”#1d4f73”")
        try $0.replace(hotad, "title: Om du blir hotad", with: "title: ”Hot” och ”hat”")
    }, expect: [
        "content/councils/exby/council.yml:1:7: varning: 'name' står inom typografiska citattecken (»…«), som YAML inte räknar som citattecken; de tas bort här [typographic-quotes]\n  obs: skriv raka citattecken (\") eller inga alls; Word och liknande program byter ut raka citattecken mot typografiska",
        "content/councils/exby/council.yml:4:17: varning: 'color' står inom typografiska citattecken (”…”), som YAML inte räknar som citattecken; de tas bort här [typographic-quotes]\n  obs: skriv raka citattecken (\") eller inga alls; Word och liknande program byter ut raka citattecken mot typografiska",
        "content/councils/exby/council.yml:9:12: varning: 'phone' står inom typografiska citattecken (”…”), som YAML inte räknar som citattecken; de tas bort här [typographic-quotes]\n  obs: skriv raka citattecken (\") eller inga alls; Word och liknande program byter ut raka citattecken mot typografiska",
    ]),
    BrokenCase("nothing but typographic quotes, and a list item in them", {
        try $0.replace(hotad, "title: Om du blir hotad", with: "title: ””")
        try $0.replace(hotad, "audience: [alla]", with: "audience: [”alla”]")
    }, expect: [
        "content/routines/hotad.md:2:8: fel: 'title' saknas (rutinens rubrik) [missing-key]",
        "content/routines/hotad.md:2:8: varning: 'title' står inom typografiska citattecken (”…”), som YAML inte räknar som citattecken; de tas bort här [typographic-quotes]\n  obs: skriv raka citattecken (\") eller inga alls; Word och liknande program byter ut raka citattecken mot typografiska",
        "content/routines/hotad.md:6:12: varning: 'audience' står inom typografiska citattecken (”…”), som YAML inte räknar som citattecken; de tas bort här [typographic-quotes]\n  obs: skriv raka citattecken (\") eller inga alls; Word och liknande program byter ut raka citattecken mot typografiska",
    ]),
    BrokenCase("a colon inside typographic quotes", { try $0.replace(hotad, "summary: Vad du gör direkt.", with: "summary: ”Obs: gör så här”") }, expect: [
        "content/routines/hotad.md:3:10: fel: värdet börjar med ett typografiskt citattecken, som YAML inte räknar som citattecken, och därför får det inte innehålla ': ' [yaml-syntax]\n  obs: skriv raka citattecken (\") eller inga alls; Word och liknande program byter ut raka citattecken mot typografiska\n  obs: YAML-läsarens beskrivning (på engelska): \"mapping values are not allowed in this context\" på rad 3, kolumn 14",
    ]),
    BrokenCase("date written with dashes", { try $0.replace(council, "verified: 2026-01-15", with: "verified: 2026–01–15") }, expect: [
        "content/councils/exby/council.yml:11:15: fel: 'verified' ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men här står '2026–01–15' [bad-date]\n  obs: här står tankstreck (–) där det ska vara bindestreck (-); Word och liknande program byter ut bindestreck mot tankstreck",
    ]),
    // Unknown keys: a warning with "did you mean".
    BrokenCase("misspelt key in front matter", { try $0.replace(hotad, "order: 10", with: "ordre: 10") }, expect: [
        "content/routines/hotad.md:5:1: varning: okänd nyckel 'ordre' [unknown-key]\n  obs: menade du 'order'?",
    ]),
    BrokenCase("a contact's key written under the accessibility statement", { try $0.append(council, "accessibility:\n  status: helt\n  email: webb@exby.example\n  assessed: 2026-01-15\n") }, expect: [
        "content/councils/exby/council.yml:12:1: varning: tillgänglighetsredogörelsen har ingen 'feedback_email'; skriv en e-postadress dit läsare kan skriva om något på webbplatsen inte går att använda [accessibility-no-feedback]",
        "content/councils/exby/council.yml:14:3: varning: okänd nyckel 'email' [unknown-key]\n  obs: nycklar som läses här: assessed, audited_by, disproportionate_burden, feedback_email, out_of_scope, shortcomings, status, updated",
    ]),
    BrokenCase("misspelt key in a contact", { try $0.replace(council, "    phone:", with: "    phnoe:") }, expect: [
        "content/councils/exby/council.yml:9:5: fel: okänd nyckel 'phnoe'; menade du 'phone'? [misspelt-key]\n  obs: skriv 'phone': som det står nu läses nyckeln inte, och läsaren ser inte telefonnumret",
    ]),
    // Keys in Swedish, or in other words, are not read either: an error where a slip would be.
    BrokenCase("a contact's phone written in Swedish", { try $0.replace(council, "    phone:", with: "    telefon:") }, expect: [
        "content/councils/exby/council.yml:9:5: fel: okänd nyckel 'telefon'; menade du 'phone'? [misspelt-key]\n  obs: nycklarna är engelska ord, också i en svensk handbok\n  obs: skriv 'phone': som det står nu läses nyckeln inte, och läsaren ser inte telefonnumret",
    ]),
    BrokenCase("a routine kept internal in other words", {
        try $0.replace(lokalt, "reviewed:", with: "internal: true\nreviewed:")
        try $0.replace(hotad, "reviewed:", with: "synlighet: intern\nreviewed:")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:7:1: fel: okänd nyckel 'internal'; menade du 'access'? [misspelt-key]\n  obs: skriv 'access: internal': som det står nu läses nyckeln inte, och det som skulle vara internt publiceras för alla",
        "content/routines/hotad.md:8:1: fel: okänd nyckel 'synlighet'; menade du 'access'? [misspelt-key]\n  obs: nycklarna är engelska ord, också i en svensk handbok\n  obs: skriv 'access: internal': som det står nu läses nyckeln inte, och det som skulle vara internt publiceras för alla",
    ]),
    BrokenCase("a second number under its own key, and access said public in other words", {
        try $0.replace(council, "    phone:", with: "    mobil: \"070-000 00 03\"\n    public: true\n    phone:")
    }, expect: [
        "content/councils/exby/council.yml:9:5: varning: okänd nyckel 'mobil'; här står redan 'phone' [unknown-key]\n  obs: ett andra nummer kan bli en egen kontakt",
        "content/councils/exby/council.yml:10:5: varning: okänd nyckel 'public'; menade du 'access'? [unknown-key]",
    ]),
    BrokenCase("a title written in Swedish beside the English one, and one alone", {
        try $0.replace(lokalt, "reviewed:", with: "rubrik: Lokalt\nreviewed:")
        try $0.replace(hotad, "title: Om du blir hotad", with: "rubrik: Om du blir hotad")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:7:1: varning: okänd nyckel 'rubrik'; här står redan 'title' [unknown-key]",
        "content/routines/hotad.md:2:1: fel: 'title' saknas (rutinens rubrik); här står 'rubrik', som nog ska vara 'title' [missing-key]",
    ]),
    BrokenCase("the contacts misspelt", { try $0.replace(council, "contacts:", with: "contacs:") }, expect: [
        "content/councils/exby/council.yml:5:1: fel: okänd nyckel 'contacs'; menade du 'contacts'? [misspelt-key]\n  obs: skriv 'contacts': som det står nu läses nyckeln inte, och läsaren ser inte vem man kontaktar",
        "content/councils/exby/routines/lokalt.md:6:8: fel: ansvarig för rutinen, 'samordnare', är inte en kontakt i Exby kommun [unknown-owner]\n  obs: kontakter: hr\n  obs: lägg annars till kontakten 'samordnare' under 'contacts:' i councils/exby/council.yml",
        "content/routines/anmalan.md:7:8: fel: ansvarig för rutinen, 'samordnare', är inte en kontakt [unknown-owner]\n  obs: lägg till kontakten 'samordnare' under 'contacts:' i council.yml för varje handbok som saknar den\n  obs: i handboken för Exby kommun",
        "content/routines/anmalan.md:15:20: fel: det finns ingen kontakt 'samordnare' [unknown-contact]\n  obs: lägg till kontakten 'samordnare' under 'contacts:' i council.yml för varje handbok som saknar den\n  obs: i handboken för Exby kommun",
        "content/routines/hotad.md:7:8: fel: ansvarig för rutinen, 'samordnare', är inte en kontakt [unknown-owner]\n  obs: lägg till kontakten 'samordnare' under 'contacts:' i council.yml för varje handbok som saknar den\n  obs: i handboken för Exby kommun",
        "content/routines/utbildning.md:7:8: fel: ansvarig för rutinen, 'samordnare', är inte en kontakt [unknown-owner]\n  obs: lägg till kontakten 'samordnare' under 'contacts:' i council.yml för varje handbok som saknar den\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("a control character written as an escape", { try $0.replace(council, "phone: \"070-000 00 01\"", with: "phone: \"\\u202e070-000 00 01\"") }, expect: [
        "content/councils/exby/council.yml:9:12: fel: 'phone' innehåller styrtecknet <U+202E>, som inte hör hemma i en text; ta bort det [control-character]\n  obs: det kommer oftast från en kopierad text, eller från en kod som \\u202e eller \\0 inom citattecken",
    ]),
    BrokenCase("theme key indented too little", { try $0.replace(council, "theme: { color: \"#1d4f73\", logo: assets/logo.svg }", with: "theme:\n  logo: assets/logo.svg\ncolor: \"#1d4f73\"") }, expect: [
        "content/councils/exby/council.yml:6:1: varning: okänd nyckel 'color' [unknown-key]\n  obs: 'color' hör hemma under 'theme:'; dra in den (och raderna under den) med mellanslag, i linje med de andra raderna där",
    ]),
    BrokenCase("contact indented too little", { try $0.append(council, "vakten:\n  role: Vakt\n  phone: \"070-000 00 02\"\n") }, expect: [
        "content/councils/exby/council.yml:12:1: varning: okänd nyckel 'vakten' [unknown-key]\n  obs: 'vakten' hör hemma under 'contacts:'; dra in den (och raderna under den) med mellanslag, i linje med de andra raderna där",
    ]),
    BrokenCase("required key misspelt", { try $0.replace(hotad, "title: Om du blir hotad", with: "tittle: Om du blir hotad") }, expect: [
        "content/routines/hotad.md:2:1: fel: 'title' saknas (rutinens rubrik); här står 'tittle', som nog ska vara 'title' [missing-key]",
    ]),
    BrokenCase("a # heading in a routine's text", { try $0.append(lokalt, "\n# Egen huvudrubrik\n") }, expect: [
        "content/councils/exby/routines/lokalt.md:12:1: varning: rubriken 'Egen huvudrubrik' är skriven med en #; rutinens titel ('title') är redan sidans huvudrubrik, så skriv rubriker i texten med ## [heading-level-1]",
    ]),
    BrokenCase("misspelt key in site.yml", { try $0.replace(site, "defaults:", with: "defualts:") }, expect: [
        "content/site.yml:10:1: varning: okänd nyckel 'defualts' [unknown-key]\n  obs: menade du 'defaults'?",
    ]),
    // A misspelt key that keeps something out of the handbook stops the build: not read, it
    // would publish an internal routine or contact, or a routine the council left out.
    BrokenCase("access misspelt in a routine", { try $0.replace(hotad, "order: 10", with: "order: 10\nacess: internal") }, expect: [
        "content/routines/hotad.md:6:1: fel: okänd nyckel 'acess'; menade du 'access'? [misspelt-key]\n  obs: skriv 'access: internal': som det står nu läses nyckeln inte, och det som skulle vara internt publiceras för alla",
    ]),
    BrokenCase("access capitalised in a contact", { try $0.replace(council, "    phone:", with: "    Access: internal\n    phone:") }, expect: [
        "content/councils/exby/council.yml:9:5: fel: okänd nyckel 'Access'; menade du 'access'? [misspelt-key]\n  obs: skriv 'access: internal': som det står nu läses nyckeln inte, och det som skulle vara internt publiceras för alla",
    ]),
    BrokenCase("a contact's address is no misspelt access", { try $0.replace(council, "    phone:", with: "    adress: Storgatan 1\n    phone:") }, expect: [
        "content/councils/exby/council.yml:9:5: varning: okänd nyckel 'adress' [unknown-key]",
    ]),
    BrokenCase("exclude written where it is not read", { try $0.append(council, "accessibility:\n  status: helt\n  feedback_email: webb@exby.example\n  assessed: 2026-01-10\n  exclude: [utbildning]\n") }, expect: [
        "content/councils/exby/council.yml:16:3: fel: 'exclude' läses inte här [misplaced-key]\n  obs: skriv den överst i kommunens council.yml, utan indrag (en grupp väljer inte bort rutiner åt sina kommuner): som det står nu läses nyckeln inte, och rutinerna som skulle väljas bort publiceras",
    ]),
    // YAML's merge key brings keys rutinbok does not read: `access` among them.
    BrokenCase("access given through a merge key in a contact", { try $0.replace(council, "    phone:", with: "    <<: {access: internal}\n    phone:") }, expect: [
        "content/councils/exby/council.yml:9:5: fel: '<<' (att slå ihop nycklar från ett annat ställe) stöds inte; nycklarna läses inte [yaml-merge]\n  obs: skriv varje nyckel för sig, till exempel 'access: internal'",
    ]),
    BrokenCase("access given through a merge key in a routine", { try $0.replace(hotad, "order: 10", with: "order: 10\n<<: {access: internal}") }, expect: [
        "content/routines/hotad.md:6:1: fel: '<<' (att slå ihop nycklar från ett annat ställe) stöds inte; nycklarna läses inte [yaml-merge]\n  obs: skriv varje nyckel för sig, till exempel 'access: internal'",
    ]),
    BrokenCase("exclude names the council's own routine", { try $0.append(council, "exclude: [lokalt]\n") }, expect: [
        "content/councils/exby/council.yml:12:11: varning: 'exclude' nämner 'lokalt', som är en av kommunens egna rutiner; den publiceras inte [exclude-own]\n  obs: ta bort 'lokalt' ur 'exclude', eller ta bort filen routines/lokalt.md om rutinen inte ska finnas",
    ]),
    BrokenCase("a link to a file on a network drive", { try $0.append(lokalt, "\nBlanketten finns på [G-disken](file://///kommun.local/gemensam/blankett.docx).\n") }, expect: [
        "content/councils/exby/routines/lokalt.md:12:21: varning: länken 'file://///kommun.local/gemensam/blankett.docx' går till en fil på en dator eller en nätverksdisk, som läsarna inte kommer åt från en webbsida [link-file]\n  obs: lägg filen i kommunens mapp assets/ och länka till 'assets/filnamn', eller länka till en sida på webben eller intranätet",
    ]),
    BrokenCase("adopted from a council no longer there, and written wrong", {
        try $0.replace(lokalt, "reviewed:", with: "adopted_from: exempelstad/sammantraden\nreviewed:")
        try $0.replace(hotad, "reviewed:", with: "adopted_from: Exempelstad\nreviewed:")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:7:15: varning: 'adopted_from' nämner 'exempelstad/sammantraden', men det finns ingen kommun eller grupp 'exempelstad' längre [unknown-source]\n  obs: ta bort raden med 'adopted_from' om rutinen nu är er egen",
        "content/routines/hotad.md:8:15: varning: 'adopted_from' ska vara '<kommun>/<rutin-id>' för en kommun (eller grupp) som finns, men är 'Exempelstad' [unknown-source]",
    ]),
    BrokenCase("exclude misspelt", { try $0.append(council, "exlude: [utbildning]\n") }, expect: [
        "content/councils/exby/council.yml:12:1: fel: okänd nyckel 'exlude'; menade du 'exclude'? [misspelt-key]\n  obs: skriv 'exclude': som det står nu läses nyckeln inte, och rutinerna som skulle väljas bort publiceras",
    ]),
    // Each required key of a routine.
    BrokenCase("routine without title", { try $0.replace(utbildning, "title: Utbildning\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: fel: 'title' saknas (rutinens rubrik) [missing-key]",
    ]),
    BrokenCase("routine without summary", { try $0.replace(utbildning, "summary: Introduktion för nya förtroendevalda.\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: fel: 'summary' saknas (en mening om vad rutinen är till för) [missing-key]",
    ]),
    BrokenCase("routine without phase", { try $0.replace(utbildning, "phase: forebygga\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: fel: 'phase' saknas (vilken del av handboken rutinen hör till) [missing-key]",
    ]),
    BrokenCase("routine without owner", { try $0.replace(utbildning, "owner: samordnare\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: fel: 'owner' saknas (kontakt-id för den som håller rutinen aktuell) [missing-key]",
    ]),
    BrokenCase("routine without reviewed", { try $0.replace(utbildning, "reviewed: 2026-01-15\n", with: "") }, expect: [
        "content/routines/utbildning.md:2:1: fel: 'reviewed' saknas (dagen då rutinen senast granskades, ÅÅÅÅ-MM-DD) [missing-key]",
    ]),
    BrokenCase("unknown phase", { try $0.replace(hotad, "phase: hantera", with: "phase: hanterra") }, expect: [
        "content/routines/hotad.md:4:8: fel: okänd del 'hanterra' [unknown-phase]\n  obs: menade du 'hantera'?\n  obs: delarna i site.yml: forebygga, hantera",
    ]),
    BrokenCase("unknown audience", { try $0.replace(hotad, "audience: [alla]", with: "audience: [alla, gruppledare]") }, expect: [
        "content/routines/hotad.md:6:18: fel: okänd målgrupp 'gruppledare' [unknown-audience]\n  obs: målgrupperna i site.yml: alla, ordforande",
    ]),
    BrokenCase("audiences as a list without brackets", { try $0.replace(hotad, "audience: [alla]", with: "audience: alla, ordforande") }, expect: [
        "content/routines/hotad.md:6:11: fel: okänd målgrupp 'alla, ordforande' [unknown-audience]\n  obs: skriv flera målgrupper inom hakparenteser: [alla, ordforande]\n  obs: målgrupperna i site.yml: alla, ordforande",
    ]),
    BrokenCase("a blank line before the front matter", { try $0.replace(utbildning, "---\ntitle: Utbildning", with: "\n---\ntitle: Utbildning") }, expect: [
        "content/routines/utbildning.md:1:1: fel: rutinen ska börja med en rad '---', sedan rutinens uppgifter (title, summary, phase, owner, reviewed) och en rad '---' till [missing-front-matter]\n  obs: den första raden är tom; ta bort de tomma raderna före '---'",
    ]),
    BrokenCase("front matter never closes", { try $0.replace(utbildning, "reviewed: 2026-01-15\n---\n", with: "reviewed: 2026-01-15\n\n") }, expect: [
        "content/routines/utbildning.md:1:1: fel: rutinens uppgifter, som börjar med '---' här, avslutas aldrig; lägg till en rad '---' efter den sista raden med 'nyckel: värde' [unclosed-front-matter]",
    ]),
    BrokenCase("no front matter", { try $0.write(utbildning, "# Utbildning\n\nAlla får en introduktion.\n") }, expect: [
        "content/routines/utbildning.md:1:1: fel: rutinen ska börja med en rad '---', sedan rutinens uppgifter (title, summary, phase, owner, reviewed) och en rad '---' till [missing-front-matter]",
    ]),
    // Contacts and owners, per council.
    BrokenCase("unknown contact reference", { try $0.replace(anmalan, "kontakt:samordnare", with: "kontakt:samordnaren") }, expect: [
        "content/routines/anmalan.md:15:20: fel: det finns ingen kontakt 'samordnaren' [unknown-contact]\n  obs: menade du 'samordnare'?\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("owner that is not a contact", { try $0.replace(utbildning, "owner: samordnare", with: "owner: kanslichef") }, expect: [
        "content/routines/utbildning.md:7:8: fel: ansvarig för rutinen, 'kanslichef', är inte en kontakt [unknown-owner]\n  obs: lägg till kontakten 'kanslichef' under 'contacts:' i council.yml för varje handbok som saknar den\n  obs: i handboken för Exby kommun",
    ]),
    // Links and anchors.
    BrokenCase("link to an excluded routine", { try $0.append(council, "exclude: [utbildning]\n") }, expect: [
        "content/councils/exby/routines/lokalt.md:10:4: fel: länken går till 'utbildning', som Exby kommun har valt bort ('exclude' i council.yml) [broken-link]\n  obs: ta bort länken, eller ta bort 'utbildning' ur 'exclude'",
    ]),
    BrokenCase("a base routine's link to a routine the council excluded", { try $0.append(council, "exclude: [anmalan]\n") }, expect: [
        "content/routines/hotad.md:15:36: varning: länken går till 'anmalan', som handboken har valt bort ('exclude' i council.yml); på sidan visas länkens text utan länk [link-removed]\n  obs: vill ni ha länken, ta bort 'anmalan' ur 'exclude' eller skriv en egen version av den här rutinen\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("link to a misspelt routine", { try $0.replace(hotad, "(anmalan.md#gor-sa-har)", with: "(anmalnn.md)") }, expect: [
        "content/routines/hotad.md:15:36: fel: länken går till 'anmalnn', men handboken har ingen rutin med det id:t [broken-link]\n  obs: menade du 'anmalan'?\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("links that are not to a routine's file", {
        try $0.replace(hotad, "(anmalan.md#gor-sa-har)", with: "(anmalan) [x](anmalan.html) [y](../annanby/index.html) [z](blankett.pdf) [w](assets/blankett.pdf)")
        try $0.write("content/councils/exby/assets/blankett.pdf", "%PDF")  // the one link that is right
    }, expect: [
        "content/routines/hotad.md:15:36: varning: länken 'anmalan' går inte till någon rutin; länka till en rutin med dess fil, 'anmalan.md', så kontrolleras att den finns [link-not-md]",
        "content/routines/hotad.md:15:55: varning: länken 'anmalan.html' går inte till någon rutin; länka till en rutin med dess fil, 'anmalan.md', så kontrolleras att den finns [link-not-md]",
        "content/routines/hotad.md:15:73: varning: länken '../annanby/index.html' leder utanför handbokens mapp, som ska fungera på egen hand (från disk och på vilken webbplats som helst) [link-outside]\n  obs: länka till en annan webbplats med en hel adress, https://…, och till en rutin med dess fil, till exempel 'polisanmalan.md'",
        "content/routines/hotad.md:15:100: varning: länken 'blankett.pdf' går till en fil som inte följer med handboken [link-file]\n  obs: lägg filen i kommunens mapp assets/ och länka till 'assets/blankett.pdf'",
    ]),
    BrokenCase("link to an internal routine", { try $0.replace(anmalan, "reviewed: 2026-01-15\n", with: "reviewed: 2026-01-15\naccess: internal\n") }, expect: [
        "content/routines/hotad.md:15:36: varning: länken går till 'anmalan', som är intern och inte finns i den publicerade handboken; på sidan visas länkens text utan länk [link-removed]\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("anchor no heading has", { try $0.replace(hotad, "#gor-sa-har", with: "#Gör-så-här-nu") }, expect: [
        "content/routines/hotad.md:15:36: fel: det finns ingen rubrik 'gor-sa-har-nu' i anmalan.md [broken-anchor]\n  obs: menade du 'gor-sa-har'?\n  obs: rubriker i anmalan.md: gor-sa-har\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("a callout box with no text", { try $0.replace(hotad, "Ring 112 om någon är i fara.", with: "> [!TIPS]\n\nRing 112 om någon är i fara.") }, expect: [
        "content/routines/hotad.md:11:3: varning: rutan '[!TIPS]' har ingen text; den visas som en tom ruta [empty-callout]\n  obs: skriv rutans text på raderna under, med '>' först på varje rad",
    ]),
    BrokenCase("anchor of no letters or digits", { try $0.replace(hotad, "#gor-sa-har", with: "#🚨") }, expect: [
        "content/routines/hotad.md:15:36: fel: det finns ingen rubrik '🚨' i anmalan.md [broken-anchor]\n  obs: rubriker i anmalan.md: gor-sa-har\n  obs: i handboken för Exby kommun",
    ]),
    // Ids, exclude, groups, overrides.
    BrokenCase("two ids collide after folding", {
        try $0.write("content/routines/Riskbedömning.md", try $0.read(utbildning))
        try $0.write("content/routines/riskbedomning.md", try $0.read(utbildning))
    }, expect: [
        "content/routines/Riskbedömning.md: varning: filnamnet 'Riskbedömning.md' blir 'riskbedomning' i webbadressen; döp om filen till 'riskbedomning.md' [non-slug-id]",
        "content/routines/riskbedomning.md: fel: rutin-id:t 'riskbedomning' används två gånger: 'riskbedomning.md' och 'Riskbedömning.md' får samma webbadress [id-collision]\n  obs: byt namn på en av filerna",
    ]),
    BrokenCase("exclude naming no routine", { try $0.append(council, "exclude: [utbildnig]\n") }, expect: [
        "content/councils/exby/council.yml:12:11: fel: 'exclude' nämner 'utbildnig', men det finns ingen rutin med det id:t [unknown-exclude]\n  obs: menade du 'utbildning'?\n  obs: rutinernas id: anmalan, hotad, lokalt, utbildning",
    ]),
    // One error at the group's id: not one for each contact the group would have given.
    BrokenCase("unknown group", { try $0.replace(council, "group: grannar", with: "group: granar") }, expect: [
        "content/councils/exby/council.yml:3:8: fel: gruppen 'granar' finns inte [unknown-group]\n  obs: menade du 'grannar'?\n  obs: grupper i groups/: grannar\n  obs: tills gruppens id är rättat får Exby kommun inga av gruppens rutiner och kontakter; kontakterna som rutinerna nämner kontrolleras när gruppen finns",
    ]),
    // A group.yml that does not load has its own error; its members are not told the group
    // does not exist, nor that the contacts it would have given are missing.
    BrokenCase("group.yml that does not load", { try $0.append("content/groups/grannar/group.yml", "name: \"Grannar\n") }, expect: [
        "content/groups/grannar/group.yml:8:7: fel: en text som börjar med ett citattecken avslutas aldrig; lägg till det avslutande citattecknet [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"found unexpected end of stream\" på rad 9, kolumn 1 (\"while scanning a quoted scalar\", från rad 8)",
    ]),
    BrokenCase("override of an id the base does not have", { try $0.write("content/councils/exby/routines/anmalann.md", try $0.read(anmalan)) }, expect: [
        "content/councils/exby/routines/anmalann.md:1:1: varning: 'anmalann' ersätter ingen grundrutin och läggs därför till som en ny rutin [override-unknown]\n  obs: ville du ersätta 'anmalan'? Döp i så fall filen till 'anmalan.md'",
    ]),
    // Files that cannot be used.
    BrokenCase("file that is not UTF-8", { w in
        var data = Data(try w.read(utbildning).utf8)
        let range = data.range(of: Data("för".utf8))!
        data.replaceSubrange(range, with: [0x66, 0xF6, 0x72])  // "för" in Latin-1
        try w.write(utbildning, data)
    }, expect: [
        "content/routines/utbildning.md:3:24: fel: filen är inte sparad med teckenkodningen UTF-8; spara den med UTF-8 [invalid-utf8]",
    ]),
    BrokenCase("empty routine", { try $0.write(utbildning, "") }, expect: [
        "content/routines/utbildning.md:1:1: fel: rutinen är tom [empty-routine]",
    ]),
    BrokenCase("routine with only front matter", { try $0.replace(utbildning, "\nAlla nya förtroendevalda får en introduktion.\n", with: "") }, expect: [
        "content/routines/utbildning.md:10:1: fel: rutinen har ingen text efter uppgifterna överst [empty-routine]",
    ]),
    BrokenCase("file over the size limit", {
        try $0.append(utbildning, String(repeating: "Lång text om säkerhet.\n", count: 12_000))
    }, expect: [
        "content/routines/utbildning.md: fel: filen är 294 kB; gränsen är 256 kB [file-too-large]\n  obs: en rutin är oftast några få kB: dela upp en lång rutin, och håll bilder och inklistrade dokument utanför texten",
    ]),
    BrokenCase("a tag left open at the end of a template", { try $0.write("templates/footer.mustache", "<footer>\n  <p>{{titl\n") }, expect: [
        "templates/footer.mustache:2:6: fel: mallen går inte att tolka: en tagg avslutas inte med '}}' före filens slut [template-syntax]",
    ]),
    // One byte over: rounded up, so that the size shown is over the limit shown.
    BrokenCase("a routine one byte over the size limit", {
        let text = try $0.read(utbildning)
        try $0.write(utbildning, text + String(repeating: "x", count: 256 * 1024 + 1 - text.utf8.count))
    }, expect: [
        "content/routines/utbildning.md: fel: filen är 257 kB; gränsen är 256 kB [file-too-large]\n  obs: en rutin är oftast några få kB: dela upp en lång rutin, och håll bilder och inklistrade dokument utanför texten",
    ]),
    BrokenCase("template over the size limit: no routine's advice", {
        try $0.append("templates/footer.mustache", String(repeating: "<!-- fyllnad -->\n", count: 17_000))
    }, expect: [
        "templates/footer.mustache: fel: filen är 283 kB; gränsen är 256 kB [file-too-large]",
    ]),
    BrokenCase("symlink to a file outside content", { w in
        try w.write("outside/hemlig.md", try w.read(utbildning))
        try w.symlink("content/routines/hemlig.md", to: w.url("outside/hemlig.md").path)
    }, expect: [
        "content/routines/hemlig.md: fel: filen är en länk som leder utanför mappen content; kopiera in filen i stället [symlink-outside]",
    ]),
    // Files that are there but are no text to read: each said, where it had been left out
    // without a word (a link to nothing, a routines folder saved as a file) or had held the
    // build forever (a named pipe, which waits for a writer).
    BrokenCase("a routine that is a named pipe", { w in
        #expect(mkfifo(w.url("content/routines/ror.md").path, 0o644) == 0)
    }, expect: [
        "content/routines/ror.md: fel: filen gick inte att läsa: det är ingen vanlig fil (utan till exempel en namngiven pipe) [unreadable]\n  obs: spara texten som en vanlig fil",
    ]),
    BrokenCase("a routine that is a link to a file that is not there", { w in
        try w.symlink("content/councils/exby/routines/borta.md", to: "flyttad.md")
    }, expect: [
        "content/councils/exby/routines/borta.md: fel: filen är en länk till en fil som inte finns [unreadable]\n  obs: ta bort länken, eller kopiera in filen i stället",
    ]),
    BrokenCase("routines that are links in a circle", { w in
        try w.symlink("content/routines/a.md", to: "b.md")
        try w.symlink("content/routines/b.md", to: "a.md")
    }, expect: [
        "content/routines/a.md: fel: filen är en länk som leder runt i en cirkel av länkar [unreadable]\n  obs: ta bort länken, eller kopiera in filen i stället",
        "content/routines/b.md: fel: filen är en länk som leder runt i en cirkel av länkar [unreadable]\n  obs: ta bort länken, eller kopiera in filen i stället",
    ]),
    BrokenCase("a council's routines folder that is a file", { w in
        try w.remove("content/councils/exby/routines")
        try w.write("content/councils/exby/routines", "lokalt.md\n")
    }, expect: [
        "content/councils/exby/routines: fel: mappen gick inte att läsa: det är en fil, inte en mapp [unreadable]",
    ]),
    BrokenCase("symlink to a folder outside content", { w in
        try w.write("outside/bilder/karta.svg", "<svg/>")
        try w.symlink("content/councils/exby/assets/bilder", to: w.url("outside/bilder").path)
    }, expect: [
        "content/councils/exby/assets/bilder: fel: mappen är en länk som leder utanför kommunens mapp assets/; kopiera in filerna i stället [symlink-outside]",
    ]),
    // Inside the content folder, but outside the council's assets/: a link to another council's
    // folder, or to the council's own routines and settings, would publish them, internal
    // routines and contacts among them.
    BrokenCase("an asset linking to a routine elsewhere in the content", { w in
        try w.symlink("content/councils/exby/assets/lank.pdf", to: w.url(utbildning).path)
    }, expect: [
        "content/councils/exby/assets/lank.pdf: fel: filen är en länk som leder utanför kommunens mapp assets/; kopiera in filen i stället [symlink-outside]",
    ]),
    // A folder link that stays in the content folder (it was skipped without a word), one
    // inside assets/ (not followed), and a link to nothing.
    BrokenCase("an asset folder linking to the routines", { w in
        try w.symlink("content/councils/exby/assets/rutiner", to: "../routines")
    }, expect: [
        "content/councils/exby/assets/rutiner: fel: mappen är en länk som leder utanför kommunens mapp assets/; kopiera in filerna i stället [symlink-outside]",
    ]),
    BrokenCase("asset links inside assets/: a folder, and a file that is not there", { w in
        try w.write("content/councils/exby/assets/bilder/karta.svg", "<svg/>")
        try w.symlink("content/councils/exby/assets/kartor", to: "bilder")
        try w.symlink("content/councils/exby/assets/borta.pdf", to: "flyttad.pdf")
    }, expect: [
        "content/councils/exby/assets/borta.pdf: fel: 'borta.pdf' är en länk till en fil som inte finns och kan inte publiceras [asset-not-file]\n  obs: ta bort länken, eller kopiera in filen i stället",
        "content/councils/exby/assets/kartor: fel: mappen är en länk till en annan mapp, och rutinbok följer inte länkade mappar; kopiera in filerna i stället [asset-not-file]",
    ]),
    // The theme's files go to assets/tema/ in each handbook: a council's file there took the
    // place of the theme's stylesheet, and a folder named like one left the handbook without it.
    BrokenCase("council assets in assets/tema/, where the theme's files go", { w in
        try w.write("content/councils/exby/assets/tema/rutinbok.css", ".acute { display: none }")
        try w.write("content/councils/exby/assets/tema/favicon.svg/logo.svg", "<svg/>")
    }, expect: [
        "content/councils/exby/assets/tema/favicon.svg/logo.svg: fel: mappen assets/tema/ används av temat, som lägger sina filer (som rutinbok.css) där i varje handbok; filen publiceras inte [asset-name]\n  obs: byt namn på mappen tema, till exempel till 'bilder', och ändra länkarna till filerna i den",
        "content/councils/exby/assets/tema/rutinbok.css: fel: mappen assets/tema/ används av temat, som lägger sina filer (som rutinbok.css) där i varje handbok; filen publiceras inte [asset-name]\n  obs: byt namn på mappen tema, till exempel till 'bilder', och ändra länkarna till filerna i den",
    ]),
    BrokenCase("a council asset named assets/tema, the theme's folder", { w in
        try w.append(council, "allow_raw_html: true\n")
        try w.write("content/councils/exby/assets/tema", "x")
    }, expect: [
        "content/councils/exby/assets/tema: fel: namnet assets/tema används av temat, som lägger sina filer i en mapp med det namnet i varje handbok; filen publiceras inte [asset-name]\n  obs: byt namn på filen",
    ]),
    // A theme's asset is copied into every handbook: a link out of its folder would publish
    // any file the builder may read.
    BrokenCase("a theme asset linking outside the theme", { w in
        try w.symlink("templates/assets/extra.css", to: "/etc/hostname")
    }, expect: [
        "templates/assets/extra.css: fel: filen är en länk som leder utanför mappen templates/assets/; kopiera in filen i stället [symlink-outside]",
    ]),
    // A part no routine has is site.yml's to correct: said once there, not once per handbook.
    BrokenCase("a phase no routine has", {
        try $0.replace(site, "  - { id: hantera, label: Hantera }\n", with: "  - { id: hantera, label: Hantera }\n  - { id: efterat, label: Efteråt }\n")
    }, expect: [
        "content/site.yml:5:5: varning: ingen rutin hör till delen 'Efteråt', så den saknas i varje handbok [empty-phase]\n  obs: skriv en grundrutin med 'phase: efterat', eller ta bort delen ur 'phases' tills det finns en rutin för den",
    ]),
    BrokenCase("an asset linking to the council's own settings", { w in
        try w.symlink("content/councils/exby/assets/kontakter.pdf", to: "../council.yml")
    }, expect: [
        "content/councils/exby/assets/kontakter.pdf: fel: filen är en länk som leder utanför kommunens mapp assets/; kopiera in filen i stället [symlink-outside]",
    ]),
    // Paths that would write outside the output folder.
    BrokenCase("logo path leaving the folder", { try $0.replace(council, "logo: assets/logo.svg", with: "logo: ../../x.svg") }, expect: [
        "content/councils/exby/council.yml:4:34: fel: sökvägen till logotypen, '../../x.svg', leder ut ur sin mapp med '..' [unsafe-path]",
    ]),
    BrokenCase("absolute logo path", { try $0.replace(council, "logo: assets/logo.svg", with: "logo: /etc/passwd") }, expect: [
        "content/councils/exby/council.yml:4:34: fel: sökvägen till logotypen, '/etc/passwd', börjar med '/' eller '~'; skriv den från kommunens mapp, till exempel 'assets/logo.svg' [unsafe-path]",
    ]),
    BrokenCase("council folder that is not a slug", { try $0.move("content/councils/exby", to: "content/councils/Ex By") }, expect: [
        "content/councils/Ex By: fel: mappnamnet 'Ex By' får bara innehålla a–z, 0–9 och '-'; det blir en del av webbadressen [invalid-slug]\n  obs: byt namn till 'ex-by'",
    ]),
    // Templates.
    BrokenCase("template section closed with the wrong name", { try $0.write("templates/contact-inline.mustache", "<span>\n{{#council}}x{{/counsil}}\n</span>\n") }, expect: [
        "templates/contact-inline.mustache:2:14: fel: mallen går inte att tolka: avsnittet 'council', som öppnas på rad 2 kolumn 1, avslutas med '{{/counsil}}' [template-syntax]\n  obs: skriv '{{/council}}'",
    ]),
    // The parser notices at the end of the file; the section is named where it opens.
    BrokenCase("template section never closed", { try $0.write("templates/contact-inline.mustache", "<span>\n  {{#name}}x\n</span>\n") }, expect: [
        "templates/contact-inline.mustache:2:3: fel: mallen går inte att tolka: avsnittet 'name' avslutas aldrig [template-syntax]\n  obs: skriv '{{/name}}' där avsnittet ska sluta",
    ]),
    BrokenCase("template section closed that never opened", { try $0.write("templates/contact-inline.mustache", "<span>{{name}}{{/name}}</span>\n") }, expect: [
        "templates/contact-inline.mustache:1:15: fel: mallen går inte att tolka: '{{/name}}' avslutar ett avsnitt som aldrig öppnades [template-syntax]",
    ]),
    BrokenCase("template tag never closed", { try $0.write("templates/contact-inline.mustache", "<span>\n{{name\n") }, expect: [
        "templates/contact-inline.mustache:2:1: fel: mallen går inte att tolka: en tagg avslutas inte med '}}' före filens slut [template-syntax]",
    ]),
    BrokenCase("template using a partial that does not exist", { try $0.write("templates/contact-inline.mustache", "<span>\n  {{> kontaktkort}}\n</span>\n") }, expect: [
        "templates/contact-inline.mustache:2:3: fel: mallen använder 'kontaktkort', men det finns ingen mall 'kontaktkort.mustache' [missing-template]\n  obs: mallar: accessibility, accessibility-exceptions, contact-card, contact-inline, contact-ways, contacts, emergency, fickkort, footer, header, layout, portal, …",
    ]),
    BrokenCase("council folder named like a portal folder", { try $0.move("content/councils/exby", to: "content/councils/andringar") }, expect: [
        "content/councils/andringar: fel: 'andringar' är namnet på en mapp som portalen använder; ge kommunen ett annat mappnamn [reserved-slug]",
    ]),
    BrokenCase("routine template that escapes the body", { try $0.write("templates/routine.mustache", "<article>\n{{title}}\n{{body}}\n</article>\n") }, expect: [
        "templates/routine.mustache:3:1: fel: '{{body}}' visar HTML som kod på sidan [template-escaped-html]\n  obs: skriv '{{{body}}}' med tre klammerparenteser",
    ]),
    BrokenCase("routine template without its body", { try $0.write("templates/routine.mustache", "<article>\n{{title}}\n</article>\n") }, expect: [
        "templates/routine.mustache:1:1: fel: mallen måste visa '{{{body}}}' [template-missing-key]",
    ]),
    BrokenCase("layout that shows the header as code", { try $0.replace("templates/layout.mustache", "{{{header}}}", with: "{{header}}") }, expect: [
        "templates/layout.mustache:21:1: fel: '{{header}}' visar HTML som kod på sidan [template-escaped-html]\n  obs: skriv '{{{header}}}' med tre klammerparenteser",
    ]),
    // swift-mustache renders a name no view has as nothing: the heading would be empty.
    BrokenCase("misspelt name in a template", { try $0.write("templates/routine.mustache", "<article>\n<h1>{{titel}}</h1>\n{{{body}}}\n{{#empty(contacts)}}{{council.nmae}}{{/empty(contacts)}}\n</article>\n") }, expect: [
        "templates/routine.mustache:2:5: fel: mallen använder namnet 'titel', som inte finns i sidornas data, och där står ingenting på sidan [template-unknown-name]\n  obs: menade du 'title'?",
        "templates/routine.mustache:4:21: fel: mallen använder namnet 'nmae', som inte finns i sidornas data, och där står ingenting på sidan [template-unknown-name]\n  obs: menade du 'name'?",
    ]),
    // One swift-mustache does not know fails its parse too: said once, in Swedish.
    BrokenCase("template with an unknown pragma", { try $0.write("templates/footer.mustache", "<footer>\n{{%FOO}}\n{{siteTitle}}</footer>\n") }, expect: [
        "templates/footer.mustache:2:1: fel: mallen ändrar med '{{%…}}' hur den tolkas; då skyddas inte längre texten från innehållsfilerna, och ett namn med HTML i kan köra skript på sidan [template-pragma]\n  obs: ta bort taggen",
    ]),
    BrokenCase("template that turns escaping off", { try $0.write("templates/footer.mustache", "{{% CONTENT_TYPE: TEXT }}\n<footer>{{siteTitle}}</footer>\n") }, expect: [
        "templates/footer.mustache:1:1: fel: mallen ändrar med '{{%…}}' hur den tolkas; då skyddas inte längre texten från innehållsfilerna, och ett namn med HTML i kan köra skript på sidan [template-pragma]\n  obs: ta bort taggen",
    ]),
    // The handbook loads nothing from other sites; an ordinary link is no load.
    BrokenCase("theme that loads a font and a script from other sites", { try $0.write("templates/footer.mustache", "<footer><link rel=\"stylesheet\" href=\"https://fonts.example/css?family=X\">\n<script src=\"//cdn.example/x.js\"></script> <a href=\"https://www.exby.example/\">Exby</a></footer>\n") }, expect: [
        "templates/footer.mustache:1:38: fel: temat hämtar 'https://fonts.example/css?family=X' från en annan webbplats [external-resource]\n  obs: handboken hämtar inget från andra webbplatser: besökarna syns inte där, och sidan fungerar utan nät. Lägg filen i templates/assets/ och länka till den i assets/tema/",
        "templates/footer.mustache:2:14: fel: temat hämtar '//cdn.example/x.js' från en annan webbplats [external-resource]\n  obs: handboken hämtar inget från andra webbplatser: besökarna syns inte där, och sidan fungerar utan nät. Lägg filen i templates/assets/ och länka till den i assets/tema/",
    ]),
    BrokenCase("theme stylesheet with an outside import and a missing image", { try $0.write("templates/assets/extra.css", "@import url(\"https://fonts.example/x.css\");\n.x{background:url(bilder/monster.png)}\n.y{background:url(favicon.svg)}\n") }, expect: [
        "templates/assets/extra.css:1:14: fel: temat hämtar 'https://fonts.example/x.css' från en annan webbplats [external-resource]\n  obs: handboken hämtar inget från andra webbplatser: besökarna syns inte där, och sidan fungerar utan nät. Lägg filen i templates/assets/ och länka till den i assets/tema/",
        "templates/assets/extra.css:2:19: fel: 'url(bilder/monster.png)' hittar ingen fil: temat har ingen fil 'assets/bilder/monster.png' [missing-theme-asset]\n  obs: temats filer ligger i templates/assets/ och publiceras i assets/tema/ i varje handbok",
    ]),
    BrokenCase("template linking a theme file that is not there", { try $0.write("templates/footer.mustache", "<footer><img src=\"assets/tema/vapen.svg\" alt=\"\"> <link rel=\"icon\" href=\"assets/tema/favicon.svg\"></footer>\n") }, expect: [
        "templates/footer.mustache:1:19: fel: mallen länkar till 'assets/tema/vapen.svg', men temat har ingen fil 'assets/vapen.svg' [missing-theme-asset]\n  obs: temats filer ligger i templates/assets/ och publiceras i assets/tema/ i varje handbok",
    ]),
    BrokenCase("theme without a partial the shipped templates have", { try $0.remove("templates/contact-ways.mustache") }, expect: [
        "templates/contact-card.mustache:7:1: fel: mallen använder 'contact-ways', men det finns ingen mall 'contact-ways.mustache' [missing-template]\n  obs: mallarna som följer med rutinbok har den: kopiera templates/contact-ways.mustache till ditt tema",
        "templates/contacts.mustache:12:1: fel: mallen använder 'contact-ways', men det finns ingen mall 'contact-ways.mustache' [missing-template]\n  obs: mallarna som följer med rutinbok har den: kopiera templates/contact-ways.mustache till ditt tema",
    ]),
    BrokenCase("required template named with a capital", { try $0.move("templates/footer.mustache", to: "templates/Footer.mustache") }, expect: [
        "templates/footer.mustache: fel: mallen 'footer.mustache' saknas; varje bygge behöver den [missing-template]\n  obs: filen heter 'Footer.mustache'; byt namn till 'footer.mustache'",
    ]),
    BrokenCase("a template nothing renders or includes", { try $0.write("templates/portal/gruppen.mustache", "<p>{{groupName}}</p>\n") }, expect: [
        "templates/portal/gruppen.mustache: varning: mallen 'portal/gruppen.mustache' används inte: rutinbok har ingen mall med det namnet, och ingen mall tar in den med '{{> portal/gruppen}}' [unused-template]\n  obs: menade du 'portal/grupp.mustache'?\n  obs: en mall med ett eget namn används bara där en annan mall tar in den",
    ]),
    BrokenCase("required template missing", { try $0.remove("templates/print.mustache") }, expect: [
        "templates/print.mustache: fel: mallen 'print.mustache' saknas; varje bygge behöver den [missing-template]",
    ]),
    // Review dates.
    BrokenCase("stale routines and contacts", today: "2027-03-01", { _ in }, expect: [
        "content/councils/exby/council.yml:11:15: varning: uppgifterna för kontakten 'samordnare' (Säkerhetssamordnare, Anna Exempel) kontrollerades senast 2026-01-15, för mer än 6 månader sedan; kontrollera dem och uppdatera 'verified' [contact-overdue]",
        "content/councils/exby/routines/lokalt.md:7:11: varning: 'Sammanträden i Exby' granskades senast 2026-01-15, för mer än 12 månader sedan; be den ansvariga (Säkerhetssamordnare, Anna Exempel) att granska den [review-overdue]",
        "content/groups/grannar/group.yml:7:15: varning: uppgifterna för kontakten 'hr' (HR-stöd) kontrollerades senast 2026-01-15, för mer än 6 månader sedan; kontrollera dem och uppdatera 'verified' [contact-overdue]",
        "content/routines/anmalan.md:8:11: varning: 'Polisanmälan' granskades senast 2026-01-15, för mer än 12 månader sedan; be den ansvariga att granska den [review-overdue]\n  obs: i handboken för Exby kommun (ansvarig: Säkerhetssamordnare, Anna Exempel)",
        "content/routines/hotad.md:8:11: varning: 'Om du blir hotad' granskades senast 2026-01-15, för mer än 12 månader sedan; be den ansvariga att granska den [review-overdue]\n  obs: i handboken för Exby kommun (ansvarig: Säkerhetssamordnare, Anna Exempel)",
        "content/routines/utbildning.md:8:11: varning: 'Utbildning' granskades senast 2026-01-15, för mer än 12 månader sedan; be den ansvariga att granska den [review-overdue]\n  obs: i handboken för Exby kommun (ansvarig: Säkerhetssamordnare, Anna Exempel)",
    ]),
    // A base routine past its review: whoever publishes the base routines can change it.
    BrokenCase("stale base routine with a publisher", today: "2027-01-20", {
        try $0.append(site, "publisher:\n  name: Exempelförbundet\n  email: grund@exempelforbundet.example\n")
        try $0.replace("content/routines/hotad.md", "reviewed: 2026-01-15", with: "reviewed: 2026-06-01")
        try $0.replace("content/routines/utbildning.md", "reviewed: 2026-01-15", with: "reviewed: 2026-06-01")
        try $0.replace(lokalt, "reviewed: 2026-01-15", with: "reviewed: 2026-06-01")
        try $0.replace(council, "verified: 2026-01-15", with: "verified: 2027-01-01")
        try $0.replace("content/groups/grannar/group.yml", "verified: 2026-01-15", with: "verified: 2027-01-01")
    }, expect: [
        "content/routines/anmalan.md:8:11: varning: 'Polisanmälan' granskades senast 2026-01-15, för mer än 12 månader sedan; be den ansvariga att granska den [review-overdue]\n  obs: texten är en grundrutin, som Exempelförbundet ger ut och granskar för alla handböcker; hör av er dit (grund@exempelforbundet.example)\n  obs: i handboken för Exby kommun (ansvarig: Säkerhetssamordnare, Anna Exempel)",
    ]),
    BrokenCase("dates in the future", today: "2026-01-10", { try $0.replace(lokalt, "reviewed: 2026-01-15", with: "reviewed: 2026-01-05") }, expect: [
        "content/councils/exby/council.yml:11:15: fel: 'verified' för kontakten 'samordnare' är 2026-01-15, ett datum i framtiden [future-date]\n  obs: skriv dagen då uppgifterna kontrollerades, i dag (2026-01-10) eller tidigare",
        "content/groups/grannar/group.yml:7:15: fel: 'verified' för kontakten 'hr' är 2026-01-15, ett datum i framtiden [future-date]\n  obs: skriv dagen då uppgifterna kontrollerades, i dag (2026-01-10) eller tidigare",
        "content/routines/anmalan.md:8:11: fel: 'reviewed' är 2026-01-15, ett datum i framtiden [future-date]\n  obs: skriv dagen då rutinen granskades, i dag (2026-01-10) eller tidigare",
        "content/routines/hotad.md:8:11: fel: 'reviewed' är 2026-01-15, ett datum i framtiden [future-date]\n  obs: skriv dagen då rutinen granskades, i dag (2026-01-10) eller tidigare",
        "content/routines/utbildning.md:8:11: fel: 'reviewed' är 2026-01-15, ett datum i framtiden [future-date]\n  obs: skriv dagen då rutinen granskades, i dag (2026-01-10) eller tidigare",
    ]),
    // A contact's own interval goes before the council's, which goes before site.yml's.
    BrokenCase("verify interval of the council and of one contact", {
        try $0.replace(council, "group: grannar\n", with: "group: grannar\nverify_interval_months: 3\n")
        try $0.replace(council, "    verified: 2026-01-15", with: "    verified: 2026-01-15\n    verify_interval_months: 12")
    }, expect: [
        "content/groups/grannar/group.yml:7:15: varning: uppgifterna för kontakten 'hr' (HR-stöd) kontrollerades senast 2026-01-15, för mer än 3 månader sedan; kontrollera dem och uppdatera 'verified' [contact-overdue]",
    ]),
    // A routine's own interval goes before the council's, which goes before site.yml's.
    BrokenCase("review interval of the council and of one routine", {
        try $0.replace(council, "group: grannar\n", with: "group: grannar\nreview_interval_months: 3\n")
        try $0.replace(hotad, "order: 10", with: "order: 10\nreview_interval_months: 12")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:7:11: varning: 'Sammanträden i Exby' granskades senast 2026-01-15, för mer än 3 månader sedan; be den ansvariga (Säkerhetssamordnare, Anna Exempel) att granska den [review-overdue]",
        "content/routines/anmalan.md:8:11: varning: 'Polisanmälan' granskades senast 2026-01-15, för mer än 3 månader sedan; be den ansvariga att granska den [review-overdue]\n  obs: i handboken för Exby kommun (ansvarig: Säkerhetssamordnare, Anna Exempel)",
        "content/routines/utbildning.md:8:11: varning: 'Utbildning' granskades senast 2026-01-15, för mer än 3 månader sedan; be den ansvariga att granska den [review-overdue]\n  obs: i handboken för Exby kommun (ansvarig: Säkerhetssamordnare, Anna Exempel)",
    ]),
    BrokenCase("review interval overridden per routine", { try $0.replace(hotad, "order: 10", with: "order: 10\nreview_interval_months: 3") }, expect: [
        "content/routines/hotad.md:9:11: varning: 'Om du blir hotad' granskades senast 2026-01-15, för mer än 3 månader sedan; be den ansvariga att granska den [review-overdue]\n  obs: i handboken för Exby kommun (ansvarig: Säkerhetssamordnare, Anna Exempel)",
    ]),
    // Config values.
    BrokenCase("unknown council kind", { try $0.replace(council, "kind: kommun", with: "kind: komun") }, expect: [
        "content/councils/exby/council.yml:2:7: fel: 'kind' ska vara kommun, landsting eller region, men här står 'komun' [bad-value]\n  obs: menade du 'kommun'?",
    ]),
    // Links are in the theme colour on the grey boxes too, which is darker than white.
    BrokenCase("theme colour readable under white text, not as links on the grey boxes", { try $0.replace(council, "#1d4f73", with: "#00843d") }, expect: [
        "content/councils/exby/council.yml:4:17: fel: temafärgen #00843d är för ljus för länkar på den ljusgrå bakgrunden i rutorna (kontrast 4,36:1, minst 4,5:1 behövs) [low-contrast]\n  obs: välj en mörkare färg, till exempel #00813c, samma färg mörkare",
    ]),
    // 4,478 is not shown as the 4,5 it falls short of.
    BrokenCase("theme colour just under the contrast, rounded down", { try $0.replace(council, "#1d4f73", with: "#777777") }, expect: [
        "content/councils/exby/council.yml:4:17: fel: temafärgen #777777 är för ljus för vit text (kontrast 4,47:1, minst 4,5:1 behövs) [low-contrast]\n  obs: välj en mörkare färg, till exempel #6f6f6f, samma färg mörkare",
    ]),
    // CSS reads neither as a colour: the header would be white on white.
    BrokenCase("theme colour without #", { try $0.replace(council, "\"#1d4f73\"", with: "\"1d4f73\"") }, expect: [
        "content/councils/exby/council.yml:4:17: fel: 'color' ska vara en färg skriven #rrggbb, men här står '1d4f73' [bad-value]",
    ]),
    BrokenCase("theme colour with a sign", { try $0.replace(council, "\"#1d4f73\"", with: "\"#+1d4f7\"") }, expect: [
        "content/councils/exby/council.yml:4:17: fel: 'color' ska vara en färg skriven #rrggbb, men här står '#+1d4f7' [bad-value]",
    ]),
    BrokenCase("unknown theme key names the two there are", { try $0.replace(council, "logo: assets/logo.svg", with: "logo: assets/logo.svg, bakgrund: assets/logo.svg") }, expect: [
        "content/councils/exby/council.yml:4:51: varning: okänd nyckel 'bakgrund' [unknown-key]\n  obs: nycklar som läses här: color, logo",
    ]),
    // Pasted from Word or a web page: a hard space (U+00A0) or a zero-width one looks like a
    // space, or like nothing, but is neither to YAML; the message says so and shows it.
    BrokenCase("a hard space after a key's colon", { try $0.replace(council, "name: Anna Exempel", with: "name:\u{A0}Anna Exempel") }, expect: [
        "content/councils/exby/council.yml:8:10: fel: här står ett hårt mellanslag (från Word eller en webbsida); sudda det och skriv ett vanligt mellanslag [yaml-syntax]\n  obs: YAML räknar det inte som ett mellanslag, så raden läses inte som den ser ut\n  obs: YAML-läsarens beskrivning (på engelska): \"could not find expected ':'\" på rad 9, kolumn 5 (\"while scanning a simple key\", från rad 8)",
    ]),
    BrokenCase("a line indented with a hard space", { try $0.replace(council, "    name: Anna Exempel", with: "\u{A0}   name: Anna Exempel") }, expect: [
        "content/councils/exby/council.yml:8:1: fel: här står ett hårt mellanslag (från Word eller en webbsida); sudda det och skriv ett vanligt mellanslag [yaml-syntax]\n  obs: YAML räknar det inte som ett mellanslag, så raden läses inte som den ser ut\n  obs: YAML-läsarens beskrivning (på engelska): \"mapping values are not allowed in this context\" på rad 9, kolumn 10",
    ]),
    BrokenCase("a hard space before a key's colon", { try $0.replace(council, "    phone: ", with: "    phone\u{A0}: ") }, expect: [
        "content/councils/exby/council.yml:9:10: fel: okänd nyckel 'phone<U+00A0>': i nyckeln står ett hårt mellanslag (från Word eller en webbsida); sudda det, så blir nyckeln 'phone' [misspelt-key]\n  obs: som det står nu läses nyckeln inte, och läsaren ser inte telefonnumret",
    ]),
    BrokenCase("a zero-width space before a key", { try $0.replace(site, "title: Testhandbok", with: "\u{200B}title: Testhandbok") }, expect: [
        "content/site.yml:1:1: fel: 'title' saknas (handbokens namn); här står '<U+200B>title', som nog ska vara 'title' [missing-key]\n  obs: i nyckeln står ett osynligt tecken (U+200B, från Word eller en webbsida); sudda det",
    ]),
    // Two spaces in: a contact with the id 'access', not the key of the contact above it.
    BrokenCase("access indented as a contact", { try $0.append(council, "  access: internal\n") }, expect: [
        "content/councils/exby/council.yml:12:3: fel: 'access' står som en egen kontakt, så den läses inte som en rad i kontakten ovanför; dra in den, i linje med raderna under 'samordnare:' [misplaced-key]\n  obs: som det står nu läses nyckeln inte, och det som skulle vara internt publiceras för alla",
    ]),
    BrokenCase("ids written twice in site.yml's lists and a group member listed twice", {
        try $0.replace(site, "  - { id: hantera, label: Hantera }", with: "  - { id: hantera, label: Hantera }\n  - { id: forebygga, label: Efteråt }")
        try $0.replace(site, "  - { id: ordforande, label: Ordförande }", with: "  - { id: ordforande, label: Ordförande }\n  - { id: alla, label: Alla igen }")
        try $0.replace(site, "number: \"112\" }", with: "number: \"112\" }\n  - { id: nodlage, label: Polisen, number: \"114 14\" }")
        try $0.append("content/groups/grannar/group.yml", "members: [exby, exby]\n")
    }, expect: [
        "content/groups/grannar/group.yml:8:17: varning: 'members' nämner 'exby' två gånger; ta bort den ena [duplicate-id]",
        "content/site.yml:5:11: fel: id:t 'forebygga' står redan under 'phases', på rad 3; ge delen ett eget id [duplicate-id]",
        "content/site.yml:9:11: fel: id:t 'alla' står redan under 'audiences', på rad 7; ge målgruppen ett eget id [duplicate-id]",
        "content/site.yml:12:11: varning: id:t 'nodlage' står redan under 'national_numbers', på rad 11; ge numret ett eget id [duplicate-id]",
    ]),
    BrokenCase("a routine whose text is only a comment", { try $0.replace(utbildning, "Alla nya förtroendevalda får en introduktion.", with: "<!-- att göra -->") }, expect: [
        "content/routines/utbildning.md:10:1: fel: rutinen har ingen text efter uppgifterna överst [empty-routine]\n  obs: här står bara en kommentar (<!-- … -->), som inte visas på sidan",
    ]),
    BrokenCase("a routine whose text is only a zero-width space", { try $0.replace(utbildning, "Alla nya förtroendevalda får en introduktion.", with: "\u{200B}") }, expect: [
        "content/routines/utbildning.md:10:1: fel: rutinen har ingen text efter uppgifterna överst [empty-routine]\n  obs: här står bara osynliga tecken (U+200B), som inte syns på sidan; de följer ofta med när text klistras in från Word eller en webbsida",
    ]),
    BrokenCase("a name given as YAML binary data", { try $0.replace(council, "name: Exby kommun", with: "name: !!binary RXhlbXBlbGJ5") }, expect: [
        "content/councils/exby/council.yml:1:7: fel: 'name' är märkt '!!binary' (data skriven i base64) och är ingen vanlig text; ta bort '!!binary' och skriv texten som den ska stå [yaml-type]",
    ]),
    // An unfinished `internal` would otherwise publish what was meant to stay internal.
    BrokenCase("access without a value", {
        try $0.replace(hotad, "order: 10", with: "order: 10\naccess:")
        try $0.replace(council, "    phone:", with: "    access: ~\n    phone:")
    }, expect: [
        "content/councils/exby/council.yml:9:13: fel: 'access' ska vara 'public' eller 'internal', men här står inget värde [bad-value]\n  obs: '~' betyder i YAML att värdet saknas\n  obs: skriv 'access: internal' om det ska vara internt; utan värde publiceras det för alla",
        "content/routines/hotad.md:6:1: fel: 'access' ska vara 'public' eller 'internal', men här står inget värde [bad-value]\n  obs: skriv 'access: internal' om det ska vara internt; utan värde publiceras det för alla",
    ]),
    // The routine is there, only not loaded: its own error says so, and nothing else.
    BrokenCase("a routine that does not load, named by acute_routine and exclude", {
        try $0.write(utbildning, "\n" + (try $0.read(utbildning)))
        try $0.append(site, "acute_routine: utbildning\n")
        try $0.replace(council, "kind: kommun", with: "kind: kommun\nexclude: [utbildning]")
    }, expect: [
        "content/routines/utbildning.md:1:1: fel: rutinen ska börja med en rad '---', sedan rutinens uppgifter (title, summary, phase, owner, reviewed) och en rad '---' till [missing-front-matter]\n  obs: den första raden är tom; ta bort de tomma raderna före '---'",
    ]),
    // Linked from every page: only an address on the web, no `javascript:`.
    BrokenCase("council website that is no web address", { try $0.replace(council, "kind: kommun", with: "kind: kommun\nwebsite: javascript:alert(1)") }, expect: [
        "content/councils/exby/council.yml:3:10: fel: 'website' ska vara kommunens webbadress, till exempel https://www.exempelby.example, men här står 'javascript:alert(1)' [bad-value]",
    ]),
    BrokenCase("logo as a web address", { try $0.replace(council, "logo: assets/logo.svg", with: "logo: https://www.exby.example/logo.svg") }, expect: [
        "content/councils/exby/council.yml:4:34: fel: logotypen ska vara en fil i kommunens mapp, inte en webbadress: 'https://www.exby.example/logo.svg' [bad-value]\n  obs: spara logotypen i councils/exby/assets/ och skriv till exempel logo: assets/logo.svg",
    ]),
    BrokenCase("theme colour too light", { try $0.replace(council, "#1d4f73", with: "#ffee00") }, expect: [
        "content/councils/exby/council.yml:4:17: fel: temafärgen #ffee00 är för ljus för vit text (kontrast 1,20:1, minst 4,5:1 behövs) [low-contrast]\n  obs: välj en mörkare färg, till exempel #787000, samma färg mörkare",
    ]),
    // Left unfinished: what a handbook must not be published without.
    BrokenCase("contact without phone or e-mail", { try $0.replace(council, "    phone: \"070-000 00 01\"\n    email: sakerhet@exby.example\n", with: "") }, expect: [
        "content/councils/exby/council.yml:6:3: fel: kontakten 'samordnare' har varken 'phone' eller 'email'; läsarna kan inte nå den [contact-unreachable]",
    ]),
    BrokenCase("accessibility statement partly met without shortcomings", { try $0.append(council, "accessibility:\n  status: delvis\n  feedback_email: webb@exby.example\n  assessed: 2026-01-10\n") }, expect: [
        "content/councils/exby/council.yml:13:11: fel: tillgänglighetsredogörelsen säger 'delvis' men räknar inte upp några brister; skriv under 'shortcomings' vad som inte är tillgängligt, eller skriv 'status: helt' om ni inte känner till några brister [accessibility-incomplete]",
    ]),
    BrokenCase("accessibility statement without a date", { try $0.append(council, "accessibility:\n  status: helt\n  feedback_email: webb@exby.example\n") }, expect: [
        "content/councils/exby/council.yml:12:1: varning: tillgänglighetsredogörelsen har inget datum i 'assessed'; skriv dagen då ni senast bedömde webbplatsen, ÅÅÅÅ-MM-DD [accessibility-undated]",
    ]),
    BrokenCase("accessibility statement without an address for feedback", { try $0.append(council, "accessibility:\n  status: helt\n  assessed: 2026-01-10\n") }, expect: [
        "content/councils/exby/council.yml:12:1: varning: tillgänglighetsredogörelsen har ingen 'feedback_email'; skriv en e-postadress dit läsare kan skriva om något på webbplatsen inte går att använda [accessibility-no-feedback]",
    ]),
    // A shortcoming written out: the WCAG criteria it fails and the day it is to be fixed by.
    BrokenCase("a shortcoming's WCAG criterion that does not exist and one without its text", {
        try $0.append(council, "accessibility:\n  status: delvis\n  shortcomings:\n    - text: Kartan saknar textalternativ.\n      wcag: [1.1.1, 1.4.14, WCAG 2.4.7]\n    - wcag: 1.3.1\n  feedback_email: webb@exby.example\n  assessed: 2026-05-10\n")
    }, expect: [
        "content/councils/exby/council.yml:16:21: fel: 'wcag' ska vara numret på ett framgångskriterium i WCAG, men här står '1.4.14' [bad-value]\n  obs: skriv bara numret, till exempel 1.3.1 för Information och relationer; flera skrivs som en lista: [1.3.1, 4.1.2]",
        "content/councils/exby/council.yml:16:29: fel: 'wcag' ska vara numret på ett framgångskriterium i WCAG, men här står 'WCAG 2.4.7' [bad-value]\n  obs: skriv bara numret, till exempel 1.3.1 för Information och relationer; flera skrivs som en lista: [1.3.1, 4.1.2]",
        "content/councils/exby/council.yml:17:7: fel: 'text' saknas (vad som inte är tillgängligt) [missing-key]",
    ]),
    BrokenCase("a shortcoming past the day it was to be fixed by", {
        try $0.append(council, "accessibility:\n  status: delvis\n  shortcomings:\n    - text: Kartan saknar textalternativ.\n      fix_by: 2026-05-31\n    - text: Filmerna saknar undertexter.\n      fix_by: 2026-06-01\n  feedback_email: webb@exby.example\n  assessed: 2026-05-10\n")
    }, expect: [
        "content/councils/exby/council.yml:16:15: varning: bristen skulle vara åtgärdad senast 2026-05-31 enligt 'fix_by' [accessibility-fix-overdue]\n  obs: åtgärda bristen och ta bort den ur 'shortcomings', eller skriv i 'fix_by' när den ska vara åtgärdad nu",
    ]),
    BrokenCase("a statement updated before its assessment, and one updated in the future", {
        try $0.append(council, "accessibility:\n  status: helt\n  feedback_email: webb@exby.example\n  assessed: 2026-05-10\n  updated: 2026-04-01\n")
        try $0.append(site, "accessibility:\n  status: helt\n  feedback_email: webb@exby.example\n  assessed: 2026-05-10\n  updated: 2026-06-02\n")
    }, expect: [
        "content/councils/exby/council.yml:16:12: varning: redogörelsen uppdaterades senast 2026-04-01, före den senaste bedömningen 2026-05-10; gå igenom redogörelsen efter bedömningen och skriv dagen i 'updated' [accessibility-not-updated]",
        "content/site.yml:17:12: fel: 'updated' är 2026-06-02, ett datum i framtiden [future-date]\n  obs: skriv dagen då ni senast ändrade redogörelsen, i dag (2026-06-01) eller tidigare",
    ]),
    BrokenCase("phone number with a letter and one with too few digits", {
        try $0.replace(council, "phone: \"070-000 00 01\"", with: "phone: \"070-000 00 O1\"")
        try $0.append("content/groups/grannar/group.yml", "  vaxel:\n    role: Växeln\n    phone: \"12\"\n    verified: 2026-01-15\n")
    }, expect: [
        "content/councils/exby/council.yml:9:12: fel: telefonnumret '070-000 00 O1' innehåller bokstäver; skriv bara siffror, mellanslag och bindestreck [bad-phone]",
        "content/groups/grannar/group.yml:10:12: fel: telefonnumret '12' har för få siffror [bad-phone]",
    ]),
    BrokenCase("two numbers in a contact's phone and in a national number", {
        try $0.replace(council, "phone: \"070-000 00 01\"", with: "phone: \"070-000 00 01 / 070-000 00 02\"")
        try $0.replace(site, "number: \"112\"", with: "number: \"112 / 114 14\"")
    }, expect: [
        "content/councils/exby/council.yml:9:12: fel: telefonnumret '070-000 00 01 / 070-000 00 02' innehåller '/' och är nog två nummer; skriv ett nummer här [bad-phone]",
        "content/site.yml:9:44: fel: telefonnumret '112 / 114 14' innehåller '/' och är nog två nummer; skriv ett nummer här [bad-phone]",
    ]),
    BrokenCase("phone number without an area code", { try $0.replace(council, "phone: \"070-000 00 01\"", with: "phone: \"123 45 67\"") }, expect: [
        "content/councils/exby/council.yml:9:12: fel: telefonnumret '123 45 67' saknar riktnummer; skriv det med riktnummer, till exempel 08-123 45 67, eller med landsnummer, +46 8 123 45 67 [bad-phone]",
    ]),
    // Files of the council's assets/: a dead link and an empty image; a name that differs in
    // capitals only; a base routine's image once for the handbooks that lack it.
    BrokenCase("links and images to files not in assets/", {
        try $0.append(lokalt, "\n![Karta](assets/karta.png)\n\n[Blankett](assets/blankett.pdf)\n\n![Logga](assets/Logo.svg)\n")
        try $0.append(hotad, "\n![Skylt](assets/skylt.png)\n")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:12:1: fel: bilden 'assets/karta.png' går till en fil som inte finns: councils/exby/assets/ har ingen 'karta.png' [missing-asset]\n  obs: lägg filen i councils/exby/assets/",
        "content/councils/exby/routines/lokalt.md:14:1: fel: länken 'assets/blankett.pdf' går till en fil som inte finns: councils/exby/assets/ har ingen 'blankett.pdf' [missing-asset]\n  obs: lägg filen i councils/exby/assets/",
        "content/councils/exby/routines/lokalt.md:16:1: fel: bilden 'assets/Logo.svg' går till en fil som inte finns: filen i councils/exby/assets/ heter 'logo.svg' [missing-asset]\n  obs: skriv namnet med samma stora och små bokstäver som filen: på en webbserver är 'Logo.svg' och 'logo.svg' två olika filer",
        "content/routines/hotad.md:17:1: fel: bilden 'assets/skylt.png' går till en fil som inte finns: kommunens mapp assets/ har ingen 'skylt.png' [missing-asset]\n  obs: lägg filen i mappen assets/ hos varje kommun vars handbok har rutinen\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("logo named with other capitals", { try $0.replace(council, "logo: assets/logo.svg", with: "logo: assets/Logo.svg") }, expect: [
        "content/councils/exby/council.yml:4:34: fel: det finns ingen fil 'assets/Logo.svg' i kommunens mapp: filen i councils/exby/assets/ heter 'logo.svg' [missing-asset]\n  obs: skriv namnet med samma stora och små bokstäver som filen: på en webbserver är 'Logo.svg' och 'logo.svg' två olika filer",
    ]),
    BrokenCase("e-mail addresses mistyped", {
        try $0.replace(council, "email: sakerhet@exby.example", with: "email: sakerhet.exby.example")
        try $0.append(council, "accessibility:\n  status: helt\n  feedback_email: \"mailto:webb@exby.example\"\n  assessed: 2026-01-10\n")
    }, expect: [
        "content/councils/exby/council.yml:10:12: fel: e-postadressen 'sakerhet.exby.example' ser inte ut som en e-postadress: den saknar @ [bad-email]",
        "content/councils/exby/council.yml:14:19: fel: e-postadressen 'mailto:webb@exby.example' ser inte ut som en e-postadress: skriv adressen utan 'mailto:' [bad-email]",
    ]),
    BrokenCase("theme colour without quotes, read as a comment", { try $0.replace(council, "theme: { color: \"#1d4f73\", logo: assets/logo.svg }", with: "theme:\n  color: #1d4f73\n  logo: assets/logo.svg") }, expect: [
        "content/councils/exby/council.yml:5:3: varning: 'color' är tom; skriv färgen inom citattecken, till exempel color: \"#1d4f73\" (utan citattecken läses # som början på en kommentar) [bad-value]",
    ]),
    BrokenCase("text left from rutinbok new routine", {
        try $0.replace(lokalt, "summary: Säkerhet vid sammanträden.", with: "summary: \"En mening om vad rutinen är till för.\"")
        try $0.append(lokalt, "\n## Gör så här\n\n1. Första steget.\n2. Andra steget.\n\nFörsta steget. är inte ensamt på raden här.\n")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:3:10: fel: rutinen har kvar texten 'En mening om vad rutinen är till för.' som 'rutinbok new routine' skrev; byt den mot rutinens egen text [unfinished-routine]",
        "content/councils/exby/routines/lokalt.md:14:4: fel: rutinen har kvar texten 'Första steget.' som 'rutinbok new routine' skrev; byt den mot rutinens egen text [unfinished-routine]",
        "content/councils/exby/routines/lokalt.md:15:4: fel: rutinen har kvar texten 'Andra steget.' som 'rutinbok new routine' skrev; byt den mot rutinens egen text [unfinished-routine]",
    ]),
    BrokenCase("acute_routine names no routine there is", { try $0.append(site, "acute_routine: hotat\n") }, expect: [
        "content/site.yml:13:16: varning: det finns ingen rutin 'hotat'; rutan med 112 länkar därför inte till någon rutin [unknown-routine]\n  obs: menade du 'hotad'?\n  obs: rutinerna i routines/: anmalan, hotad, utbildning",
    ]),
    BrokenCase("acute_routine names a routine that is internal everywhere", {
        try $0.append(site, "acute_routine: hotad\n")
        try $0.replace(hotad, "order: 10", with: "order: 10\naccess: internal")
    }, expect: [
        "content/site.yml:13:16: varning: rutinen 'hotad' är intern överallt ('access: internal'); rutan med 112 i den offentliga handboken länkar därför inte till den [unknown-routine]",
    ]),
    BrokenCase("quick_contacts names no contact there is", { try $0.append(site, "quick_contacts: [samordnare, samordnaren]\n") }, expect: [
        "content/site.yml:13:30: varning: ingen kommun eller grupp har en kontakt 'samordnaren'; den visas därför inte på någon startsida [unknown-contact]\n  obs: menade du 'samordnare'?\n  obs: kontakter: hr, samordnare",
    ]),
    BrokenCase("out_of_hours naming a contact the handbook does not have", {
        try $0.replace(council, "    verified: 2026-01-15\n", with: "    out_of_hours: { contact: samordnaren }\n    verified: 2026-01-15\n")
    }, expect: [
        "content/councils/exby/council.yml:11:30: fel: det finns ingen kontakt 'samordnaren'; kontakten visar därför inte vem man ringer utanför kontorstid [unknown-contact]\n  obs: menade du 'samordnare'?",
    ]),
    BrokenCase("out_of_hours naming the contact itself", {
        try $0.replace(council, "    verified: 2026-01-15\n", with: "    out_of_hours: { contact: samordnare }\n    verified: 2026-01-15\n")
    }, expect: [
        "content/councils/exby/council.yml:11:30: fel: 'out_of_hours' hänvisar till kontakten själv; kontakten visar därför inte vem man ringer utanför kontorstid [unknown-contact]\n  obs: skriv id:t för kontakten som svarar utanför kontorstid, till exempel en tjänsteperson i beredskap",
    ]),
    BrokenCase("out_of_hours as a mapping without 'contact'", {
        try $0.replace(council, "    verified: 2026-01-15\n", with: "    out_of_hours: { kontakt: tib }\n    verified: 2026-01-15\n")
    }, expect: [
        "content/councils/exby/council.yml:11:21: fel: 'contact' saknas (id:t för kontakten att ringa utanför kontorstid, till exempel 'tib'); här står 'kontakt', som nog ska vara 'contact' [missing-key]",
    ]),
    BrokenCase("a council's quick_contacts names a contact it does not have", {
        try $0.replace(council, "group: grannar\n", with: "group: grannar\nquick_contacts: [samordnare, tib]\n")
    }, expect: [
        "content/councils/exby/council.yml:4:30: varning: det finns ingen kontakt 'tib' i Exby kommun; rutan Vem du ringer på startsidan visar därför någon annan [unknown-contact]\n  obs: kontakter: hr, samordnare",
    ]),
    // A group's list is checked in each member's handbook and said once, naming them.
    BrokenCase("a group's quick_contacts names a contact its councils do not have", {
        try $0.replace("content/groups/grannar/group.yml", "description: En gemensam handbok.\n", with: "description: En gemensam handbok.\nquick_contacts: [hr, samordnaren]\n")
        try $0.write("content/councils/yby/council.yml", try $0.read(council).replacingOccurrences(of: "Exby", with: "Yby"))
        try $0.write("content/councils/yby/assets/logo.svg", try $0.read("content/councils/exby/assets/logo.svg"))
    }, expect: [
        "content/groups/grannar/group.yml:3:22: varning: det finns ingen kontakt 'samordnaren' i handboken; rutan Vem du ringer på startsidan visar därför någon annan [unknown-contact]\n  obs: menade du 'samordnare'?\n  obs: i 2 handböcker: Exby kommun, Yby kommun",
    ]),
    BrokenCase("a council's own text older than the group's it replaces", {
        let text = try $0.read(hotad)
        try $0.write("content/groups/grannar/routines/hotad.md", text.replacingOccurrences(of: "reviewed: 2026-01-15", with: "reviewed: 2026-03-01"))
        try $0.write("content/councils/exby/routines/hotad.md", text.replacingOccurrences(of: "reviewed: 2026-01-15", with: "reviewed: 2026-02-01"))
    }, expect: [
        "content/councils/exby/routines/hotad.md:8:11: varning: Samverkan Grannar har granskat sin version av rutinen igen 2026-03-01, efter er version (2026-02-01); se vad som har ändrats och granska er version [group-text-newer]\n  obs: jämför med content/groups/grannar/routines/hotad.md",
    ]),
    BrokenCase("group members that do not match the councils' group:", {
        try $0.replace("content/groups/grannar/group.yml", "description: En gemensam handbok.\n", with: "description: En gemensam handbok.\nmembers: [exbi, nyby]\n")
    }, expect: [
        "content/councils/exby/council.yml:3:8: varning: Exby kommun har 'group: grannar', men 'exby' saknas under 'members' i gruppens group.yml [group-members]\n  obs: lägg till 'exby' under 'members' i groups/grannar/group.yml",
        "content/groups/grannar/group.yml:3:11: varning: 'members' nämner 'exbi', men det finns ingen kommun eller region 'exbi' [group-members]\n  obs: menade du 'exby'?\n  obs: kommuner och regioner: exby",
        "content/groups/grannar/group.yml:3:17: varning: 'members' nämner 'nyby', men det finns ingen kommun eller region 'nyby' [group-members]\n  obs: kommuner och regioner: exby",
    ]),
    BrokenCase("a group's members written as an empty list", {
        try $0.replace("content/groups/grannar/group.yml", "description: En gemensam handbok.\n", with: "description: En gemensam handbok.\nmembers: []\n")
    }, expect: [
        "content/councils/exby/council.yml:3:8: varning: Exby kommun har 'group: grannar', men 'exby' saknas under 'members' i gruppens group.yml [group-members]\n  obs: lägg till 'exby' under 'members' i groups/grannar/group.yml",
    ]),
    BrokenCase("a group no council joins", {
        try $0.write("content/groups/tomma/group.yml", "name: Tomma gruppen\n")
    }, expect: [
        "content/groups/tomma/group.yml:1:1: varning: ingen kommun har 'group: tomma' i sin council.yml: gruppens rutiner och kontakter finns inte i någon handbok, och rutinerna kontrolleras inte förrän en kommun går med [group-members]\n  obs: en kommun går med genom att skriva 'group: tomma' i sin council.yml",
    ]),
    BrokenCase("a group's settings under another file name", {
        try $0.write("content/groups/grannar/group.yaml", try $0.read("content/groups/grannar/group.yml"))
        try $0.remove("content/groups/grannar/group.yml")
    }, expect: [
        "content/groups/grannar: fel: gruppens mapp har ingen group.yml [missing-file]\n  obs: byt namn på 'group.yaml' till group.yml: bara det namnet läses",
    ]),
    BrokenCase("a key without its colon", {
        try $0.replace("content/groups/grannar/group.yml", "name: Samverkan Grannar", with: "name Samverkan Grannar")
    }, expect: [
        "content/groups/grannar/group.yml:1:1: fel: raden saknar ':' efter nyckeln; skriv 'name: Samverkan Grannar' [yaml-syntax]\n  obs: utan ':' läser YAML raden som början på en text som fortsätter på nästa rad\n  obs: YAML-läsarens beskrivning (på engelska): \"mapping values are not allowed in this context\" på rad 2, kolumn 12",
    ]),
    BrokenCase("site.yml missing", { try $0.remove(site) }, expect: [
        "content/site.yml: fel: site.yml saknas: den anger handbokens delar, målgrupperna och de nationella numren [missing-file]",
    ]),
    BrokenCase("site.yml without phases", {
        let text = try $0.read(site)
        let phases = try #require(text.range(of: "phases:"))
        let after = try #require(text.range(of: "audiences:"))
        try $0.write(site, String(text[..<phases.lowerBound]) + String(text[after.lowerBound...]))
    }, expect: [
        "content/site.yml:1:1: fel: site.yml behöver minst en del under 'phases' [missing-key]",
    ]),
    BrokenCase("site.yml without audiences", {
        let text = try $0.read(site)
        let audiences = try #require(text.range(of: "audiences:"))
        let after = try #require(text.range(of: "national_numbers:"))
        try $0.write(site, String(text[..<audiences.lowerBound]) + String(text[after.lowerBound...]))
    }, expect: [
        "content/site.yml:1:1: fel: rutinerna nämner målgrupper (alla), men site.yml har inga under 'audiences' [unknown-audience]\n  obs: skriv målgrupperna i site.yml, till exempel audiences: [{ id: alla, label: alla förtroendevalda }]",
    ]),
    BrokenCase("council.yml missing", { try $0.remove(council) }, expect: [
        "content/councils/exby: fel: kommunens mapp har ingen council.yml [missing-file]",
    ]),
    BrokenCase("council.yml under another file name", {
        try $0.write("content/councils/exby/Council.yml", try $0.read(council))
        try $0.remove(council)
    }, expect: [
        "content/councils/exby: fel: kommunens mapp har ingen council.yml [missing-file]\n  obs: byt namn på 'Council.yml' till council.yml: bara det namnet läses",
    ]),
    BrokenCase("accessibility fully compliant, with shortcomings", {
        try $0.append(council, "accessibility:\n  status: helt\n  shortcomings: [Filmerna saknar undertexter.]\n  feedback_email: tillganglighet@exby.example\n  assessed: 2026-05-04\n")
    }, expect: [
        "content/councils/exby/council.yml:13:11: fel: tillgänglighetsredogörelsen säger 'helt' men räknar upp brister under 'shortcomings'; skriv 'status: delvis' så länge bristerna finns kvar [accessibility-incomplete]",
    ]),
    BrokenCase("a council's address that is no web address", { try $0.append(council, "address: www.exby.example/handbok\n") }, expect: [
        "content/councils/exby/council.yml:12:10: fel: 'address' ska vara webbadressen där kommunen publicerar sin handbok, till exempel https://www.exempelby.example/handbok/, men här står 'www.exby.example/handbok' [bad-value]",
    ]),
    BrokenCase("a template that is a link out of the theme's folder", {
        try $0.remove("templates/footer.mustache")
        try $0.symlink("templates/footer.mustache", to: $0.url("content/site.yml").path)
    }, expect: [
        "templates/footer.mustache: fel: filen är en länk som leder utanför mappen templates; kopiera in filen i stället [symlink-outside]",
    ]),
    BrokenCase("accessibility fully compliant, with a disproportionate burden", {
        try $0.append(council, "accessibility:\n  status: helt\n  disproportionate_burden: [Kartan.]\n  feedback_email: tillganglighet@exby.example\n  assessed: 2026-05-04\n")
    }, expect: [
        "content/councils/exby/council.yml:13:11: fel: tillgänglighetsredogörelsen säger 'helt' men räknar upp brister under 'disproportionate_burden'; skriv 'status: delvis' så länge bristerna finns kvar [accessibility-incomplete]",
    ]),
    BrokenCase("accessibility assessed more than a year ago", {
        try $0.append(council, "accessibility:\n  status: helt\n  feedback_email: tillganglighet@exby.example\n  assessed: 2025-05-31\n")
    }, expect: [
        "content/councils/exby/council.yml:15:13: varning: tillgänglighetsredogörelsen bedömdes senast 2025-05-31, för mer än 12 månader sedan; gå igenom webbplatsen igen och uppdatera redogörelsen och 'assessed' [accessibility-overdue]",
    ]),
    BrokenCase("accessibility assessed a year ago to the day", {
        try $0.append(council, "accessibility:\n  status: helt\n  feedback_email: tillganglighet@exby.example\n  assessed: 2025-06-01\n")
        // Something to report, so that the case says something: the statement is in time.
        try $0.replace(hotad, "order: 10", with: "order: först")
    }, expect: [
        "content/routines/hotad.md:5:8: fel: 'order' ska vara ett heltal, men här står värdet 'först' [yaml-type]",
    ]),
    BrokenCase("the portal's accessibility statement, assessed long ago and with an unknown key", {
        try $0.append(site, "accessibility:\n  status: helt\n  feedback_email: tillganglighet@forbundet.example\n  assessed: 2025-01-10\n  granskad_av: Byrån\n")
    }, expect: [
        "content/site.yml:16:13: varning: tillgänglighetsredogörelsen bedömdes senast 2025-01-10, för mer än 12 månader sedan; gå igenom webbplatsen igen och uppdatera redogörelsen och 'assessed' [accessibility-overdue]",
        "content/site.yml:17:3: varning: okänd nyckel 'granskad_av' [unknown-key]\n  obs: nycklar som läses här: assessed, audited_by, disproportionate_burden, feedback_email, out_of_scope, shortcomings, status, updated",
    ]),
    BrokenCase("site.yml's address is not a web address", { try $0.append(site, "address: rutiner.exempel.example\n") }, expect: [
        "content/site.yml:13:10: fel: 'address' ska vara webbadressen där utdatamappen publiceras, till exempel https://rutiner.exempel.example/, men här står 'rutiner.exempel.example' [bad-value]",
    ]),
    // Written into robots.txt line by line: a line break would add rules of its own (security audit).
    BrokenCase("site.yml's address with a line break", { try $0.append(site, "address: \"https://rutiner.exempel.example/\\nDisallow: /\"\n") }, expect: [
        "content/site.yml:13:10: fel: 'address' ska vara webbadressen där utdatamappen publiceras, till exempel https://rutiner.exempel.example/, men här står 'https://rutiner.exempel.example/\nDisallow: /' [bad-value]",
    ]),
    BrokenCase("a routine named like the page for a missing address", { try $0.write("content/routines/404.md", try $0.read(utbildning)) }, expect: [
        "content/routines/404.md: fel: '404' är namnet på en inbyggd sida; ge rutinen ett annat filnamn [reserved-id]",
    ]),
    // What a reader who cannot see the page, or hears its links listed, would miss.
    BrokenCase("an image without a description", { try $0.append(lokalt, "\n![](assets/logo.svg)\n") }, expect: [
        "content/councils/exby/routines/lokalt.md:12:1: varning: bilden 'assets/logo.svg' har ingen text som säger vad den visar, för den som inte ser bilden [image-alt]\n  obs: skriv det inom hakparenteserna: ![Karta över vägen till sessionssalen](assets/logo.svg)",
    ]),
    BrokenCase("a link that says 'här'", { try $0.replace(lokalt, "[utbildningen](utbildning.md)", with: "[Klicka här.](utbildning.md)") }, expect: [
        "content/councils/exby/routines/lokalt.md:10:4: varning: länktexten 'Klicka här.' säger inte vart länken leder [link-text]\n  obs: skriv vad läsaren hittar där, till exempel 'Polisens sida om att anmäla brott' i stället för 'här'; en skärmläsare kan läsa upp sidans länkar utan texten runt dem",
    ]),
    BrokenCase("a heading level skipped", {
        try $0.replace(hotad, "## Dokumentera", with: "### Dokumentera")
        try $0.append(hotad, "\n## Efteråt\n\n#### Stöd\n\nPrata med någon.\n\n### Samtal\n\nRing.\n")
    }, expect: [
        "content/routines/hotad.md:13:1: varning: rubriken 'Dokumentera' är skriven med ###, men ingen rubrik med ## står före den; skriv den med ## [heading-skip]\n  obs: en skärmläsare visar rubrikerna som en innehållsförteckning, och en nivå som saknas ser ut som en del som saknas",
        "content/routines/hotad.md:19:1: varning: rubriken 'Stöd' är skriven med ####, men rubriken före den har ##; skriv den med ### [heading-skip]\n  obs: en skärmläsare visar rubrikerna som en innehållsförteckning, och en nivå som saknas ser ut som en del som saknas",
    ]),
    // Former ids (`aliases`): each becomes a page at the old address.
    BrokenCase("former ids written wrong", {
        try $0.replace(hotad, "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\naliases: [gamla/hotad, Hotad Nu, hotad, index, '-', akut.html, akut]")
    }, expect: [
        "content/routines/hotad.md:9:11: fel: 'gamla/hotad' innehåller '/'; skriv bara rutinens gamla id, utan mapp [invalid-alias]",
        "content/routines/hotad.md:9:24: fel: 'Hotad Nu' är inte skrivet som ett id; skriv 'hotad-nu' [invalid-alias]",
        "content/routines/hotad.md:9:34: fel: 'hotad' är rutinens nuvarande id; ta bort det ur 'aliases' [invalid-alias]",
        "content/routines/hotad.md:9:41: fel: 'index' är namnet på en inbyggd sida och kan inte leda till en rutin [invalid-alias]",
        "content/routines/hotad.md:9:48: fel: '-' har inga bokstäver a–z eller siffror att göra ett id av [invalid-alias]",
    ]),
    BrokenCase("a former id that is another routine's id", {
        try $0.replace(hotad, "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\naliases: [anmalan]")
    }, expect: [
        "content/routines/hotad.md:9:11: fel: 'anmalan' kan inte vara ett tidigare namn på 'hotad': rutinen 'anmalan' finns (content/routines/anmalan.md) [alias-taken]\n  obs: en adress kan bara leda till en sida; ta bort 'anmalan' ur 'aliases' eller ge rutinen 'anmalan' ett annat namn\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("a council's own routine at a base routine's former id", {
        try $0.replace(hotad, "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\naliases: [lokalt]")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:1:1: varning: 'lokalt' är ett tidigare namn på 'hotad' (aliases i content/routines/hotad.md), men den här rutinen har det namnet; den behåller adressen lokalt.html [alias-taken]\n  obs: ska den ersätta 'hotad', döp om filen till 'hotad.md'; annars ge den ett annat namn, så leder den gamla adressen till 'hotad'",
    ]),
    BrokenCase("one former id for two routines", {
        try $0.replace(hotad, "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\naliases: [gammal]")
        try $0.replace(anmalan, "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\naliases:\n  - gammal")
    }, expect: [
        "content/routines/anmalan.md:10:5: fel: 'gammal' är redan ett tidigare namn på 'hotad' och kan inte leda till 'anmalan' också [alias-taken]\n  obs: en adress kan bara leda till en sida; ta bort 'gammal' ur 'aliases' i en av rutinerna\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("a link to a former id", {
        try $0.replace(hotad, "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\naliases: [akut]")
        try $0.replace(lokalt, "(utbildning.md)", with: "(akut.md#dokumentera)")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:10:4: fel: länken går till 'akut', men Exby kommun har ingen rutin med det id:t [broken-link]\n  obs: 'akut' är ett tidigare namn på 'hotad'; länka till 'hotad.md#dokumentera'",
    ]),
    // Positions: columns count scalars in table cells too, whatever the cell's own parse
    // added (a backslash before "1." or "-", one byte less for each `\|`).
    BrokenCase("links in table cells after letters of two bytes", {
        try $0.append(lokalt, """

            | Steg | Länk |
            |---|---|
            | åäö | [a](saknas.md) |
            | ö | 1. [b](saknas.md) |
            | ö | - ö [c](saknas.md) |
            | ö | ö \\| ö [d](saknas.md) |

            > | ö | Länk |
            > |---|---|
            > | ö | [e](saknas.md) |

            """)
    }, expect: [
        "content/councils/exby/routines/lokalt.md:14:9: fel: länken går till 'saknas', men Exby kommun har ingen rutin med det id:t [broken-link]\n  obs: rutiner i handboken: anmalan, hotad, lokalt, utbildning",
        "content/councils/exby/routines/lokalt.md:15:10: fel: länken går till 'saknas', men Exby kommun har ingen rutin med det id:t [broken-link]\n  obs: rutiner i handboken: anmalan, hotad, lokalt, utbildning",
        "content/councils/exby/routines/lokalt.md:16:11: fel: länken går till 'saknas', men Exby kommun har ingen rutin med det id:t [broken-link]\n  obs: rutiner i handboken: anmalan, hotad, lokalt, utbildning",
        "content/councils/exby/routines/lokalt.md:17:14: fel: länken går till 'saknas', men Exby kommun har ingen rutin med det id:t [broken-link]\n  obs: rutiner i handboken: anmalan, hotad, lokalt, utbildning",
        "content/councils/exby/routines/lokalt.md:21:9: fel: länken går till 'saknas', men Exby kommun har ingen rutin med det id:t [broken-link]\n  obs: rutiner i handboken: anmalan, hotad, lokalt, utbildning",
    ]),
    // YAML: a control character libyaml refuses, where it is.
    BrokenCase("a control character in council.yml and in front matter", {
        try $0.replace(council, "name: Anna Exempel", with: "name: Anna\u{1}Exempel")
        try $0.replace(hotad, "summary: Vad du gör direkt.", with: "summary: Vad du gör\u{1B}direkt.")
    }, expect: [
        "content/councils/exby/council.yml:8:15: fel: här står ett osynligt styrtecken (U+0001), och då går filen inte att läsa; ta bort det [yaml-syntax]\n  obs: tecknet syns inte i de flesta program; det kan följa med när text klistras in från ett annat program, så radera texten runt kolumnen och skriv den igen\n  obs: YAML-läsarens beskrivning (på engelska): \"control characters are not allowed\"",
        "content/routines/hotad.md:3:20: fel: här står ett osynligt styrtecken (U+001B), och då går filen inte att läsa; ta bort det [yaml-syntax]\n  obs: tecknet syns inte i de flesta program; det kan följa med när text klistras in från ett annat program, så radera texten runt kolumnen och skriv den igen\n  obs: YAML-läsarens beskrivning (på engelska): \"control characters are not allowed\"",
    ]),
    // Line breaks only libyaml sees: reported where they are, and no line after them is off by one.
    BrokenCase("a line separator, a paragraph separator and a next line in YAML", {
        try $0.replace(council, "name: Exby kommun", with: "name: Exby\u{2028} kommun")
        try $0.append(council, "populaton: 5000\n")
        try $0.replace(hotad, "title: Om du blir hotad", with: "title: Om du\u{2029}blir hotad")
        try $0.replace(hotad, "order: 10", with: "order: 10 # ordning\u{85}i listan")
        try $0.replace(hotad, "owner: samordnare", with: "ownr: samordnare")
    }, expect: [
        "content/councils/exby/council.yml:1:11: fel: här står ett osynligt tecken för radbrytning (U+2028), som YAML läser som en ny rad; ta bort det, eller skriv ett mellanslag i stället [yaml-syntax]\n  obs: tecknet syns inte i de flesta program; det följer ofta med när text klistras in från Word eller en PDF, så radera texten runt kolumnen och skriv den igen",
        "content/councils/exby/council.yml:12:1: varning: okänd nyckel 'populaton' [unknown-key]\n  obs: menade du 'population'?",
        "content/routines/hotad.md:2:13: fel: här står ett osynligt tecken för radbrytning (U+2029), som YAML läser som en ny rad; ta bort det, eller skriv ett mellanslag i stället [yaml-syntax]\n  obs: tecknet syns inte i de flesta program; det följer ofta med när text klistras in från Word eller en PDF, så radera texten runt kolumnen och skriv den igen",
        "content/routines/hotad.md:5:20: fel: här står ett osynligt tecken för radbrytning (U+0085), som YAML läser som en ny rad; ta bort det, eller skriv ett mellanslag i stället [yaml-syntax]\n  obs: tecknet syns inte i de flesta program; det följer ofta med när text klistras in från Word eller en PDF, så radera texten runt kolumnen och skriv den igen",
        "content/routines/hotad.md:7:1: fel: 'owner' saknas (kontakt-id för den som håller rutinen aktuell); här står 'ownr', som nog ska vara 'owner' [missing-key]",
    ]),
    BrokenCase("key written twice in braces", {
        try $0.replace(council, "theme: { color: \"#1d4f73\", logo: assets/logo.svg }", with: "theme: { color: \"#1d4f73\", logo: assets/logo.svg, \"color\": \"#000000\" }")
    }, expect: [
        "content/councils/exby/council.yml:4:51: fel: nyckeln 'color' står två gånger; behåll en av dem [duplicate-key]\n  obs: första gången på rad 4",
    ]),
    BrokenCase("key written twice in braces over two lines", {
        try $0.replace(council, "theme: { color: \"#1d4f73\", logo: assets/logo.svg }", with: "theme: { color: \"#1d4f73\",\n  logo: assets/logo.svg, color: \"#000000\" }")
    }, expect: [
        "content/councils/exby/council.yml:5:26: fel: nyckeln 'color' står två gånger; behåll en av dem [duplicate-key]\n  obs: första gången på rad 4",
    ]),
    BrokenCase("required keys written without a value", {
        try $0.replace(hotad, "reviewed: 2026-01-15", with: "reviewed: ~")
        try $0.replace(hotad, "owner: samordnare", with: "owner:")
    }, expect: [
        "content/routines/hotad.md:7:1: fel: 'owner' saknas (kontakt-id för den som håller rutinen aktuell) [missing-key]",
        "content/routines/hotad.md:8:11: fel: 'reviewed' saknas (dagen då rutinen senast granskades, ÅÅÅÅ-MM-DD) [missing-key]\n  obs: '~' betyder i YAML att värdet saknas",
    ]),
    // Messages that said something else than what was wrong.
    BrokenCase("a routine left out twice", { try $0.append(council, "exclude: [hotad, hotad]\n") }, expect: [
        "content/councils/exby/council.yml:12:18: varning: 'exclude' nämner 'hotad' två gånger; ta bort den ena [duplicate-exclude]",
    ]),
    BrokenCase("a negative order", { try $0.replace(hotad, "order: 10", with: "order: -5") }, expect: [
        "content/routines/hotad.md:5:8: fel: 'order' ska vara ett heltal, 0 eller större, men här står värdet '-5' [yaml-type]",
    ]),
    BrokenCase("true in quotes", { try $0.append(council, "allow_raw_html: \"true\"\n") }, expect: [
        "content/councils/exby/council.yml:12:17: fel: 'allow_raw_html' ska vara true eller false utan citattecken, men här står 'true' inom citattecken [yaml-type]\n  obs: skriv allow_raw_html: true; inom citattecken är det en text",
    ]),
    BrokenCase("a second YAML document in council.yml", { try $0.append(council, "---\nextra: 1\n") }, expect: [
        "content/councils/exby/council.yml:12:1: fel: en rad med bara '---' avslutar filen för YAML, så det som står efter den läses inte; ta bort raden [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"but found another document\" på rad 12, kolumn 1 (\"expected a single document in the stream\", från rad 1)",
    ]),
    BrokenCase("a document end marker in the middle of group.yml", { try $0.append("content/groups/grannar/group.yml", "...\nextra: 1\n") }, expect: [
        "content/groups/grannar/group.yml:8:1: fel: en rad med bara '...' avslutar filen för YAML, så det som står efter den läses inte; ta bort raden [yaml-syntax]\n  obs: YAML-läsarens beskrivning (på engelska): \"did not find expected <document start>\" på rad 9, kolumn 1",
    ]),
    BrokenCase("an anchor that folds to another", { try $0.replace(hotad, "#gor-sa-har", with: "#-1") }, expect: [
        "content/routines/hotad.md:15:36: fel: det finns ingen rubrik '-1' i anmalan.md [broken-anchor]\n  obs: rubriker i anmalan.md: gor-sa-har\n  obs: i handboken för Exby kommun",
    ]),
    BrokenCase("a control character in a link to an asset", { try $0.append(lokalt, "\nSe [loggan](assets/logo.svg%00).\n") }, expect: [
        "content/councils/exby/routines/lokalt.md:12:4: fel: länken 'assets/logo.svg%00' går till en fil som inte finns: councils/exby/assets/ har ingen 'logo.svg%00' [missing-asset]\n  obs: lägg filen i councils/exby/assets/",
    ]),
    // Said once, with what to do (command-messages).
    BrokenCase("a typo in quick_contacts beside an internal contact", {
        try $0.append(council, """
              livvakt:
                role: Livvakt
                phone: "070-000 00 03"
                verified: 2026-01-15
                access: internal
            quick_contacts: [samordnare, tibb]

            """)
    }, expect: [
        "content/councils/exby/council.yml:17:30: varning: det finns ingen kontakt 'tibb' i Exby kommun; rutan Vem du ringer på startsidan visar därför någon annan [unknown-contact]\n  obs: kontakter: hr, livvakt, samordnare",
    ]),
    BrokenCase("a public routine links to an internal one", {
        try $0.replace(utbildning, "reviewed: 2026-01-15", with: "reviewed: 2026-01-15\naccess: internal")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:10:4: fel: länken går till 'utbildning', som är intern och inte finns i den publicerade handboken för Exby kommun [broken-link]\n  obs: ta bort länken, eller gör den här rutinen intern också ('access: internal')",
    ]),
    BrokenCase("the acute routine excluded", {
        try $0.append(site, "acute_routine: hotad\n")
        try $0.append(council, "exclude: [hotad]\n")
    }, expect: [
        "content/councils/exby/council.yml:12:11: varning: 'exclude' nämner 'hotad', som rutan med 112 överst på varje sida länkar till ('acute_routine' i site.yml); länken 'Om du blir hotad' försvinner då ur rutan [exclude-acute]\n  obs: ta bort 'hotad' ur 'exclude'; vill ni ha en egen text, skriv i stället en egen version av rutinen i councils/exby/routines/hotad.md",
    ]),
    BrokenCase("links that lead nowhere: a folder, letters in a number, no address", {
        try $0.append(lokalt, "\nSe [blanketterna](assets/), [kartorna](assets/kartor/), ring [jouren](tel:070-abc) eller [ingen](tel:), mejla [oss](mailto:) eller [dem](mailto:info@exby?subject=Hot).\n")
        // Good ones: nothing to say.
        try $0.append(lokalt, "\nRing [samordnaren](tel:070-000%2000%2001) eller mejla [henne](mailto:sakerhet@exby.example,hr@exby.example?subject=Hot).\n")
    }, expect: [
        "content/councils/exby/routines/lokalt.md:12:4: varning: länken 'assets/' går till en mapp, inte till en fil, och leder därför ingenstans [link-folder]\n  obs: länka till en fil i mappen, till exempel 'assets/blankett.pdf'",
        "content/councils/exby/routines/lokalt.md:12:29: varning: länken 'assets/kartor/' går till en mapp, inte till en fil, och leder därför ingenstans [link-folder]\n  obs: länka till en fil i mappen, till exempel 'assets/blankett.pdf'",
        "content/councils/exby/routines/lokalt.md:12:62: varning: telefonnumret '070-abc' i länken 'tel:070-abc' innehåller bokstäver; skriv bara siffror, mellanslag och bindestreck [bad-phone]",
        "content/councils/exby/routines/lokalt.md:12:90: varning: länken 'tel:' har inget telefonnummer efter 'tel:' [bad-phone]\n  obs: skriv numret efter 'tel:', till exempel [112](tel:112)",
        "content/councils/exby/routines/lokalt.md:12:111: varning: länken 'mailto:' har ingen e-postadress efter 'mailto:' [bad-email]\n  obs: skriv adressen efter 'mailto:', till exempel mailto:namn@kommun.se, eller länka till en kontakt med kontakt:id",
        "content/councils/exby/routines/lokalt.md:12:132: varning: e-postadressen 'info@exby' i länken 'mailto:info@exby?subject=Hot' ser inte ut som en e-postadress: det som står efter @ är ingen domän (som kommun.se) [bad-email]",
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
        #expect(actual.contains { $0.contains(": fel: ") || $0.contains(": varning: ") }, "every case must produce a diagnostic")
    }

    /// A file's size is looked at before it is read: a routine of gigabytes (a sparse file, a
    /// disk image saved as `.md`) was read into memory whole, and only then refused, which took
    /// seconds per gigabyte, or all the memory there was.
    @Test func aFileOfGigabytesIsRefusedWithoutBeingRead() async throws {
        let workspace = try BrokenWorkspace()
        let handle = try FileHandle(forWritingTo: workspace.url("content/routines/utbildning.md"))
        try handle.truncate(atOffset: 2 << 30)
        try handle.close()
        // Reading the 2 GiB (zeros, from a sparse file) took ten seconds here, alone.
        let started = ContinuousClock.now
        guard case .failure(let problem) = SourceFiles(root: workspace.content).read("routines/utbildning.md") else {
            Issue.record("a file of 2 GiB was read")
            return
        }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(problem.code == "file-too-large")
        #expect(await workspace.check() == [
            "content/routines/utbildning.md: fel: filen är 2097152 kB; gränsen är 256 kB [file-too-large]\n  obs: en rutin är oftast några få kB: dela upp en lång rutin, och håll bilder och inklistrade dokument utanför texten",
        ])
    }

    /// `--council` naming a council whose council.yml does not load: its own problem is the
    /// report, not also "there is no council" for a folder that is there.
    @Test func aCouncilThatDoesNotLoadIsNotAlsoUnknown() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.replace("content/councils/exby/council.yml", "kind: kommun", with: "kind kommun")
        var options = workspace.options(today: BrokenWorkspace.defaultToday)
        options.councils = ["exby", "exbyy"]
        let codes = await Build.run(options, write: false).diagnostics.map(\.code)
        #expect(codes.contains("yaml-syntax"))
        #expect(codes.filter { $0 == "unknown-council" }.count == 1, "only 'exbyy', which has no folder: \(codes)")
        let reported = await Report.make(content: workspace.content, today: BrokenWorkspace.defaultToday, councils: ["exby", "exbyy"])
        let reportCodes = reported.1.map(\.code)
        #expect(reportCodes.contains("yaml-syntax"))
        #expect(reportCodes.filter { $0 == "unknown-council" }.count == 1, "report: only 'exbyy', which has no folder: \(reportCodes)")
    }

    /// `--council exby`: another council's files are not exby's to fix, so their problems
    /// (its council.yml, its routines) neither stop exby's build nor count under `--strict`;
    /// the base routines exby holds are still checked.
    @Test func anotherCouncilsRoutinesAreNotCheckedForTheChosenOne() async throws {
        let workspace = try BrokenWorkspace()
        try workspace.write("content/councils/yby/council.yml", """
            name: Yby kommun
            kind: kommun
            contacts:
              samordnare:
                role: Säkerhetssamordnare
                phone: "070-000 00 02"
                verified: 2026-01-15
            kidn: x

            """)
        try workspace.write("content/councils/yby/routines/gammal.md.txt", "x")
        try workspace.write("content/councils/yby/routines/eget.md", """
            ---
            title: Eget
            summary: Ybys egen rutin.
            phase: hanter
            owner: samordnare
            reviewed: 2026-01-15
            ---

            Text.

            """)
        func codes(_ councils: [String]) async -> [String] {
            var options = workspace.options()
            options.councils = councils
            return await Build.run(options, write: false).diagnostics.map(\.code)
        }
        #expect(await codes(["exby"]).isEmpty)
        #expect(await codes(["yby"]).sorted() == ["not-a-routine", "unknown-key", "unknown-phase"])
        #expect(await codes([]).sorted() == ["not-a-routine", "unknown-key", "unknown-phase"])
        try workspace.replace("content/routines/utbildning.md", "phase: forebygga", with: "phase: forebygg")
        #expect(await codes(["exby"]) == ["unknown-phase"], "a base routine is in exby's handbook")
        // A folder named so that it is no id is still the chosen council's: why it is missing is said.
        try workspace.move("content/councils/yby", to: "content/councils/Yby")
        #expect(await codes(["yby"]).sorted() == ["invalid-slug", "unknown-council", "unknown-phase"])
    }

    /// The last day in time (the last review or check plus its interval) is not yet past;
    /// the day after it is.
    @Test func theLastDayInTimeIsNotOverdue() async throws {
        let workspace = try BrokenWorkspace()
        // The contacts were checked 2026-01-15, every 6 months (site.yml).
        #expect(await workspace.check(today: Day("2026-07-15")!) == [])
        let dayAfterCheck = await workspace.check(today: Day("2026-07-16")!)
        #expect(dayAfterCheck.filter { $0.contains("[contact-overdue]") }.count == 2, "\(dayAfterCheck)")
        // The routines were reviewed 2026-01-15, every 12 months; the contacts checked since.
        try workspace.replace(council, "verified: 2026-01-15", with: "verified: 2026-12-01")
        try workspace.replace("content/groups/grannar/group.yml", "verified: 2026-01-15", with: "verified: 2026-12-01")
        #expect(await workspace.check(today: Day("2027-01-15")!) == [])
        let dayAfterReview = await workspace.check(today: Day("2027-01-16")!)
        #expect(dayAfterReview.filter { $0.contains("[review-overdue]") }.count == 4, "\(dayAfterReview)")
    }

    /// A routine reviewed today, or contact details checked today, is not dated in the future.
    @Test func todayIsNotInTheFuture() async throws {
        let workspace = try BrokenWorkspace()
        #expect(await workspace.check(today: Day("2026-01-15")!) == [], "every date in the fixture is 2026-01-15")
    }

    @Test func atLeastThirtyCases() {
        #expect(brokenCases.count >= 30)
    }
}
