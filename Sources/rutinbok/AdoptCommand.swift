import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// `rutinbok adopt <council>/<id> --into <council or group>`: take another council's example.
struct AdoptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Hämtar en rutin från en annan kommun (eller grupp) till en kommuns eller grupps mapp routines/ och skriver in var den kommer ifrån.",
        discussion: """
            Kopian behåller texten och rutinens uppgifter (mellan raderna ---), men tar bort 'share', \
            sätter 'reviewed' till i dag, gör den andra kommunens 'decided' till en kommentar och \
            lägger till 'adopted_from: <kommun>/<id>'. Programmet skriver aldrig över en fil som finns. \
            En rutin som den andra kommunen har gjort intern kopieras bara med --force. Byt sedan ansvarig ('owner') och \
            kontakterna mot den nya kommunens och kör 'rutinbok check'.
            """)

    @Argument(help: ArgumentHelp("Rutinen som ska hämtas, skriven <kommun>/<id>, till exempel exempelstad/sociala-medier (en grupps: <grupp>/<id>).", valueName: "kommun/id"))
    var example: String

    @Option(help: ArgumentHelp("Id för kommunen som får rutinen, eller för en grupp: då får alla gruppens kommuner den.", valueName: "kommun"))
    var into: String

    @Option(help: OptionHelp.content)
    var content = "content"

    @Flag(help: "Kopiera även om den andra kommunen har gjort rutinen intern ('access: internal'). Fråga den kommunen först.")
    var force = false

    func run() throws {
        do {
            let outcome = try Adoption.adopt(example, into: into, content: content, force: force)
            // On stderr, as `new` says what it created: stdout is only for what a program reads.
            Terminal.printError(Diagnostic.text("Skapade \(outcome.path)", notes: outcome.notes))
        } catch let failure as Adoption.Failure {
            Terminal.printError("fel: \(failure.description)")
            throw ExitCode(1)
        }
    }
}
