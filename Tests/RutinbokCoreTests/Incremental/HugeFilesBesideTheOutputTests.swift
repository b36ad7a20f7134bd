import Foundation
import Testing
@testable import RutinbokCore

/// A file of gigabytes in the place of one a build keeps beside its output (a disk image saved
/// there, a sparse file made by mistake) is found wrong by what it starts or ends with, not read
/// into memory whole first: that took seconds per gigabyte, or all the memory there was.
@Suite struct HugeFilesBesideTheOutputTests {
    @Test func filesOfGigabytesBesideTheOutputAreNotReadWhole() async throws {
        let w = try IncrementalWorkspace()
        #expect(await w.build().published)
        let output = URL(fileURLWithPath: w.output)
        let kept = ["manifest", "frames", "cache", "cache.index", "councils", "loaded"].map { Publisher.beside(output, $0).path }
        for path in kept {
            #expect(FileManager.default.fileExists(atPath: path), "\(path) is not a file the build keeps")
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.truncate(atOffset: 0)
            try handle.truncate(atOffset: 2 << 30)  // 2 GiB of zeros, taking no room on disk
            try handle.close()
        }
        // Read whole, they took the build to 6.3 GB of memory (and ten seconds). What the
        // process ever held is measured rather than the time, which other tests running beside
        // this one stretch: they hold far less than the gigabyte this allows.
        let before = try Self.peakMemory()
        let result = await w.build()
        let grown = try Self.peakMemory() - before
        #expect(grown < 1 << 30, "the build's process grew by \(grown >> 20) MB")
        #expect(result.published)
        await expectSameAsClean(w)
    }

    /// The most memory the process has held so far (`VmHWM`), in bytes.
    private static func peakMemory() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return try #require(Int(line.split(separator: " ").dropFirst().first ?? "")) * 1024
    }
}
