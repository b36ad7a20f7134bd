import Foundation
import Synchronization

/// What earlier builds into the same output decoded from routine front matter, council.yml
/// and group.yml, kept beside it (`.<output>.loaded`), so that a build parses the YAML of
/// the files that changed only.
///
/// The loaders are pure: a routine's result depends on its text, id, layer and displayed
/// path, a council's on its text, slug, folder and path, a group's on its text, id and path.
/// A record is found by exactly those (the text as a hash and a length) and holds the
/// decoded value *and* the diagnostics loading reported, in order, so a cached file reports
/// what parsing it would. A routine's body is not stored: it is the text after the front
/// matter, split off again (no YAML in that). The file starts with the identity of the
/// rutinbok binary and Yams' text encoding; with others it starts again from nothing. A
/// damaged record is a miss. A build into a new folder has no cache and parses everything,
/// as a clean build should.
final class LoadCache: Sendable {
    struct Key: Hashable, Sendable {
        enum Kind: Int, Sendable { case routine = 1, council, group }
        var kind: Kind
        /// The displayed path, which every location in the result carries.
        var file: String
        /// The loader's other inputs, joined by NUL: routine id and layer, council slug and
        /// folder, group id.
        var inputs: String
        var textHash: UInt64
        var textLength: Int

        init(kind: Kind, file: String, inputs: String, text: String) {
            self.kind = kind
            self.file = file
            self.inputs = inputs
            var text = text
            (textHash, textLength) = text.withUTF8 { (LaneHash.of(UnsafeRawBufferPointer($0)), $0.count) }
        }

        init(kind: Kind, file: String, inputs: String, textHash: UInt64, textLength: Int) {
            self.kind = kind
            self.file = file
            self.inputs = inputs
            self.textHash = textHash
            self.textLength = textLength
        }

        /// The text's hash already tells files apart; hashing the paths again (SipHash, for
        /// every lookup) would cost more than the rest of a lookup. Equality compares all.
        func hash(into hasher: inout Hasher) {
            hasher.combine(textHash)
            hasher.combine(file.utf8.count)
            hasher.combine(kind)
        }

        func write(to writer: inout ByteWriter) {
            writer.write(kind.rawValue)
            writer.write(file)
            writer.write(inputs)
            writer.write(textHash)
            writer.write(textLength)
        }

        init?(from reader: inout ByteReader) {
            guard let kind = reader.int().flatMap(Kind.init(rawValue:)), let file = reader.string(), let inputs = reader.string(),
                  let textHash = reader.uint64(), let textLength = reader.int() else { return nil }
            self.init(kind: kind, file: file, inputs: inputs, textHash: textHash, textLength: textLength)
        }
    }

    static let magic = "rutinbok-load-cache 1\n"

    private let file: RecordFile<Key>
    /// What this build looked up or made, gathered from the loading tasks.
    private struct Made: Sendable {
        var used: Set<Key> = []
        var fresh = ByteWriter()
        var freshKeys: Set<Key> = []
    }
    private let made = Mutex(Made())
    /// Files whose result came from the cache, in this build.
    let hits = Atomic<Int>(0)

    var path: String { file.path }
    var count: Int { file.count }
    var headerLength: Int { file.header.count }

    /// The cache for builds into `output`; empty when there is none or it is of another binary.
    init(output: URL) {
        var writer = ByteWriter()
        writer.append(Array(Self.magic.utf8))
        writer.write(UInt64(bitPattern: Stamp.ofRutinbok.size))
        writer.write(UInt64(bitPattern: Stamp.ofRutinbok.modified))
        // The one input of parsing from outside the files: Yams reads it from the environment.
        writer.write(String(describing: YAMLComposer.encoding))
        // Named as a kind of `.<output>.cache`, the Markdown cache, which it sits beside.
        file = RecordFile(path: Publisher.beside(output, "loaded").path, header: writer.bytes, readKey: Key.init(from:))
    }

    // MARK: The loaders, through the cache

    /// `RoutineLoader.load`, from the cache when it has this text.
    static func routine(_ cache: LoadCache?, _ text: String, id: String, layer: Routine.Layer, file: String) -> (Routine?, [Diagnostic]) {
        let load = { RoutineLoader.load(text, id: id, layer: layer, file: file) }
        guard let cache else { return load() }
        return cache.through(Key(kind: .routine, file: file, inputs: id + "\u{0}" + layer.cacheName, text: text),
                             decode: { decodeRoutine(&$0, file: file, id: id, layer: layer).flatMap { withBody($0, of: text) } },
                             load: load, encode: { encodeRoutine($0, file: file, &$1) })
    }

