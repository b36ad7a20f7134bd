import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a build can skip, decided from file stamps and the previous build's manifest:
/// everything (a no-op build), or the pages of councils whose inputs did not change.
/// Correctness never depends on it: without a usable manifest the build is a full one.
struct IncrementalPlan: Sendable {
    /// The manifest this build will leave, without its outputs (the publisher adds them).
    var next = Manifest()
    /// The manifest of the output being replaced, when it is complete and of this format.
    let previous: ManifestFile?
    let output: URL
    /// site.yml, templates and the global fingerprint: what every page depends on.
    let everyPage: UInt64
    let contentRoot: String
    /// Makes a fingerprint that involves a racy stamp unlike any other build's.
    let nonce: UInt64
    /// The inputs in each council's and group's folder, by the folder (`content/councils/<slug>/`),
    /// each list sorted by path; grouped by `groupFolders` once the build is known to change
    /// something (a no-op build has no use for them).
    private(set) var folders: [String: [(String, Stamp)]] = [:]

    init(_ options: Build.Options) {
        output = URL(fileURLWithPath: options.output).standardizedFileURL.resolvingSymlinksInPath()
        contentRoot = options.content
        // The previous manifest (2.4 MB for the 310-council corpus) is read and checked while
        // the inputs are stamped, rather than on one core after.
        let output = output
        let (scanned, previous) = Parallel.both({ Self.scan(options) }, { ManifestFile.read(Manifest.path(of: output).path, describing: output) })
        self.previous = previous
        var (inputs, now) = scanned
        // A "racy" stamp (git's term) is one taken within the file system's timestamp tick of
        // the file's last change: the file could change again, same size, same stamp, after
        // this build read it. Waiting out the tick (milliseconds; up to two seconds on file
        // systems with whole-second times) and stamping again makes every stamp trustworthy.
        for _ in 0..<3 {
            // A time in the future (a skewed clock) is not waited for, only distrusted.
            let waits: [Int64] = inputs.values.map { Self.racyFor($0, now: now) }.filter { $0 <= 2_000_000_000 }
            let wait: Int64 = waits.max() ?? 0
            if wait <= 0 { break }
            usleep(UInt32(min(wait, 2_100_000_000) / 1000 + 1000))
            (inputs, now) = Self.scan(options)
        }
        // Still racy (a file being written continuously): never trusted by the next build.
        for (path, stamp) in inputs where Self.racyFor(stamp, now: now) > 0 {
            inputs[path] = Stamp(size: stamp.size, modified: Stamp.racy)
        }
        nonce = UInt64(bitPattern: now)
        next.inputs = inputs

        var global = ContentHash()
        global.add("rutinbok \(Manifest.formatVersion)")
        global.add(Stamp.ofRutinbok)
        for folder in [options.content, options.templates] {
            global.add(URL(fileURLWithPath: folder).standardizedFileURL.path)
            global.add(folder)  // as diagnostics show it (`FolderPath`)
        }
        // The shipped templates a theme overlays: only when there are some, so that a build
        // of a theme alone keeps the fingerprint it had.
        if let shipped = options.shippedTemplates {
            global.add("shipped")
            global.add(URL(fileURLWithPath: shipped).standardizedFileURL.path)
            global.add(shipped)
        }
        global.add(options.councils.sorted().joined(separator: ","))
        global.add(options.groups.sorted().joined(separator: ","))
        global.add(options.today.description)
        global.add(options.includeInternal ? "internal" : "public")
        // Another umask gives the output other permissions: files kept are given them as they
        // are checked, which a build that changes nothing would not do.
        let modes = OutputModes.current()
        global.add("modes \(modes.file) \(modes.folder)")
        next.global = global.value

        var shared = ContentHash()
        shared.add(next.global)
        // Picked out before sorting: a few dozen of the thousands of inputs. A shipped file
        // the theme replaces is not used, so its stamp is left out: editing it renders nothing.
        // Adding the theme's own or deleting it still does, as the theme's stamp comes or goes.
        for (path, stamp) in inputs.filter({ $0.key == "content/site.yml" || Self.isTemplateInput($0.key) && !Self.isReplaced($0.key, in: inputs) })
            .sorted(by: { $0.key < $1.key }) {
            shared.add(path)
            shared.add(stamp)
            if stamp.isRacy { shared.add(nonce) }
        }
        everyPage = shared.value
    }

