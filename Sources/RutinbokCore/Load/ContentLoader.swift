import Foundation

/// The load stage: reads `content/` into a `Site` and the problems found on the way.
public enum ContentLoader {
    public static func load(contentDirectory: String) async -> (Site?, [Diagnostic]) {
        await load(contentDirectory: contentDirectory, cache: nil)
    }

    /// With a `cache`, files whose text it has are not parsed again (see `LoadCache`); with
    /// `councilCache`, council folders whose files did not change are not read at all (`CouncilCache`).
    static func load(contentDirectory: String, cache: LoadCache?, councilCache: CouncilCache? = nil) async -> (Site?, [Diagnostic]) {
        let files = SourceFiles(root: contentDirectory)
        guard files.isDirectory("") else {
            let absolute = URL(fileURLWithPath: contentDirectory).standardizedFileURL.path
            return (nil, [.error(SourceLocation(file: contentDirectory), "innehållsmappen finns inte", code: "no-content",
                                 notes: ["letade efter \(absolute)", "ange innehållets mapp med --content, eller kör kommandot i mappen där content/ ligger"])])
        }
        var diagnostics: [Diagnostic] = []
        guard case .success(let siteText) = read("site.yml", files, &diagnostics) else {
            if !files.isPresent("site.yml") {
                diagnostics.append(.error(SourceLocation(file: files.displayPath("site.yml")), "site.yml saknas: den anger handbokens delar, målgrupperna och de nationella numren", code: "missing-file"))
            }
            return (nil, diagnostics)
        }
        let (config, configProblems) = SiteConfigLoader.load(siteText, file: files.displayPath("site.yml"))
        diagnostics += configProblems

        // The base routines and the groups load beside the councils: none depends on another.
        let baseLoad = Task { loadRoutines(in: "routines", layer: .base, files, cache) }
        let groupsLoad = Task { loadGroups(files, cache) }

        for folder in ["councils", "groups"] {
            if let problem = files.folderProblem(folder) { diagnostics.append(problem) }
        }
        let slugs = files.list("councils").filter { files.isDirectory("councils/\($0)") }
        let councils = await withTaskGroup(of: (Int, Council?, [String], [Diagnostic]).self) { tasks in
            for (index, slug) in slugs.enumerated() {
                tasks.addTask {
                    var problems: [Diagnostic] = []
                    var ids: [String] = []
                    let council = loadCouncil(slug, files, cache, councilCache, &ids, &problems)
                    return (index, council, ids, problems)
                }
            }
            var results: [(Int, Council?, [String], [Diagnostic])] = []
            for await result in tasks { results.append(result) }
            return results.sorted { $0.0 < $1.0 }
        }
        let (routines, routineProblems) = await baseLoad.value
        diagnostics += routineProblems
        // Ids of every routine file seen, to tell which did not load (see `Site.unloadable`).
        var fileIDs = routines.fileIDs
        let (groups, groupFolders, groupIDs, groupProblems) = await groupsLoad.value
        fileIDs += groupIDs
        diagnostics += groupProblems
        for (_, _, ids, problems) in councils {
            fileIDs += ids
            diagnostics += problems
        }
        if slugs.isEmpty {
            diagnostics.append(.warning(SourceLocation(file: files.displayPath("councils")), "det finns inga kommuner: lägg till en mapp councils/<id>/ med en council.yml", code: "no-councils"))
        }
        var site = Site(config: config, routines: routines.routines, groups: groups, councils: councils.compactMap(\.1))
        site.unloadable = unloadableIDs(site, fileIDs: fileIDs)
        site.unloadableCouncils = Set(slugs).subtracting(site.councils.map(\.slug))
        // A group folder whose group.yml is missing or did not load has its own error: the group
        // exists, and councils that join it are not told it does not.
        site.unloadableGroups = Set(groupFolders).subtracting(groups.keys)
        return (site, diagnostics)
    }

    /// Every group folder: its group.yml and routines, with the ids of the folders (loaded or
    /// not) and of its routine files.
    private static func loadGroups(_ files: SourceFiles, _ cache: LoadCache?) -> ([String: Group], [String], [String], [Diagnostic]) {
        var groups: [String: Group] = [:]
        var fileIDs: [String] = []
        var diagnostics: [Diagnostic] = []
        let folders = files.list("groups").filter { files.isDirectory("groups/\($0)") }
        for id in folders {
            let directory = "groups/\(id)"
            if let problem = files.folderProblem(directory) {
                diagnostics.append(problem)
                continue
            }
            guard checkFolderName(id, directory, files, &diagnostics),
                  hasSettings("group.yml", in: directory, what: "gruppens", files, &diagnostics),
                  case .success(let text) = read("\(directory)/group.yml", files, &diagnostics) else { continue }
            let (group, problems) = LoadCache.group(cache, text, id: id, file: files.displayPath("\(directory)/group.yml"))
            diagnostics += problems
            guard var group else { continue }
            let (own, ownProblems) = loadRoutines(in: "\(directory)/routines", layer: .group(id), files, cache)
            group.routines = own.routines
            fileIDs += own.fileIDs
            diagnostics += ownProblems
            groups[id] = group
        }
        return (groups, folders, fileIDs, diagnostics)
    }

