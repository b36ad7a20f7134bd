import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore

/// The edits themselves. Each returns a line that says what it did, or nil when it found
/// nothing to do (then another is chosen); what each wrote is in `done`.
extension EditSequence {
    enum Edit: String, CaseIterable {
        case appendToRoutine, changeHeading, changeLink, addContactReference, changeFrontMatter
        case addRoutine, deleteRoutine, renameRoutine
        case editCouncil, editGroup, editSite, changeAddress
        case editAsset, editTemplate, editStylesheet, editTheme
        case addCouncil, deleteCouncil
        case sameSizeSameTime, touch, emptyFolder, swapRoutines, moveRoutine

        var weight: Int {
            switch self {
            case .appendToRoutine, .changeFrontMatter, .editCouncil: return 8
            case .changeHeading, .changeLink, .addContactReference, .addRoutine: return 5
            case .deleteRoutine, .editSite, .editAsset, .editGroup, .sameSizeSameTime: return 4
            case .editTemplate, .editStylesheet, .editTheme, .addCouncil: return 3
            case .deleteCouncil, .renameRoutine, .touch, .changeAddress: return 2
            case .emptyFolder, .swapRoutines, .moveRoutine: return 1
            }
        }
    }

    /// One random edit; tries others until one applies.
    mutating func randomEdit() -> String {
        let table = Edit.allCases.flatMap { Array(repeating: $0, count: $0.weight) }
        while true {
            let edit = pick(table)!
            if let said = apply(edit) { return said }
        }
    }

    mutating func apply(_ edit: Edit) -> String? {
        switch edit {
        case .appendToRoutine: return appendToRoutine()
        case .changeHeading: return changeHeading()
        case .changeLink: return changeLink()
        case .addContactReference: return addContactReference()
        case .changeFrontMatter: return changeFrontMatter()
        case .addRoutine: return addRoutine()
        case .deleteRoutine: return deleteRoutine()
        case .renameRoutine: return renameRoutine()
        case .editCouncil: return editCouncil()
        case .editGroup: return editGroup()
        case .editSite: return editSite()
        case .changeAddress: return changeAddress()
        case .editAsset: return editAsset()
        case .editTemplate: return editTemplate()
        case .editStylesheet: return editStylesheet()
        case .editTheme: return editTheme()
        case .addCouncil: return addCouncil()
        case .deleteCouncil: return deleteCouncil()
        case .sameSizeSameTime: return sameSizeSameTime()
        case .touch: return touch()
        case .emptyFolder: return emptyFolder()
        case .swapRoutines: return swapRoutines()
        case .moveRoutine: return moveRoutine()
        }
    }

    // MARK: Routine bodies

    /// A block of Markdown for a routine in `file`: text, a heading, a link (with an anchor),
    /// a contact, a checklist, a callout or a table.
    mutating func block(for file: String) -> String {
        switch int(0...7) {
        case 0: return "## \(words(1...3).capitalized)\n\n\(sentence())"
        case 1: return "## \(words(1...2).capitalized) {#egen-\(next())}\n\n\(sentence())"
        case 2, 3: return "\(sentence()) Läs [\(words(1...2))](\(linkTarget(from: file))). \(sentence())"
        case 4: return contactReference()
        case 5: return "- [ ] \(words(2...4))\n- [x] \(words(2...4))"
        case 6: return "> [!\(pick(["VIKTIGT", "TIPS", "OBS"])!)]\n> \(sentence())"
        default: return "| Vad | Vem |\n| :-- | --: |\n| \(words(1...2)) | \(words(1...2)) |"
        }
    }

    /// `id.md`, `id.md#anchor` or `#anchor`, to a routine the file may link to.
    mutating func linkTarget(from file: String) -> String {
        let folder = (file as NSString).deletingLastPathComponent
        if chance(0.15), let anchor = pick(anchors(of: file)) { return "#\(anchor)" }
        let id = pick(linkTargets(from: file)) ?? "akut"
        let target = exists("\(folder)/\(id).md") ? "\(folder)/\(id).md" : "content/routines/\(id).md"
        if chance(0.4), let anchor = pick(anchors(of: target)) { return "\(id).md#\(anchor)" }
        return "\(id).md"
    }

