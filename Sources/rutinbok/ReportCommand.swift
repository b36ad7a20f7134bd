import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// `rutinbok report`: what needs reviewing, per council, and how readable each routine is.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Visar per kommun vilka rutiner som ska granskas, vilka kontakter som ska kontrolleras, när tillgänglighetsredogörelsen ska ses över och varje rutins LIX.",
        discussion: "Välj format med --format. text är till för att läsa. json är till för andra program. csv öppnar du i ett kalkylprogram med svenska inställningar, till exempel Excel: en rad per rutin och kontakt och för tillgänglighetsredogörelsen, med kolumner som du kan filtrera på, till exempel vad som ska granskas och vad som är svårt att läsa. Spara rapporten i en fil med till exempel: rutinbok report --format csv > granskning.csv. Slutkod: 0 när rapporten skrevs, 1 när innehållet har fel (rapporten skrivs då för det som gick att läsa) eller när en kommun eller region som du valde med --council inte finns (då skrivs ingen rapport), 2 när kommandot är felskrivet.")

    @Option(help: OptionHelp.content)
    var content = "content"

    @Option(help: OptionHelp.today)
    var today: String?

    @Option(name: .customLong("council"), help: OptionHelp.councils)
    var councils: [String] = []

    @Option(name: .customLong("group"), help: OptionHelp.groups)
    var groups: [String] = []

    @Flag(help: OptionHelp.internal)
    var `internal` = false

    @Option(help: "Hur rapporten skrivs: text för att läsa, json för andra program eller csv för ett kalkylprogram.")
    var format: ReportFormat = .text

    func validate() throws {
        try Wording.checkToday(today)
    }

    func run() async throws {
        let day = today.flatMap(Day.init) ?? Day.today()
        let (report, diagnostics) = await Report.make(content: content, today: day, councils: councils, groups: groups, includeInternal: `internal`)
        let errors = diagnostics.filter { $0.severity == .error }
        Terminal.report(errors, strict: false)
        guard let report else { throw ExitCode(1) }
        // Text is read in a terminal: content's control characters are shown, not sent. JSON
        // and CSV escape their own.
        let rendered = report.rendered(as: format.core)
        print(format == .text ? Terminal.visible(rendered) : rendered, terminator: "")
        if !errors.isEmpty { throw ExitCode(1) }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
    var core: ReviewReport.Format { ReviewReport.Format(rawValue: rawValue)! }
}
