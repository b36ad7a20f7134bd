import Foundation
import Synchronization

/// Whole councils as earlier builds into the same output loaded them, kept beside it
/// (`.<output>.councils`), so that a changed build neither reads nor decodes file by file
/// the councils whose folders did not change.
///
/// A record holds what loading a council folder gives: council.yml, each routine's front
/// matter and body, the assets and the diagnostics loading reported, in order. For each
/// routine it also holds what rendering its body found (`KnownBody`): the checks and the
/// portal need no more of a council whose pages are kept, so its bodies are not looked up in
/// the Markdown cache, and a body's text is decoded from the mapped record only if something
/// asks for it (`Routine.readBody(from:)`). No routine or settings file is read after loading
/// (a changed council's `assets/` files are, when the page stage copies them).
///
/// A record is found by the council's slug and a fingerprint of its folder: the path and
/// stamp of every file in it (`IncrementalPlan.councilFolders`), which is all loading a
/// council reads. A folder with a racy stamp has no fingerprint, and is loaded from its
/// files. The file starts with the identity of the rutinbok binary, Yams' text encoding and
/// the content folder (every location and the council's folder are written with it); with
/// others it starts again from nothing. A damaged record is a miss.
final class CouncilCache: Sendable {
    struct Key: RecordKey {
        var slug: String
        var folder: UInt64

        func write(to writer: inout ByteWriter) {
            writer.write(slug)
            writer.write(folder)
        }
    }

    /// A council as loading its folder gave it.
    struct Loaded: Sendable {
        var council: Council
        /// What loading the folder reported (council.yml, routines, assets), in order.
        var diagnostics: [Diagnostic]
        /// Ids of the routine files, loaded or not (see `Site.unloadable`).
        var fileIDs: [String]
    }

    static let magic = "rutinbok-council-cache 6\n"

    private let file: RecordFile<Key>
    /// The fingerprint of each council folder, by slug; missing for a folder with a racy stamp.
    private let folders: [String: UInt64]

    private struct State {
        var used: Set<Key> = []
        /// Councils loaded from their files in this build, recorded once their bodies are rendered.
        var loaded: [(Key, Loaded)] = []
        /// What rendering found for the routines of councils taken from the cache, by file: one
        /// table per council, joined once when asked for (joining them under the lock, council by
        /// council, kept the loading tasks waiting for each other).
        var known: [[String: KnownBody]] = []
    }
    private let state = Mutex(State())
    /// Councils taken from the cache, in this build.
    let hits = Atomic<Int>(0)

    var path: String { file.path }
    var count: Int { file.count }

    /// The cache for builds from `content` into `output`; empty when there is none or it is of
    /// another binary or content folder.
    init(output: URL, content: String, folders: [String: UInt64]) {
        var writer = ByteWriter()
        writer.writeCacheHeader(magic: Self.magic)
        writer.write(String(describing: YAMLComposer.encoding))
        writer.write(content)
        writer.write(URL(fileURLWithPath: content).standardizedFileURL.path)
        self.folders = folders
        file = RecordFile(path: Publisher.beside(output, "councils").path, header: writer.bytes)
    }

    /// The council `slug` as the record for its folder's current stamps holds it; nil when there
    /// is none. Its routines' bodies stay in the mapped record until something reads them.
    func council(_ slug: String, files: SourceFiles) -> Loaded? {
        guard let folder = folders[slug] else { return nil }
        let key = Key(slug: slug, folder: folder)
        guard let (loaded, known) = file.read(key, { Self.decode(&$0, slug: slug, files: files) }) else { return nil }
        hits.add(1, ordering: .relaxed)
        state.withLock { state in
            state.used.insert(key)
            state.known.append(known)
        }
        return loaded
    }

    /// Remembers a council loaded from its files, to be recorded once its bodies are rendered.
    func loaded(_ loaded: Loaded) {
        guard let folder = folders[loaded.council.slug] else { return }
        let key = Key(slug: loaded.council.slug, folder: folder)
        state.withLock {
            $0.used.insert(key)
            $0.loaded.append((key, loaded))
        }
    }