    mutating func contactReference() -> String {
        let id = chance(0.9) ? "samordnare" : "namndsekreterare"
        return chance(0.5) ? "Ring [\(words(1...1))](kontakt:\(id)) vid behov." : "[Kontakt](kontakt:\(id))"
    }

    mutating func appendToRoutine() -> String? {
        guard let file = pick(routineFiles), let text = read(file) else { return nil }
        save(file, text + "\n" + block(for: file) + "\n")
        return "appended to \(file)"
    }

    mutating func changeHeading() -> String? {
        guard let file = pick(routineFiles), let text = read(file) else { return nil }
        var lines = text.components(separatedBy: "\n")
        let headings = lines.indices.filter { lines[$0].hasPrefix("## ") }
        guard let index = pick(headings) else {
            save(file, text + "\n## \(words(1...3).capitalized)\n\n\(sentence())\n")
            return "added a heading to \(file)"
        }
        let old = lines[index]
        if old.contains("{#"), chance(0.5) {
            lines[index] = "## \(words(1...3).capitalized)" + old[old.range(of: " {#")!.lowerBound...]
        } else {
            lines[index] = "## \(words(1...3).capitalized)"
        }
        save(file, lines.joined(separator: "\n"))
        return "changed heading '\(old)' to '\(lines[index])' in \(file)"
    }

    mutating func changeLink() -> String? {
        let files = routineFiles.filter { read($0)?.contains(".md") == true || read($0)?.contains("](#") == true }
        guard let file = pick(files), let text = read(file) else { return nil }
        var links: [Range<String.Index>] = []
        var from = text.startIndex
        while let open = text.range(of: "](", range: from..<text.endIndex),
              let close = text.range(of: ")", range: open.upperBound..<text.endIndex) {
            let target = text[open.upperBound..<close.lowerBound]
            if target.contains(".md") || target.hasPrefix("#") { links.append(open.upperBound..<close.lowerBound) }
            from = close.upperBound
        }
        guard let range = pick(links) else { return nil }
        let old = String(text[range])
        let new = linkTarget(from: file)
        var changed = text
        changed.replaceSubrange(range, with: new)
        save(file, changed)
        return "changed link \(old) to \(new) in \(file)"
    }

    mutating func addContactReference() -> String? {
        guard let file = pick(routineFiles), let text = read(file) else { return nil }
        save(file, text + "\n" + contactReference() + "\n")
        return "added a contact reference to \(file)"
    }

    // MARK: Front matter

