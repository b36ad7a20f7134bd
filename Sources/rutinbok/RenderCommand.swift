import ArgumentParser
import CommandLineSupport
import Foundation
import RutinbokCore

/// `rutinbok render FILE`: one Markdown file to an HTML fragment, like the `cmark` command.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Gör om en Markdown-fil till HTML och skriver den i terminalen, med rutinboks tillägg.",
        discussion: "Rutinens uppgifter (mellan raderna ---) hoppas över. Länkar till rutiner blir .html-länkar. Länkar till kontakter visar bara kontaktens id, eftersom ingen kommun är vald.")

    @Argument(help: ArgumentHelp("Markdown-filen, eller - för att läsa texten från terminalen.", valueName: "fil"))
    var file: String

    @Flag(help: "Släpp igenom rå HTML och javascript:-länkar (som för en kommun med allow_raw_html: true).")
    var unsafe = false

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                Terminal.printError("\(file): fel: filen gick inte att läsa")
                throw ExitCode(1)
            }
            data = contents
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            Terminal.printError("\(file): fel: filen är inte sparad med teckenkodningen UTF-8; spara den med UTF-8")
            throw ExitCode(1)
        }
        let result = FragmentRenderer.render(text, file: file == "-" ? "<stdin>" : file, allowRawHTML: unsafe)
        FileHandle.standardOutput.write(Data(result.html.utf8))
        Terminal.report(result.diagnostics, strict: false)
    }
}
