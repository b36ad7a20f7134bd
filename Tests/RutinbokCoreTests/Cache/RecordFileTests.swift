import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import RutinbokCore

/// The record file both caches are kept in. Builds map it while they read it, so it must
/// never become shorter under them: appending only adds, and anything else is a new file.
/// A key for the tests: a name, written as a string.
struct Name: RecordKey, ExpressibleByStringLiteral {
    var text: String
    init(stringLiteral text: String) { self.text = text }
    init(_ text: String) { self.text = text }
    func write(to writer: inout ByteWriter) { writer.write(text) }
}

@Suite struct RecordFileTests {
    static let header = Array("rutinbok-test-records 1\n".utf8)

    func file(_ path: String) -> RecordFile<Name> {
        RecordFile(path: path, header: Self.header)
    }

    func indexed(_ path: String) -> RecordFile<Name> {
        RecordFile(path: path, header: Self.header, indexed: true)
    }

    func records(_ entries: [(String, String)]) -> [UInt8] {
        var writer = ByteWriter()
        for (key, value) in entries {
            RecordFile<Name>.appendRecord(to: &writer, key: Name(key)) { $0.write(value) }
        }
        return writer.bytes
    }

    func add(_ entries: [(String, String)], to file: RecordFile<Name>, live: Set<String>) {
        file.commit(file.prepare(fresh: records(entries), freshKeys: Set(entries.map { Name($0.0) }), live: Set(live.map { Name($0) })))
    }

    func value(_ file: RecordFile<Name>, _ key: String) -> String? {
        file.read(Name(key)) { $0.string() }
    }

    func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }

    func inode(_ path: String) -> UInt64 {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    func path() -> String {
        TestPaths.temporaryFolder("rutinbok-records").appendingPathComponent(".output.test").path
    }

    @Test func recordsReadBackAndALaterOneWins() {
        let path = path()
        add([("a", "ett"), ("b", "två")], to: file(path), live: ["a", "b"])
        add([("a", "ETT")], to: file(path), live: ["a", "b"])
        let again = file(path)
        #expect(again.count == 2 && again.records == 3)
        #expect(value(again, "a") == "ETT" && value(again, "b") == "två")
        #expect(value(again, "c") == nil)
    }

    @Test func aBuildThatReadTheFileKeepsReadingItWhileOthersChangeIt() throws {
        let path = path()
        add([("a", "ett"), ("b", "två")], to: file(path), live: ["a", "b"])
        let reader = file(path)          // maps the file, as a build's Markdown stage does
        let early = file(path)           // another build, which read the file before the next one appended
        add([("c", "tre")], to: file(path), live: ["a", "b", "c"])
        #expect(file(path).count == 3, "appended")
        // The early build's view ends before the appended record: it must not cut the file to
        // its own length, but write a new one.
        let oldInode = inode(path)
        add([("d", "fyra")], to: early, live: ["a", "b", "d"])
        #expect(inode(path) != oldInode, "a new file, not the old one cut short")
        let after = file(path)
        #expect(value(after, "a") == "ett" && value(after, "d") == "fyra")
        // Whatever happened to the name, the mapping the first build holds reads as before.
        #expect(value(reader, "a") == "ett" && value(reader, "b") == "två")
    }

    @Test func aDamagedTailIsNotCutInPlace() throws {
        let path = path()
        add([("a", "ett"), ("b", "två")], to: file(path), live: ["a", "b"])
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try (whole + Data([1, 2, 3])).write(to: URL(fileURLWithPath: path))
        let held = open(path, O_RDONLY)
        defer { close(held) }
        let damaged = file(path)
        #expect(damaged.count == 2 && damaged.validLength == whole.count)
        add([("c", "tre")], to: damaged, live: ["a", "b", "c"])
        var info = stat()
        fstat(held, &info)
        #expect(Int(info.st_size) == whole.count + 3, "the file a reader may have mapped keeps its length")
        let repaired = file(path)
        #expect(repaired.count == 3 && repaired.validLength == size(path), "no damaged bytes in the new file")
        #expect(value(repaired, "c") == "tre")
    }

    @Test func aFileOfAnotherHeaderOrNoneIsEmpty() throws {
        let path = path()
        #expect(file(path).count == 0 && file(path).validLength == 0)
        try Data("rutinbok-test-records 2\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(file(path).count == 0 && file(path).validLength == 0)
        // The first records of a new file come with the header.
        add([("a", "ett")], to: file(path), live: ["a"])
        #expect(value(file(path), "a") == "ett")
    }

    @Test func anIndexedFileOpensFromItsIndexAndReadsAsIfReadThrough() {
        let path = path()
        add([("a", "ett"), ("b", "två")], to: indexed(path), live: ["a", "b"])
        add([("a", "ETT"), ("c", "tre")], to: indexed(path), live: ["a", "b", "c"])
        let fromIndex = indexed(path)
        let readThrough = file(path)
        #expect(fromIndex.openedFromIndex && !readThrough.openedFromIndex)
        #expect(fromIndex.count == 3 && fromIndex.records == 4 && fromIndex.validLength == size(path))
        #expect(readThrough.count == fromIndex.count && readThrough.records == fromIndex.records
            && readThrough.validLength == fromIndex.validLength)
        for key in ["a", "b", "c", "d"] {
            #expect(value(fromIndex, key) == value(readThrough, key), "\(key)")
        }
        #expect(value(fromIndex, "a") == "ETT", "a later record wins, as when read through")
        // Written anew (most records stale): the new file gets an index of its own.
        add([("e", "fem")], to: indexed(path), live: ["e"])
        let rewritten = indexed(path)
        #expect(rewritten.openedFromIndex && rewritten.count == 1 && value(rewritten, "e") == "fem")
    }

    @Test func anIndexThatNoLongerDescribesItsFileIsIgnored() throws {
        let path = path()
        add([("a", "ett"), ("b", "två")], to: indexed(path), live: ["a", "b"])
        // Appended by something that keeps no index: the index's length no longer matches.
        add([("c", "tre")], to: file(path), live: ["a", "b", "c"])
        let stale = indexed(path)
        #expect(!stale.openedFromIndex && stale.count == 3 && value(stale, "c") == "tre")
        // A build with nothing new to add puts a matching index in place.
        stale.commit(stale.prepare(fresh: [], freshKeys: [], live: [Name("a"), Name("b"), Name("c")]))
        #expect(indexed(path).openedFromIndex && value(indexed(path), "c") == "tre")

        // A damaged index (one byte of a place changed) is not used.
        let indexURL = URL(fileURLWithPath: RecordIndex.path(of: path))
        var bytes = try Data(contentsOf: indexURL)
        bytes[bytes.count - 20] ^= 0x01
        try bytes.write(to: indexURL)
        let damaged = indexed(path)
        #expect(!damaged.openedFromIndex && damaged.count == 3 && value(damaged, "b") == "två")

        // Another file of the same length under the name (replaced, so another inode): not used.
        add([], to: indexed(path), live: ["a", "b", "c"])
        #expect(indexed(path).openedFromIndex)
        let copy = path + ".copy"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        #expect(rename(copy, path) == 0)
        let replaced = indexed(path)
        #expect(!replaced.openedFromIndex && replaced.count == 3 && value(replaced, "a") == "ett")

        // An index for another header (another binary's cache) is not used either.
        let other = RecordFile<Name>(path: path, header: Array("rutinbok-test-records 2\n".utf8), indexed: true)
        #expect(!other.openedFromIndex && other.count == 0)
    }
}