    /// How the manifest names the files of the shipped templates a theme overlays
    /// (`Build.Options.shippedTemplates`); the theme's own are `templates/…`.
    static let shippedPrefix = "shipped-templates/"

    /// A template or theme asset, of the theme or of the shipped templates it overlays.
    static func isTemplateInput(_ path: String) -> Bool {
        path.hasPrefix("templates/") || path.hasPrefix(shippedPrefix)
    }

    /// Whether `path` is a shipped template or asset that the theme has a file of its own for.
    static func isReplaced(_ path: String, in inputs: [String: Stamp]) -> Bool {
        guard path.hasPrefix(shippedPrefix) else { return false }
        return inputs["templates/" + path.dropFirst(shippedPrefix.count)] != nil
    }

    /// Groups the inputs by council and group folder (`folders`).
    mutating func groupFolders() {
        folders = Self.folders(of: next.inputs)
    }

    private static func scan(_ options: Build.Options) -> ([String: Stamp], Int64) {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        var inputs: [String: Stamp] = [:]
        InputStamps.scan(options.content, prefix: "content/", into: &inputs)
        InputStamps.scan(options.templates, prefix: "templates/", into: &inputs)
        // Every file of the shipped folder, those the theme replaces too: which of them a
        // build uses follows from the stamps of both folders (a file added to the theme, or
        // deleted from it, is a stamp that comes or goes).
        if let shipped = options.shippedTemplates { InputStamps.scan(shipped, prefix: Self.shippedPrefix, into: &inputs) }
        return (inputs, Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// Nanoseconds until a stamp taken at `now` stops being racy; 0 or less when it is not.
    /// Linux file systems with nanosecond fields take them from the kernel's coarse clock, so
    /// a stamp is at most one of its ticks old (1 to 10 ms, `clockTick`); whole-second times
    /// (nanoseconds 0) suggest a coarser file system.
    private static func racyFor(_ stamp: Stamp, now: Int64) -> Int64 {
        guard !stamp.isRacy else { return 0 }
        let tick: Int64 = stamp.modified % 1_000_000_000 == 0 ? 2_000_000_000 : clockTick
        return stamp.modified + tick - now
    }

    /// Two ticks of the coarse clock file times are taken from, at least 2 ms: a margin for a
    /// tick that began just before a file changed. An edit saved just before a build makes
    /// it wait this long, so it is the clock's real tick rather than a guess.
    static let clockTick: Int64 = {
        var resolution = timespec()
        guard clock_getres(CLOCK_REALTIME_COARSE, &resolution) == 0 else { return 20_000_000 }
        let tick = Int64(resolution.tv_sec) * 1_000_000_000 + Int64(resolution.tv_nsec)
        return min(max(2 * tick, 2_000_000), 20_000_000)
    }()

    /// Whether the previous build was made from exactly these inputs and options, and its
    /// output is still all there (every file present with its size). Reads no content.
    var isUnchanged: Bool {
        guard let previous, previous.global == next.global, !next.inputs.values.contains(where: \.isRacy),
              previous.inputsMatch(next.inputs) else { return false }
        // Twenty thousand lookups, relative to the open output folder (the kernel walks the
        // output's own path once), on all cores, with paths taken from the manifest's bytes.
        let root = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return false }
        defer { close(root) }
        var info = stat()
        guard fstatat(root, Publisher.marker, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        let folders = previous.folderNames
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, previous.outputCount / 1024))
        return Parallel.map(Array(0..<chunks)) { chunk in
            var info = stat()
            return stride(from: chunk, to: folders.count, by: chunks).allSatisfy { index in
                previous.forEachOutput(in: folders[index]) { path, size in
                    fstatat(root, path, &info, AT_SYMLINK_NOFOLLOW) == 0 && Int64(info.st_size) == size
                }
            }
        }.allSatisfy { $0 }
    }
}

extension ContentHash {
    mutating func add(_ stamp: Stamp) {
        add(UInt64(bitPattern: stamp.size))
        add(UInt64(bitPattern: stamp.modified))
    }
}
