import ArgumentParser
import CommandLineSupport
import Foundation
import RutinbokCore

/// `rutinbok new council|routine`: starting files, made from what the content already holds.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new council or routine from the content you already have.",
        discussion: "Never overwrites a file. Exit status: 0 when the file was made, 1 when the content could not be read, 2 for wrong usage.",
        subcommands: [NewCouncil.self, NewRoutine.self])
}

extension Council.Kind: ExpressibleByArgument {}

struct NewCouncil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "council",
        abstract: "Make councils/<slug>/council.yml with every contact the routines refer to, ready to fill in.")

    @Argument(help: "The council's slug: a–z, 0–9 and '-', e.g. nyby. It becomes the handbook's web address.")
    var slug: String

    @Option(help: "The council's name, e.g. \"Nyby kommun\".")
    var name: String

    @Option(help: "kommun, landsting or region.")
    var kind: Council.Kind

    @Option(help: "A group (samverkan) whose routines and contacts the council shares.")
    var group: String?

    @Option(help: "The content folder.")
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
        abstract: "Make councils/<council>/routines/<id>.md: a copy of a routine to adapt, or a blank one.",
        discussion: "With the id of a base routine, the new file replaces that routine in the council's handbook; with a new id, it adds one.")

    @Argument(help: "The routine id: the file name without .md, a–z, 0–9 and '-'.")
    var id: String

    @Option(help: "The council's slug.")
    var council: String

    @Option(help: "Copy this base routine (the group's version, if the council's group has one) instead of starting blank.")
    var from: String?

    @Option(help: ArgumentHelp("The date written as reviewed:, YYYY-MM-DD; today when left out.", valueName: "date"))
    var today: String?

    @Option(help: "The content folder.")
    var content = "content"

    func validate() throws {
        if let today, Day(today) == nil {
            throw ValidationError("--today must be a date written YYYY-MM-DD, found '\(today)'")
        }
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

    static func create(_ plan: () throws -> Scaffold.NewFile) throws {
        do {
            let file = try plan()
            try Scaffold.write(file)
            Terminal.printError("Created \(file.path)")
            for step in file.nextSteps { Terminal.printError("  next: \(step)") }
        } catch let refusal as Scaffold.Refusal {
            Terminal.printError("error: \(refusal)")
            throw ExitCode(2)
        }
    }
}
