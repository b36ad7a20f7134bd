import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// `rutinbok check`: every stage but writing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Kontrollerar innehållet och mallarna utan att skriva något.",
        discussion: """
            Kontrollerar både den offentliga versionen och intranätets, med rutinerna som har \
            'access: internal'. Med --internal: bara intranätets.

            Slutkod: 0 om det inte finns några fel, 1 om det finns fel (med --strict också om det finns varningar), 2 om kommandot är felskrivet.
            """)

    @OptionGroup var site: SiteOptions

    func run() async throws {
        var options = site.buildOptions()
        options.endsProcess = true
        let result = await Build.checkBothVersions(options)
        // A theme maker's first question about a theme over the shipped templates: which of
        // its files are used, and which of them still need to be its own.
        if site.format == .text, let overlay = ThemeOverlay.describe(options) {
            for line in ThemeOverlayWording.lines(overlay) { Terminal.printError(line) }
        }
        let shown = Terminal.report(result.diagnostics, strict: site.strict, json: site.format == .json)
        if shown.hasErrors { throw ExitCode(1) }
        if site.format == .text, shown.isEmpty { Terminal.printError("Inga fel eller varningar i \(Wording.handbooks(result.councils)).") }
    }
}
