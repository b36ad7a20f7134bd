import Foundation

/// The fingerprints of a changed build: per council, per routine page and per portal change
/// page, and which of them match the previous build's.
extension IncrementalPlan {
    /// Everything a council's pages are made from: site.yml, the templates, the options, the
    /// council's folder, its group's folder and, for each routine in its handbook, which
    /// file supplies it, and for an adopted routine the settings of the council or group it
    /// names (`settings`, its files other than routines: the name the routine's page shows).
    /// A base routine the council replaces or leaves out is not part of it, so editing that
    /// routine does not touch the council's pages; whether an id it leaves out is a routine at
    /// all is.
    func fingerprint(_ handbook: Handbook, stampsByDisplayPath: [String: Stamp], folders: [String: [(String, Stamp)]],
                     settings: [String: UInt64]) -> UInt64 {
        var hash = ContentHash()
        hash.add(everyPage)
        hash.add(handbook.council.slug)
        var keys = ["content/councils/\(handbook.council.slug)/"]
        if let group = handbook.group { keys.append("content/groups/\(group.id)/") }
        for key in keys {
            for (path, stamp) in folders[key] ?? [] {
                hash.add(path)
                add(stamp, to: &hash)
            }
        }
        for entry in handbook.routines {
            hash.add(entry.routine.id)
            hash.add(entry.routine.location.file)
            hash.add(Self.name(of: entry.origin))
            add(stampsByDisplayPath[entry.routine.location.file] ?? .unknown, to: &hash)
            // An adopted routine's page names the council or group it came from.
            if let source = entry.routine.adoptedFrom?.value {
                hash.add(source)
                for key in Self.sourceFolders(source) { hash.add(settings[key] ?? 0) }
            }
        }
        for file in handbook.hiddenBaseFiles {
            hash.add(file)
            add(stampsByDisplayPath[file] ?? .unknown, to: &hash)
        }
        // Which of the ids `exclude` names are routines: a link to one is "left out", to any
        // other id broken. Deleting an excluded base routine touches no file above, yet
        // changes what the check finds.
        for id in handbook.excluded.sorted() { hash.add(id) }
        // Former ids come from every text of a routine, also a base text the council replaces,
        // whose file is not part of it.
        add(handbook.aliases, to: &hash)
        return hash.value
    }

    /// A handbook's former ids and the routines they lead to.
    private func add(_ aliases: [HandbookAlias], to hash: inout ContentHash) {
        hash.add("aliases")
        for alias in aliases {
            hash.add(alias.name)
            hash.add(alias.routine)
        }
    }

    /// The folders an `adopted_from` may name: a council's, or a group's.
    static func sourceFolders(_ adoptedFrom: String) -> [String] {
        let id = adoptedFrom.split(separator: "/").first.map(String.init) ?? adoptedFrom
        return ["content/councils/\(id)/", "content/groups/\(id)/"]
    }

    /// A stamp, and with a racy one this build's nonce, so that it never matches next time.
    private func add(_ stamp: Stamp, to hash: inout ContentHash) {
        hash.add(stamp)
        if stamp.isRacy { hash.add(nonce) }
    }

    /// Without `"\(origin)"`, which goes through reflection for each of 13,000 routines.
    static func name(of origin: HandbookRoutine.Origin) -> String {
        switch origin {
        case .inherited: "inherited"
        case .adapted: "adapted"
        case .added: "added"
        }
    }

    /// A fingerprint of each council folder: the path and stamp of every file in it, which is
    /// all that loading the council reads (`CouncilCache` finds its records by it). A folder
    /// holding a file with a racy stamp has none: it is loaded from its files.
    func councilFolders() -> [String: UInt64] {
        let prefix = "content/councils/"
        var result: [String: UInt64] = [:]
        for (key, stamps) in folders where key.hasPrefix(prefix) && !stamps.contains(where: { $0.1.isRacy }) {
            var hash = ContentHash()
            hash.add("council folder")
            for (path, stamp) in stamps {
                hash.add(path)
                hash.add(stamp)
            }
            result[String(key.dropFirst(prefix.count).dropLast())] = hash.value
        }
        return result
    }