    mutating func changeFrontMatter() -> String? {
        guard let file = pick(routineFiles), let text = read(file) else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.indices.dropFirst().first(where: { lines[$0] == "---" }) else { return nil }
        func set(_ key: String, _ value: String?) {
            if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix("\(key):") }) {
                if let value { lines[index] = "\(key): \(value)" } else { lines.remove(at: index) }
            } else if let value {
                lines.insert("\(key): \(value)", at: end)
            }
        }
        let said: String
        switch int(0...11) {
        case 11:
            // Former ids: mostly names no routine has, now and then one a routine has.
            let pool = ["gammal-rutin", "tidigare-namn", "akut-lage"] + (chance(0.1) ? routineFiles.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } : [])
            let aliases: String? = chance(0.3) ? nil : "[\(Array(Set((0..<int(1...2)).compactMap { _ in pick(pool) })).sorted().joined(separator: ", "))]"
            set("aliases", aliases); said = "aliases: \(aliases ?? "(none)")"
        case 8:
            // An adopted copy names its source council's (or group's) routine; the page shows its name.
            let sources = councils.flatMap { council in routineIDs(in: "content/councils/\(council)").map { "\(council)/\($0)" } }
                + groups.flatMap { group in routineIDs(in: "content/groups/\(group)").map { "\(group)/\($0)" } }
            let source: String? = chance(0.25) ? nil : pick(sources)
            set("adopted_from", source); said = "adopted_from: \(source ?? "(none)")"
        case 9: let share: String? = pick(["true", "false", nil])!; set("share", share); said = "share: \(share ?? "(none)")"
        case 10:
            let decided: String? = chance(0.3) ? nil : "\"Kommunstyrelsen \(day()) § \(int(1...99))\""
            set("decided", decided); said = "decided: \(decided ?? "(none)")"
        case 0: let title = words(1...3).capitalized; set("title", title); said = "title: \(title)"
        case 1: let summary = sentence(); set("summary", summary); said = "summary: \(summary)"
        case 2: let phase = pick(siteIDs("phases")) ?? "hantera"; set("phase", phase); said = "phase: \(phase)"
        case 3:
            let audience = chance(0.3) ? "[]" : "[\(Array(Set([pick(siteIDs("audiences")) ?? "alla", "alla"])).sorted().joined(separator: ", "))]"
            set("audience", audience); said = "audience: \(audience)"
        case 4:
            let access: String? = pick(["internal", "public", nil])!
            set("access", access); said = "access: \(access ?? "(none)")"
        case 5: let reviewed = day(); set("reviewed", reviewed); said = "reviewed: \(reviewed)"
        case 6:
            let months: String? = pick(["6", "24", nil])!
            set("review_interval_months", months); said = "review_interval_months: \(months ?? "(none)")"
        default: let order = "\(int(1...60))"; set("order", order); said = "order: \(order)"
        }
        save(file, lines.joined(separator: "\n"))
        return "changed \(said) in \(file)"
    }

    // MARK: Routines added, deleted, renamed

    mutating func routine(title: String, owner: String = "samordnare", isInternal: Bool = false, body: String) -> String {
        var lines = ["---", "title: \(title)", "summary: \(sentence())", "phase: \(pick(siteIDs("phases")) ?? "hantera")",
                     "order: \(int(1...60))", "audience: [alla]", "owner: \(owner)", "reviewed: \(day())"]
        if isInternal { lines.append("access: internal") } else if chance(0.3) { lines.append("access: public") }
        return (lines + ["---", body, ""]).joined(separator: "\n")
    }

    mutating func addRoutine() -> String? {
        let folder: String
        switch int(0...4) {
        case 0: folder = "content"
        case 1: guard let group = pick(groups) else { return nil }; folder = "content/groups/\(group)"
        default: guard let council = pick(councils) else { return nil }; folder = "content/councils/\(council)"
        }
        // A new id, or (outside the base) one of the base's, which the routine then replaces.
        let overrides = folder != "content" && chance(0.4)
        guard let id = overrides ? pick(baseIDs.filter { !exists("\(folder)/routines/\($0).md") }) : "ny-\(next())" else { return nil }
        let file = "\(folder)/routines/\(id).md"
        var body = sentence()
        for _ in 0..<int(0...2) { body += "\n\n" + block(for: file) }
        save(file, routine(title: words(1...3).capitalized, isInternal: chance(0.15), body: body))
        return overrides ? "added \(file), replacing the base's" : "added \(file)"
    }

    mutating func deleteRoutine() -> String? {
        let files = routineFiles
        let added = files.filter { !Self.fixtureFiles.contains($0) }
        guard let file = chance(0.8) && !added.isEmpty ? pick(added) : pick(files) else { return nil }
        remove(file)
        return "deleted \(file)"
    }

    /// A council's or group's routine moved to another id (the page's address changes).
    mutating func renameRoutine() -> String? {
        let files = routineFiles.filter { !$0.hasPrefix("content/routines/") }
        guard let file = pick(files) else { return nil }
        let folder = (file as NSString).deletingLastPathComponent
        let new = "\(folder)/ny-\(next()).md"
        rename(path(file), path(new))
        done.append("renamed \(file) to \(new)")
        // As an editor who keeps the old address: the former id in the renamed file.
        if chance(0.5), let text = read(new), text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") {
            let old = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            save(new, String(text[..<end.lowerBound]) + "\naliases: [\(old)]" + String(text[end.lowerBound...]))
            done.append("kept \(old) as a former id of \(new)")
        }
        return "renamed \(file)"
    }

    /// Two routine files of one folder that swap names (unpacked from an archive, say).
    mutating func swapRoutines() -> String? {
        let folders = Array(Set(routineFiles.map { ($0 as NSString).deletingLastPathComponent })).sorted()
        guard let folder = pick(folders.filter { list($0).filter { $0.hasSuffix(".md") }.count >= 2 }) else { return nil }
        var names = list(folder).filter { $0.hasSuffix(".md") }
        names.shuffle(using: &rng)
        let a = path("\(folder)/\(names[0])"), b = path("\(folder)/\(names[1])")
        rename(a, a + ".tmp")
        rename(b, a)
        rename(a + ".tmp", b)
        done.append("swapped \(folder)/\(names[0]) and \(names[1])")
        return "swapped \(names[0]) and \(names[1]) in \(folder)"
    }

    /// A routine moved from one layer to another (a council's to its group, the base's to a
    /// council), keeping its id.
    mutating func moveRoutine() -> String? {
        guard let file = pick(routineFiles) else { return nil }
        let id = (file as NSString).lastPathComponent
        let folders = ["content/routines"] + groups.map { "content/groups/\($0)/routines" } + councils.map { "content/councils/\($0)/routines" }
        guard let target = pick(folders.filter { !exists("\($0)/\(id)") }) else { return nil }
        try? FileManager.default.createDirectory(atPath: path(target), withIntermediateDirectories: true)
        rename(path(file), path("\(target)/\(id)"))
        done.append("moved \(file) to \(target)/\(id)")
        return "moved \(file) to \(target)"
    }

    static let fixtureFiles: Set<String> = [
        "content/routines/akut.md", "content/routines/risk.md", "content/routines/extra.md",
        "content/groups/dalen/routines/risk.md", "content/councils/ana/routines/egen.md", "content/councils/ana/routines/hemlig.md",
    ]

    // MARK: council.yml, group.yml, site.yml

    mutating func contactBlock(_ id: String) -> [String] {
        var lines = ["  \(id):", "    role: \(words(1...2).capitalized)", "    name: \(pick(["Eva", "Olle", "Sara", "Nils"])!) \(pick(["Berg", "Lund", "Ek"])!)",
                     "    phone: \"070-000 \(int(10...99)) \(int(10...99))\""]
        if chance(0.5) { lines.append("    email: k\(next())@exempel.example") }
        if chance(0.3) { lines.append("    hours: Vardagar \(int(7...9))–\(int(15...17))") }
        if chance(0.7) { lines.append("    verified: \(day(from: 2025))") }
        if chance(0.15) { lines.append("    access: internal") }
        return lines
    }

    /// Adds, removes or changes a contact under `contacts:`.
    mutating func editContacts(_ lines: inout [String]) -> String {
        guard let start = lines.firstIndex(of: "contacts:") else {
            lines += ["contacts:"] + contactBlock("kontakt-\(next())")
            return "added contacts"
        }
        var end = start + 1
        while end < lines.count, lines[end].hasPrefix("  ") { end += 1 }
        let ids = (start + 1..<end).filter { lines[$0].hasPrefix("  ") && !lines[$0].hasPrefix("   ") }
        switch int(0...2) {
        case 0:
            let id = "kontakt-\(next())"
            lines.insert(contentsOf: contactBlock(id), at: start + 1)
            return "added contact \(id)"
        case 1:
            let removable = ids.filter { !lines[$0].contains("samordnare:") }
            guard let index = chance(0.9) ? pick(removable) : pick(ids) else { return editContacts(&lines) }
            var last = index + 1
            while last < end, lines[last].hasPrefix("    ") { last += 1 }
            let name = lines[index]
            lines.removeSubrange(index..<last)
            if !lines.indices.contains(start + 1) || !lines[start + 1].hasPrefix("  ") { lines.remove(at: start) }
            return "removed contact \(name.trimmingCharacters(in: .whitespaces))"
        default:
            let fields = (start + 1..<end).filter { lines[$0].hasPrefix("    name:") || lines[$0].hasPrefix("    phone:") || lines[$0].hasPrefix("    verified:")
                || lines[$0].hasPrefix("    hours:") || lines[$0].hasPrefix("    out_of_hours:") || lines[$0].hasPrefix("    email:") }
            guard let index = pick(fields) else { return editContacts(&lines) }
            if lines[index].hasPrefix("    hours:") {
                lines[index] = "    hours: Vardagar \(int(7...9))–\(int(15...17))"
            } else if lines[index].hasPrefix("    out_of_hours:") {
                lines[index] = "    out_of_hours: \(sentence())"
            } else if lines[index].hasPrefix("    email:") {
                lines[index] = "    email: \(words(1...1).folding(options: .diacriticInsensitive, locale: nil))\(next())@exempel.example"
            } else if lines[index].hasPrefix("    name:") {
                lines[index] = "    name: \(pick(["Eva", "Olle", "Sara", "Nils"])!) \(words(1...1).capitalized)"
            } else if lines[index].hasPrefix("    phone:") {
                lines[index] = "    phone: \"070-000 \(int(10...99)) \(int(10...99))\""
            } else {
                lines[index] = "    verified: \(day(from: 2025))"
            }
            return "changed \(lines[index].trimmingCharacters(in: .whitespaces))"
        }
    }

    /// Sets a top-level `key: value` line (removes it for nil), inserted after `after` when new.
    func setTop(_ lines: inout [String], _ key: String, _ value: String?, after: String = "kind:") {
        if let index = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) {
            if let value { lines[index] = "\(key): \(value)" } else { lines.remove(at: index) }
        } else if let value {
            let at = (lines.firstIndex { $0.hasPrefix(after) } ?? -1) + 1
            lines.insert("\(key): \(value)", at: at)
        }
    }

    mutating func editCouncil() -> String? {
        guard let council = pick(councils), let text = read("content/councils/\(council)/council.yml") else { return nil }
        var lines = text.components(separatedBy: "\n")
        let said: String
        switch int(0...11) {
        case 11:
            let quick: String? = pick(["[samordnare]", "[namndsekreterare, samordnare]", nil])!
            setTop(&lines, "quick_contacts", quick); said = "quick_contacts: \(quick ?? "(none)")"
        case 7:
            let raw: String? = pick(["true", "false", nil])!
            setTop(&lines, "allow_raw_html", raw); said = "allow_raw_html: \(raw ?? "(none)")"
        case 8:
            let kind = pick(["kommun", "region", "landsting"])!
            setTop(&lines, "kind", kind, after: "name:"); said = "kind: \(kind)"
        case 9:
            let website: String? = chance(0.3) ? nil : "https://www.\(council).example/\(words(1...1))"
            setTop(&lines, "website", website); said = "website: \(website ?? "(none)")"
        case 10:
            let population: String? = chance(0.3) ? nil : "\(int(1000...90000))"
            setTop(&lines, "population", population); said = "population: \(population ?? "(none)")"
        case 0:
            let name = "\(words(1...1).capitalized) kommun"
            setTop(&lines, "name", name); said = "name: \(name)"
        case 1:
            let color = pick(["\"#123456\"", "\"#1d4f73\"", "\"#5a2d0c\"", "\"#22543d\"", "\"#4a1d6b\"", "\"#333\""])!
            let logo = exists("content/councils/\(council)/assets/logo.svg") && chance(0.7) ? ", logo: assets/logo.svg" : ""
            setTop(&lines, "theme", "{ color: \(color)\(logo) }"); said = "theme: \(color)\(logo)"
        case 2:
            var ids = baseIDs
            ids.shuffle(using: &rng)
            let excluded = Array(ids.prefix(int(0...2))).sorted()
            setTop(&lines, "exclude", excluded.isEmpty ? nil : "[\(excluded.joined(separator: ", "))]")
            said = "exclude: \(excluded)"
        case 3:
            let group = chance(0.3) ? nil : pick(groups)
            setTop(&lines, "group", group); said = "group: \(group ?? "(none)")"
        case 4:
            let months: String? = pick(["6", "24", nil])!
            setTop(&lines, "review_interval_months", months); said = "review_interval_months: \(months ?? "(none)")"
        default:
            said = editContacts(&lines)
        }
        save("content/councils/\(council)/council.yml", lines.joined(separator: "\n"))
        return "changed \(council)'s council.yml: \(said)"
    }

    mutating func editGroup() -> String? {
        guard let group = pick(groups), let text = read("content/groups/\(group)/group.yml") else { return nil }
        var lines = text.components(separatedBy: "\n")
        let said: String
        switch int(0...4) {
        case 4:
            let quick: String? = pick(["[samordnare]", "[samordnare, namndsekreterare]", nil])!
            setTop(&lines, "quick_contacts", quick, after: "name:"); said = "quick_contacts: \(quick ?? "(none)")"
        case 0: let name = "Samverkan \(words(1...1).capitalized)"; setTop(&lines, "name", name, after: "name"); said = "name: \(name)"
        case 1: let description = sentence(); setTop(&lines, "description", description, after: "name:"); said = "description: \(description)"
        case 2:
            var members = councils
            members.shuffle(using: &rng)
            let chosen = Array(members.prefix(int(0...2))).sorted()
            setTop(&lines, "members", "[\(chosen.joined(separator: ", "))]", after: "description:"); said = "members: \(chosen)"
        default: said = editContacts(&lines)
        }
        save("content/groups/\(group)/group.yml", lines.joined(separator: "\n"))
        return "changed \(group)'s group.yml: \(said)"
    }

    /// Where the output is published (site.yml's `address`): the sitemap, robots.txt and the
    /// pages for a missing address follow it.
    mutating func changeAddress() -> String? {
        guard let text = read("content/site.yml") else { return nil }
        var lines = text.components(separatedBy: "\n")
        let said: String
        if let index = lines.firstIndex(where: { $0.hasPrefix("address:") }), chance(0.5) {
            lines.remove(at: index)
            said = "removed address"
        } else {
            let address = pick(["https://rutiner.exempel.example/", "https://www.kommun.example/rutiner/handbok/"])!
            setTop(&lines, "address", address)
            said = "address: \(address)"
        }
        save("content/site.yml", lines.joined(separator: "\n"))
        return "changed site.yml: \(said)"
    }

    mutating func editSite() -> String? {
        guard let text = read("content/site.yml") else { return nil }
        var lines = text.components(separatedBy: "\n")
        func insert(_ line: String, inSection section: String) {
            guard var index = lines.firstIndex(of: "\(section):") else { return }
            index += 1
            while index < lines.count, lines[index].hasPrefix("  ") { index += 1 }
            lines.insert(line, at: index)
        }
        let said: String
        switch int(0...11) {
        case 9:
            if let index = lines.firstIndex(of: "publisher:") {
                lines.removeSubrange(index...index + 2); said = "removed publisher"
            } else {
                lines.insert(contentsOf: ["publisher:", "  name: \(words(1...1).capitalized)förbundet", "  email: info@forbund.example"], at: 2)
                said = "added publisher"
            }
        case 10:
            let threshold: String? = pick(["40", "55", nil])!
            if let index = lines.firstIndex(where: { $0.hasPrefix("  lix_threshold:") }) { lines.remove(at: index) }
            if let threshold, let index = lines.firstIndex(of: "defaults:") { lines.insert("  lix_threshold: \(threshold)", at: index + 1) }
            said = "lix_threshold: \(threshold ?? "(none)")"
        case 11:
            guard let index = lines.firstIndex(where: { $0.hasPrefix("  verify_interval_months:") }) else { return nil }
            lines[index] = "  verify_interval_months: \(pick(["3", "6", "12"])!)"; said = lines[index]
        case 0: let title = "Handbok \(words(1...2))"; setTop(&lines, "title", title); said = "title: \(title)"
        case 1: let description = sentence(); setTop(&lines, "description", description); said = "description: \(description)"
        case 2:
            if let index = lines.firstIndex(where: { $0.contains("id: efterat") }) {
                lines.remove(at: index); said = "removed phase efterat"
            } else {
                insert("  - { id: efterat, label: Efteråt }", inSection: "phases"); said = "added phase efterat"
            }
        case 3:
            guard let index = lines.firstIndex(where: { $0.hasPrefix("  - { id: forebygga") }) else { return nil }
            lines[index] = "  - { id: forebygga, label: \(words(1...1).capitalized) }"; said = lines[index]
        case 4:
            if let index = lines.firstIndex(where: { $0.contains("id: ledamot") }) {
                lines.remove(at: index); said = "removed audience ledamot"
            } else {
                insert("  - { id: ledamot, label: Ledamöter }", inSection: "audiences"); said = "added audience ledamot"
            }
        case 5:
            guard let index = lines.firstIndex(where: { $0.contains("id: polisen") }) else { return nil }
            lines[index] = "  - { id: polisen, label: Polisen, number: \"114 14\", description: \(sentence()) }"; said = lines[index]
        case 6:
            let quick = pick(["[samordnare]", "[namndsekreterare, samordnare]", "[samordnare, namndsekreterare]"])!
            setTop(&lines, "quick_contacts", quick); said = "quick_contacts: \(quick)"
        case 7:
            let acute = pick(["akut", "risk"])!
            setTop(&lines, "acute_routine", acute); said = "acute_routine: \(acute)"
        default:
            guard let index = lines.firstIndex(where: { $0.hasPrefix("  review_interval_months:") }) else { return nil }
            lines[index] = "  review_interval_months: \(pick(["6", "12", "24"])!)"; said = lines[index]
        }
        save("content/site.yml", lines.joined(separator: "\n"))
        return "changed site.yml: \(said)"
    }

    // MARK: Assets and the theme

    mutating func editAsset() -> String? {
        guard let council = pick(councils) else { return nil }
        let folder = "content/councils/\(council)/assets"
        let files = IncrementalWorkspace.files(path(folder)).map { "\(folder)/\($0)" }
        switch int(0...4) {
        case 0:
            let file = "\(folder)/\(pick(["", "bilder/"])!)blankett-\(next()).\(pick(["pdf", "png"])!)"
            save(file, "%PDF-1.4 \(words(1...3))\n")
            return "added \(file)"
        case 1:
            guard let file = pick(files) else { return nil }
            if file.hasSuffix(".svg") {
                save(file, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(int(8...20))\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n")
            } else {
                save(file, (read(file) ?? "") + "\(words(1...2))\n")
            }
            return "changed \(file)"
        case 2:
            guard let file = pick(files) else { return nil }
            remove(file)
            return "deleted \(file)"
        default:
            // A link to a file of the assets from a routine of the council's own (public or internal).
            let routines = routineIDs(in: "content/councils/\(council)").map { "content/councils/\(council)/routines/\($0).md" }
            guard let file = pick(files), let routine = pick(routines), let text = read(routine) else { return nil }
            let link = String(file.dropFirst("content/councils/\(council)/".count))
            save(routine, text + "\nFyll i [\(words(1...1))](\(link)).\n")
            return "linked \(link) from \(routine)"
        }
    }

    mutating func editTemplate() -> String? {
        let names = IncrementalWorkspace.files(templates).filter { $0.hasSuffix(".mustache") }
        guard let name = pick(names), let text = read("templates/\(name)") else { return nil }
        let file = "templates/\(name)"
        if let range = text.range(of: "<!-- mall ") , chance(0.5), let end = text.range(of: " -->\n", range: range.upperBound..<text.endIndex) {
            var changed = text
            changed.removeSubrange(range.lowerBound..<end.upperBound)
            save(file, changed)
            return "removed a comment from \(file)"
        }
        if name == "print.mustache", chance(0.3) {
            // A print template that shows the routines twice: its sections cannot be told apart.
            save(file, text + "{{#routines}}<p>{{title}}</p>{{/routines}}\n")
            return "\(file) shows the routines twice"
        }
        save(file, text + "<!-- mall \(next()) -->\n")
        return "added a comment to \(file)"
    }

    mutating func editStylesheet() -> String? {
        switch int(0...2) {
        case 0:
            guard let text = read("templates/assets/style.css") else { return nil }
            save("templates/assets/style.css", text + "p{margin:\(int(0...9))px}\n")
            return "changed style.css"
        case 1:
            let file = "templates/assets/extra-\(next()).css"
            save(file, "h1{color:#\(int(100...999))}\n")
            return "added \(file)"
        default:
            guard let name = pick(list("templates/assets").filter { $0.hasPrefix("extra-") }) else { return nil }
            remove("templates/assets/\(name)")
            return "deleted templates/assets/\(name)"
        }
    }

    // MARK: Whole councils

    mutating func addCouncil() -> String? {
        let slug = "kommun-\(next())"
        let folder = "content/councils/\(slug)"
        var lines = ["name: \(words(1...1).capitalized)by kommun", "kind: \(pick(["kommun", "region"])!)"]
        if chance(0.4), let group = pick(groups) { lines.append("group: \(group)") }
        let logo = chance(0.4)
        lines.append("theme: { color: \"#1d4f73\"\(logo ? ", logo: assets/logo.svg" : "") }")
        lines += ["contacts:", "  samordnare:", "    role: Säkerhetssamordnare", "    name: Sara Ny", "    phone: \"070-000 11 \(int(10...99))\"", "    verified: 2026-09-01"]
        save("\(folder)/council.yml", lines.joined(separator: "\n") + "\n")
        if logo { save("\(folder)/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n") }
        for _ in 0..<int(0...2) {
            let id = chance(0.4) ? (pick(baseIDs) ?? "ny-\(next())") : "ny-\(next())"
            save("\(folder)/routines/\(id).md", routine(title: words(1...3).capitalized, isInternal: chance(0.15), body: sentence()))
        }
        return "added council \(slug)"
    }

    mutating func deleteCouncil() -> String? {
        let all = councils
        guard all.count > 1 else { return nil }
        let added = all.filter { $0 != "ana" && $0 != "bro" }
        guard let council = chance(0.8) && !added.isEmpty ? pick(added) : pick(all) else { return nil }
        remove("content/councils/\(council)")
        return "deleted council \(council)"
    }

    // MARK: Saves that change no size or modification time

    /// One letter changed in a word of plain text, written in place, and the file given back
    /// its modification time: size and mtime as before, only the change time (ctime) moved.
    mutating func sameSizeSameTime() -> String? {
        let files = routineFiles + councils.map { "content/councils/\($0)/council.yml" } + ["templates/routine.mustache"]
        guard let file = pick(files), let text = read(file) else { return nil }
        var lines = text.components(separatedBy: "\n")
        let candidates = lines.indices.filter { index in
            let line = lines[index]
            return (line.hasPrefix("title: ") || line.hasPrefix("summary: ") || line.hasPrefix("name: ")
                    || (!line.isEmpty && line.first!.isLetter && !line.contains("[") && !line.contains("(") && !line.contains(":") && !line.contains("{")))
                && line.contains { "abcdefghijklmnoprstuv".contains($0) }
        }
        guard let index = pick(candidates) else { return nil }
        var characters = Array(lines[index])
        let start = lines[index].hasPrefix("title: ") || lines[index].hasPrefix("name: ") || lines[index].hasPrefix("summary: ") ? characters.firstIndex(of: " ")! + 1 : 0
        let letters = characters.indices.filter { $0 >= start && "abcdefghijklmnoprstuv".contains(characters[$0]) }
        guard let at = pick(letters) else { return nil }
        let old = characters[at]
        characters[at] = old == "e" ? "a" : "e"
        lines[index] = String(characters)
        var before = stat()
        stat(path(file), &before)
        let changed = lines.joined(separator: "\n")
        guard let handle = FileHandle(forWritingAtPath: path(file)) else { return nil }
        handle.write(Data(changed.utf8))
        try? handle.close()
        var times = [before.st_atim, before.st_mtim]
        _ = utimensat(AT_FDCWD, path(file), &times, 0)
        done.append("wrote \(file) in place, same size and mtime")
        return "changed one '\(old)' in '\(lines[index])' in \(file), same size and mtime"
    }

    /// A council's folder made before anything is saved in it: no file changed, but a
    /// clean build refuses it.
    mutating func emptyFolder() -> String? {
        let folder = "content/councils/tom-\(next())"
        try? FileManager.default.createDirectory(atPath: path(folder), withIntermediateDirectories: true)
        done.append("made the empty folder \(folder)")
        return "made the empty folder \(folder)"
    }

    /// The same bytes saved again.
    mutating func touch() -> String? {
        let files = routineFiles + councils.map { "content/councils/\($0)/council.yml" } + ["content/site.yml"]
        guard let file = pick(files), let text = read(file) else { return nil }
        save(file, text)
        return "saved \(file) again unchanged"
    }
}