    /// What rendering found for the routines of the councils taken from the cache, by file.
    var knownBodies: [String: KnownBody] {
        let tables = state.withLock { $0.known }
        var joined: [String: KnownBody] = [:]
        joined.reserveCapacity(tables.reduce(0) { $0 + $1.count })
        for table in tables { joined.merge(table) { first, _ in first } }
        return joined
    }

    // MARK: Keeping it for the next build

    typealias Pending = RecordFile<Key>.Pending

    /// Prepares the file for the next build: a record for each council loaded from its files,
    /// with what `bodies` found for its routines; a new file when most records are no longer used.
    func prepare(_ bodies: RenderedBodies) -> Pending {
        let (loaded, used) = state.withLock { ($0.loaded, $0.used) }
        var writer = ByteWriter()
        var fresh: Set<Key> = []
        for (key, council) in loaded where !fresh.contains(key) {
            fresh.insert(key)
            RecordFile<Key>.appendRecord(to: &writer, key: key) { Self.encode(council, bodies: bodies, &$0) }
        }
        return file.prepare(fresh: writer.bytes, freshKeys: fresh, live: used)
    }

    func commit(_ pending: Pending) { file.commit(pending) }
    func discard(_ pending: Pending) { file.discard(pending) }

    // MARK: The record

    private static func encode(_ loaded: Loaded, bodies: RenderedBodies, _ writer: inout ByteWriter) {
        let council = loaded.council
        encodeCouncil((council, []), file: council.location.file, &writer)
        writer.write(council.assets) { $0.write($1) }
        writer.write(council.assetsUnreadable)
        writer.write(loaded.fileIDs) { $0.write($1) }
        writer.write(council.routines) { writer, routine in
            writer.write((routine.location.file as NSString).lastPathComponent)
            writer.write(routine.id)
            encodeRoutine((routine, []), file: routine.location.file, &writer)
            writer.write(routine.bodyLine)
            writer.write(routine.body)
            // Known only for a body this build rendered or looked up (not, say, an internal
            // routine of a public build): then it is looked up as any other.
            let known = bodies.known(routine, allowRawHTML: council.allowsRawHTML(in: routine))
            writer.write(known != nil)
            known?.write(to: &writer)
        }
        writer.write(loaded.diagnostics) { writer, diagnostic in diagnostic.write(to: &writer) }
    }

    private static func decode(_ reader: inout ByteReader, slug: String, files: SourceFiles) -> (Loaded, [String: KnownBody])? {
        let folder = "councils/\(slug)"
        guard let (decoded, _) = decodeCouncil(&reader, file: files.displayPath("\(folder)/council.yml"), slug: slug,
                                               directory: files.absolutePath(folder)),
              var council = decoded,
              let assets = reader.list({ $0.string() }), let assetsUnreadable = reader.bool(),
              let fileIDs = reader.list({ $0.string() }) else { return nil }
        var known: [String: KnownBody] = [:]
        guard let routines = reader.list({ reader -> Routine? in
            guard let name = reader.string(), let id = reader.string() else { return nil }
            let display = files.displayPath("\(folder)/routines/\(name)")
            guard let (decoded, _) = decodeRoutine(&reader, file: display, id: id, layer: .council(slug)), var routine = decoded,
                  let bodyLine = reader.int(), let body = reader.storedText(), let hasKnown = reader.bool() else { return nil }
            if hasKnown {
                guard let facts = KnownBody(from: &reader) else { return nil }
                known[display] = facts
            }
            routine.bodyLine = bodyLine
            routine.readBody(from: body)
            return routine
        }), let diagnostics = reader.list({ Diagnostic(from: &$0) }) else { return nil }
        council.routines = routines
        council.assets = assets
        council.assetsUnreadable = assetsUnreadable
        return (Loaded(council: council, diagnostics: diagnostics, fileIDs: fileIDs), known)
    }
}
