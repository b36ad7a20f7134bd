import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a build can skip, decided from file stamps and the previous build's manifest:
/// everything (a no-op build), or the pages of councils whose inputs did not change.
/// Correctness never depends on it: without a usable manifest the build is a full one.
struct IncrementalPlan: Sendable {
    /// The manifest this build will leave, without its outputs (the publisher adds them).
    private(set) var next = Manifest()
    /// The manifest of the output being replaced, when it is complete and of this format.
    let previous: Manifest?
    let output: URL
    /// site.yml, templates and the global fingerprint: what every page depends on.
    private let everyPage: UInt64
    private let contentRoot: String
    /// Makes a fingerprint that involves a racy stamp unlike any other build's.
    private let nonce: UInt64

    init(_ options: Build.Options) {
        output = URL(fileURLWithPath: options.output).standardizedFileURL.resolvingSymlinksInPath()
        contentRoot = options.content
        var inputs: [String: Stamp] = [:]
        InputStamps.scan(options.content, prefix: "content/", into: &inputs)
        InputStamps.scan(options.templates, prefix: "templates/", into: &inputs)
        // "Racy" stamps (git's term): a file modified within the last two seconds could be
        // modified again within the same timestamp tick, same size, after this build read
        // it. Such a stamp is never trusted: the next build treats the file as changed.
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let recent = (Int64(now.tv_sec) - 2) * 1_000_000_000 + Int64(now.tv_nsec)
        for (path, stamp) in inputs where stamp.modified >= recent {
            inputs[path] = Stamp(size: stamp.size, modified: Stamp.racy)
        }
        nonce = UInt64(bitPattern: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
        next.inputs = inputs

        var global = ContentHash()
        global.add("rutinbok \(Manifest.formatVersion)")
        // rutinbok's own binary: a new version may render differently.
        let binary = Stamp.of("/proc/self/exe") ?? Stamp.of(CommandLine.arguments.first ?? "") ?? Stamp(size: 0, modified: 0)
        global.add(UInt64(bitPattern: binary.size))
        global.add(UInt64(bitPattern: binary.modified))
        for folder in [options.content, options.templates] {
            global.add(URL(fileURLWithPath: folder).standardizedFileURL.path)
            global.add(folder)  // shown in diagnostics as given
        }
        global.add(options.councils.sorted().joined(separator: ","))
        global.add(options.today.description)
        global.add(options.includeInternal ? "internal" : "public")
        next.global = global.value

        var shared = ContentHash()
        shared.add(next.global)
        for (path, stamp) in inputs.sorted(by: { $0.key < $1.key })
        where path == "content/site.yml" || path.hasPrefix("templates/") {
            shared.add(path)
            shared.add(stamp)
            if stamp.isRacy { shared.add(nonce) }
        }
        everyPage = shared.value

        let text = try? String(contentsOf: output.appendingPathComponent(Manifest.fileName), encoding: .utf8)
        previous = text.flatMap(Manifest.parse)
    }

    /// Whether the previous build was made from exactly these inputs and options, and its
    /// output is still all there (every file present with its size). Reads no content.
    var isUnchanged: Bool {
        guard let previous, previous.global == next.global, previous.inputs == next.inputs,
              !next.inputs.values.contains(where: \.isRacy) else { return false }
        let root = output.path + "/"
        var info = stat()
        guard lstat(root + Publisher.marker, &info) == 0 else { return false }
        for (path, entry) in previous.outputs {
            guard lstat(root + path, &info) == 0, Int64(info.st_size) == entry.size else { return false }
        }
        return true
    }

    /// Everything a council's pages are made from: site.yml, the templates, the options, the
    /// council's folder, its group's folder and, for each routine in its handbook, which
    /// file supplies it. A base routine the council replaces or leaves out is not part of
    /// it, so editing that routine does not touch the council's pages.
    func fingerprint(_ handbook: Handbook, stampsByDisplayPath: [String: Stamp], folders: [String: [(String, Stamp)]]) -> UInt64 {
        var hash = ContentHash()
        hash.add(everyPage)
        hash.add(handbook.council.slug)
        var keys = ["content/councils/\(handbook.council.slug)/"]
        if let group = handbook.group { keys.append("content/groups/\(group.id)/") }
        for key in keys {
            for (path, stamp) in folders[key] ?? [] {
                hash.add(path)
                hash.add(stamp)
                if stamp.isRacy { hash.add(nonce) }
            }
        }
        for entry in handbook.routines {
            hash.add(entry.routine.id)
            hash.add(entry.routine.location.file)
            hash.add("\(entry.origin)")
            let stamp = stampsByDisplayPath[entry.routine.location.file] ?? Stamp(size: -2, modified: Stamp.racy)
            hash.add(stamp)
            if stamp.isRacy { hash.add(nonce) }
        }
        return hash.value
    }

    /// Input stamps by the path the loader shows (`<content>/<relative>`), which is what a
    /// routine's location holds.
    func stampsByDisplayPath() -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for (path, stamp) in next.inputs where path.hasPrefix("content/") {
            result[(contentRoot as NSString).appendingPathComponent(String(path.dropFirst("content/".count)))] = stamp
        }
        return result
    }

    /// Records the councils' fingerprints and the warnings; returns the councils whose
    /// previous pages can be linked as they are.
    mutating func plan(_ handbooks: [Handbook], warnings: [Diagnostic]) -> Set<String> {
        let stamps = stampsByDisplayPath()
        // Inputs by council or group folder (`content/councils/<slug>/`), each list sorted.
        var folders: [String: [(String, Stamp)]] = [:]
        for (path, stamp) in next.inputs.sorted(by: { $0.key < $1.key }) {
            let parts = path.split(separator: "/", maxSplits: 3)
            guard parts.count == 4, parts[1] == "councils" || parts[1] == "groups" else { continue }
            folders["content/\(parts[1])/\(parts[2])/", default: []].append((path, stamp))
        }
        var reusable: Set<String> = []
        for handbook in handbooks {
            let slug = handbook.council.slug
            let fingerprint = fingerprint(handbook, stampsByDisplayPath: stamps, folders: folders)
            next.councils[slug] = fingerprint
            if previous?.councils[slug] == fingerprint { reusable.insert(slug) }
        }
        next.warnings = warnings
        return reusable
    }
}

extension ContentHash {
    mutating func add(_ stamp: Stamp) {
        add(UInt64(bitPattern: stamp.size))
        add(UInt64(bitPattern: stamp.modified))
    }
}
