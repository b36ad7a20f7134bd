import Foundation

/// Reads one routine file: front matter and body.
enum RoutineLoader {
    static let keys = ["title", "summary", "phase", "order", "audience", "owner", "reviewed", "decided",
                       "access", "review_interval_months", "share", "adopted_from", "aliases"]

    static func load(_ text: String, id: String, layer: Routine.Layer, file: String) -> (Routine?, [Diagnostic]) {
        let top = SourceLocation(file: file, line: 1, column: 1)
        let front: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): front = split
        case .failure(.missing):
            if text.isBlank {
                return (nil, [.error(top, "rutinen är tom", code: "empty-routine")])
            }
            // A blank line before the opening '---' is easy to miss: say so.
            let blankFirst = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first?.allSatisfy(\.isWhitespace) ?? false
            return (nil, [.error(top, "rutinen ska börja med en rad '---', sedan rutinens uppgifter (title, summary, phase, owner, reviewed) och en rad '---' till", code: "missing-front-matter",
                                 notes: blankFirst ? ["den första raden är tom; ta bort de tomma raderna före '---'"] : [])])
        case .failure(.unclosed):
            return (nil, [.error(top, "rutinens uppgifter, som börjar med '---' här, avslutas aldrig; lägg till en rad '---' efter den sista raden med 'nyckel: värde'", code: "unclosed-front-matter")])
        }
        var yaml: YAMLMapping
        switch YAMLMapping.parse(front.yaml, file: file, lineOffset: front.yamlLineOffset) {
        case .success(let mapping): yaml = mapping
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let title = yaml.string("title", required: "rutinens rubrik")
        let summary = yaml.located("summary", required: "en mening om vad rutinen är till för")
        let phase = yaml.located("phase", required: "vilken del av handboken rutinen hör till")
        let order = yaml.int("order") ?? 100
        let audience = yaml.strings("audience")
        let owner = yaml.located("owner", required: "kontakt-id för den som håller rutinen aktuell")
        let reviewed = yaml.day("reviewed", required: "dagen då rutinen senast granskades, ÅÅÅÅ-MM-DD")
        let decided = yaml.string("decided")
        let access = yaml.access()
        let interval = yaml.int("review_interval_months", in: 1...120)
        let share = yaml.bool("share") ?? false
        let adoptedFrom = yaml.located("adopted_from")
        let (aliases, aliasProblems) = Self.aliases(yaml.strings("aliases"), of: id)
        var diagnostics = yaml.finish(known: keys) + aliasProblems
        if let nothing = Self.showsNothing(front.body) {
            diagnostics.append(.error(top.at(line: front.bodyLine), "rutinen har ingen text efter uppgifterna överst", code: "empty-routine",
                                      notes: nothing.isEmpty ? [] : [nothing]))
        }
        diagnostics += StandInTexts.find(summary: summary, body: front.body, bodyLine: front.bodyLine, layer: layer, file: file)
        guard let title, let summary, let phase, let owner else { return (nil, diagnostics) }
        let routine = Routine(
            id: id, layer: layer, title: title, summary: summary.value, phase: phase, order: order,
            audience: audience, owner: owner, reviewed: reviewed, decided: decided, access: access,
            reviewIntervalMonths: interval, share: share, adoptedFrom: adoptedFrom, aliases: aliases,
            body: front.body, bodyLine: front.bodyLine, location: top)
        return (routine, diagnostics)
    }

    /// Whether a routine's text would show nothing on its page: nil when it shows something,
    /// else what stands there instead, for a note ("" for nothing at all). HTML comments
    /// (`<!-- att göra -->`) are left out of the page, and zero-width characters (U+200B and
    /// the like, `HardSpaces`) show nothing.
    static func showsNothing(_ body: String) -> String? {
        if body.isBlank { return "" }
        func visible(_ scalar: Unicode.Scalar) -> Bool { !scalar.properties.isWhitespace && HardSpaces.kind(of: scalar) != .zeroWidth }
        // Almost every text starts with something shown: then no more is looked at.
        if let first = body.unicodeScalars.first(where: visible), first != "<" { return nil }
        var rest = Substring(body), shown = ""
        var comments = false
        while let open = rest.range(of: "<!--") {
            shown += rest[..<open.lowerBound]
            comments = true
            guard let close = rest[open.upperBound...].range(of: "-->") else { rest = ""; break }
            rest = rest[close.upperBound...]
        }
        shown += rest
        guard !shown.unicodeScalars.contains(where: visible) else { return nil }
        let invisible = shown.unicodeScalars.filter { HardSpaces.kind(of: $0) == .zeroWidth }
        var codes: [String] = []
        for scalar in invisible where !codes.contains(scalar.codeText) { codes.append(scalar.codeText) }
        switch (comments, codes.isEmpty) {
        case (true, true): return "här står bara en kommentar (<!-- … -->), som inte visas på sidan"
        case (true, false): return "här står bara en kommentar (<!-- … -->), som inte visas på sidan, och osynliga tecken (\(codes.joined(separator: ", ")))"
        default: return "här står bara osynliga tecken (\(codes.joined(separator: ", "))), som inte syns på sidan; de följer ofta med när text klistras in från Word eller en webbsida"
        }
    }

    /// `aliases`: the ids the routine had before, each written as the id (`hotad`), the old
    /// file (`hotad.md`) or the old page (`hotad.html`). Each must be an id a routine could
    /// have; one named twice counts once.
    static func aliases(_ written: [Located<String>], of id: String) -> ([Located<String>], [Diagnostic]) {
        var aliases: [Located<String>] = []
        var diagnostics: [Diagnostic] = []
        for entry in written {
            var name = entry.value
            for suffix in [".md", ".html"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
            let slug = Slug.make(name)
            let problem: String? =
                if name.contains("/") {
                    "'\(entry.value)' innehåller '/'; skriv bara rutinens gamla id, utan mapp"
                } else if slug.isEmpty {
                    "'\(entry.value)' har inga bokstäver a–z eller siffror att göra ett id av"
                } else if slug != name {
                    "'\(entry.value)' är inte skrivet som ett id; skriv '\(slug)'"
                } else if name == id {
                    "'\(name)' är rutinens nuvarande id; ta bort det ur 'aliases'"
                } else if PageNames.reserved.contains(name) {
                    "'\(name)' är namnet på en inbyggd sida och kan inte leda till en rutin"
                } else {
                    nil
                }
            if let problem {
                diagnostics.append(.error(entry.location, problem, code: "invalid-alias"))
            } else if !aliases.contains(where: { $0.value == name }) {
                aliases.append(Located(value: name, location: entry.location))
            }
        }
        return (aliases, diagnostics)
    }
}
