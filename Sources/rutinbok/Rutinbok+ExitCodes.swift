import ArgumentParser
import COneShotMalloc
import Foundation

extension Rutinbok {
    /// Wrong usage exits with 2, as the README promises and as shells and CI expect.
    /// ArgumentParser's own default is 64 (EX_USAGE); everything else keeps its exit code.
    static func main() async {
        // Every command is one process that exits when done (`ProcessEnd` is the same idea).
        rutinbok_tune_malloc_for_one_command()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
