import Foundation

/// swift-argument-parser writes its own words in English: the headings of a help page, and
/// the messages for a wrong usage ("Missing expected argument …"). Its texts cannot be set,
/// so the ones it prints are put into Swedish here, phrase by phrase, before they are shown.
/// Anything not recognised is left as it is.
public enum UsageWording {
    /// `(pattern, template)`: regular expressions over ArgumentParser's output and their
    /// Swedish, in the order they are tried.
    static let phrases: [(String, String)] = [
        (#"^Error: Missing expected argument '([^']*)'"#, "fel: argumentet $1 saknas"),
        (#"^Error: Missing value for '([^' ]*)[^']*'"#, "fel: $1 saknar ett värde"),
        (#"^Error: Unknown option '(--intran[aäe]t)'"#, "fel: okänt alternativ '$1'; intranätets version byggs med --internal"),
        (#"^Error: Unknown option '([^']*)'"#, "fel: okänt alternativ '$1'"),
        (#" Did you mean '([^']*)'\?"#, " Menade du '$1'?"),
        (#"^Error: Unexpected argument '([^']*)'"#, "fel: okänt kommando eller argument '$1'"),
        (#"^Error: The value '([^']*)' is invalid for '([^' ]*)[^']*'\. Please provide one of (.*)\.$"#,
         "fel: '$1' fungerar inte för $2; välj $3"),
        (#"^Error: The value '([^']*)' is invalid for '([^' ]*)[^']*'"#, "fel: '$1' fungerar inte för $2"),
        (#"^Error: "#, "fel: "),
        (#"^Help:  "#, "Hjälp:  "),
        (#"^Usage: "#, "Användning: "),
        (#"^  See '([^']*)' for more information\.$"#, "  Mer hjälp: '$1'"),
        (#"^OVERVIEW: "#, "ÖVERSIKT: "),
        (#"^USAGE: "#, "ANVÄNDNING: "),
        (#"^ARGUMENTS:$"#, "ARGUMENT:"),
        (#"^OPTIONS:$"#, "ALTERNATIV:"),
        (#"^SUBCOMMANDS:$"#, "KOMMANDON:"),
        (#"Show help information\."#, "Visar den här hjälpen."),
        (#"Show the version\."#, "Visar vilken version av rutinbok det är."),
        (#"\(default:(\s+)"#, "(förval:$1"),
        (#"; default:(\s+)"#, "; förval:$1"),
        (#"\(values:(\s+)"#, "(värden:$1"),
        (#"^  See '([^']*)<subcommand>' for detailed help\.$"#, "  Hjälp för ett kommando: '$1<kommando>'"),
        (#"<subcommand>"#, "<kommando>"),
        (#"<arguments>"#, "<argument>"),
    ]

    /// `text`, ArgumentParser's message already in Swedish, with a note when it says an
    /// argument is missing and one of `arguments` starts with a single '-' (`new council -x`):
    /// the argument was given, but read as an option. Options of one letter rutinbok knows
    /// (`-h`, `-q`) are no such argument.
    public static func notingDashedArgument(_ text: String, arguments: [String]) -> String {
        guard let match = text.range(of: #"^fel: argumentet (\S+) saknas"#, options: .regularExpression),
              let dashed = arguments.first(where: { $0.count > 1 && $0.hasPrefix("-") && !$0.hasPrefix("--") && !["-h", "-q"].contains($0) })
        else { return text }
        let name = text[match].dropFirst("fel: argumentet ".count).dropLast(" saknas".count)
        let lineEnd = text[match.upperBound...].firstIndex(of: "\n") ?? text.endIndex
        return String(text[..<lineEnd]) + "\n  obs: '\(dashed)' börjar med '-' och läses därför som ett alternativ, inte som \(name)" + String(text[lineEnd...])
    }

    static let compiled: [(NSRegularExpression, String)] = phrases.compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])).map { ($0, template) }
    }

    /// `text` with ArgumentParser's English put into Swedish; in an error's line, a list of
    /// values "'a', 'b' or 'c'" reads "a, b eller c" (a help page's own quotes stay as written).
    public static func swedish(_ text: String) -> String {
        var result = text
        for (expression, template) in compiled {
            result = expression.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("fel: ") else { return String(line) }
            return line.replacingOccurrences(of: #"'([^']*)', '"#, with: "$1, '", options: .regularExpression)
                .replacingOccurrences(of: #"'([^']*)' (or|and) '([^']*)'"#, with: "$1 eller $3", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