    /// `CouncilLoader.loadCouncil`, from the cache when it has this text.
    static func council(_ cache: LoadCache?, _ text: String, slug: String, directory: String, file: String) -> (Council?, [Diagnostic]) {
        let load = { CouncilLoader.loadCouncil(text, slug: slug, directory: directory, file: file) }
        guard let cache else { return load() }
        return cache.through(Key(kind: .council, file: file, inputs: slug + "\u{0}" + directory, text: text),
                             decode: { decodeCouncil(&$0, file: file, slug: slug, directory: directory) },
                             load: load, encode: { encodeCouncil($0, file: file, &$1) })
    }

    /// `CouncilLoader.loadGroup`, from the cache when it has this text.
    static func group(_ cache: LoadCache?, _ text: String, id: String, file: String) -> (Group?, [Diagnostic]) {
        let load = { CouncilLoader.loadGroup(text, id: id, file: file) }
        guard let cache else { return load() }
        return cache.through(Key(kind: .group, file: file, inputs: id, text: text),
                             decode: { decodeGroup(&$0, file: file, id: id) },
                             load: load, encode: { encodeGroup($0, file: file, &$1) })
    }

    /// The record of `key` when it reads back whole; otherwise what `load` makes, recorded.
    private func through<Value>(_ key: Key, decode: (inout ByteReader) -> (Value?, [Diagnostic])?,
                                load: () -> (Value?, [Diagnostic]),
                                encode: ((Value?, [Diagnostic]), inout ByteWriter) -> Void) -> (Value?, [Diagnostic]) {
        if let cached = file.read(key, decode) {
            used(key)
            return cached
        }
        let result = load()
        add(key) { encode(result, &$0) }
        return result
    }

    private func used(_ key: Key) {
        hits.add(1, ordering: .relaxed)
        made.withLock { _ = $0.used.insert(key) }
    }

    private func add(_ key: Key, _ value: (inout ByteWriter) -> Void) {
        var record = ByteWriter()
        RecordFile<Key>.appendRecord(to: &record) { writer in
            key.write(to: &writer)
            value(&writer)
        }
        made.withLock { made in
            made.used.insert(key)
            made.freshKeys.insert(key)
            made.fresh.append(record.bytes)
        }
    }

    // MARK: Keeping it for the next build

    typealias Pending = RecordFile<Key>.Pending

    /// Prepares the file for the next build: what this build parsed, appended, or a new file
    /// when most records are no longer used.
    func prepare() -> Pending {
        let made = made.withLock { $0 }
        return file.prepare(fresh: made.fresh.bytes, freshKeys: made.freshKeys, live: made.used)
    }

    func commit(_ pending: Pending) { file.commit(pending) }
    func discard(_ pending: Pending) { file.discard(pending) }
    func save() { commit(prepare()) }
}

// MARK: - Encoding

extension Routine.Layer {
    /// The layer as one string, for the cache key.
    var cacheName: String {
        switch self {
        case .base: "base"
        case .group(let id): "group/" + id
        case .council(let slug): "council/" + slug
        }
    }
}

/// The body of a routine read from the cache: the text after its front matter, split off
/// again as the loader does (only a loaded routine had front matter to split).
private func withBody(_ cached: (Routine?, [Diagnostic]), of text: String) -> (Routine?, [Diagnostic])? {
    guard var routine = cached.0 else { return cached }
    guard case .success(let front) = FrontMatter.split(text) else { return nil }
    routine.body = front.body
    routine.bodyLine = front.bodyLine
    return (routine, cached.1)
}

/// Locations nearly always name the record's own file, which is then written as a flag.
private struct Encoder {
    let file: String

    func location(_ location: SourceLocation, _ writer: inout ByteWriter) {
        if location.file == file {
            writer.write(true)
        } else {
            writer.write(false)
            writer.write(location.file)
        }
        writer.write(location.line)
        writer.write(location.column)
    }

    func located(_ value: Located<String>, _ writer: inout ByteWriter) {
        writer.write(value.value)
        location(value.location, &writer)
    }

    func located(_ value: Located<String>?, _ writer: inout ByteWriter) {
        writer.write(value != nil)
        if let value { located(value, &writer) }
    }

    func day(_ day: Day?, _ writer: inout ByteWriter) {
        writer.write(day != nil)
        if let day {
            writer.write(day.year)
            writer.write(day.month)
            writer.write(day.day)
        }
    }

    func int(_ value: Int?, _ writer: inout ByteWriter) {
        writer.write(value != nil)
        if let value { writer.write(value) }
    }

    func diagnostics(_ diagnostics: [Diagnostic], _ writer: inout ByteWriter) {
        writer.write(diagnostics) { writer, diagnostic in
            writer.write(diagnostic.severity == .error)
            location(diagnostic.location, &writer)
            writer.write(diagnostic.message)
            writer.write(diagnostic.code)
            writer.write(diagnostic.notes) { $0.write($1) }
        }
    }

