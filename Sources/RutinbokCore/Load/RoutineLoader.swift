import Foundation

/// Reads one routine file: front matter and body.
enum RoutineLoader {
    static let keys = ["title", "summary", "phase", "order", "audience", "owner", "reviewed", "decided",
                       "access", "review_interval_months", "share", "adopted_from"]

    static func load(_ text: String, id: String, layer: Routine.Layer, file: String) -> (Routine?, [Diagnostic]) {
        let top = SourceLocation(file: file, line: 1, column: 1)
        let front: FrontMatter
        switch FrontMatter.split(text) {
        case .success(let split): front = split
        case .failure(.missing):
            if text.isBlank {
                return (nil, [.error(top, "the routine is empty", code: "empty-routine")])
            }
            return (nil, [.error(top, "the routine must start with front matter: a line '---', the routine's facts (title, summary, phase, owner, reviewed), and another '---'", code: "missing-front-matter")])
        case .failure(.unclosed):
            return (nil, [.error(top, "the front matter opened here is never closed; add a line '---' after the last 'key: value' line", code: "unclosed-front-matter")])
        }
        var yaml: YAMLMapping
        switch YAMLMapping.parse(front.yaml, file: file, lineOffset: front.yamlLineOffset) {
        case .success(let mapping): yaml = mapping
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let title = yaml.string("title", required: "the routine's heading")
        let summary = yaml.located("summary", required: "one sentence on what the routine is for")
        let phase = yaml.located("phase", required: "which part of the handbook it belongs to")
        let order = yaml.int("order") ?? 100
        let audience = yaml.strings("audience")
        let owner = yaml.located("owner", required: "the contact id of whoever keeps it current")
        let reviewed = yaml.day("reviewed", required: "the date it was last reviewed, YYYY-MM-DD")
        let decided = yaml.string("decided")
        var access = Routine.Access.public
        if let value = yaml.located("access") {
            if let parsed = Routine.Access(rawValue: value.value) { access = parsed }
            else { yaml.report(.error(value.location, "'access' must be 'public' or 'internal', found '\(value.value)'", code: "bad-value")) }
        }
        let interval = yaml.int("review_interval_months", in: 1...120)
        let share = yaml.bool("share") ?? false
        let adoptedFrom = yaml.located("adopted_from")
        var diagnostics = yaml.finish(known: keys)
        if front.body.isBlank {
            diagnostics.append(.error(top.at(line: front.bodyLine), "the routine has no text after its front matter", code: "empty-routine"))
        }
        diagnostics += Placeholders.find(summary: summary, body: front.body, bodyLine: front.bodyLine, layer: layer, file: file)
        guard let title, let summary, let phase, let owner else { return (nil, diagnostics) }
        let routine = Routine(
            id: id, layer: layer, title: title, summary: summary.value, phase: phase, order: order,
            audience: audience, owner: owner, reviewed: reviewed, decided: decided, access: access,
            reviewIntervalMonths: interval, share: share, adoptedFrom: adoptedFrom,
            body: front.body, bodyLine: front.bodyLine, location: top)
        return (routine, diagnostics)
    }
}
