import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// `rutinbok report`: what needs reviewing, per council, and how readable each routine is.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "List routines past review, contacts past verification and each routine's LIX, per council.",
        discussion: "text is for reading; json is for programs; csv (one row per routine and contact, with columns to filter on what is due for review and what reads too hard) is for a spreadsheet set to Swedish: semicolons, decimal commas and a byte order mark. The report goes to stdout, problems in the content to stderr.")

    @Option(help: "The content folder: site.yml, routines/, groups/, councils/.")
    var content = "content"

    @Option(help: ArgumentHelp("The date review intervals are measured against, YYYY-MM-DD.", valueName: "date"))
    var today: String?

    @Option(name: .customLong("council"), help: "Only this council (slug); repeat for several.")
    var councils: [String] = []

    @Flag(help: "Include routines marked 'access: internal'.")
    var `internal` = false

    @Option(help: "text, json or csv.")
    var format: ReportFormat = .text

    func validate() throws {
        if let today, Day(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, found '\(today)'")
        }
    }

    func run() async throws {
        let day = today.flatMap(Day.init) ?? Day.today()
        let (report, diagnostics) = await Report.make(content: content, today: day, councils: councils, includeInternal: `internal`)
        let errors = diagnostics.filter { $0.severity == .error }
        Terminal.report(errors, strict: false)
        guard let report else { throw ExitCode(1) }
        print(report.rendered(as: format.core), terminator: "")
        if !errors.isEmpty { throw ExitCode(1) }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
    var core: ReviewReport.Format { ReviewReport.Format(rawValue: rawValue)! }
}
