/// Warns about routines whose LIX is above `defaults.lix_threshold` in site.yml. Each routine
/// file is measured once, however many councils use it.
enum ReadabilityChecker {
    static func check(_ handbooks: [Handbook], bodies: RenderedBodies, threshold: Double) -> [Diagnostic] {
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for handbook in handbooks {
            for entry in handbook.routines where seen.insert(entry.routine.location.file).inserted {
                guard let reading = bodies.readability(for: entry.routine, in: handbook) else { continue }
                guard reading.lix > threshold else { continue }
                let routine = entry.routine
                diagnostics.append(.warning(routine.location.at(line: routine.bodyLine),
                    "'\(routine.title)' har LIX \(reading.rounded), över gränsen \(DecimalText.swedishTrimmed(threshold)): \(DecimalText.swedish(reading.wordsPerSentence)) ord per mening, \(Int(reading.longWordPercentage.rounded())) % långa ord",
                    code: "lix-high",
                    notes: ["kortare meningar och vardagliga ord gör rutinen lättare att följa; gränsen står i 'defaults.lix_threshold' i site.yml"]))
            }
        }
        return diagnostics
    }
}