    func contacts(_ contacts: [Contact], _ writer: inout ByteWriter) {
        writer.write(contacts) { writer, contact in
            writer.write(contact.id)
            writer.write(contact.role)
            writer.write(contact.name)
            writer.write(contact.phone)
            writer.write(contact.email)
            writer.write(contact.hours)
            writer.write(contact.outOfHours)
            day(contact.verified, &writer)
            location(contact.location, &writer)
            int(contact.verifyIntervalMonths, &writer)
            writer.write(contact.verifiedLocation != nil)
            if let verified = contact.verifiedLocation { location(verified, &writer) }
        }
    }
}

private struct Decoder {
    let file: String

    func location(_ reader: inout ByteReader) -> SourceLocation? {
        guard let same = reader.bool() else { return nil }
        let path: String
        if same { path = file } else {
            guard let other = reader.string() else { return nil }
            path = other
        }
        guard let line = reader.int(), let column = reader.int() else { return nil }
        return SourceLocation(file: path, line: line, column: column)
    }

    func located(_ reader: inout ByteReader) -> Located<String>? {
        guard let value = reader.string(), let location = location(&reader) else { return nil }
        return Located(value: value, location: location)
    }

    /// `.some(nil)` for an absent value, nil when the bytes are wrong.
    func optional<T>(_ reader: inout ByteReader, _ read: (inout ByteReader) -> T?) -> T?? {
        guard let present = reader.bool() else { return nil }
        guard present else { return .some(nil) }
        return read(&reader).map { .some($0) }
    }

    func day(_ reader: inout ByteReader) -> Day?? {
        optional(&reader) { reader in
            guard let year = reader.int(), let month = reader.int(), let day = reader.int() else { return nil }
            return Day(year: year, month: month, day: day)
        }
    }

    func int(_ reader: inout ByteReader) -> Int?? {
        optional(&reader) { $0.int() }
    }

    func diagnostics(_ reader: inout ByteReader) -> [Diagnostic]? {
        reader.list { reader -> Diagnostic? in
            guard let isError = reader.bool(), let location = location(&reader), let message = reader.string(),
                  let code = reader.string(), let notes = reader.list({ $0.string() }) else { return nil }
            return Diagnostic(isError ? .error : .warning, location, message, code: code, notes: notes)
        }
    }

    func contacts(_ reader: inout ByteReader) -> [Contact]? {
        reader.list { reader -> Contact? in
            guard let id = reader.string(), let role = reader.string(), let name = reader.optionalString(),
                  let phone = reader.optionalString(), let email = reader.optionalString(), let hours = reader.optionalString(),
                  let outOfHours = reader.optionalString(), let verified = day(&reader), let location = location(&reader),
                  let interval = int(&reader), let verifiedLocation = optional(&reader, { self.location(&$0) }) else { return nil }
            return Contact(id: id, role: role, name: name, phone: phone, email: email, hours: hours, outOfHours: outOfHours,
                           verified: verified, location: location, verifyIntervalMonths: interval, verifiedLocation: verifiedLocation)
        }
    }
}

private func encodeRoutine(_ result: (Routine?, [Diagnostic]), file: String, _ writer: inout ByteWriter) {
    let (routine, diagnostics) = result
    let encoder = Encoder(file: file)
    writer.write(routine != nil)
    if let routine {
        writer.write(routine.title)
        writer.write(routine.summary)
        encoder.located(routine.phase, &writer)
        writer.write(routine.order)
        writer.write(routine.audience) { encoder.located($1, &$0) }
        encoder.located(routine.owner, &writer)
        writer.write(routine.reviewed != nil)
        if let reviewed = routine.reviewed {
            encoder.day(reviewed.value, &writer)
            encoder.location(reviewed.location, &writer)
        }
        writer.write(routine.decided)
        writer.write(routine.access.rawValue)
        encoder.int(routine.reviewIntervalMonths, &writer)
        writer.write(routine.share)
        encoder.located(routine.adoptedFrom, &writer)
        encoder.location(routine.location, &writer)
    }
    encoder.diagnostics(diagnostics, &writer)
}

private func decodeRoutine(_ reader: inout ByteReader, file: String, id: String, layer: Routine.Layer) -> (Routine?, [Diagnostic])? {
    guard let present = reader.bool() else { return nil }
    let decoder = Decoder(file: file)
    var routine: Routine?
    if present {
        guard let title = reader.string(), let summary = reader.string(), let phase = decoder.located(&reader),
              let order = reader.int(), let audience = reader.list({ decoder.located(&$0) }), let owner = decoder.located(&reader),
              let hasReviewed = reader.bool() else { return nil }
        var reviewed: Located<Day>?
        if hasReviewed {
            guard let day = decoder.day(&reader), let day, let location = decoder.location(&reader) else { return nil }
            reviewed = Located(value: day, location: location)
        }
        guard let decided = reader.optionalString(), let access = reader.string().flatMap(Routine.Access.init(rawValue:)),
              let interval = decoder.int(&reader), let share = reader.bool(),
              let adoptedFrom = decoder.optional(&reader, { decoder.located(&$0) }), let location = decoder.location(&reader)
        else { return nil }
        routine = Routine(id: id, layer: layer, title: title, summary: summary, phase: phase, order: order, audience: audience,
                          owner: owner, reviewed: reviewed, decided: decided, access: access, reviewIntervalMonths: interval,
                          share: share, adoptedFrom: adoptedFrom, body: "", bodyLine: 0, location: location)
    }
    guard let diagnostics = decoder.diagnostics(&reader) else { return nil }
    return (routine, diagnostics)
}

