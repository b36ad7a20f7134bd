import ArgumentParser
import CommandLineSupport
import Foundation
import RutinbokCore

/// `rutinbok new council|routine`: starting files, made from what the content already holds.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Skapar en ny kommun eller rutin utifrån det innehåll som redan finns.",
        discussion: "Skriver aldrig över en fil. Slutkod: 0 när filen skapades, 1 när den inte kunde skapas (innehållet gick inte att läsa, id:t går inte att använda eller filen finns redan), 2 när kommandot är felskrivet.",
        subcommands: [NewCouncil.self, NewRoutine.self])
}

extension Council.Kind: ExpressibleByArgument {}

struct NewCouncil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "council",
        abstract: "Skapar councils/<id>/council.yml med alla kontakter som rutinerna hänvisar till, redo att fylla i.")

    @Argument(help: ArgumentHelp("Kommunens id: a–z, 0–9 och -, till exempel nyby. Det blir handbokens webbadress.", valueName: "id"))
    var slug: String

    @Option(help: ArgumentHelp("Kommunens namn, till exempel \"Nyby kommun\".", valueName: "namn"))
    var name: String

    @Option(help: ArgumentHelp("Vilken sorts organisation: kommun eller region (landsting, som nu heter region, går också).", valueName: "sort"))
    var kind: Council.Kind

    @Option(help: ArgumentHelp("Id för en samverkansgrupp som kommunen ingår i. Kommunen får gruppens rutiner och kontakter.", valueName: "grupp"))
    var group: String?

    @Option(help: OptionHelp.content)
    var content = "content"

    func run() async throws {
        let site = try await NewCommand.load(content)
        let request = Scaffold.CouncilRequest(slug: slug, name: name, kind: kind, group: group)
        try NewCommand.create { try Scaffold.council(request, site: site, contentDirectory: content) }
    }
}

struct NewRoutine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routine",
        abstract: "Skapar councils/<kommun>/routines/<id>.md: en kopia av en rutin att anpassa, eller en tom rutin.",
        discussion: "Med samma id som en grundrutin ersätter den nya filen grundrutinen i kommunens handbok. Med ett nytt id läggs en rutin till.")

    @Argument(help: ArgumentHelp("Rutinens id: filnamnet utan .md, med a–z, 0–9 och -.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("Kommunens id.", valueName: "kommun"))
    var council: String

    @Option(help: ArgumentHelp("Id för en grundrutin att kopiera i stället för att börja med en tom rutin. Har kommunens grupp en egen version av rutinen kopieras den.", valueName: "grundrutin"))
    var from: String?

    @Option(help: ArgumentHelp("Datumet i reviewed:, ÅÅÅÅ-MM-DD. Utan --today: dagens datum.", valueName: "datum"))
    var today: String?

    @Option(help: OptionHelp.content)
    var content = "content"

    func validate() throws {
        try Wording.checkToday(today)
    }

    func run() async throws {
        let site = try await NewCommand.load(content)
        let request = Scaffold.RoutineRequest(id: id, council: council, from: from, today: today.flatMap(Day.init) ?? .today())
        try NewCommand.create { try Scaffold.routine(request, site: site, contentDirectory: content) }
    }
}

extension NewCommand {
    /// The content as it is now; a scaffold needs its routines and contacts.
    static func load(_ content: String) async throws -> Site {
        let (site, diagnostics) = await ContentLoader.load(contentDirectory: content)
        guard let site else {
            Terminal.report(diagnostics, strict: false)
            throw ExitCode(1)
        }
        return site
    }

    /// Writes the file and says what to do next, on stderr like every message to the editor
    /// (stdout carries only what a program reads: `render`'s HTML, `report`, JSON).
    static func create(_ plan: () throws -> Scaffold.NewFile) throws {
        do {
            let file = try plan()
            try Scaffold.write(file)
            Terminal.printError("Skapade \(file.path)")
            for warning in file.warnings { Terminal.printError("varning: \(warning)") }
            for step in file.nextSteps { Terminal.printError("  nästa steg: \(step)") }
        } catch let refusal as Scaffold.Refusal {
            Terminal.printError("fel: \(refusal.description)")
            throw ExitCode(1)
        }
    }
}
