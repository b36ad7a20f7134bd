import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// Flags shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Mappen med innehållet: site.yml, routines/, groups/, councils/.", valueName: "mapp"))
    var content = "content"

    @Option(help: ArgumentHelp("Mappen med mallarna (Mustache) och assets/.", valueName: "mapp"))
    var templates = "templates"

    @Option(name: .customLong("council"), help: ArgumentHelp("Bara kommunen med detta id. Upprepa för fler kommuner. Utan --council: alla.", valueName: "kommun"))
    var councils: [String] = []

    @Option(help: ArgumentHelp("Bedöm vad som ska granskas utifrån detta datum i stället för i dag, ÅÅÅÅ-MM-DD.", valueName: "datum"))
    var today: String?

    @Flag(help: "Ta med rutiner med 'access: internal' (en version för intranätet).")
    var `internal` = false

    @Flag(help: "Räkna varningar som fel.")
    var strict = false

    @Option(help: "Hur fel och varningar visas: text för att läsa, eller json för andra program.")
    var format: DiagnosticFormat = .text

    func validate() throws {
        try Wording.checkToday(today)
    }

    func buildOptions(output: String = "output") -> RutinbokCore.Build.Options {
        var options = RutinbokCore.Build.Options(today: today.flatMap(Day.init) ?? .today())
        options.content = content
        options.templates = templates
        options.output = output
        options.councils = councils
        options.includeInternal = `internal`
        options.strict = strict
        return options
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
