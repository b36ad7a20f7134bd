import Foundation
import Testing
@testable import RutinbokCore

/// Frames kept between builds: read back exactly, used only with the templates that made them.
@Suite struct FrameStoreTests {
    func output() -> URL { TestPaths.temporaryFolder("rutinbok-frames").appendingPathComponent("output") }

    func madeFrames() throws -> (TemplateFrames, [TemplateValue]) {
        let library = try TemplateFramesTests.library()
        let frames = TemplateFrames()
        let pages = try TemplateFramesTests.pages.map { try #require(TemplateData.make($0)) }
        for page in pages { _ = frames.render("page", page, library: library) }
        return (frames, pages)
    }

    @Test func framesReadBackAndFillPagesAsBefore() throws {
        let (frames, pages) = try madeFrames()
        let output = output()
        FrameStore.save(frames.used.frames, beside: output, templates: 42)
        let loaded = FrameStore.load(beside: output, templates: 42)
        #expect(loaded.count == frames.count)
        // Rendering from the loaded frames alone: a library without templates would render nothing.
        let resumed = TemplateFrames(known: loaded)
        let library = try TemplateFramesTests.library()
        for page in pages {
            #expect(resumed.render("page", page, library: MustacheLibraryWithout.templates) == library.render(page.mustache, withTemplate: "page"))
        }
        #expect(!resumed.used.new, "no frame had to be made")
    }

    @Test func framesOfOtherTemplatesOrADamagedFileAreNotUsed() throws {
        let (frames, _) = try madeFrames()
        let output = output()
        FrameStore.save(frames.used.frames, beside: output, templates: 42)
        #expect(FrameStore.load(beside: output, templates: 43).isEmpty)
        let path = FrameStore.path(beside: output)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 3] ^= 0x55
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(FrameStore.load(beside: output, templates: 42).isEmpty)
    }

    @Test func aChangedBuildMakesNoNewFramesAndLeavesTheFileAlone() async throws {
        var w = try IncrementalWorkspace()
        #expect(await w.build().published)
        let path = FrameStore.path(beside: URL(fileURLWithPath: w.output))
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        try w.append("content/routines/akut.md", "\nEn ny mening om akut läge.\n")
        #expect(await w.build().published)
        let after = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        #expect(before != nil && before == after, "every shape was known")
        let (clean, _) = await w.cleanBuild()
        #expect(IncrementalWorkspace.tree(w.output) == IncrementalWorkspace.tree(clean))

        // Other templates: the kept frames are not used, and new ones replace them.
        try w.append("templates/routine.mustache", "\n<!-- ny mall -->\n")
        #expect(await w.build().published)
        let (again, _) = await w.cleanBuild()
        #expect(IncrementalWorkspace.tree(w.output) == IncrementalWorkspace.tree(again))
    }
}

import Mustache

/// A library with no templates: whatever it renders comes from frames.
enum MustacheLibraryWithout {
    static let templates = MustacheLibrary()
}
