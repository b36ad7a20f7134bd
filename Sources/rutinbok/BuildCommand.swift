import ArgumentParser
import CommandLineSupport
import Foundation
import RutinbokCore

/// `rutinbok build`: check everything, then write the handbooks and the portal.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Kontrollerar innehållet och bygger alla kommuners handböcker och portalen.",
        discussion: "Om kontrollen hittar ett fel skriver programmet ingenting. Den förra versionen i utdatamappen ligger kvar tills den nya är klar. Slutkod: 0 när handböckerna byggdes (eller inget hade ändrats), 1 när ingenting skrevs (fel, eller varningar med --strict), 2 när kommandot är felskrivet.")

    @OptionGroup var site: SiteOptions

    @Option(name: .customLong("output"), help: ArgumentHelp("Utdatamappen, dit handböckerna skrivs. Hela mappen byts ut när bygget lyckas. (förval: output, med --internal output-intranat)", valueName: "mapp"))
    var outputFolder: String?

    /// Without a final '/', which the messages add ("output/").
    private var output: String {
        let folder = outputFolder ?? Build.Options.defaultOutput(forIntranet: site.internal)
        let trimmed = folder.replacingOccurrences(of: "/+$", with: "", options: .regularExpression)
        return trimmed.isEmpty ? folder : trimmed
    }

    /// The output as the messages name it, with one final '/' ("output/", and "/" for the root);
    /// a file in its place (which the build refuses to replace) is named as a file.
    private var shownOutput: String {
        var isFolder: ObjCBool = true
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue { return output }
        return output.hasSuffix("/") ? output : output + "/"
    }

    @Flag(name: [.short, .long], help: "Skriv ingenting när bygget lyckas och inget behöver göras (inga fel eller varningar, ingen handbok borttagen). För schemalagda byggen.")
    var quiet = false

    // The output is for developers and stays in English, as do the stage names it prints.
    @Flag(help: "Skriv ut hur lång tid varje steg tog och hur mycket som återanvändes från förra bygget. För utvecklare, på engelska.")
    var timings = false

    func run() async throws {
        let started = Date()
        var options = site.buildOptions(output: output)
        options.endsProcess = true
        if !quiet { options.waitingForOutput = Wording.waitingForOutput(output) }
        let hadOutput = FileManager.default.fileExists(atPath: output)
        // A public build's pages are for everyone: a umask such as 077 would have made them
        // unreadable to the web server the folder is copied to (403). An intranet build keeps
        // the umask's privacy.
        if !options.includeInternal { PublicFiles.allowReading() }
        let result = await Build.run(options, write: true)
        // Quiet: a build that published with nothing to say prints nothing (cron mails
        // nothing), in JSON too. A handbook gone from the output is something to say.
        if quiet && result.published && result.diagnostics.isEmpty && result.handbooksRemoved.isEmpty { return }
        let shown = Terminal.report(result.diagnostics, strict: site.strict, json: site.format == .json,
                                    build: BuildReport(output: output, result))
        if timings {
            for (stage, seconds) in result.timings { Terminal.printError(stage.padding(toLength: 16, withPad: " ", startingAt: 0) + String(format: "%7.3f s", seconds)) }
            if !result.unchanged {
                Terminal.printError("bodies rendered \(result.bodiesRendered), councils from the council cache \(result.councilsFromCache), "
                                    + "councils checked in part \(result.councilsCheckedInPart), "
                                    + "print pages and search indexes patched \(result.filesPatched), "
                                    + "portal pages rendered \(result.portalPagesRendered)")
            }
        }
        guard result.published else {
            // The editor's first worry after a failed build: is the published handbook still there?
            // … and when there is none yet, "as before" would promise one.
            Terminal.printError(!shown.hasErrors ? "fel: ingenting skrevs till \(shownOutput)"
                                : hadOutput ? "Ingenting skrevs: \(shownOutput) är som förut." : "Ingenting skrevs till \(shownOutput).")
            throw ExitCode(1)
        }
        if site.format == .text {
            let seconds = Wording.seconds(Date().timeIntervalSince(started))
            let handbooks = Wording.handbooks(result.councils)
            if result.unchanged {
                Terminal.printError("Inget har ändrats: \(shownOutput) är redan aktuell. Kontrollerade \(handbooks) på \(seconds).")
                return
            }
            var files = Wording.files(result.filesWritten)
            if result.filesChanged < result.filesWritten { files += ", varav \(Wording.newOrChanged(result.filesChanged))" }
            // Files gone with a removed handbook are counted on its own line below.
            let removed = result.filesRemoved - result.filesOfRemovedHandbooks
            if removed > 0 { files += "; \(Wording.files(removed)) togs bort" }
            Terminal.printError("Byggde \(handbooks) (\(files)) i \(shownOutput) på \(seconds).")
            if !result.handbooksAdded.isEmpty {
                Terminal.printError("Nya i \(shownOutput): \(Wording.handbooks(result.handbooksAdded.count)), \(result.handbooksAdded.joined(separator: ", ")).")
            }
            if !result.handbooksRemoved.isEmpty {
                // With --council or --group, the output holds the chosen councils only: say so,
                // since the others' folders were in it before.
                let flags = [site.councils.isEmpty ? nil : "--council", site.groups.isEmpty ? nil : "--group"].compactMap { $0 }
                let chosen = flags.isEmpty ? "" : " (med \(flags.joined(separator: " och ")) innehåller \(shownOutput) bara de kommuner du valde)"
                Terminal.printError("Togs bort ur \(shownOutput): \(Wording.handbooks(result.handbooksRemoved.count)) (\(Wording.files(result.filesOfRemovedHandbooks))), "
                                    + "\(result.handbooksRemoved.joined(separator: ", "))\(chosen).")
            }
        }
    }
}
