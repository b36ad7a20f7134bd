import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The folder every test makes its temporary folders in: one per test process
/// (`<tmp>/rutinbok-tests-<pid>`), removed when the process exits. A process that died before
/// it could remove its own leaves it behind; the next test process removes it.
public enum TestScratch {
    public static let root: URL = {
        let base = FileManager.default.temporaryDirectory
        let prefix = "rutinbok-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
        }
        let root = base.appendingPathComponent("\(prefix)\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("rutinbok-tests-\(getpid())")
            try? FileManager.default.removeItem(at: root)
        }
        return root
    }()

    /// A new empty folder named `<name>-<uuid>` in `root`.
    public static func folder(_ name: String) -> URL {
        let url = root.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
