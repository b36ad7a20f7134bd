import Foundation
import Testing
@testable import RutinbokCore

/// One folder, one spelling: what messages show and the caches beside the output are keyed on.
struct FolderPathTests {
    @Test(arguments: [
        ("content", "content"), ("./content/", "content"), ("content//routines/..", "content"),
        ("/work/site/content", "content"), ("/work/site/./content/", "content"), ("/work/site", "."),
        ("", "."), (".", "."), ("/work/site/content/../templates", "templates"),
    ])
    func aFolderInsideTheWorkingDirectoryIsRelativeToIt(_ given: String, _ spelt: String) {
        #expect(FolderPath.spelling(given, in: "/work/site") == spelt)
    }

    @Test(arguments: [
        ("../other/content", "../other/content"), ("../other/./content/", "../other/content"),
        ("/srv/content/", "/srv/content"), ("/work/sitex/content", "/work/sitex/content"),
        ("/work/site/../other", "/work/other"), ("/../srv", "/srv"),
    ])
    func aFolderOutsideItKeepsItsKind(_ given: String, _ spelt: String) {
        #expect(FolderPath.spelling(given, in: "/work/site") == spelt)
    }

    @Test func fromTheRootEveryPathIsRelative() {
        #expect(FolderPath.spelling("/srv/content", in: "/") == "srv/content")
    }

    /// The spelling is used only when the system finds the same folder by it: after a
    /// symbolic link, `..` leads to the link's parent on disk, not in the text.
    @Test func aSpellingThatLeadsElsewhereIsNotUsed() throws {
        let root = TestPaths.temporaryFolder("rutinbok-folderpath")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["site/content", "real/deep/content"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("site/link").path, withDestinationPath: root.appendingPathComponent("real/deep/x").path)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("real/deep/x"), withIntermediateDirectories: true)
        let site = root.appendingPathComponent("site").path
        #expect(FolderPath.canonical("./content/", in: site) == "content")
        #expect(FolderPath.canonical("\(site)/content", in: site) == "content")
        // `link/..` is real/deep on disk: the folder read is real/deep/content, and so named.
        #expect(FolderPath.canonical("link/../content", in: site) == root.appendingPathComponent("real/deep/content").path)
        #expect(FolderPath.physical("link/../content", in: site) == root.appendingPathComponent("real/deep/content").path)
        #expect(FolderPath.physical("link/../nytt/ut", in: site) == root.appendingPathComponent("real/deep/nytt/ut").path, "a part that does not exist yet")
        #expect(FolderPath.physical("content", in: site) == "content", "a path without '..' stays as given")
    }
}
