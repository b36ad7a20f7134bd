import ArgumentParser
import Foundation
import RutinbokCore

/// Small pieces of the Swedish both programs print: counts with the right noun form and times
/// with a decimal comma.
public enum Wording {
    /// "1 handbok", "3 handböcker".
    public static func handbooks(_ count: Int) -> String { count == 1 ? "1 handbok" : "\(count) handböcker" }

    /// "1 fil", "120 filer".
    public static func files(_ count: Int) -> String { count == 1 ? "1 fil" : "\(count) filer" }

    /// "inga nya eller ändrade", "1 ny eller ändrad", "5 nya eller ändrade".
    public static func newOrChanged(_ count: Int) -> String { count == 0 ? "inga nya eller ändrade" : count == 1 ? "1 ny eller ändrad" : "\(count) nya eller ändrade" }

    /// Said once a build has waited a second for another one into the same output
    /// (`Build.Options.waitingForOutput`), by `build` and `serve` alike.
    public static func waitingForOutput(_ output: String) -> @Sendable () -> Void {
        { Terminal.printError("Väntar på att ett annat bygge till \(output)/ ska bli klart …") }
    }

    /// Seconds as Swedish writes them: "0,42 s".
    public static func seconds(_ value: Double) -> String {
        DecimalText.swedish(value, places: 2) + " s"
    }

    /// The message for a `--today` that is not a date.
    public static func checkToday(_ today: String?) throws {
        if let today, Day(today) == nil {
            throw ValidationError("--today ska vara ett datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01, men är '\(today)'")
        }
    }
}
