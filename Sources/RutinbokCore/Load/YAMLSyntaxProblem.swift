import Yams

/// libyaml's parse errors in words a council's communicator understands, placed where the
/// mistake was made. libyaml reports where it gave up (often the next line, or the end of
/// the file); for something left open, the place it was opened is where to look.
struct YAMLSyntaxProblem {
    var message: String
    /// Use libyaml's context mark (where the unclosed thing started) instead of its problem mark.
    var atContext: Bool

    /// libyaml's problem text (and context text) → plain English. First match wins.
    static let known: [(problem: String, context: String?, explanation: YAMLSyntaxProblem)] = [
        ("found unexpected end of stream", "quoted scalar", .init(message: "a text that starts with a quote is never closed; add the closing quote", atContext: true)),
        ("did not find expected ',' or ']'", nil, .init(message: "a list opened with '[' is never closed with ']'", atContext: true)),
        ("did not find expected ',' or '}'", nil, .init(message: "a group opened with '{' is never closed with '}'", atContext: true)),
        ("could not find expected ':'", nil, .init(message: "this line has no ':'; write it as 'key: value'", atContext: true)),
        ("mapping values are not allowed", nil, .init(message: "there is a ': ' where no new key can start; put the whole value in quotes if it contains ': ', or check the indentation", atContext: false)),
        ("tab character", nil, .init(message: "a tab is used for indentation; YAML needs spaces", atContext: false)),
        ("cannot start any token", nil, .init(message: "a value cannot start with this character; put the value in quotes", atContext: false)),
        ("did not find expected key", nil, .init(message: "this line is indented differently from the lines above it; lines at the same level must start in the same column", atContext: false)),
        ("did not find expected '-' indicator", nil, .init(message: "this line is indented differently from the list items above it", atContext: false)),
        ("block sequence entries are not allowed", nil, .init(message: "a list item '- ' is not allowed here; check the indentation", atContext: false)),
        ("found undefined alias", nil, .init(message: "'*' refers to an anchor '&' that does not exist; put the value in quotes if it starts with '*'", atContext: false)),
        ("unknown escape character", nil, .init(message: "a '\\' inside double quotes starts an unknown escape; use single quotes, or write '\\\\'", atContext: false)),
        ("Maximum nesting level", nil, .init(message: "the YAML is nested too deeply", atContext: false)),
    ]

    /// The explanation for a libyaml error, or nil to show libyaml's own words.
    static func explain(problem: String, context: String?, character: Character? = nil) -> YAMLSyntaxProblem? {
        // libyaml calls a tab at the start of a line "a character that cannot start any token".
        if character == "\t", problem.contains("cannot start any token") { return explain(problem: "tab character", context: nil) }
        return known.first { entry in
            problem.contains(entry.problem) && (entry.context.map { context?.contains($0) ?? false } ?? true)
        }?.explanation
    }

    /// The character at a libyaml mark (1-based line, column in Unicode scalars).
    static func character(in text: String, line: Int, column: Int) -> Character? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count, column >= 1 else { return nil }
        let scalars = lines[line - 1].unicodeScalars
        guard column <= scalars.count else { return nil }
        return Character(scalars[scalars.index(scalars.startIndex, offsetBy: column - 1)])
    }

    /// Where the second of two equal keys is written: Yams reports only the first.
    static func secondOccurrence(of key: String, in text: String, column: Int, after line: Int) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, content) in lines.enumerated() where index + 1 > line {
            let indent = content.prefix { $0 == " " }.count
            guard indent == column - 1 else { continue }
            var rest = content.dropFirst(indent)
            if rest.first == "\"" || rest.first == "'" { rest = rest.dropFirst() }
            if rest.hasPrefix(key) {
                let after = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\"" || $0 == "'" }
                if after.first == ":" { return index + 1 }
            }
        }
        return nil
    }
}
