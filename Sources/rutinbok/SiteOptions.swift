import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// Flags shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: OptionHelp.content)
    var content = "content"

    @Option(help: OptionHelp.templates)
    var templates: String?

    @Option(name: .customLong("council"), help: OptionHelp.councils)
    var councils: [String] = []

    @Option(name: .customLong("group"), help: OptionHelp.groups)
    var groups: [String] = []

    @Option(help: OptionHelp.today)
    var today: String?

    @Flag(help: OptionHelp.internal)
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
        let found = DefaultTemplates.lookup(given: templates)
        (options.templates, options.templatesLookedIn, options.shippedTemplates) = (found.folder, found.lookedIn, found.shipped)
        options.output = output
        options.councils = councils
        options.groups = groups
        options.includeInternal = `internal`
        options.strict = strict
        return options
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