    private static func read(_ relative: String, _ files: SourceFiles, _ diagnostics: inout [Diagnostic]) -> Result<String, Diagnostic> {
        let result = files.read(relative)
        // A link that leads nowhere is there too: a routine the editor sees in the folder.
        if case .failure(let problem) = result, files.isPresent(relative) { diagnostics.append(problem) }
        return result
    }

    /// Folder names become parts of output paths, so only plain slugs are accepted.
    private static func checkFolderName(_ name: String, _ relative: String, _ files: SourceFiles, _ diagnostics: inout [Diagnostic]) -> Bool {
        guard Slug.isValid(name) else {
            diagnostics.append(.error(SourceLocation(file: files.displayPath(relative)), "mappnamnet '\(name)' får bara innehålla a–z, 0–9 och '-'; det blir en del av webbadressen", code: "invalid-slug",
                                      notes: Slug.make(name).isEmpty ? [] : ["byt namn till '\(Slug.make(name))'"]))
            return false
        }
        guard files.staysInside(relative) else {
            diagnostics.append(.error(SourceLocation(file: files.displayPath(relative)), "mappen är en länk som leder utanför innehållsmappen", code: "symlink-outside"))
            return false
        }
        return true
    }

    /// Whether a council's or group's folder has its settings file; an error if not, naming a
    /// file that looks meant for it (`council.yaml`, `Group.yml`, `group.yml.txt`).
    private static func hasSettings(_ name: String, in directory: String, what: String, _ files: SourceFiles,
                                    _ diagnostics: inout [Diagnostic]) -> Bool {
        guard !files.exists("\(directory)/\(name)") else { return true }
        let stem = name.prefix { $0 != "." }
        let lookalikes = files.list(directory).filter { $0.lowercased().hasPrefix(stem) && !files.isDirectory("\(directory)/\($0)") }
        diagnostics.append(.error(SourceLocation(file: files.displayPath(directory)), "\(what) mapp har ingen \(name)", code: "missing-file",
                                  notes: lookalikes.map { "byt namn på '\($0)' till \(name): bara det namnet läses" }))
        return false
    }

    /// `fileIDs` gets the ids of the council's routine files, loaded or not.
    private static func loadCouncil(_ slug: String, _ files: SourceFiles, _ cache: LoadCache?, _ councils: CouncilCache?,
                                    _ fileIDs: inout [String], _ diagnostics: inout [Diagnostic]) -> Council? {
        let directory = "councils/\(slug)"
        guard checkFolderName(slug, directory, files, &diagnostics) else { return nil }
        guard !PageNames.reservedCouncilSlugs.contains(slug) else {
            diagnostics.append(.error(SourceLocation(file: files.displayPath(directory)), "'\(slug)' är namnet på en mapp som portalen använder; ge kommunen ett annat mappnamn", code: "reserved-slug"))
            return nil
        }
        if let problem = files.folderProblem(directory) {
            diagnostics.append(problem)
            return nil
        }
        guard hasSettings("council.yml", in: directory, what: "kommunens", files, &diagnostics) else { return nil }
        if let cached = councils?.council(slug, files: files) {
            fileIDs = cached.fileIDs
            diagnostics += cached.diagnostics
            return cached.council
        }
        let before = diagnostics.count
        guard case .success(let text) = read("\(directory)/council.yml", files, &diagnostics) else { return nil }
        let (loaded, problems) = LoadCache.council(cache, text, slug: slug, directory: files.absolutePath(directory),
                                                        file: files.displayPath("\(directory)/council.yml"))
        diagnostics += problems
        guard var council = loaded else { return nil }
        let (routines, routineProblems) = loadRoutines(in: "\(directory)/routines", layer: .council(slug), files, cache)
        council.routines = routines.routines
        fileIDs = routines.fileIDs
        diagnostics += routineProblems
        // Windows' thumbnails and an editor's backups are no one's attachments: not published,
        // and no reason to stop the build.
        // A folder that cannot be listed would publish none of its files, each link to one
        // then said to be missing: said once, at the folder.
        if let problem = files.folderProblem("\(directory)/assets") {
            diagnostics.append(problem)
            council.assetsUnreadable = true
        }
        for asset in files.listRecursively("\(directory)/assets") where !Self.isLeftover((asset as NSString).lastPathComponent) {
            let relative = "\(directory)/assets/\(asset)"
            // A link out of assets/ would publish what it leads to: another council's files, or
            // this council's routines and settings, internal ones too.
            let location = SourceLocation(file: files.displayPath(relative))
            if let problem = AssetSafety.linkProblem(relative, in: files, folder: "\(directory)/assets", named: "kommunens mapp assets/")
                ?? AssetSafety.themeFolderProblem(with: asset, location: location)
                ?? AssetSafety.problem(with: asset, at: files.absolutePath(relative), location: location,
                                       allowActive: council.allowRawHTML) {
                diagnostics.append(problem)
                // A file that cannot be read is there all the same: the links to it are not
                // also missing.
                if problem.code == "unreadable" { council.assets.append(asset) }
            } else {
                council.assets.append(asset)
            }
        }
        councils?.loaded(.init(council: council, diagnostics: Array(diagnostics[before...]), fileIDs: fileIDs))
        return council
    }

