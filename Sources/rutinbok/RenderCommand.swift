import ArgumentParser
import CommandLineSupport
import Foundation
import RutinbokCore

/// `rutinbok render FILE`: one Markdown file to an HTML fragment, like the `cmark` command.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one Markdown file to an HTML fragment on stdout, with rutinbok's extensions.",
        discussion: "Front matter, if the file has it, is skipped. Routine links become .html links; contact references are shown with their id, since no council is known.")

    @Argument(help: "The Markdown file, or - for standard input.")
    var file: String

    @Flag(help: "Let raw HTML and javascript: links through (as a council with allow_raw_html: true).")
    var unsafe = false

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CLIError.usage("\(file): error: the file could not be read")
            }
            data = contents
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CLIError.usage("\(file): error: the file is not valid UTF-8 text")
        }
        let result = FragmentRenderer.render(text, file: file == "-" ? "<stdin>" : file, allowRawHTML: unsafe)
        FileHandle.standardOutput.write(Data(result.html.utf8))
        Terminal.report(result.diagnostics, strict: false)
    }
}
