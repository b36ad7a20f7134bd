import Yams

/// libyaml's parse errors in words a council's communicator understands, placed where the
/// mistake was made. libyaml reports where it gave up (often the next line, or the end of
/// the file); for something left open, the place it was opened is where to look.
struct YAMLSyntaxProblem {
    var message: String
    /// Use libyaml's context mark (where the unclosed thing started) instead of its problem mark.
    var atContext: Bool

    /// libyaml's problem text (and context text) → plain Swedish. First match wins.
    static let known: [(problem: String, context: String?, explanation: YAMLSyntaxProblem)] = [
        ("found unexpected end of stream", "quoted scalar", .init(message: "en text som börjar med ett citattecken avslutas aldrig; lägg till det avslutande citattecknet", atContext: true)),
        ("did not find expected ',' or ']'", nil, .init(message: "en lista som börjar med '[' avslutas aldrig med ']'", atContext: true)),
        ("did not find expected ',' or '}'", nil, .init(message: "en grupp som börjar med '{' avslutas aldrig med '}'", atContext: true)),
        ("could not find expected ':'", nil, .init(message: "raden har inget ':'; skriv den som 'nyckel: värde'", atContext: true)),
        ("mapping values are not allowed", nil, .init(message: "här står ': ' där ingen ny nyckel kan börja; sätt hela värdet inom citattecken om det innehåller ': ', eller se över indraget", atContext: false)),
        ("tab character", nil, .init(message: "raden är indragen med tabb; YAML kräver mellanslag", atContext: false)),
        ("cannot start any token", nil, .init(message: "ett värde kan inte börja med det här tecknet; sätt värdet inom citattecken", atContext: false)),
        ("did not find expected key", nil, .init(message: "raden är indragen på ett annat sätt än raderna ovanför; rader på samma nivå ska börja i samma kolumn", atContext: false)),
        ("did not find expected '-' indicator", nil, .init(message: "raden är indragen på ett annat sätt än listans rader ovanför", atContext: false)),
        ("block sequence entries are not allowed", nil, .init(message: "en listrad '- ' får inte stå här; se över indraget", atContext: false)),
        ("found undefined alias", nil, .init(message: "'*' hänvisar till ett ankare '&' som inte finns; sätt värdet inom citattecken om det börjar med '*'", atContext: false)),
        ("unknown escape character", nil, .init(message: "ett '\\' inom dubbla citattecken inleder en okänd specialkod; använd enkla citattecken, eller skriv '\\\\'", atContext: false)),
        ("Maximum nesting level", nil, .init(message: "YAML-texten har för många nivåer", atContext: false)),
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

    /// A line with a value of its own set further left than the lines on both sides of it
    /// (`    name: …` / `  phone: …` / `    email: …`). YAML reads it as a key one level up
    /// and trips over the next line, which is where libyaml reports the problem; the line to
    /// move is the one before. Nil unless the lines show exactly that.
    static func lineOutOfStep(in text: String, reportedLine line: Int) -> (line: Int, column: Int, othersColumn: Int)? {
        let lines = Lines(text)
        func indent(_ index: Int) -> Int { lines.indent(index) }
        func body(_ index: Int) -> Substring { lines.body(index) }
        guard line >= 1, line <= lines.count, let odd = lines.previousContent(before: line - 1),
              let above = lines.previousContent(before: odd) else { return nil }
        let others = indent(line - 1)
        guard indent(odd) < others, indent(above) == others,
              ![line - 1, odd, above].contains(where: { body($0).hasPrefix("-") }) else { return nil }
        // Its own value on the line: a line ending in ':' opens a level, and then the next
        // line is rightly further in.
        let value = body(odd).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .trimmingCharacters(in: .whitespaces)
        guard value.contains(":"), !value.hasSuffix(":") else { return nil }
        return (odd + 1, indent(odd) + 1, others + 1)
    }

    /// A quoted value with more text after its closing quote (`summary: "Ring" när …`): YAML
    /// reads the quoted part as the whole value and then finds words where a key should be.
    /// The value's opening quote (line, column) and the fix, or nil unless the line shows that.
    static func textAfterQuote(in text: String, line: Int, column: Int) -> (column: Int, fix: String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let content = lines[line - 1]
        guard let colon = content.range(of: ": ") else { return nil }
        let key = content[..<colon.lowerBound].drop { $0 == " " }
        let value = content[colon.upperBound...].drop { $0 == " " }
        guard let quote = value.first, quote == "\"" || quote == "'" else { return nil }
        let scalars = Array(content.unicodeScalars)
        let before = String(String.UnicodeScalarView(scalars.prefix(max(0, column - 1)))).trimmingCharacters(in: .whitespaces)
        guard before.last == quote, before.count > key.count + 2 else { return nil }
        // A comment after the value (" # …") is no part of it.
        var whole = Substring(value)
        if let comment = whole.range(of: " #") { whole = whole[..<comment.lowerBound] }
        let text = whole.trimmingCharacters(in: .whitespaces)
        let opening = content.unicodeScalars.distance(from: content.startIndex, to: value.startIndex) + 1
        // In single quotes a quote is written twice; in double quotes after a backslash.
        let fix = quote == "\"" ? "\(key): '\(text.replacingOccurrences(of: "'", with: "''"))'"
                                : "\(key): \"\(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
        return (opening, fix)
    }

    /// A '#' after a space inside `{ … }` or `[ … ]` on one line (`theme: { color: #1d4f73 }`):
    /// YAML reads it as the start of a comment, so the rest of the line is gone and the bracket
    /// is never closed. The '#''s column and the value as it should be written, or nil.
    static func commentInFlow(in text: String, line: Int, column: Int) -> (column: Int, fix: String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        guard let index = Unquoted(scalars, from: max(column - 1, 0)).comment, index > 0 else { return nil }
        let value = String(String.UnicodeScalarView(scalars[index...].prefix { !",}] ".unicodeScalars.contains($0) }))
        // The key before it, when the value is a key's (`color: #1d4f73`).
        let before = String(String.UnicodeScalarView(scalars[..<index])).trimmingCharacters(in: .whitespaces)
        let key = before.hasSuffix(":") ? before.dropLast().split(whereSeparator: { "{[, ".contains($0) }).last.map { "\($0): " } ?? "" : ""
        return (index + 1, "\(key)\"\(value)\"")
    }

    /// The last `[` or `{` of the text that starts a list or group (where a value starts: a
    /// bracket inside a plain text, `Ring 112 [akut`, is text) and that no bracket closes, quoted
    /// text and comments left out: libyaml reports one left open at the end of the file where
    /// the file ends, past its last line. Its line, column and bracket, or nil.
    static func unclosedBracket(in text: String) -> (line: Int, column: Int, bracket: Unicode.Scalar)? {
        var open: [(line: Int, column: Int, bracket: Unicode.Scalar)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            for index in Unquoted(scalars).indices {
                let scalar = scalars[index]
                if scalar == "[" || scalar == "{" {
                    // Inside a list or group any bracket opens; outside, only after ':' or '-'.
                    let before = scalars[..<index].last(where: { $0 != " " })
                    if !open.isEmpty || before.map({ ":-".unicodeScalars.contains($0) }) ?? true {
                        open.append((number + 1, index + 1, scalar))
                    }
                } else if scalar == "]" || scalar == "}", !open.isEmpty {
                    open.removeLast()
                }
            }
        }
        return open.last
    }

    /// A line's characters as YAML reads them from `start`: the positions outside quoted text,
    /// up to a comment, and where the comment starts (a '#' first or after white space). A quote
    /// starts a quoted value only where a value can start (`Anna's` is plain text).
    private struct Unquoted {
        var indices: [Int] = []
        var comment: Int?

        init(_ scalars: [Unicode.Scalar], from start: Int = 0) {
            var quote: Unicode.Scalar?
            for index in start..<max(start, scalars.count) {
                let scalar = scalars[index], previous = index > 0 ? scalars[index - 1] : nil
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'", previous.map({ " \t[{,:".unicodeScalars.contains($0) }) ?? true {
                    quote = scalar
                } else if scalar == "#", previous.map({ $0 == " " || $0 == "\t" }) ?? true {
                    comment = index
                    return
                } else {
                    indices.append(index)
                }
            }
        }
    }