private func encodeCouncil(_ result: (Council?, [Diagnostic]), file: String, _ writer: inout ByteWriter) {
    let (council, diagnostics) = result
    let encoder = Encoder(file: file)
    writer.write(council != nil)
    if let council {
        writer.write(council.name)
        writer.write(council.kind.rawValue)
        encoder.located(council.group, &writer)
        encoder.int(council.population, &writer)
        writer.write(council.themeColor)
        encoder.located(council.logo, &writer)
        writer.write(council.exclude) { encoder.located($1, &$0) }
        encoder.int(council.reviewIntervalMonths, &writer)
        encoder.int(council.verifyIntervalMonths, &writer)
        writer.write(council.allowRawHTML)
        encoder.contacts(council.contacts, &writer)
        writer.write(council.accessibility != nil)
        if let statement = council.accessibility {
            writer.write(statement.status.rawValue)
            writer.write(statement.shortcomings) { $0.write($1) }
            writer.write(statement.feedbackEmail)
            encoder.day(statement.assessed, &writer)
        }
        encoder.location(council.location, &writer)
    }
    encoder.diagnostics(diagnostics, &writer)
}

private func decodeCouncil(_ reader: inout ByteReader, file: String, slug: String, directory: String) -> (Council?, [Diagnostic])? {
    guard let present = reader.bool() else { return nil }
    let decoder = Decoder(file: file)
    var council: Council?
    if present {
        guard let name = reader.string(), let kind = reader.string().flatMap(Council.Kind.init(rawValue:)),
              let group = decoder.optional(&reader, { decoder.located(&$0) }), let population = decoder.int(&reader),
              let themeColor = reader.optionalString(), let logo = decoder.optional(&reader, { decoder.located(&$0) }),
              let exclude = reader.list({ decoder.located(&$0) }), let review = decoder.int(&reader),
              let verify = decoder.int(&reader), let allowRawHTML = reader.bool(), let contacts = decoder.contacts(&reader),
              let hasStatement = reader.bool() else { return nil }
        var accessibility: AccessibilityStatement?
        if hasStatement {
            guard let status = reader.string().flatMap(AccessibilityStatement.Status.init(rawValue:)),
                  let shortcomings = reader.list({ $0.string() }), let email = reader.optionalString(),
                  let assessed = decoder.day(&reader) else { return nil }
            accessibility = AccessibilityStatement(status: status, shortcomings: shortcomings, feedbackEmail: email, assessed: assessed)
        }
        guard let location = decoder.location(&reader) else { return nil }
        council = Council(slug: slug, name: name, kind: kind, group: group, population: population, themeColor: themeColor,
                          logo: logo, exclude: exclude, reviewIntervalMonths: review, verifyIntervalMonths: verify,
                          allowRawHTML: allowRawHTML, contacts: contacts, accessibility: accessibility, routines: [], assets: [],
                          directory: directory, location: location)
    }
    guard let diagnostics = decoder.diagnostics(&reader) else { return nil }
    return (council, diagnostics)
}

private func encodeGroup(_ result: (Group?, [Diagnostic]), file: String, _ writer: inout ByteWriter) {
    let (group, diagnostics) = result
    let encoder = Encoder(file: file)
    writer.write(group != nil)
    if let group {
        writer.write(group.name)
        writer.write(group.description)
        encoder.contacts(group.contacts, &writer)
        encoder.location(group.location, &writer)
    }
    encoder.diagnostics(diagnostics, &writer)
}

private func decodeGroup(_ reader: inout ByteReader, file: String, id: String) -> (Group?, [Diagnostic])? {
    guard let present = reader.bool() else { return nil }
    let decoder = Decoder(file: file)
    var group: Group?
    if present {
        guard let name = reader.string(), let description = reader.string(), let contacts = decoder.contacts(&reader),
              let location = decoder.location(&reader) else { return nil }
        group = Group(id: id, name: name, description: description, contacts: contacts, routines: [], location: location)
    }
    guard let diagnostics = decoder.diagnostics(&reader) else { return nil }
    return (group, diagnostics)
}
