import Foundation

extension Scaffold {
    public struct CouncilRequest: Sendable {
        public var slug: String
        public var name: String
        public var kind: Council.Kind
        public var group: String?
        public init(slug: String, name: String, kind: Council.Kind, group: String? = nil) {
            self.slug = slug
            self.name = name
            self.kind = kind
            self.group = group
        }
    }

    /// `councils/<slug>/council.yml` with every contact the council's handbook will refer to.
    /// `site` is the content as loaded now; `contentDirectory` is where it was loaded from.
    public static func council(_ request: CouncilRequest, site: Site, contentDirectory: String) throws -> NewFile {
        try checkSlug(request.slug, what: "kommunens id")
        // The portal keeps its own folders (assets/, andringar/) beside the council folders.
        guard !PageNames.reservedCouncilSlugs.contains(request.slug) else {
            throw Refusal("'\(request.slug)' är namnet på en mapp som portalen använder; välj ett annat id")
        }
        let folder = "\(contentDirectory)/councils/\(request.slug)"
        try refuseExisting("\(folder)/council.yml")
        if let other = site.councils.first(where: { $0.slug == request.slug }) {
            throw Refusal("det finns redan en kommun '\(request.slug)' (\(other.name))")
        }
        let name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw Refusal("--name får inte vara tomt: skriv kommunens namn, till exempel 'Nyby kommun'") }

        var routines = Dictionary(site.routines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var group: Group?
        if let id = request.group {
            guard let found = site.groups[id] else {
                throw Refusal("det finns ingen grupp '\(id)'", notes: Suggestions.note(for: id, among: site.groups.keys.sorted(), listing: "grupper"))
            }
            group = found
            for routine in found.routines { routines[routine.id] = routine }
        }
        let needed = ReferencedContacts.find(in: Array(routines.values), site: site)
        let fromGroup = Set(group?.contacts.map(\.id) ?? [])
        let text = CouncilYAML(name: name, kind: request.kind, group: group,
                               contacts: needed.filter { !fromGroup.contains($0.id) && Slug.isValid($0.id) },
                               inherited: needed.filter { fromGroup.contains($0.id) }.map(\.id)).text
        var next = ["fyll i kontakterna i \(folder)/council.yml (minst ett telefonnummer eller en e-postadress för varje kontakt)",
                    "lägg kommunens logotyp i \(folder)/assets/ och skriv filnamnet efter 'logo:' under 'theme:' i council.yml",
                    "fyll i tillgänglighetsredogörelsen under 'accessibility:' i council.yml: vilka brister webbplatsen har och när ni bedömde den",
                    "förhandsvisa handboken: \(SuggestedCommand.make("serve", content: contentDirectory)), och öppna sedan http://127.0.0.1:8080/\(request.slug)/"]
        if let group, let id = request.group, !(group.members ?? []).contains(where: { $0.value == request.slug }) { next.insert("lägg till '\(request.slug)' under members: i groups/\(id)/group.yml (\(group.name))", at: 1) }
        return NewFile(path: "\(folder)/council.yml", contents: text, nextSteps: next)
    }
}

/// The text of a new council.yml, with Swedish comments for the editor who fills it in.
struct CouncilYAML {
    var name: String
    var kind: Council.Kind
    var group: Group?
    var contacts: [ReferencedContacts.Entry]
    var inherited: [String]

    var text: String {
        var lines = [
            "# Inställningar för \(name). Handboken byggs av grundrutinerna och det du skriver här.",
            "# Fyll i det som står tomt. Rader som börjar med # är kommentarer och syns inte i handboken.",
            "# Hela formatet beskrivs i docs/guide/ (kapitlet om kommunens inställningar).",
            "",
            "name: \(Scaffold.quoted(name))",
            "kind: \(kind.rawValue)                    # kommun eller region",
        ]
        if let group { lines.append("group: \(group.id)                   # \(group.name): ni delar gruppens rutiner och kontakter") }
        lines += [
            "# population: 10000            # antal invånare (valfritt; visas inte på sidorna)",
            "",
            "# Er färg och logotyp: ta bort '#' framför de tre raderna och fyll i.",
            "# theme:",
            "#   color: \"#1d4f73\"            # er färg, skriven \"#rrggbb\" inom citattecken; vit text på den måste gå att läsa",
            "#   logo: assets/logo.svg       # lägg filen i kommunens mapp assets/",
            "",
            "# Grundrutiner som inte gäller hos er, med sina id (filnamnet utan .md), till exempel [trygghetsbesok].",
            "exclude: []",
            "",
            "# Hur ofta rutinerna och kontaktuppgifterna ska ses över, i månader. Utan dem gäller site.yml.",
            "# review_interval_months: 12",
            "# verify_interval_months: 6",
            "",
            "# Kontakter. Rutinerna hänvisar till id:na nedan, som ansvarig (owner:) eller med länkar",
            "# [text](kontakt:id). Behåll id:na och fyll i resten. Ange minst telefon eller e-post.",
            "# Skriv telefonnummer inom citattecken: \"070-123 45 67\".",
            "# verified: dagen då du senast kontrollerade uppgifterna, ÅÅÅÅ-MM-DD.",
        ]
        if !inherited.isEmpty, let group {
            lines.append("# Från \(group.name) får ni redan: \(inherited.joined(separator: ", ")).")
            lines.append("# Skriv en av dem här bara om ni vill ersätta gruppens uppgifter.")
        }
        if contacts.isEmpty {
            lines.append("contacts: {}")
        } else {
            lines.append("contacts:")
            for contact in contacts {
                lines.append("  \(contact.id):")
                lines.append("    # \(Self.usage(contact.routines))")
                lines += [
                    "    role: \(Scaffold.quoted(contact.role))",
                    "    name:",
                    "    phone:",
                    "    email:",
                    "    hours:                     # till exempel Vardagar 08.00–16.30",
                    "    out_of_hours:              # vem man når utanför kontorstid",
                    "    verified:",
                ]
            }
        }
        lines += [
            "",
            "# Tillgänglighetsredogörelse, som lagen om tillgänglighet till digital offentlig service kräver.",
            "accessibility:",
            "  status: delvis               # helt, delvis eller inte: hur väl webbplatsen uppfyller kraven",
            "  shortcomings: []             # kända brister, en per rad: - \"Logotypen saknar textbeskrivning.\"",
            "  # disproportionate_burden: [] # det som vore oskäligt betungande att åtgärda, med skälen",
            "  # out_of_scope: []            # innehåll som lagen inte gäller, till exempel andras blanketter",
            "  feedback_email:              # dit läsare skriver om något inte går att läsa",
            "  assessed:                    # när ni senast granskade tillgängligheten, ÅÅÅÅ-MM-DD",
            "  # updated:                   # när ni senast ändrade redogörelsen, om det var efter granskningen",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func usage(_ routines: [String]) -> String {
        if routines.isEmpty { return "Visas på startsidan, i rutan Vem du ringer när något har hänt (quick_contacts i site.yml)." }
        let shown = routines.prefix(4).joined(separator: ", ")
        let more = routines.count > 4 ? " och \(routines.count - 4) till" : ""
        return "Används i \(shown)\(more)."
    }
}
