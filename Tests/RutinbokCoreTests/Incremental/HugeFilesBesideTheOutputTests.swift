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
        // Reading one such file whole took about ten seconds here; all six, a minute.
        let started = ContinuousClock.now
        let result = await w.build()
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(result.published)
        await expectSameAsClean(w)
    }
}
