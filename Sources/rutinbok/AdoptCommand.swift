import ArgumentParser
import CommandLineSupport
import RutinbokCore

/// `rutinbok adopt <council>/<id> --into <council>`: take another council's example.
struct AdoptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "Copy another council's routine into a council's routines/, recording where it came from.",
        discussion: """
            The copy keeps the text and front matter, but drops 'share', sets 'reviewed' to today, \
            comments out the source council's 'decided' and sets 'adopted_from: <council>/<id>'. An \
            existing file is never overwritten, and a routine its council keeps internal is not copied \
            without --force. Adapt the owner and contacts to the new council afterwards, and run \
            'rutinbok check'.
            """)

    @Argument(help: ArgumentHelp("The example, as <council>/<routine id>.", valueName: "council/id"))
    var example: String

    @Option(help: ArgumentHelp("The council that adopts it (its slug).", valueName: "council"))
    var into: String

    @Option(help: "The content folder: site.yml, routines/, groups/, councils/.")
    var content = "content"

    @Flag(help: "Copy it even if its council keeps it internal ('access: internal'); ask that council first.")
    var force = false

    func run() throws {
        do {
            let outcome = try Adoption.adopt(example, into: into, content: content, force: force)
            print("Wrote \(outcome.path)")
            for note in outcome.notes { Terminal.printError("note: \(note)") }
        } catch let failure as Adoption.Failure {
            Terminal.printError("error: \(failure)")
            throw ExitCode(1)
        }
    }
}
