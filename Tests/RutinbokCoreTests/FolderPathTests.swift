import Testing
@testable import RutinbokCore

/// One folder, one spelling: what messages show and the caches beside the output are keyed on.
struct FolderPathTests {
    @Test(arguments: [
        ("content", "content"), ("./content/", "content"), ("content//routines/..", "content"),
        ("/work/site/content", "content"), ("/work/site/./content/", "content"), ("/work/site", "."),
        ("", "."), (".", "."), ("/work/site/content/../templates", "templates"),
    ])
    func aFolderInsideTheWorkingDirectoryIsRelativeToIt(_ given: String, _ canonical: String) {
        #expect(FolderPath.canonical(given, in: "/work/site") == canonical)
    }

    @Test(arguments: [
        ("../other/content", "../other/content"), ("../other/./content/", "../other/content"),
        ("/srv/content/", "/srv/content"), ("/work/sitex/content", "/work/sitex/content"),
        ("/work/site/../other", "/work/other"), ("/../srv", "/srv"),
    ])
    func aFolderOutsideItKeepsItsKind(_ given: String, _ canonical: String) {
        #expect(FolderPath.canonical(given, in: "/work/site") == canonical)
    }

    @Test func fromTheRootEveryPathIsRelative() {
        #expect(FolderPath.canonical("/srv/content", in: "/") == "srv/content")
    }
}
