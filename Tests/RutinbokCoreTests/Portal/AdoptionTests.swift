import Foundation
@testable import RutinbokCore
import Testing

@Suite("Portal: rutinbok adopt")
struct PortalAdoptionTests {
    @Test func copiesWithProvenance() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let outcome = try Adoption.adopt("exempelstad/webbsandning-av-sammantraden", into: "exempelby", content: content)
        #expect(outcome.path == "\(content)/councils/exempelby/routines/webbsandning-av-sammantraden.md")
        let copy = read(outcome.path)
        let original = read("\(content)/councils/exempelstad/routines/webbsandning-av-sammantraden.md")
        #expect(!copy.contains("share:"))
        #expect(copy.contains("\nreviewed: 2026-11-02\n"))
        #expect(copy.contains("\nadopted_from: exempelstad/webbsandning-av-sammantraden\n---\n"))
        // The body is untouched.
        #expect(copy.components(separatedBy: "\n---\n").dropFirst().joined() == original.components(separatedBy: "\n---\n").dropFirst().joined())

        // The portal now shows where the example spread.
        let loaded = try await DemoContent.load(content: content)
        let library = ExampleLibrary(handbooks: loaded.handbooks)
        #expect(library.example("exempelstad/webbsandning-av-sammantraden")?.adoptedBy == ["exempelby"])
        let routine = try #require(loaded.handbooks.first { $0.council.slug == "exempelby" }?.routine("webbsandning-av-sammantraden"))
        #expect(routine.routine.adoptedFrom?.value == "exempelstad/webbsandning-av-sammantraden")
        #expect(routine.routine.share == false)
        #expect(routine.origin == .added)
    }

    @Test func replacesAnEarlierAdoptedFrom() async throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let outcome = try Adoption.adopt("region-exempelmark/sociala-medier", into: "landstinget-exempelland", content: content)
        let copy = read(outcome.path)
        #expect(count("adopted_from:", in: copy) == 1)
        #expect(copy.contains("adopted_from: region-exempelmark/sociala-medier"))
        #expect(outcome.notes.first?.contains("has not marked") == true)
    }

    @Test func refusesToOverwrite() throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        let existing = "\(content)/councils/region-exempelmark/routines/sociala-medier.md"
        let before = read(existing)
        #expect(throws: Adoption.Failure.self) {
            try Adoption.adopt("exempelstad/sociala-medier", into: "region-exempelmark", content: content)
        }
        #expect(read(existing) == before)
    }

    @Test func checksCouncilsAndIDs() throws {
        let content = try DemoContent.copy()
        defer { try? FileManager.default.removeItem(atPath: content) }
        func failure(_ source: String, _ target: String) -> String {
            do { _ = try Adoption.adopt(source, into: target, content: content); return "" }
            catch { return "\(error)" }
        }
        #expect(failure("exempelstd/sociala-medier", "exempelby").contains("there is no council 'exempelstd'"))
        #expect(failure("exempelstd/sociala-medier", "exempelby").contains("did you mean 'exempelstad'?"))
        #expect(failure("exempelstad/sociala-medier", "nowhere").contains("there is no council 'nowhere'"))
        #expect(failure("exempelstad/sociala-medie", "exempelby").contains("exempelstad has no routine 'sociala-medie'"))
        #expect(failure("sociala-medier", "exempelby").contains("<council>/<routine id>"))
        #expect(failure("exempelstad/sociala-medier", "exempelstad").contains("already belongs"))
        #expect(!FileManager.default.fileExists(atPath: "\(content)/councils/exempelby/routines/sociala-medier.md"))
    }
}
