import Foundation

/// `rutinbok adopt <council>/<id> --into <council>`: copies a routine file from one council
/// (or from a group, `<group>/<id>`) into another, recording where it came from. Works on the files, not on a loaded site, so
/// it also works while other content has errors.
public enum Adoption {
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var notes: [String]
        public var description: String { Diagnostic.text(message, notes: notes) }
    }

    public struct Outcome: Sendable {
        /// The file written.
        public var path: String
        /// Things to look at in the copy (the source was not marked `share`, owner ids …).
        public var notes: [String]
    }

    /// A source not written `<council>/<id>`. Written with capitals (`Exempelstad/…`, as
    /// the council's name is) or as the file (`…/sociala-medier.md`), it says which, with the
    /// command written right.
    static func malformed(_ source: String, parts: [String], target: String, content: String) -> Failure {
        let general = "rutinen ska skrivas '<kommun>/<rutin-id>', till exempel 'exempelstad/sociala-medier', men här står '\(source)'"
        guard parts.count == 2 else { return Failure(message: general, notes: []) }
        var (from, id) = (parts[0], parts[1])
        var how: [String] = []
        if id.lowercased().hasSuffix(".md") {
            id.removeLast(3)
            how.append("utan .md")
        }
        if from != from.lowercased() || id != id.lowercased() {
            (from, id) = (from.lowercased(), id.lowercased())
            how.insert("med små bokstäver", at: 0)
        }
        guard !how.isEmpty, Slug.isValid(from), Slug.isValid(id) else { return Failure(message: general, notes: []) }
        return Failure(message: "rutinen ska skrivas '<kommun>/<rutin-id>' \(how.joined(separator: " och ")): '\(from)/\(id)', inte '\(source)'",
                       notes: ["skriv: \(SuggestedCommand.make("adopt \(from)/\(id) --into \(target)", content: content))"])
    }

    /// `force`: adopt a routine its council keeps internal (`access: internal`), which is
    /// otherwise refused. `today`: the day `reviewed` is set to.
    public static func adopt(_ source: String, into target: String, content: String, force: Bool = false, today: Day = .today()) throws -> Outcome {
        let parts = source.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, Slug.isValid(parts[0]), Slug.isValid(parts[1]) else {
            throw malformed(source, parts: parts, target: target, content: content)
        }
        let (from, id) = (parts[0], parts[1])
        let files = FileManager.default
        let councilsFolder = (content as NSString).appendingPathComponent("councils")
        let groupsFolder = (content as NSString).appendingPathComponent("groups")
        func folders(_ folder: String, holding file: String) -> [String] {
            ((try? files.contentsOfDirectory(atPath: folder)) ?? []).filter { files.fileExists(atPath: "\(folder)/\($0)/\(file)") }
        }
        let councils = folders(councilsFolder, holding: "council.yml"), groups = folders(groupsFolder, holding: "group.yml")
        // A group takes an example for all its members, into its own routines/.
        let intoGroup = !councils.contains(target) && groups.contains(target)
        guard councils.contains(target) || intoGroup else {
            throw Failure(message: "det finns ingen kommun, region eller grupp '\(target)' i \(councilsFolder) eller \(groupsFolder)",
                          notes: Suggestions.note(for: target, among: councils + groups, listing: "kommuner, regioner och grupper"))
        }
        let fromGroup = !councils.contains(from) && groups.contains(from)
        guard councils.contains(from) || fromGroup else {
            throw Failure(message: "det finns ingen kommun, region eller grupp '\(from)'",
                          notes: Suggestions.note(for: from, among: councils + groups, listing: "kommuner, regioner och grupper"))
        }
        guard from != target else {
            throw Failure(message: "rutinen finns redan hos \(target); välj en annan kommun med --into", notes: [])
        }
        if fromGroup, memberGroup(of: target, councilsFolder: councilsFolder) == from {
            throw Failure(message: "\(target) ingår i gruppen \(from) och har redan gruppens rutiner", notes: [])
        }
        let sourceFolder = "\(fromGroup ? groupsFolder : councilsFolder)/\(from)/routines"
        let sourcePath = "\(sourceFolder)/\(id).md"
        guard let data = files.contents(atPath: sourcePath) else {
            if files.fileExists(atPath: (content as NSString).appendingPathComponent("routines/\(id).md")) {
                throw Failure(message: "'\(id)' är en grundrutin, som alla kommuner redan har",
                              notes: ["vill ni anpassa den: \(SuggestedCommand.make("new routine \(id) --council \(target) --from \(id)", content: content))"])
            }
            let ids = ((try? files.contentsOfDirectory(atPath: sourceFolder)) ?? []).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
            throw Failure(message: "\(from) har ingen rutin '\(id)' (ingen fil \(sourcePath))",
                          notes: Suggestions.note(for: id, among: ids, listing: "rutiner i \(from)"))
        }
        guard let text = String(data: data, encoding: .utf8), case .success(let front) = FrontMatter.split(text) else {
            throw Failure(message: "\(sourcePath) börjar inte med rutinens uppgifter mellan rader med '---'", notes: [])
        }
        let targetFolder = "\(intoGroup ? groupsFolder : councilsFolder)/\(target)/routines"
        let targetPath = "\(targetFolder)/\(id).md"
        guard !files.fileExists(atPath: targetPath) else {
            throw Failure(message: "\(targetPath) finns redan; ingenting skrevs",
                          notes: ["ta bort eller byt namn på den först om \(target) vill ha versionen från \(from) i stället"])
        }
        // Whose decision the source's `decided` is, by name: "Exempelstads kommuns beslut".
        let sourceFile = fromGroup ? "\(groupsFolder)/\(from)/group.yml" : "\(councilsFolder)/\(from)/council.yml"
        // People are named by their council's name in what is told them, ids only in paths.
        let fromName = yamlString("name", in: sourceFile) ?? from
        let targetName = yamlString("name", in: intoGroup ? "\(groupsFolder)/\(target)/group.yml" : "\(councilsFolder)/\(target)/council.yml") ?? target
        let decision = "\(SwedishGenitive.of(fromName)) beslut"
        let rewritten = rewrite(front.yaml, adoptedFrom: "\(from)/\(id)", decision: decision, today: today)
        // As the loader reads it, quoted too (`access: "internal"`), which the line scan misses.
        var parsed = (try? YAMLMapping.parse(front.yaml, file: sourcePath, lineOffset: 0).get())
        let isInternal = rewritten.internal || parsed?.string("access")?.lowercased() == "internal"
        if isInternal && !force {
            throw Failure(message: "\(fromName) har gjort '\(id)' intern ('access: internal'); den är inte ett exempel för andra kommuner",
                          notes: ["fråga \(fromName) först; har de sagt ja, kör kommandot igen med --force"])
        }
        let copy = "---\n\(rewritten.yaml)\n---\n\(front.body)"
        do {
            try files.createDirectory(atPath: targetFolder, withIntermediateDirectories: true)
            try Data(copy.utf8).write(to: URL(fileURLWithPath: targetPath), options: .withoutOverwriting)
        } catch {
            throw Failure(message: "\(targetPath) gick inte att skriva: \(error.localizedDescription)", notes: [])
        }
        var notes: [String] = []
        if files.fileExists(atPath: (content as NSString).appendingPathComponent("routines/\(id).md")) {
            notes.append("'\(id)' har samma id som en grundrutin: kopian ersätter grundrutinen i \(intoGroup ? "handböckerna för gruppens kommuner" : "handboken för \(targetName)")")
        }
        if !rewritten.shared { notes.append("\(fromName) har inte märkt '\(id)' med 'share: true'; fråga om det går bra att ni använder den") }
        notes.append(rewritten.decided
            ? "'reviewed' är satt till i dag, och raden 'decided' (\(decision)) har gjorts om till en kommentar, med # först; skriv in ert eget beslut när det finns"
            : "'reviewed' är satt till i dag; skriv in ert beslut under 'decided' när det finns")
        let settings = intoGroup ? "\(target)/group.yml (och medlemmarnas council.yml)" : "\(target)/council.yml"
        notes.append("jämför 'owner' och kontakterna i texten med kontakterna i \(settings), och kör sedan '\(SuggestedCommand.make("check", content: content))'")
        return Outcome(path: targetPath, notes: notes)
    }

    /// The group a council's council.yml names, if any.
    private static func memberGroup(of council: String, councilsFolder: String) -> String? {
        yamlString("group", in: "\(councilsFolder)/\(council)/council.yml")
    }

    /// A top-level text of a YAML file, if the file parses and has it.
    private static func yamlString(_ key: String, in file: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              case .success(var yaml) = YAMLMapping.parse(text, file: file, lineOffset: 0) else { return nil }
        return yaml.string(key)
    }

    /// The front matter made the adopting council's: `share`, `aliases` and any earlier
    /// `adopted_from` dropped, `reviewed` set to `today` (the source's date is its council's review, not this
    /// one's), the source's `decided` commented out and named `decision` ("Exempelstads kommuns
    /// beslut"), a comment saying where it came from first
    /// and the new `adopted_from` last. Other lines stay as written. Also tells whether the
    /// source had `share: true`, `access: internal` and a `decided`.
    static func rewrite(_ yaml: String, adoptedFrom: String, decision: String, today: Day) -> (yaml: String, shared: Bool, internal: Bool, decided: Bool) {
        var lines: [Substring] = [Substring("# Hämtad från \(adoptedFrom). Anpassa texten; sätt reviewed: till dagen ni har granskat och beslutat den.")]
        var shared = false, isInternal = false, reviewed = false, decided = false
        // Inside a dropped key's block list (`aliases:` then `- id` lines).
        var droppingList = false
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let key = line.prefix { $0 != ":" }.trimmingCharacters(in: .whitespaces)
            let topLevel = !(line.first?.isWhitespace ?? true)
            let value = line.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
            if droppingList, !line.isEmpty, !topLevel || line.first == "-" { continue }
            droppingList = false
            guard topLevel else { lines.append(line); continue }
            switch key {
            case "share": shared = ["true", "yes", "on"].contains(value.lowercased())
            case "adopted_from": break
            // The source's former ids are addresses in its own handbook, not the adopting one's.
            case "aliases": droppingList = value.isEmpty
            case "reviewed":
                lines.append(Substring("reviewed: \(today)"))
                reviewed = true
            case "decided":
                lines.append(Substring("# \(line)   # \(decision); skriv ert eget"))
                decided = true
            default:
                if key == "access", value.lowercased().hasPrefix("internal") { isInternal = true }
                lines.append(line)
            }
        }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        if !reviewed { lines.append(Substring("reviewed: \(today)")) }
        lines.append(Substring("adopted_from: \(adoptedFrom)"))
        return (lines.joined(separator: "\n"), shared, isInternal, decided)
    }
}
