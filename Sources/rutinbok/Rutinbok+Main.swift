import CommandLineSupport
import COneShotMalloc

extension Rutinbok {
    static func main() async {
        // Every command is one process that exits when done (`ProcessEnd` is the same idea).
        rutinbok_tune_malloc_for_one_command()
        await runExitingTwoOnWrongUsage()
    }
}
