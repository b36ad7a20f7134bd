import Foundation
import Yams

/// Reads one YAML mapping into typed values, reporting every problem with its line and
/// column in the file (not in the front matter block) instead of stopping at the first.
struct YAMLMapping {
    let node: Node
    let file: String
    /// Lines before the YAML text in its file: 1 for front matter after an opening `---`.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []
    private var usedKeys: Set<String> = []
    /// Keys and values by key text. Yams' own subscript compares nodes one by one, resolving
    /// tags with regular expressions each time: a large part of loading 13,000 files.
    private let pairs: [String: (key: Node, value: Node)]

    init(_ node: Node, file: String, lineOffset: Int) {
        self.node = node
        self.file = file
        self.lineOffset = lineOffset
        var pairs: [String: (key: Node, value: Node)] = [:]
        for pair in node.mapping ?? .init([]) {
            if let key = pair.key.string, pairs[key] == nil { pairs[key] = (pair.key, pair.value) }
        }
        self.pairs = pairs
    }

    /// Parses `text` into a mapping, or explains why not.
    static func parse(_ text: String, file: String, lineOffset: Int) -> Result<YAMLMapping, Diagnostic> {
        // A file saved on Windows: what explains a syntax error, or a quote left open, reads
        // the text line by line, and Swift takes `\r\n` for one character, no `\n`. YAML reads
        // both alike, at the same lines and columns.
        var text = text.withUnixLineEndings
        let top = SourceLocation(file: file, line: lineOffset + 1, column: 1)
        // Line breaks only libyaml sees: each is reported where it is, and read as a space, so
        // that libyaml counts the lines as the editor does (`InvisibleBreaks`).
        let breaks = InvisibleBreaks.find(in: text)
        if !breaks.isEmpty { text = InvisibleBreaks.replaced(in: text) }
        do {
            guard let node = try YAMLComposer.compose(text) else {
                return .success(YAMLMapping(Node.mapping(.init([])), file: file, lineOffset: lineOffset))
            }
            guard node.mapping != nil else {
                return .failure(.error(top, "här ska det stå rader med 'nyckel: värde', men här står \(describe(node))", code: "yaml-type"))
            }
            var mapping = YAMLMapping(node, file: file, lineOffset: lineOffset)
            for found in breaks {
                mapping.report(InvisibleBreaks.diagnostic(found, file: file, lineOffset: lineOffset))
            }
            for span in YAMLQuotes.multiLineSpans(in: text) {
                guard let closing = span.closingLine else { continue }
                mapping.report(.warning(SourceLocation(file: file, line: span.line + lineOffset, column: span.column),
                                        "texten inom citattecken fortsätter till rad \(closing + lineOffset); saknas det avslutande citattecknet på den här raden?",
                                        code: "quote-across-lines", notes: ["en text som ska gå över flera rader skrivs hellre efter '|' eller '>'"]))
            }
            return .success(mapping)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, file: file, lineOffset: lineOffset, fallback: top))
        } catch {
            return .failure(.error(top, "YAML-texten gick inte att läsa: \(error)", code: "yaml-syntax"))
        }
    }

    private static func diagnostic(for error: YamlError, text: String, file: String, lineOffset: Int, fallback: SourceLocation) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = context.map { " (\"\($0.text)\", från rad \($0.mark.line + lineOffset))" } ?? ""
            let notes = ["YAML-läsarens beskrivning (på engelska): \"\(problem)\" på rad \(mark.line + lineOffset), kolumn \(mark.column)\(where_)"]
            // A space from Word or a web page in an indent or after a key's colon: YAML reads
            // the line otherwise than it looks, and whatever else is said names what the
            // editor cannot see (`HardSpaces`).
            let near = Array(max(1, mark.line - 3)...max(1, mark.line)) + (context.map { [$0.mark.line] } ?? [])
            if let hard = HardSpaces.inStructure(of: text, lines: near) {
                return .error(SourceLocation(file: file, line: hard.line + lineOffset, column: hard.column), hard.message,
                              code: "yaml-syntax", notes: [hard.note] + notes)
            }
            // A quote left open earlier: libyaml read on to the next quote and tripped over what follows it.
            if let span = YAMLQuotes.multiLineSpans(in: text).last(where: { $0.line < mark.line && ($0.closingLine.map { $0 >= mark.line } ?? false) }),
               let closing = span.closingLine {
                return .error(SourceLocation(file: file, line: span.line + lineOffset, column: span.column),
                              "en text som börjar med ett citattecken avslutas inte på raden; lägg till det avslutande citattecknet",
                              code: "yaml-syntax",
                              notes: ["YAML läser texten ända till nästa citattecken, på rad \(closing + lineOffset), och kan sedan inte läsa det som står efter det"] + notes)
            }
            // After a quoted value libyaml expects a key; after a plain one it reads the
            // next line on as the same text, and trips over its ': '.
            if problem.contains("did not find expected key") || problem.contains("mapping values are not allowed"),
               let odd = YAMLSyntaxProblem.lineOutOfStep(in: text, reportedLine: mark.line) {
                return .error(SourceLocation(file: file, line: odd.line + lineOffset, column: odd.column),
                              "raden börjar i kolumn \(odd.column), men raderna före och efter den i kolumn \(odd.othersColumn); rader på samma nivå ska börja i samma kolumn",
                              code: "yaml-syntax", notes: notes)
            }
            if problem.contains("mapping values are not allowed"),
               let missing = YAMLSyntaxProblem.missingColon(in: text, reportedLine: mark.line) {
                return .error(SourceLocation(file: file, line: missing.line + lineOffset, column: missing.column),
                              "raden saknar ':' efter nyckeln; skriv '\(missing.fix)'", code: "yaml-syntax",
                              notes: ["utan ':' läser YAML raden som början på en text som fortsätter på nästa rad"] + notes)
            }
            if problem.contains("did not find expected key"),
               let quoted = YAMLSyntaxProblem.textAfterQuote(in: text, line: mark.line, column: mark.column) {
                return .error(SourceLocation(file: file, line: mark.line + lineOffset, column: quoted.column),
                              "texten fortsätter efter det avslutande citattecknet; en text som börjar med ett citattecken ska sluta med det",
                              code: "yaml-syntax", notes: ["sätt citattecken runt hela texten: \(quoted.fix)"] + notes)
            }
            if problem.contains("did not find expected ',' or '}'") || problem.contains("did not find expected ',' or ']'"),
               let opened = context?.mark, let comment = YAMLSyntaxProblem.commentInFlow(in: text, line: opened.line, column: opened.column) {
                return .error(SourceLocation(file: file, line: opened.line + lineOffset, column: comment.column),
                              "'#' efter ett mellanslag börjar en kommentar i YAML, så resten av raden läses inte och \(problem.contains("'}'") ? "'{'" : "'['") avslutas aldrig",
                              code: "yaml-syntax", notes: ["sätt värdet inom citattecken: \(comment.fix)"] + notes)
            }
            // A bracket left open at the end of the file: libyaml says so past the last line.
            if problem.contains("did not find expected node content"), let open = YAMLSyntaxProblem.unclosedBracket(in: text) {
                return .error(SourceLocation(file: file, line: open.line + lineOffset, column: open.column),
                              open.bracket == "[" ? "en lista som börjar med '[' avslutas aldrig med ']'" : "en grupp som börjar med '{' avslutas aldrig med '}'",
                              code: "yaml-syntax", notes: notes)
            }
            if problem.contains("could not find expected ':'"), let line = context?.mark.line,
               let glued = YAMLSyntaxProblem.colonWithoutSpace(in: text, line: line) {
                return .error(SourceLocation(file: file, line: line + lineOffset, column: glued.column),
                              "efter ':' ska det stå ett mellanslag; skriv '\(glued.key): \(glued.value)'", code: "yaml-syntax", notes: notes)
            }
            // A value in a word processor's quotes (”Larm: rådhuset”) is plain text to YAML,
            // which then trips over the ': ' in it.
            if problem.contains("mapping values are not allowed"), let column = TypographicQuotes.openingColumn(in: text, line: mark.line) {
                return .error(SourceLocation(file: file, line: mark.line + lineOffset, column: column),
                              "värdet börjar med ett typografiskt citattecken, som YAML inte räknar som citattecken, och därför får det inte innehålla ': '",
                              code: "yaml-syntax", notes: [TypographicQuotes.advice] + notes)
            }
            // A second YAML document: a line of only `---` (or `...`) ended the first.
            if problem.contains("found another document") || problem.contains("did not find expected <document start>") {
                let end = YAMLSyntaxProblem.documentEnd(in: text, before: mark.line)
                let whole = lineOffset == 0 ? "filen" : "uppgifterna överst i rutinen"
                return .error(end.map { SourceLocation(file: file, line: $0.line + lineOffset, column: 1) } ?? at(mark),
                              "en rad med bara '\(end?.marker ?? "---")' avslutar \(whole) för YAML, så det som står efter den läses inte; ta bort raden",
                              code: "yaml-syntax", notes: notes)
            }
            let character = YAMLSyntaxProblem.character(in: text, line: mark.line, column: mark.column)
            guard let plain = YAMLSyntaxProblem.explain(problem: problem, context: context?.text, character: character) else {
                return .error(at(mark), "YAML-texten gick inte att läsa", code: "yaml-syntax", notes: ["YAML-läsarens beskrivning (på engelska): \"\(problem)\"\(where_)"])
            }
            let location = plain.atContext ? context.map { at($0.mark) } ?? at(mark) : at(mark)
            return .error(location, plain.message, code: "yaml-syntax", notes: notes)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let first = context.mark
            // In braces, the second is further on in them; in a block, on a later line at the same indent.
            let second = duplicates.first.flatMap { key in
                YAMLSyntaxProblem.secondOccurrenceInFlow(of: key, in: text, line: first.line, column: first.column)
                    ?? YAMLSyntaxProblem.secondOccurrence(of: key, in: text, column: first.column, after: first.line).map { ($0, first.column) }
            }
            let location = second.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) } ?? at(first)
            return .error(location, "nyckeln '\(duplicates.joined(separator: "', '"))' står två gånger; behåll en av dem", code: "duplicate-key",
                          notes: ["första gången på rad \(first.line + lineOffset)"])
        case .reader(let problem, let offset, let value, _):
            // libyaml refuses the whole text over one character it may not read (a control
            // character pasted with the text): where it is, in the file's lines and columns.
            let note = "YAML-läsarens beskrivning (på engelska): \"\(problem)\""
            guard let offset, let place = YAMLSyntaxProblem.position(ofCharacter: offset, in: text) else {
                return .error(fallback, "YAML-texten gick inte att läsa", code: "yaml-syntax", notes: [note])
            }
            let location = SourceLocation(file: file, line: place.line + lineOffset, column: place.column)
            guard problem.contains("control characters"), let scalar = Unicode.Scalar(UInt32(bitPattern: value)) else {
                return .error(location, "YAML-texten gick inte att läsa här", code: "yaml-syntax", notes: [note])
            }
            let code = scalar.codeText
            let what = scalar.properties.generalCategory == .control ? "ett osynligt styrtecken (\(code))" : "ett tecken som inte får stå i texten (\(code))"
            return .error(location, "här står \(what), och då går filen inte att läsa; ta bort det", code: "yaml-syntax",
                          notes: ["tecknet syns inte i de flesta program; det kan följa med när text klistras in från ett annat program, så radera texten runt kolumnen och skriv den igen", note])
        default:
            return .error(fallback, "YAML-texten gick inte att läsa: \(error)", code: "yaml-syntax")
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "värdet '\(scalar.string)'"
        case .sequence: "en lista"
        case .mapping: "rader med 'nyckel: värde'"
        case .alias: "ett alias"
        }
    }

    // MARK: Locations

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    var location: SourceLocation { location(of: node) }

    private func keyNode(_ key: String) -> Node? {
        pairs[key]?.key
    }

    /// Whether `key` is written, with or without a value.
    func has(_ key: String) -> Bool { keyNode(key) != nil }

    /// Where `key` is written, or where the mapping starts.
    func location(ofKey key: String) -> SourceLocation {
        keyNode(key).map(location(of:)) ?? location
    }

    // MARK: Values

    mutating func raw(_ key: String) -> Node? {
        usedKeys.insert(key)
        guard let value = pairs[key]?.value else { return nil }
        if value.null != nil { return nil }
        return value
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// A required key is missing. When another key is a near-miss of it ('tittle'), that is
    /// the one message, at that key: not a missing key here and an unknown key there.
    mutating func missing(_ key: String, _ what: String) {
        // A slip of it (`titel`), or the key in Swedish (`rubrik`).
        let misspelt = pairs.keys.sorted().first { other in
            other != key && !usedKeys.contains(other)
                && (Suggestions.closest(to: other, in: [key]) == key || KeysInOtherWords.swedish[other.lowercased()]?.contains(key) == true)
        }
        if let misspelt, let node = pairs[misspelt]?.key {
            usedKeys.insert(misspelt)
            let hard = hardSpace(inKey: node)
            report(.error(hard?.location ?? location(of: node), "'\(key)' saknas (\(what)); här står '\(HardSpaces.visible(misspelt))', som nog ska vara '\(key)'", code: "missing-key",
                          notes: hard.map { ["i nyckeln står \(HardSpaces.described($0.scalar)); sudda det"] } ?? []))
            return
        }
        // Written without a value (`reviewed:`, `reviewed: ~`, `title: ""`): reported where
        // it is written, at the value when something stands there, not where the mapping starts.
        guard let written = pairs[key] else {
            report(.error(location, "'\(key)' saknas (\(what))", code: "missing-key"))
            return
        }
        let shown = written.value.scalar.flatMap { $0.string.isEmpty && $0.style == .plain ? nil : $0 }
        let notes = shown.flatMap { written.value.null != nil ? ["'\($0.string)' betyder i YAML att värdet saknas"] : nil } ?? []
        report(.error(location(of: shown == nil ? written.key : written.value), "'\(key)' saknas (\(what))", code: "missing-key", notes: notes))
    }

    mutating func string(_ key: String, required what: String? = nil) -> String? {
        located(key, required: what)?.value
    }

    mutating func located(_ key: String, required what: String? = nil) -> Located<String>? {
        guard let value = raw(key) else {
            if let what { missing(key, what) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            report(.error(location(of: value), "'\(key)' ska vara text, men här står \(Self.describe(value))", code: "yaml-type"))
            return nil
        }
        let text = plainText(scalar, key: key, at: value)
        if text.isEmpty, let what {
            missing(key, what)
            return nil
        }
        return Located(value: text, location: location(of: value))
    }

    /// A scalar's text, trimmed, and without a word processor's quotes around it when it is
    /// written plain (`”070-000 00 00”`), with a warning that says so (`TypographicQuotes`).
    private mutating func plainText(_ scalar: Node.Scalar, key: String, at node: Node) -> String {
        var text = scalar.string.trimmed
        // YAML's `!!binary`: the text is base64 for bytes, which rutinbok has no use for;
        // read as text it would publish the base64 (`RXhlbXBlbGJ5` for a council's name).
        // Other tags on a text (`!!str`, `!!int`, `!foo`) change nothing of what is read.
        if scalar.tag.rawValue == Tag.Name.binary.rawValue {
            report(.error(location(of: node), "'\(key)' är märkt '!!binary' (data skriven i base64) och är ingen vanlig text; ta bort '!!binary' och skriv texten som den ska stå",
                          code: "yaml-type"))
        }
        if let control = text.unicodeScalars.first(where: Self.isControl) {
            // Written as an escape in quotes ("\u202e", "\0"): libyaml refuses them raw.
            report(.error(location(of: node), "'\(key)' innehåller styrtecknet \(EmailAddress.visible(String(control))), som inte hör hemma i en text; ta bort det",
                          code: "control-character",
                          notes: ["det kommer oftast från en kopierad text, eller från en kod som \\u202e eller \\0 inom citattecken"]))
            text.unicodeScalars.removeAll(where: Self.isControl)
        }
        guard scalar.style == .plain, let first = text.first, TypographicQuotes.marks.contains(first),
              let inner = TypographicQuotes.unwrapped(text) else { return text }
        report(.warning(location(of: node), "'\(key)' står inom typografiska citattecken (\(first)…\(text.last!)), som YAML inte räknar som citattecken; de tas bort här",
                        code: "typographic-quotes", notes: [TypographicQuotes.advice]))
        return inner
    }

    /// Characters no text of a handbook has a use for, which would still reach its pages:
    /// controls other than tab and line break (a NUL is an error in HTML), and the marks that
    /// override or isolate the direction of text (U+202A–U+202E, U+2066–U+2069), which can
    /// make a number read backwards.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `access`, of a routine or a contact: `public` (also when not written) or `internal`.
    /// Written without a value (`access:`, `access: ~`, `access: ""`) it is an error like any
    /// other value: most likely an `internal` not yet written, which would publish for all.
    mutating func access() -> Routine.Access {
        guard let written = pairs["access"] else { return .public }
        guard let value = located("access"), !value.value.isEmpty else {
            usedKeys.insert("access")
            let shown = written.value.scalar.flatMap { $0.string.isEmpty && $0.style == .plain ? nil : $0 }
            let null = shown.flatMap { written.value.null != nil ? ["'\($0.string)' betyder i YAML att värdet saknas"] : nil } ?? []
            report(.error(location(of: shown == nil ? written.key : written.value), "'access' ska vara 'public' eller 'internal', men här står inget värde", code: "bad-value",
                          notes: null + ["skriv 'access: internal' om det ska vara internt; utan värde publiceras det för alla"]))
            return .public
        }
        guard let access = Routine.Access(rawValue: value.value) else {
            report(.error(value.location, "'access' ska vara 'public' eller 'internal', men här står '\(HardSpaces.visible(value.value))'", code: "bad-value"))
            return .public
        }
        return access
    }

    mutating func int(_ key: String, in range: ClosedRange<Int> = 0...Int.max) -> Int? {
        guard let value = raw(key) else { return nil }
        guard case .scalar(let scalar) = value, let number = Int(scalar.string), range.contains(number) else {
            // A number out of range (`order: -5`) is an integer: the range says what is wrong.
            let outOfRange = value.scalar.flatMap { Int($0.string) } != nil
            let bound = range.upperBound != Int.max ? " från \(range.lowerBound) till \(range.upperBound)"
                : outOfRange ? ", \(range.lowerBound) eller större" : ""
            report(.error(location(of: value), "'\(key)' ska vara ett heltal\(bound), men här står \(Self.describe(value))", code: "yaml-type"))
            return nil
        }
        return number
    }

    mutating func double(_ key: String) -> Double? {
        guard let value = raw(key) else { return nil }
        guard case .scalar(let scalar) = value, let number = Double(scalar.string) else {
            report(.error(location(of: value), "'\(key)' ska vara ett tal, men här står \(Self.describe(value))", code: "yaml-type"))
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = raw(key) else { return nil }
        guard let flag = value.bool else {
            // `"true"` in quotes is text to YAML, not a yes or no.
            if let scalar = value.scalar, scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
               ["true", "false", "yes", "no", "on", "off"].contains(scalar.string.lowercased()) {
                report(.error(location(of: value), "'\(key)' ska vara true eller false utan citattecken, men här står '\(scalar.string)' inom citattecken", code: "yaml-type",
                              notes: ["skriv \(key): \(scalar.string.lowercased()); inom citattecken är det en text"]))
                return nil
            }
            report(.error(location(of: value), "'\(key)' ska vara true eller false, men här står \(Self.describe(value))", code: "yaml-type"))
            return nil
        }
        return flag
    }

    mutating func day(_ key: String, required what: String? = nil) -> Located<Day>? {
        guard let text = located(key, required: what) else { return nil }
        guard let day = Day(text.value) else {
            if let why = Day.missingDay(text.value) {
                report(.error(text.location, "'\(key)' är \(text.value), en dag som inte finns: \(why)", code: "bad-date"))
            } else {
                let dash = text.value.first { "–—−".contains($0) }
                report(.error(text.location, "'\(key)' ska vara ett datum skrivet ÅÅÅÅ-MM-DD, men här står '\(text.value)'", code: "bad-date",
                              notes: dash.map { ["här står tankstreck (\($0)) där det ska vara bindestreck (-); Word och liknande program byter ut bindestreck mot tankstreck"] } ?? []))
            }
            return nil
        }
        return Located(value: day, location: text.location)
    }

    /// A list of texts; a single text counts as a list of one.
    mutating func strings(_ key: String) -> [Located<String>] {
        listItems(key).compactMap { item in
            guard case .scalar(let scalar) = item else {
                report(.error(location(of: item), "varje post i '\(key)' ska vara text, men här står \(Self.describe(item))", code: "yaml-type"))
                return nil
            }
            return Located(value: plainText(scalar, key: key, at: item), location: location(of: item))
        }
    }

    /// A list whose items are each a text or a mapping (`- Text.` or `- text: …`); a single
    /// text counts as a list of one.
    mutating func textsOrMappings(_ key: String) -> [TextOrMapping] {
        listItems(key).compactMap { textOrMapping($0, key: key, what: "varje post i '\(key)'") }
    }

    /// The value under `key`, text or a nested mapping.
    mutating func textOrMapping(_ key: String) -> TextOrMapping? {
        raw(key).flatMap { textOrMapping($0, key: key, what: "'\(key)'") }
    }

    private mutating func textOrMapping(_ node: Node, key: String, what: String) -> TextOrMapping? {
        switch node {
        case .scalar(let scalar): return .text(Located(value: plainText(scalar, key: key, at: node), location: location(of: node)))
        case .mapping: return .mapping(YAMLMapping(node, file: file, lineOffset: lineOffset))
        default:
            report(.error(location(of: node), "\(what) ska vara text eller rader med 'nyckel: värde', men här står \(Self.describe(node))", code: "yaml-type"))
            return nil
        }
    }

    enum TextOrMapping {
        case text(Located<String>)
        case mapping(YAMLMapping)
    }

    /// The items of the list under `key`, a single value being a list of one; none, with the
    /// problem reported, when it is a mapping.
    private mutating func listItems(_ key: String) -> [Node] {
        guard let value = raw(key) else { return [] }
        switch value {
        case .scalar: return [value]
        case .sequence(let sequence): return Array(sequence)
        default:
            report(.error(location(of: value), "'\(key)' ska vara en lista, men här står \(Self.describe(value))", code: "yaml-type"))
            return []
        }
    }

    /// The nested mapping under `key`.
    mutating func mapping(_ key: String) -> YAMLMapping? {
        guard let value = raw(key) else { return nil }
        guard value.mapping != nil else {
            report(.error(location(of: value), "'\(key)' ska bestå av rader med 'nyckel: värde', men här står \(Self.describe(value))", code: "yaml-type"))
            return nil
        }
        return YAMLMapping(value, file: file, lineOffset: lineOffset)
    }

    /// The nested list of mappings under `key`.
    mutating func mappings(_ key: String) -> [YAMLMapping] {
        guard let value = raw(key) else { return [] }
        guard case .sequence(let sequence) = value else {
            report(.error(location(of: value), "'\(key)' ska vara en lista, men här står \(Self.describe(value))", code: "yaml-type"))
            return []
        }
        return sequence.compactMap { item in
            guard item.mapping != nil else {
                report(.error(location(of: item), "varje post i '\(key)' ska bestå av rader med 'nyckel: värde'", code: "yaml-type"))
                return nil
            }
            return YAMLMapping(item, file: file, lineOffset: lineOffset)
        }
    }

    /// Each `key: mapping` pair under this mapping, in file order. `notMapping` may explain a
    /// pair whose value is no mapping (given the keys of the pairs before it); by default
    /// that is a `yaml-type` error.
    mutating func entries(notMapping: (Located<String>, _ before: [String]) -> Diagnostic? = { _, _ in nil }) -> [(key: Located<String>, value: YAMLMapping)] {
        guard let pairs = node.mapping else { return [] }
        var before: [String] = []
        return pairs.compactMap { pair in
            let key = Located(value: pair.key.string ?? "", location: location(of: pair.key))
            usedKeys.insert(key.value)
            defer { before.append(key.value) }
            guard pair.value.mapping != nil else {
                report(notMapping(key, before)
                    ?? .error(location(of: pair.value), "'\(key.value)' ska bestå av rader med 'nyckel: värde', men här står \(Self.describe(pair.value))", code: "yaml-type"))
                return nil
            }
            return (key, YAMLMapping(pair.value, file: file, lineOffset: lineOffset))
        }
    }

    /// Keys that keep something out of the published handbook, or tell a reader how to reach
    /// someone: what goes wrong when one is misspelt or misplaced and so not read, and where
    /// it is read. Such a key is an error, not a warning: the build would otherwise publish
    /// what the editor meant to keep out, or leave out a number someone under threat needs.
    struct GuardingKey {
        var consequence: String
        var place: String
    }

    static let guardingKeys = [
        "access": GuardingKey(consequence: "som det står nu läses nyckeln inte, och det som skulle vara internt publiceras för alla",
                              place: "under en kontakt, i linje med kontaktens andra rader, eller bland en rutins uppgifter överst i rutinens fil"),
        "exclude": GuardingKey(consequence: "som det står nu läses nyckeln inte, och rutinerna som skulle väljas bort publiceras",
                               place: "överst i kommunens council.yml, utan indrag (en grupp väljer inte bort rutiner åt sina kommuner)"),
    ]

    /// A contact's ways to reach it, and the list of contacts: misspelt where they are read
    /// (`phnoe` under a contact, `contacs`), the reader would not see a number or an address,
    /// so that is an error too. Written where they are not read they are only unknown keys:
    /// `email` under `accessibility:` means `feedback_email`, not a contact's.
    static let reachKeys = [
        "phone": "telefonnumret", "email": "e-postadressen", "hours": "när kontakten nås", "out_of_hours": "vem man når utanför kontorstid",
        "contacts": "vem man kontaktar",
    ]

    /// What goes wrong when a guarding key or a way to reach someone is not read, for a note.
    static func consequence(of key: String) -> String? {
        guardingKeys[key]?.consequence ?? reachKeys[key].map { "som det står nu läses nyckeln inte, och läsaren ser inte \($0)" }
    }

    /// Whether `key` is `intended` written with one slip of the finger: another case, one
    /// letter added, left out or wrong, or two letters swapped ("Access", "acess", "exlude",
    /// "exculde"). Only such a key is taken for a guarding key; another word that happens
    /// to be near one ("adress" for a contact's address) stays an unknown key.
    static func isSlip(_ key: String, of intended: String) -> Bool {
        let typed = Array(key.lowercased().unicodeScalars), wanted = Array(intended.unicodeScalars)
        if Suggestions.editDistance(typed, wanted, atMost: 1) != nil { return true }
        guard typed.count == wanted.count else { return false }
        let differences = typed.indices.filter { typed[$0] != wanted[$0] }
        return differences.count == 2 && differences[1] == differences[0] + 1
            && typed[differences[0]] == wanted[differences[1]] && typed[differences[1]] == wanted[differences[0]]
    }

    /// Warns about keys nobody asked for; call after reading every known key. `section` names
    /// the section an unknown key (with its value) would belong in, if it looks like one of its
    /// keys: a line indented too little ends the section it was meant for. An unknown key
    /// close to one of `guardingKeys` is an error (`misspelt-key`).
    mutating func finish(known: [String], section: (String, Node) -> String? = { _, _ in nil }) -> [Diagnostic] {
        for pair in node.mapping ?? .init([]) {
            guard let key = pair.key.string, !usedKeys.contains(key), !known.contains(key) else { continue }
            // YAML's merge key: what it brings (`<<: {access: internal}`) would not be read, and
            // an internal routine or contact would be published.
            if key == "<<" {
                report(.error(location(of: pair.key), "'<<' (att slå ihop nycklar från ett annat ställe) stöds inte; nycklarna läses inte",
                              code: "yaml-merge", notes: ["skriv varje nyckel för sig, till exempel 'access: internal'"]))
                continue
            }
            // A known key but for a space from Word or a web page in it (`phone\u{A0}`): not
            // read, and an editor sees the right key. Said as a slip of that key would be.
            if let hard = hardSpace(inKey: pair.key), known.contains(HardSpaces.removed(from: key)) {
                let intended = HardSpaces.removed(from: key)
                let message = "okänd nyckel '\(HardSpaces.visible(key))': i nyckeln står \(HardSpaces.described(hard.scalar)); sudda det, så blir nyckeln '\(intended)'"
                if let consequence = Self.consequence(of: intended) {
                    report(.error(hard.location, message, code: "misspelt-key", notes: [consequence]))
                } else {
                    report(.warning(hard.location, message, code: "unknown-key", notes: ["som det står nu läses nyckeln inte"]))
                }
                continue
            }
            // The key in other words (`telefon`, `internal: true`): an error where a slip of
            // the key it stands for would be one.
            if let intended = KeysInOtherWords.intended(by: key, value: pair.value, known: known) {
                var notes = intended.swedish ? ["nycklarna är engelska ord, också i en svensk handbok"] : []
                let message = "okänd nyckel '\(key)'; \(Suggestions.meant(intended.key))"
                if has(intended.key) {
                    // Beside the key itself (`mobil:` under `phone:`): a second value, not the key.
                    report(.warning(location(of: pair.key), "okänd nyckel '\(key)'; här står redan '\(intended.key)'", code: "unknown-key",
                                    notes: intended.key == "phone" ? ["ett andra nummer kan bli en egen kontakt"] : []))
                } else if intended.key == "access" ? intended.keepsOut : Self.consequence(of: intended.key) != nil {
                    notes.append("skriv '\(intended.key == "access" ? "access: internal" : intended.key)': \(Self.consequence(of: intended.key)!)")
                    report(.error(location(of: pair.key), message, code: "misspelt-key", notes: notes))
                } else {
                    report(.warning(location(of: pair.key), message, code: "unknown-key", notes: notes))
                }
                continue
            }
            let closest = Suggestions.closest(to: key, in: known)
            if let closest, let consequence = Self.consequence(of: closest), Self.isSlip(key, of: closest) {
                report(.error(location(of: pair.key), "okänd nyckel '\(HardSpaces.visible(key))'; \(Suggestions.meant(closest))", code: "misspelt-key",
                              notes: ["skriv '\(closest)': \(consequence)"]))
                continue
            }
            if let guarding = Self.guardingKeys[key] {
                report(.error(location(of: pair.key), "'\(key)' läses inte här", code: "misplaced-key",
                              notes: ["skriv den \(guarding.place): \(guarding.consequence)"]))
                continue
            }
            // A guarding key that is not a slip is not what was meant ("adress" is no "access").
            var notes = closest.flatMap { Self.guardingKeys[$0] == nil && Self.reachKeys[$0] == nil ? [Suggestions.meant($0)] : nil } ?? []
            if notes.isEmpty, let parent = section(key, pair.value) {
                notes = ["'\(key)' hör hemma under '\(parent):'; dra in den (och raderna under den) med mellanslag, i linje med de andra raderna där"]
            }
            // A short list is worth reading (`theme:` has two keys); a long one is not.
            if notes.isEmpty, (1...8).contains(known.count) { notes = ["nycklar som läses här: " + known.sorted().joined(separator: ", ")] }
            if let hard = hardSpace(inKey: pair.key) { notes.insert("i nyckeln står \(HardSpaces.described(hard.scalar))", at: 0) }
            report(.warning(location(of: pair.key), "okänd nyckel '\(HardSpaces.visible(key))'", code: "unknown-key", notes: notes))
        }
        return diagnostics
    }

    /// The first hard or zero-width space in a key (`HardSpaces`), and where it is: at the
    /// character itself in a plain key, which is written as it is read; else at the key.
    func hardSpace(inKey node: Node) -> (scalar: Unicode.Scalar, location: SourceLocation)? {
        guard let key = node.scalar, let found = HardSpaces.first(in: key.string) else { return nil }
        let at = location(of: node)
        return (found.scalar, key.style == .plain ? at.at(line: at.line, column: at.column + found.offset) : at)
    }

    /// Takes over the problems a nested mapping found.
    mutating func absorb(_ nested: inout YAMLMapping, known: [String]) {
        diagnostics += nested.finish(known: known)
    }
}
