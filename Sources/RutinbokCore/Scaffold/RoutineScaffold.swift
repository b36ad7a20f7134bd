import Foundation

extension Scaffold {
    public struct RoutineRequest: Sendable {
        public var id: String
        public var council: String
        /// A routine to start from; nil for a blank routine.
        public var from: String?
        public var today: Day
        public init(id: String, council: String, from: String? = nil, today: Day = .today()) {
            self.id = id
            self.council = council
            self.from = from
            self.today = today
        }
    }

    /// `councils/<council>/routines/<id>.md`: a copy of the routine the council now inherits
    /// (its group's version if the group has one, else the base), or a blank routine.
    public static func routine(_ request: RoutineRequest, site: Site, contentDirectory: String) throws -> NewFile {
        try checkSlug(request.id, what: "rutinens id")
        if PageNames.reserved.contains(request.id) {
            throw Refusal("'\(request.id)' är namnet på en inbyggd sida; välj ett annat id")
        }
        guard let council = site.councils.first(where: { $0.slug == request.council }) else {
            let group = NoSuchCouncil.group(request.council, in: site)
            let create = "skapa den med: \(SuggestedCommand.make("new council \(request.council) --name … --kind kommun", content: contentDirectory))"
            throw Refusal(NoSuchCouncil.message(request.council, group: group),
                          notes: NoSuchCouncil.notes(request.council, group: group, councils: site.councils.map(\.slug))
                              + (group == nil ? [create] : []))
        }
        let path = "\(contentDirectory)/councils/\(council.slug)/routines/\(request.id).md"
        try refuseExisting(path)
        let group = council.group.flatMap { site.groups[$0.value] }
        let warnings = nearMiss(request, council: council, group: group, site: site, contentDirectory: contentDirectory)

        guard let from = request.from else {
            let text = BlankRoutine(id: request.id, council: council, group: group, config: site.config, today: request.today).text
            var steps = ["skriv rutinen i \(path)",
                         "se över title, summary, phase, owner och reviewed överst i filen; titeln är gjord av id:t, så skriv å, ä och ö där de ska vara"]
            // Blank, it still takes the place of the routine the council had under that id.
            let inherited = group?.routines.contains { $0.id == request.id } == true ? "samverkansgruppens rutin"
                : site.routines.contains { $0.id == request.id } ? "grundrutinen" : nil
            if let inherited {
                let copy = SuggestedCommand.make("new routine \(request.id) --council \(council.slug) --from \(request.id)", content: contentDirectory)
                steps.insert("den tomma rutinen ersätter \(inherited) '\(request.id)' i handboken för \(council.name); vill du utgå från dess text, ta bort filen och skriv: \(copy)", at: 0)
            }
            return NewFile(path: path, contents: text, nextSteps: steps, warnings: warnings)
        }
        let source = group?.routines.first { $0.id == from } ?? site.routines.first { $0.id == from }
        guard let source else {
            throw Refusal("det finns ingen grundrutin '\(from)'",
                          notes: Suggestions.note(for: from, among: site.routines.map(\.id), listing: "grundrutiner"))
        }
        // The loader names files by the content path it was given, so the path opens as it is.
        guard let original = try? String(contentsOfFile: source.location.file, encoding: .utf8) else {
            throw Refusal("\(source.location.file): rutinen att kopiera gick inte att läsa")
        }
        let text = Self.adapted(original, from: source, id: request.id, today: request.today)
        let meaning = request.id == from
            ? "den ersätter '\(from)' i handboken för \(council.name)"
            : "den är en ny rutin bredvid '\(from)'; ändra titeln så att läsarna kan skilja dem åt"
        return NewFile(path: path, contents: text, nextSteps: [
            "anpassa kopian i \(path): \(meaning)",
            "sätt reviewed: till dagen ni har granskat och beslutat den"], warnings: warnings)
    }