    /// The inputs in each council's and group's folder, by the folder (`content/councils/<slug>/`),
    /// each list sorted by path.
    static func folders(of inputs: [String: Stamp]) -> [String: [(String, Stamp)]] {
        var folders: [String: [(String, Stamp)]] = [:]
        for (path, stamp) in inputs {
            guard let key = folder(of: path) else { continue }
            folders[key, default: []].append((path, stamp))
        }
        for key in folders.keys { folders[key]!.sort { $0.0 < $1.0 } }
        return folders
    }

    /// `content/councils/<slug>/` or `content/groups/<id>/` for a file below one; nil for others.
    private static func folder(of path: String) -> String? {
        let start: Int
        if path.hasPrefix("content/councils/") { start = 17 } else if path.hasPrefix("content/groups/") { start = 15 } else { return nil }
        let bytes = path.utf8
        guard let slash = bytes.dropFirst(start).firstIndex(of: UInt8(ascii: "/")),
              slash != bytes.index(bytes.startIndex, offsetBy: start), bytes.index(after: slash) != bytes.endIndex else { return nil }
        return String(path[...slash])
    }

    /// Input stamps by the path the loader shows (`<content>/<relative>`), which is what a
    /// routine's location holds.
    func stampsByDisplayPath() -> [String: Stamp] {
        // The content folder as `appendingPathComponent` writes it before a relative path,
        // worked out once instead of for each of 5,000 inputs.
        let probe = (contentRoot as NSString).appendingPathComponent("x")
        let prefix = String(probe.dropLast())
        var result: [String: Stamp] = [:]
        result.reserveCapacity(next.inputs.count)
        for (path, stamp) in next.inputs where path.hasPrefix("content/") {
            result[prefix + path.dropFirst("content/".count)] = stamp
        }
        return result
    }

    /// Records the councils' fingerprints; returns the councils whose
    /// previous pages can be linked as they are, and the portal's change pages likewise.
    /// A change page shows a council's routine against the base routine it replaces: it
    /// depends on the council's inputs, the base file and (through "adopted from") the name
    /// of another council.
    ///
    /// Inside a council whose fingerprint changed, a routine's page depends only on its own
    /// file and the council's frame: site.yml, templates, options, the council's and group's
    /// files other than routines, and the handbook's routines in order with their files,
    /// phases and titles (the header lists the phases present; previous/next show titles).
    /// The council's other pages but three are made from the frame alone
    /// (`HandbookPages.framePages`: contacts, their vCard file, search, accessibility, 404,
    /// pocket card), or from the frame and each routine's summary, review date, review interval
    /// and access (start). Editing one routine's text thus re-renders its page and the two that
    /// hold every routine's text (print and the search index), nothing else.
    ///
    /// The portal's word counts depend only on the two files compared (and on rutinbok
    /// itself): kept by a fingerprint of both files' stamps, they spare a changed build the
    /// diffs of change pages it links. Its summary pages are decided later, by a fingerprint
    /// of their view data (`PortalPages+Reuse.swift`).
    mutating func plan(_ handbooks: [Handbook]) -> Reuse {
        let stamps = stampsByDisplayPath()
        // Each council's and group's files other than routines: names, contacts, theme, assets.
        var settings: [String: UInt64] = [:]
        for (key, files) in folders {
            var hash = ContentHash()
            for (path, stamp) in files where !path.dropFirst(key.count).hasPrefix("routines/") {
                hash.add(path)
                add(stamp, to: &hash)
            }
            settings[key] = hash.value
        }
        // Each council's on its own: on all cores.
        let plan = self
        let fingerprints = Parallel.map(handbooks) { [settings] in
            plan.fingerprint($0, stampsByDisplayPath: stamps, folders: plan.folders, settings: settings)
        }
        var reusable: Set<String> = []
        for (handbook, fingerprint) in zip(handbooks, fingerprints) {
            let slug = handbook.council.slug
            next.councils[slug] = fingerprint
            if previous?.councils[slug] == fingerprint { reusable.insert(slug) }
        }
        // Council by council, on all cores; merged below in the handbooks' order.
        let councils = Parallel.map(handbooks) { [reusable, settings] handbook in
            plan.pages(of: handbook, changed: !reusable.contains(handbook.council.slug), stamps: stamps, settings: settings)
        }
        var pages: [String: Set<String>] = [:]
        var frames: Set<String> = []
        var portal = PortalReuse()
        next.pages.reserveCapacity(next.pages.count + councils.reduce(0) { $0 + $1.changePages.count })
        var ownPages: [String: [(String, UInt64)]] = [:]
        for (handbook, council) in zip(handbooks, councils) {
            for (path, value) in council.changePages { next.pages[path] = value }
            if !council.pages.isEmpty { ownPages[handbook.council.slug] = council.pages }
            if !council.kept.isEmpty { pages[handbook.council.slug] = council.kept }
            if council.frameKept { frames.insert(handbook.council.slug) }
            portal.changePages.formUnion(council.keptChanges)
            if council.changesKeptWhole { portal.changeFolders.insert(PortalPages.changeFolder(council: handbook.council.slug)) }
            for (pair, fingerprint) in council.pairs where portal.pairFingerprints[pair] == nil {
                portal.pairFingerprints[pair] = fingerprint
                if let known = previous?.wordCounts[fingerprint] { portal.knownCounts[pair] = known }
            }
        }
        portal.everyPage = everyPage
        // Of the previous pages, the portal looks up only its summary pages and the sitemap,
        // the pages of base routines across the handbooks (the `tackning` folder's block),
        // those of each handbook (the `handbocker` folder's) and those of each group (`grupper`).
        for path in PortalPages.Name.allCases.map(\.path) + [Sitemap.path] {
            if let value = previous?.pages[path] { portal.previousPages[path] = value }
        }
        for folder in [PageNames.portalCoverage, PageNames.portalHandbooks, PageNames.portalGroups] {
            for (path, value) in previous?.folder(folder)?.pages ?? [:] { portal.previousPages[path] = value }
        }
        return Reuse(councils: reusable, pages: pages, frames: frames, pageFingerprints: ownPages, portal: portal)
    }

