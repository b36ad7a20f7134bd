import ArgumentParser
import CommandLineSupport
import Foundation
import RutinbokCore
#if canImport(Glibc)
import Glibc
#endif

/// `rutinbok serve` runs the preview program, `rutinbok-serve`, from the folder this program
/// is in, with the same arguments. The preview is a program of its own so that the other
/// commands do not load its HTTP stack: Foundation's networking brings libcurl and some
/// thirty libraries with it, 6 ms of every start of every command.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Förhandsvisar handböckerna på den här datorn. Bygger om och laddar om sidan i webbläsaren varje gång du sparar.",
        discussion: "Kör rutinbok serve --help för att se alla alternativ för förhandsvisningen.")

    @Argument(parsing: .captureForPassthrough, help: "Förhandsvisningens alternativ. De skickas vidare som de är.")
    var arguments: [String] = []

    /// The preview program's path: beside this program, whatever link started it.
    static var program: String {
        ProgramFolder.url.appendingPathComponent("rutinbok-serve").path
    }

    func run() throws {
        let program = Self.program
        guard FileManager.default.isExecutableFile(atPath: program) else {
            Terminal.printError(Diagnostic.text("fel: programmet för förhandsvisning saknas: \(program)",
                                                notes: ["rutinbok-serve ska ligga i samma mapp som rutinbok; kopiera det dit, "
                                                        + "eller bygg det från källkoden med scripts/build-release --product rutinbok-serve"]))
            throw ExitCode(1)
        }
        let argv = ["rutinbok serve"] + arguments
        var pointers = argv.map { strdup($0) } + [nil]
        execv(program, &pointers)
        // Only when the program could not be started.
        Terminal.printError("fel: \(program) gick inte att starta: \(SystemError.text(errno))")
        throw ExitCode(1)
    }
}
