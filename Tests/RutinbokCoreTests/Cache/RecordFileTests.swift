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
}
