@testable import RutinbokCore
import Testing

@Suite struct FrontMatterTests {
    @Test func normal() {
        let result = FrontMatter.split("---\ntitle: Hot\nphase: hantera\n---\n# Rubrik\n\nText.\n")
        #expect(result == .success(FrontMatter(yaml: "title: Hot\nphase: hantera", yamlLineOffset: 1, body: "# Rubrik\n\nText.\n", bodyLine: 5)))
    }

    @Test func trailingWhitespaceOnTheFencesIsAllowed() {
        let result = FrontMatter.split("--- \ntitle: Hot\n---\t\nText")
        #expect(result == .success(FrontMatter(yaml: "title: Hot", yamlLineOffset: 1, body: "Text", bodyLine: 4)))
    }

    @Test func dotsCloseTheBlock() {
        let result = FrontMatter.split("---\ntitle: Hot\n...\nText\n")
        #expect(result == .success(FrontMatter(yaml: "title: Hot", yamlLineOffset: 1, body: "Text\n", bodyLine: 4)))
    }

    @Test func onlyTheFirstClosingFenceCounts() {
        let result = FrontMatter.split("---\na: 1\n---\nFöre\n\n---\n\nEfter\n")
        #expect(result == .success(FrontMatter(yaml: "a: 1", yamlLineOffset: 1, body: "Före\n\n---\n\nEfter\n", bodyLine: 4)))
    }

    @Test func emptyFrontMatterAndEmptyBody() {
        #expect(FrontMatter.split("---\n---\n") == .success(FrontMatter(yaml: "", yamlLineOffset: 1, body: "", bodyLine: 3)))
        #expect(FrontMatter.split("---\na: 1\n---") == .success(FrontMatter(yaml: "a: 1", yamlLineOffset: 1, body: "", bodyLine: 4)))
    }

    @Test func bodyLineCountsBlankYAMLLines() {
        let text = "---\n\ntitle: A\n\n# kommentar\nsummary: B\n---\nFörsta raden\n"
        guard case .success(let front) = FrontMatter.split(text) else {
            Issue.record("expected front matter")
            return
        }
        #expect(front.bodyLine == 8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[front.bodyLine - 1] == "Första raden")
    }

    @Test func missing() {
        #expect(FrontMatter.split("# Rubrik\n\n---\n") == .failure(.missing))
        #expect(FrontMatter.split("") == .failure(.missing))
        #expect(FrontMatter.split(" ---\na: 1\n---\n") == .failure(.missing))
        #expect(FrontMatter.split("----\na: 1\n----\n") == .failure(.missing))
    }

    @Test func unclosed() {
        #expect(FrontMatter.split("---\ntitle: Hot\n\n# Rubrik\n") == .failure(.unclosed))
        #expect(FrontMatter.split("---") == .failure(.unclosed))
    }

    @Test func crlfLineEndings() {
        let result = FrontMatter.split("---\r\ntitle: Hot\r\nphase: hantera\r\n---\r\nText\r\n")
        guard case .success(let front) = result else {
            Issue.record("expected front matter, got \(result)")
            return
        }
        #expect(front.yaml.replacingOccurrences(of: "\r", with: "") == "title: Hot\nphase: hantera")
        #expect(front.body == "Text\n")
        #expect(front.bodyLine == 5)
    }
}