    /// A key written without the space after its colon (`owner:kanslichef`): YAML reads the
    /// whole line as one word, not as a key. The colon's column, or nil.
    static func colonWithoutSpace(in text: String, line: Int) -> (column: Int, key: Substring, value: Substring)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let content = lines[line - 1]
        let body = content.drop { $0 == " " }
        guard let colon = body.firstIndex(of: ":"), colon != body.startIndex else { return nil }
        let after = body[body.index(after: colon)...]
        guard let next = after.first, next != " ", !body[..<colon].contains(" ") else { return nil }
        return (content.unicodeScalars.distance(from: content.startIndex, to: colon) + 1, body[..<colon], after)
    }

    /// A key written without its colon (`name Samverkan Väster`) on the line before the one
    /// reported: YAML reads that line as the start of a text and the next line as more of it,
    /// and trips over the next line's ': '. The line with the key, its column, and the line as
    /// it should be; nil unless the line before is at the same level, holds no ': ' and no
    /// ending ':', and starts with a word that could be a key.
    static func missingColon(in text: String, reportedLine line: Int) -> (line: Int, column: Int, fix: String)? {
        let lines = Lines(text)
        guard line >= 2, line <= lines.count, let above = lines.previousContent(before: line - 1),
              lines.indent(above) == lines.indent(line - 1), lines.body(line - 1).contains(": ") else { return nil }
        let content = lines.body(above)
        guard !content.contains(": "), !content.hasSuffix(":"), !content.hasPrefix("-"),
              let space = content.firstIndex(of: " ") else { return nil }
        let key = content[..<space], value = content[space...].drop { $0 == " " }
        guard !value.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return (above + 1, lines.indent(above) + 1, "\(key): \(value)")
    }

    /// A YAML text's lines (0-based), with what the checks above ask of them.
    private struct Lines {
        let lines: [Substring]
        init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }
        var count: Int { lines.count }
        /// Spaces before the line's content.
        func indent(_ index: Int) -> Int { lines[index].prefix { $0 == " " }.count }
        /// The line without its indent.
        func body(_ index: Int) -> Substring { lines[index].drop { $0 == " " } }
        /// The nearest line before `index` that is neither empty nor a comment.
        func previousContent(before index: Int) -> Int? {
            var index = index - 1
            while index >= 0, body(index).isEmpty || body(index).hasPrefix("#") { index -= 1 }
            return index >= 0 ? index : nil
        }
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