    /// An id that replaces nothing but is close to a base routine's (`sociala-medie`): the
    /// `override-unknown` warning `check` would give the file (`Resolver.checkAdditions`),
    /// said while the file is still easy to rename.
    static func nearMiss(_ request: RoutineRequest, council: Council, group: Group?, site: Site, contentDirectory: String) -> [String] {
        let baseIDs = site.routines.map(\.id)
        guard !baseIDs.contains(request.id), group?.routines.contains(where: { $0.id == request.id }) != true,
              let guess = Suggestions.closest(to: request.id, in: baseIDs.sorted()) else { return [] }
        let command = SuggestedCommand.make("new routine \(guess) --council \(council.slug)\(request.from.map { " --from \($0)" } ?? "")",
                                            content: contentDirectory)
        return [Diagnostic.text("'\(request.id)' ersätter ingen grundrutin och läggs därför till som en ny rutin",
                                notes: ["ville du ersätta '\(guess)'? Ta i så fall bort filen och skriv: \(command)"])]
    }

    /// The source text with `reviewed:` set to today and a comment saying where it came from.
    static func adapted(_ text: String, from source: Routine, id: String, today: Day) -> String {
        var lines = text.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let close = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else { return text }
        let origin: String
        switch source.layer {
        case .group(let group): origin = "'\(source.id)' i gruppen \(group)"
        default: origin = "grundrutinen '\(source.id)'"
        }
        var replaced = false
        for index in 1..<close where lines[index].hasPrefix("reviewed:") {
            lines[index] = "reviewed: \(today)"
            replaced = true
        }
        if !replaced { lines.insert("reviewed: \(today)", at: close) }
        lines.insert("# Kopierad från \(origin). Anpassa texten; sätt reviewed: till dagen ni har granskat och beslutat den.", at: 1)
        return lines.joined(separator: "\n")
    }
}

/// A routine with every front matter key filled in or commented, for the editor to complete.
struct BlankRoutine {
    var id: String
    var council: Council
    var group: Group?
    var config: SiteConfig
    var today: Day

    var text: String {
        let contacts = council.contacts + (group?.contacts ?? [])
        let chosen = contacts.first { $0.id == "sakerhetssamordnare" } ?? contacts.first
        let owner = chosen?.id ?? "sakerhetssamordnare"
        let role = chosen?.role ?? "Säkerhetssamordnare"
        let phase = config.phases.first { $0.id == "forebygga" } ?? config.phases.first
        let audience = config.audiences.first { $0.id == "alla" } ?? config.audiences.first
        let words = id.split(separator: "-").joined(separator: " ")
        let title = words.prefix(1).uppercased() + words.dropFirst()
        let phases = config.phases.map(\.id).joined(separator: ", ")
        let audiences = config.audiences.map(\.id).joined(separator: ", ")
        return """
        ---
        title: \(Scaffold.quoted(title))
        summary: \(Scaffold.quoted(StandInTexts.summary))
        phase: \(phase?.id ?? "forebygga")        # en av: \(phases)
        order: 100                 # plats inom delen; lägre tal kommer först
        audience: [\(audience?.id ?? "alla")]           # en eller flera av: \(audiences)
        owner: \(owner)   # kontakt-id för den som håller rutinen aktuell
        reviewed: \(today)       # senast granskad, ÅÅÅÅ-MM-DD
        # decided: "Kommunstyrelsen ÅÅÅÅ-MM-DD § 00"   # var och när rutinen beslutades
        access: public             # public, eller internal för intranätet
        # review_interval_months: 12   # om rutinen ska ses över oftare eller mer sällan
        # share: true                  # erbjud rutinen som exempel för andra kommuner
        # adopted_from: kommun/rutin   # om rutinen är hämtad från en annan kommuns exempel
        # aliases: [gammalt-id]      # rutinens tidigare id:n, om filen har bytt namn
        ---

        \(StandInTexts.introduction)

        ## Gör så här

        1. \(StandInTexts.steps[0])
        2. \(StandInTexts.steps[1])

        ## Kontakt

        [\(role)](kontakt:\(owner))

        """
    }
}
