import ArgumentParser
import Foundation
import RutinbokCore

/// `rutinbok build`: check everything, then write the handbooks and the portal.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check the content and build every council's handbook and the portal.",
        discussion: "Nothing is written unless every check passes; the previous output stays as it was until the new one is complete.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Where the handbooks are written. Replaced as a whole when the build succeeds.")
    var output = "output"

    func run() async throws {
        let started = Date()
        let result = await Build.run(site.buildOptions(output: output), write: true)
        let shown = Terminal.report(result.diagnostics, strict: site.strict, json: site.format == .json)
        guard result.published else {
            if !shown.hasErrors { Terminal.printError("error: nothing was written") }
            throw ExitCode(1)
        }
        if site.format == .text {
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            Terminal.printError("Built \(result.councils) handbooks, \(result.filesWritten) files, into \(output)/ in \(seconds) s")
        }
    }
}
