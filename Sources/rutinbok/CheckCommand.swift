import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// `rutinbok check`: every stage but writing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and templates without writing anything.",
        discussion: "Exit status: 0 when there are no errors, 1 when there are, 2 for wrong usage.")

    @OptionGroup var site: SiteOptions

    func run() async throws {
        var options = site.buildOptions()
        options.endsProcess = true
        let result = await Build.run(options, write: false)
        let shown = Terminal.report(result.diagnostics, strict: site.strict, json: site.format == .json)
        if shown.hasErrors { throw ExitCode(1) }
        if site.format == .text, shown.isEmpty { Terminal.printError("No problems found in \(result.councils) handbooks.") }
    }
}
