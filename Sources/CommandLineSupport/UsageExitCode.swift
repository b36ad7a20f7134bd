import ArgumentParser
import Foundation

extension ParsableCommand {
    /// Parses the arguments and runs the command they name. Wrong usage exits with 2, as the
    /// README promises and as shells and CI expect; ArgumentParser's own default is 64
    /// (EX_USAGE). Everything else keeps its exit code.
    public static func runExitingTwoOnWrongUsage() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.printError(UsageWording.notingDashedArgument(UsageWording.swedish(fullMessage(for: error)),
                                                                      arguments: Array(CommandLine.arguments.dropFirst())))
                Foundation.exit(2)
            }
            // A help page (`--help`, `help <command>`): ArgumentParser's headings in Swedish.
            if code == .success {
                print(UsageWording.swedish(fullMessage(for: error)))
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }
}