extension YAMLSyntaxProblem {
    /// The line and column (1-based, the column in Unicode scalars) of the character
    /// `offset` characters into `text`, as Yams gives a reader error's place; nil past the end.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int)? {
        guard offset >= 0, let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else { return nil }
        let before = text.unicodeScalars[..<index]
        let lineStart = before.lastIndex(of: "\n").map { text.unicodeScalars.index(after: $0) } ?? text.startIndex
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        return (line, text.unicodeScalars.distance(from: lineStart, to: index) + 1)
    }
}

extension YAMLSyntaxProblem {
    /// Where the second of two equal keys is written when the first is a key of a flow
    /// mapping (`{ contact: tib, contact: hr }`, on one line or several): the next key of the
    /// same braces with the same text, quoted or not. Nil when the key at (`line`, `column`)
    /// is no key of a flow mapping, or the braces hold no second one.
    static func secondOccurrenceInFlow(of key: String, in text: String, line: Int, column: Int) -> (line: Int, column: Int)? {
        let scalars = Array(text.unicodeScalars)
        // The first key's place among the scalars.
        var index = 0, currentLine = 1
        while currentLine < line, index < scalars.count {
            if scalars[index] == "\n" { currentLine += 1 }
            index += 1
        }
        index += column - 1
        guard currentLine == line, index < scalars.count else { return nil }
        // A key of a flow mapping follows its '{' or a ',' (white space and line breaks between).
        var before = index - 1
        while before >= 0, scalars[before] == " " || scalars[before] == "\t" || scalars[before] == "\n" { before -= 1 }
        guard before >= 0, scalars[before] == "{" || scalars[before] == "," else { return nil }
        let wanted = Array(key.unicodeScalars)
        /// Whether `key` is written at `start`, in quotes or not, with a ':' after it.
        func keyAt(_ start: Int) -> Bool {
            var position = start
            let quote = scalars[position] == "\"" || scalars[position] == "'" ? scalars[position] : nil
            if quote != nil { position += 1 }
            guard position + wanted.count <= scalars.count, Array(scalars[position..<position + wanted.count]) == wanted else { return false }
            position += wanted.count
            if let quote {
                guard position < scalars.count, scalars[position] == quote else { return false }
                position += 1
            }
            while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" { position += 1 }
            return position < scalars.count && scalars[position] == ":"
        }
        var depth = 0
        var quote: Unicode.Scalar?
        var position = index
        var (foundLine, lineStart) = (line, index - (column - 1))
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\n" { (foundLine, lineStart) = (foundLine + 1, position + 1) }
            if let open = quote {
                if scalar == "\\", open == "\"" { position += 1 }
                else if scalar == open {
                    // In single quotes a quote is written twice.
                    if open == "'", position + 1 < scalars.count, scalars[position + 1] == "'" { position += 1 } else { quote = nil }
                }
            } else if scalar == "\"" || scalar == "'", position > 0, " \t\n[{,:".unicodeScalars.contains(scalars[position - 1]) {
                quote = scalar
            } else if scalar == "#", position > 0, scalars[position - 1] == " " || scalars[position - 1] == "\t" {
                while position + 1 < scalars.count, scalars[position + 1] != "\n" { position += 1 }
            } else if scalar == "{" || scalar == "[" {
                depth += 1
            } else if scalar == "}" || scalar == "]" {
                if depth == 0 { return nil }
                depth -= 1
            } else if scalar == ",", depth == 0 {
                var next = position + 1
                while next < scalars.count, scalars[next] == " " || scalars[next] == "\t" || scalars[next] == "\n" {
                    if scalars[next] == "\n" { (foundLine, lineStart) = (foundLine + 1, next + 1) }
                    next += 1
                }
                if next < scalars.count, keyAt(next) { return (foundLine, next - lineStart + 1) }
                position = next
                continue
            }
            position += 1
        }
        return nil
    }
}

extension YAMLSyntaxProblem {
    /// The line that ended a YAML text's first document, when libyaml found another starting
    /// on `line`: that line itself when it is a `---`, else the last `...` before it.
    static func documentEnd(in text: String, before line: Int) -> (line: Int, marker: String)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        if lines[line - 1].hasPrefix("---") { return (line, "---") }
        for number in stride(from: line - 1, through: 1, by: -1) where lines[number - 1].hasPrefix("...") {
            return (number, "...")
        }
        return nil
    }
}