    /// One council's part of `plan`: the fingerprints of its pages (when the council changed:
    /// councils kept whole keep theirs, as the publisher carries their folder's block into
    /// the next manifest) and of its change pages, and which of them match the previous build's.
    private struct CouncilPages: Sendable {
        /// Its own pages' fingerprints, for its folder's block (`Reuse.pageFingerprints`).
        var pages: [(path: String, fingerprint: UInt64)] = []
        /// Its change pages' fingerprints, unless they are carried whole.
        var changePages: [(path: String, fingerprint: UInt64)] = []
        /// Its pages whose fingerprint did not change.
        var kept: Set<String> = []
        /// Its frame did not change (nor, then, the pages made from it alone).
        var frameKept = false
        var keptChanges: [String] = []
        /// Every change page kept, and no other in its folder: the folder's block is carried,
        /// and its pages' fingerprints with it.
        var changesKeptWhole = false
        /// Each pair of files its change pages compare, with a fingerprint of both.
        var pairs: [(pair: String, fingerprint: UInt64)] = []
    }

    private func pages(of handbook: Handbook, changed: Bool, stamps: [String: Stamp], settings: [String: UInt64]) -> CouncilPages {
        let slug = handbook.council.slug
        var result = CouncilPages()
        func addSettings(of handbook: Handbook, to hash: inout ContentHash) {
            hash.add(settings["content/councils/\(handbook.council.slug)/"] ?? 0)
            if let group = handbook.group { hash.add(group.id); hash.add(settings["content/groups/\(group.id)/"] ?? 0) }
        }
        /// An adopted routine's source: its id and its council's or group's settings, whose name
        /// the routine's page and change page show.
        func addSource(of routine: Routine, to hash: inout ContentHash) {
            guard let source = routine.adoptedFrom?.value else { return }
            hash.add(source)
            for key in Self.sourceFolders(source) { hash.add(settings[key] ?? 0) }
        }
        func addFile(_ file: String, to hash: inout ContentHash) {
            hash.add(file)
            add(stamps[file] ?? .unknown, to: &hash)
        }
        if changed {
            var frame = ContentHash()
            frame.add(everyPage)
            frame.add(slug)
            addSettings(of: handbook, to: &frame)
            for entry in handbook.routines {
                frame.add(entry.routine.id)
                frame.add(entry.routine.location.file)
                frame.add(Self.name(of: entry.origin))
                frame.add(entry.routine.phase.value)
                frame.add(entry.routine.title)
            }
            // Which routines are left out (excluded, or internal in a public build) decides what
            // a link to one is, "left out" or broken: part of every page's check. Deleting such
            // a routine's file changes the council's fingerprint, not its routines.
            frame.add("excluded")
            for id in handbook.excluded.sorted() { frame.add(id) }
            frame.add("internal")
            for id in handbook.internalOnly.sorted() { frame.add(id) }
            add(handbook.aliases, to: &frame)
            let frameValue = frame.value
            let previousPages = previous?.folder(slug)
            func record(_ name: String, _ hash: ContentHash) {
                let path = "\(slug)/\(name)"
                result.pages.append((path, hash.value))
                if previousPages?.pages[path] == hash.value { result.kept.insert(path) }
            }
            for entry in handbook.routines {
                var hash = ContentHash()
                hash.add(frameValue)
                add(stamps[entry.routine.location.file] ?? .unknown, to: &hash)
                addSource(of: entry.routine, to: &hash)
                record(PageNames.html(entry.routine.id), hash)
            }
            for name in HandbookPages.framePages {
                var hash = ContentHash()
                hash.add(frameValue)
                hash.add(name)
                record(name, hash)
            }
            // A former id's page names its routine's title, which the frame holds.
            for alias in handbook.aliases {
                var hash = ContentHash()
                hash.add(frameValue)
                hash.add("alias")
                record(PageNames.html(alias.name), hash)
            }
            result.frameKept = HandbookPages.framePages.allSatisfy { result.kept.contains("\(slug)/\($0)") }
            // The start page lists each routine's summary, and marks those overdue for review.
            var start = ContentHash()
            start.add(frameValue)
            start.add(PageNames.start)
            for entry in handbook.routines {
                start.add(entry.routine.summary)
                start.add(entry.routine.reviewed.map { UInt64($0.value.year * 10_000 + $0.value.month * 100 + $0.value.day) } ?? 0)
                start.add(UInt64(bitPattern: Int64(entry.routine.reviewIntervalMonths ?? -1)))
                start.add(entry.routine.access.rawValue)
            }
            record(PageNames.html(PageNames.start), start)
        }
        // A change page shows a routine against the base routine it replaces, with the
        // council's (or group's) name and, for an adopted routine, the source council's name.
        let changeFolder = PortalPages.changeFolder(council: slug)
        let previousChanges = previous?.folder(changeFolder)
        var changePages: [(path: String, fingerprint: UInt64)] = []
        for entry in handbook.routines where entry.origin == .adapted {
            guard let base = entry.base else { continue }
            var hash = ContentHash()
            hash.add(everyPage)
            hash.add(slug)
            addSettings(of: handbook, to: &hash)
            hash.add(entry.routine.id)
            addFile(entry.routine.location.file, to: &hash)
            addFile(base.location.file, to: &hash)
            addSource(of: entry.routine, to: &hash)
            let path = PortalPages.changePath(council: slug, routine: entry.routine.id)
            changePages.append((path, hash.value))
            if previousChanges?.pages[path] == hash.value { result.keptChanges.append(path) }

            var counts = ContentHash()
            counts.add("words")
            counts.add(next.global)
            addFile(base.location.file, to: &counts)
            addFile(entry.routine.location.file, to: &counts)
            result.pairs.append((RoutineChange.pair(base: base.location.file, own: entry.routine.location.file), counts.value))
        }
        result.changesKeptWhole = !changePages.isEmpty && result.keptChanges.count == changePages.count
            && previous?.block(changeFolder)?.outputCount == changePages.count
        if !result.changesKeptWhole { result.changePages = changePages }
        return result
    }

    /// What a changed build can take from the previous one.
    struct Reuse: Sendable {
        /// Councils whose pages are all linked.
        var councils: Set<String> = []
        /// Pages linked, by council, in councils that changed (paths below the output).
        var pages: [String: Set<String>] = [:]
        /// Councils that changed but whose frame did not: their print page and search index
        /// are made from the previous build's, each routine's item in them replaced when its
        /// page is rendered (`HandbookPages`).
        var frames: Set<String> = []
        /// The fingerprints of every page of each council that changed, by council: they go
        /// into the manifest with its folder's block (`Publisher.seal`), not through `next`.
        var pageFingerprints: [String: [(String, UInt64)]] = [:]
        var portal = PortalReuse()
    }
}
