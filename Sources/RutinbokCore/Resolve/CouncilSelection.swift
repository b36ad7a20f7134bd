import Foundation

/// `--council` and `--group`: the handbooks a command was asked for.
enum CouncilSelection {
    /// The councils asked for: those named, and the members of the groups named (the councils
    /// whose council.yml says `group: <id>`). An error for a group there is not, or one no
    /// council has joined: the command then does nothing, rather than take every council.
    static func members(_ slugs: [String], groups: [String], site: Site) -> ([String], [Diagnostic]) {
        var chosen = slugs
        var problems: [Diagnostic] = []
        for id in groups {
            let members = site.councils(joining: id).map(\.slug)
            if site.groups[id] == nil && !site.unloadableGroups.contains(id) {
                let council = site.councils.contains { $0.slug == id }
                problems.append(.error(SourceLocation(file: "--group"), "det finns ingen grupp '\(id)'" + (council ? "; '\(id)' är en kommun eller region, som du väljer med --council" : ""),
                                       code: "unknown-group", notes: council ? [] : repeatOption("--group", id, each: "grupp")
                                           ?? Suggestions.note(for: id, among: site.groups.keys.sorted(), listing: "grupper i groups/")))
            } else if members.isEmpty && site.unloadableCouncils.isEmpty {
                problems.append(.error(SourceLocation(file: "--group"), "ingen kommun eller region har 'group: \(id)' i sin council.yml", code: "unknown-group"))
            }
            chosen += members.filter { !chosen.contains($0) }
        }
        return (chosen, problems)
    }

    /// What `report` and `redirects` read: the content loaded and resolved, with the handbooks
    /// of the councils asked for (every one without a choice). Nil when the content does not
    /// load, or a council or group asked for is not there: such a command then writes nothing,
    /// rather than something of the others. The problems are the chosen councils' (`scope`,
    /// which limits the command's own checks alike).
    static func handbooks(content: String, councils slugs: [String], groups: [String],
                          includeInternal: Bool) async -> ((site: Site, handbooks: [Handbook], scope: Scope)?, [Diagnostic]) {
        let content = FolderPath.canonical(content)
        let (loaded, loadProblems) = await ContentLoader.load(contentDirectory: content)
        guard let site = loaded else { return (nil, loadProblems) }
        let (chosen, groupProblems) = members(slugs, groups: groups, site: site)
        guard groupProblems.isEmpty else { return (nil, (loadProblems + groupProblems).normalized()) }
        var (handbooks, problems) = Resolver.resolve(site, options: .init(includeInternal: includeInternal))
        let scope = Scope(chosen, site: site, content: content)
        problems = scope.limit(problems + loadProblems)
        let selection = apply(chosen, to: &handbooks, site: site)
        guard selection.isEmpty else { return (nil, (problems + selection).normalized()) }
        return ((site, handbooks, scope), problems)
    }

    /// Several ids in one option (`--council strandby,exempelby`, or with spaces within
    /// quotes): the option is written once for each. Nil for one id.
    static func repeatOption(_ option: String, _ value: String, each: String) -> [String]? {
        let ids = value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init)
        guard ids.count > 1 else { return nil }
        return ["skriv \(option) en gång för varje \(each): " + ids.map { "\(option) \($0)" }.joined(separator: " ")]
    }

    /// Keeps the handbooks `slugs` names (all when it names none), with an error for a name
    /// that is no council (a group's id is said to be one). A council whose folder is there
    /// but did not load (`site.unloadableCouncils`) has had its problems reported already,
    /// and is not also called unknown.
    static func apply(_ slugs: [String], to handbooks: inout [Handbook], site: Site) -> [Diagnostic] {
        guard !slugs.isEmpty else { return [] }
        let known = handbooks.map(\.council.slug)
        let problems = slugs.filter { !known.contains($0) && !site.unloadableCouncils.contains($0) }.map { slug in
            let group = NoSuchCouncil.group(slug, in: site)
            return Diagnostic.error(SourceLocation(file: "--council"), NoSuchCouncil.message(slug, group: group), code: "unknown-council",
                                    notes: repeatOption("--council", slug, each: "kommun") ?? NoSuchCouncil.notes(slug, group: group, councils: known, offerGroupOption: true))
        }
        handbooks = handbooks.filter { slugs.contains($0.council.slug) }
        return problems
    }

    /// Which problems are the chosen councils' to fix (all when `slugs` names none): not
    /// those in another council's folder, in a group none of them belongs to, or found in a
    /// shared file in another council's handbook. The base routines, site.yml and the
    /// templates are every handbook's. A chosen council that did not load keeps every group.
    /// Made once per build from the loaded site; each stage's problems go through `limit`.
    struct Scope {
        /// Nil: every council was chosen.
        private let chosen: Set<String>?
        private let groups: Set<String>?
        /// The names of the councils not chosen, as a shared file's problem names its handbook.
        private let others: Set<String>
        private let councilsFolder: String
        private let groupsFolder: String

        init(_ slugs: [String], site: Site, content: String) {
            councilsFolder = (content as NSString).appendingPathComponent("councils") + "/"
            groupsFolder = (content as NSString).appendingPathComponent("groups") + "/"
            guard !slugs.isEmpty else {
                chosen = nil
                groups = nil
                others = []
                return
            }
            let chosen = Set(slugs)
            self.chosen = chosen
            groups = chosen.isDisjoint(with: site.unloadableCouncils)
                ? Set(site.councils.filter { chosen.contains($0.slug) }.compactMap { $0.group?.value }) : nil
            others = Set(site.councils.filter { !chosen.contains($0.slug) }.map(\.name))
        }

        func limit(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
            guard let chosen else { return diagnostics }
            return diagnostics.filter { diagnostic in
                if let handbook = diagnostic.handbook, others.contains(handbook) { return false }
                let file = diagnostic.location.file
                // A folder whose name is no id ("Exempelby") is the chosen council's when its id would be.
                if let slug = Self.folder(of: file, under: councilsFolder) { return chosen.contains(slug) || chosen.contains(Slug.make(slug)) }
                if let id = Self.folder(of: file, under: groupsFolder) { return groups?.contains(id) ?? true }
                return true
            }
        }

        private static func folder(of file: String, under root: String) -> String? {
            guard file.hasPrefix(root) else { return nil }
            return file.dropFirst(root.count).split(separator: "/", maxSplits: 1).first.map(String.init)
        }
    }
}
