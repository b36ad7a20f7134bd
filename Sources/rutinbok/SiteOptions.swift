import ArgumentParser
import RutinbokCore

/// Flags shared by `build` and `check`.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder: site.yml, routines/, groups/, councils/.")
    var content = "content"

    @Option(help: "The theme: Mustache templates and assets/.")
    var templates = "templates"

    @Option(name: .customLong("council"), help: "Only this council (slug); repeat for several. All councils when left out.")
    var councils: [String] = []

    @Option(help: ArgumentHelp("The date review intervals are measured against, YYYY-MM-DD.", valueName: "date"))
    var today: String?

    @Flag(help: "Include routines marked 'access: internal' (a build for the intranet).")
    var `internal` = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "How diagnostics are printed: text (on stderr) or json (on stdout).")
    var format: DiagnosticFormat = .text

    func validate() throws {
        if let today, Day(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, found '\(today)'")
        }
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
