import ArgumentParser
import CommandLineSupport
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

    @Flag(help: "Print how long each stage took, how many routine bodies were rendered, how many councils came from the council cache or were checked in part, and how many print pages and search indexes were patched.")
    var timings = false

    func run() async throws {
        let started = Date()
        var options = site.buildOptions(output: output)
        options.endsProcess = true
        let result = await Build.run(options, write: true)
        let shown = Terminal.report(result.diagnostics, strict: site.strict, json: site.format == .json)
        if timings {
            for (stage, seconds) in result.timings { Terminal.printError(stage.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%7.3f s", seconds)) }
            if !result.unchanged {
                Terminal.printError("bodies rendered \(result.bodiesRendered), councils from the council cache \(result.councilsFromCache), "
                                    + "councils checked in part \(result.councilsCheckedInPart), "
                                    + "print pages and search indexes patched \(result.filesPatched)")
            }
        }
        guard result.published else {
            if !shown.hasErrors { Terminal.printError("error: nothing was written") }
            throw ExitCode(1)
        }
        if site.format == .text {
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            if result.unchanged {
                Terminal.printError("Nothing changed: \(output)/ is up to date (\(result.councils) handbooks, checked in \(seconds) s)")
                return
            }
            if result.filesReused > 0 {
                Terminal.printError("Built \(result.councils) handbooks, \(result.filesWritten) files (\(result.filesWritten - result.filesReused) new or changed), into \(output)/ in \(seconds) s")
                return
            }
            Terminal.printError("Built \(result.councils) handbooks, \(result.filesWritten) files, into \(output)/ in \(seconds) s")
        }
    }
}