    /// Ids of `*.md` files in the routines folders of the site, its groups and councils
    /// (`fileIDs`, gathered while loading them) that did not become a routine.
    private static func unloadableIDs(_ site: Site, fileIDs: [String]) -> Set<String> {
        var ids = Set(fileIDs)
        for routine in site.routines { ids.remove(routine.id) }
        for group in site.groups.values { for routine in group.routines { ids.remove(routine.id) } }
        for council in site.councils { for routine in council.routines { ids.remove(routine.id) } }
        return ids
    }

    /// The routines of one folder, and the ids of all its `*.md` files, loaded or not.
    struct LoadedRoutines {
        var routines: [Routine] = []
        var fileIDs: [String] = []
    }

    /// Every `*.md` in a folder; ids are file names folded to slugs, and two files that fold
    /// to the same id are an error rather than a silent pick.
    static func loadRoutines(in directory: String, layer: Routine.Layer, _ files: SourceFiles, _ cache: LoadCache? = nil) -> (LoadedRoutines, [Diagnostic]) {
        var loaded = LoadedRoutines()
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        if let problem = files.folderProblem(directory) { diagnostics.append(problem) }
        let names = files.list(directory)
        for name in names where !name.hasSuffix(".md") {
            if let problem = notARoutine(name, in: directory, files) { diagnostics.append(problem) }
        }
        for name in names where name.hasSuffix(".md") {
            let relative = "\(directory)/\(name)"
            let display = files.displayPath(relative)
            let stem = String(name.dropLast(3))
            let id = Slug.make(stem)
            loaded.fileIDs.append(id)
            guard !id.isEmpty else {
                diagnostics.append(.error(SourceLocation(file: display), "filnamnet '\(name)' har inga bokstäver a–z eller siffror att göra ett id av", code: "invalid-id"))
                continue
            }
            if let other = seen[id] {
                diagnostics.append(.error(SourceLocation(file: display), "rutin-id:t '\(id)' används två gånger: '\(name)' och '\(other)' får samma webbadress", code: "id-collision",
                                          notes: ["byt namn på en av filerna"]))
                continue
            }
            seen[id] = name
            if id != stem {
                diagnostics.append(.warning(SourceLocation(file: display), "filnamnet '\(name)' blir '\(id)' i webbadressen; döp om filen till '\(id).md'", code: "non-slug-id"))
            }
            if PageNames.reserved.contains(id) {
                diagnostics.append(.error(SourceLocation(file: display), "'\(id)' är namnet på en inbyggd sida; ge rutinen ett annat filnamn", code: "reserved-id"))
                continue
            }
            guard case .success(let text) = read(relative, files, &diagnostics) else { continue }
            let (routine, problems) = LoadCache.routine(cache, text, id: id, layer: layer, file: display)
            diagnostics += problems
            if let routine { loaded.routines.append(routine) }
        }
        return (loaded, diagnostics)
    }

    /// Files systems and editors leave beside others, which no one put there to be read.
    static let leftovers: Set<String> = ["thumbs.db", "desktop.ini", "ehthumbs.db"]

    /// A system's or editor's leftover (`Thumbs.db`, `x.md~`, `#x.md#`), by its file name.
    static func isLeftover(_ name: String) -> Bool {
        leftovers.contains(name.lowercased()) || name.hasSuffix("~") || (name.hasPrefix("#") && name.hasSuffix("#"))
    }

    /// A file in a routines folder that is not read: a routine saved with another ending
    /// (`.MD`, `.markdown`, Notepad's `.md.txt`) would otherwise be missing without a word.
    /// Nil for a folder (what a build compares with the last one is files, so a warning about
    /// an empty folder could not come and go with it) and for a system's or editor's leftovers
    /// (`Thumbs.db`, `x.md~`, `#x.md#`).
    private static func notARoutine(_ name: String, in directory: String, _ files: SourceFiles) -> Diagnostic? {
        let lowered = name.lowercased()
        guard !files.isDirectory("\(directory)/\(name)"), !isLeftover(name) else { return nil }
        let location = SourceLocation(file: files.displayPath("\(directory)/\(name)"))
        for ending in [".md.txt", ".markdown", ".md", ".txt"] where lowered.hasSuffix(ending) {
            let stem = name.dropLast(ending.count)
            return .warning(location, "filen '\(name)' läses inte: en rutin är en fil som slutar på .md", code: "not-a-routine",
                            notes: ["döp om den till '\(Slug.make(String(stem))).md'"])
        }
        return .warning(location, "filen '\(name)' läses inte: här ligger bara rutiner, filer som slutar på .md", code: "not-a-routine",
                        notes: ["lägg bilder och bilagor i mappen assets/ hos \(directory.hasPrefix("councils/") ? "kommunen" : "varje kommun som ska ha dem") och länka till dem där"])
    }
}
