import Foundation

/// Renders every distinct routine file once, in parallel, whatever number of councils
/// share it: a base routine's HTML does not depend on the council.
struct MarkdownStage: Sendable {
    struct Key: Hashable, Sendable {
        /// The routine's file, which identifies its text.
        var file: String
        var options: MarkdownRenderer.Options
    }

    private(set) var pages: [Key: RenderedMarkdown] = [:]
    private(set) var print: [Key: RenderedMarkdown] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    static func key(_ routine: Routine, in handbook: Handbook) -> Key {
        Key(file: routine.location.file, options: .init(allowRawHTML: handbook.council.allowRawHTML))
    }

    static func render(_ handbooks: [Handbook]) async -> MarkdownStage {
        var unique: [Key: Routine] = [:]
        for handbook in handbooks {
            for entry in handbook.routines { unique[key(entry.routine, in: handbook)] = entry.routine }
        }
        let work = unique.sorted { ($0.key.file, $0.key.options.allowRawHTML ? 1 : 0) < ($1.key.file, $1.key.options.allowRawHTML ? 1 : 0) }
        let batches = stride(from: 0, to: work.count, by: 32).map { Array(work[$0..<min($0 + 32, work.count)]) }
        var stage = MarkdownStage()
        await withTaskGroup(of: [(Key, RenderedMarkdown, RenderedMarkdown)].self) { group in
            for batch in batches {
                group.addTask {
                    batch.map { key, routine in
                        let page = MarkdownRenderer(options: key.options)
                            .render(routine.body, file: routine.location.file, firstLine: routine.bodyLine)
                        var printOptions = key.options
                        printOptions.printRoutine = routine.id
                        let print = MarkdownRenderer(options: printOptions)
                            .render(routine.body, file: routine.location.file, firstLine: routine.bodyLine)
                        return (key, page, print)
                    }
                }
            }
            for await results in group {
                for (key, page, print) in results {
                    stage.pages[key] = page
                    stage.print[key] = print
                    stage.diagnostics += page.diagnostics
                }
            }
        }
        return stage
    }

    /// The rendered bodies of a handbook's routines, by routine id.
    func pages(for handbook: Handbook) -> [String: RenderedMarkdown] {
        lookup(pages, handbook)
    }

    func printPages(for handbook: Handbook) -> [String: RenderedMarkdown] {
        lookup(print, handbook)
    }

    private func lookup(_ table: [Key: RenderedMarkdown], _ handbook: Handbook) -> [String: RenderedMarkdown] {
        var result: [String: RenderedMarkdown] = [:]
        for entry in handbook.routines {
            result[entry.routine.id] = table[Self.key(entry.routine, in: handbook)]
        }
        return result
    }
}
