/// Warns about routines whose LIX is above `defaults.lix_threshold` in site.yml. Each routine
/// file is measured once, however many councils use it.
enum ReadabilityChecker {
    static func check(_ handbooks: [Handbook], bodies: MarkdownStage, threshold: Double) -> [Diagnostic] {
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for handbook in handbooks {
            for entry in handbook.routines where seen.insert(entry.routine.location.file).inserted {
                guard let reading = bodies.readability(for: entry.routine, in: handbook) else { continue }
                guard reading.lix > threshold else { continue }
                let routine = entry.routine
                diagnostics.append(.warning(routine.location.at(line: routine.bodyLine),
                    "'\(routine.title)' has LIX \(reading.rounded), above \(ReviewReport.lixText(threshold)): \(ReviewReport.lixText(reading.wordsPerSentence)) words per sentence, \(Int(reading.longWordPercentage.rounded())) % long words",
                    code: "lix-high",
                    notes: ["shorter sentences and everyday words make the routine easier to follow; the threshold is 'defaults.lix_threshold' in site.yml"]))
            }
        }
        return diagnostics
    }
}
