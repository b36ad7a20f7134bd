/// A part of the handbook (a phase in site.yml) that no routine file has, base, group's or
/// council's, is site.yml's problem: one warning at the phase, in place of one per handbook
/// (310 at national scale), each telling a council to write a routine for it.
///
/// The handbooks' warnings are made by each handbook's check, which a build keeps for a
/// council that did not change (`HandbookChecker.check`, `known`); whether some other file has
/// the phase is known only here, after all of them, so they are replaced here.
enum EmptyPhases {
    /// The words naming the phase in a handbook's `empty-phase` warning, which end it.
    static func inPart(_ phase: Phase) -> String { "i delen '\(phase.label)'" }

    /// `diagnostics` with the handbooks' warnings for a phase no routine file has replaced by
    /// one at the phase in site.yml.
    static func collapse(_ diagnostics: [Diagnostic], site: Site) -> [Diagnostic] {
        // Said only where a handbook would have been told (not for a build of no handbook):
        // with no such warning, every routine file need not be looked at.
        guard diagnostics.contains(where: { $0.code == "empty-phase" }) else { return diagnostics }
        var used: Set<String> = []
        for routine in site.routines { used.insert(routine.phase.value) }
        for group in site.groups.values { for routine in group.routines { used.insert(routine.phase.value) } }
        for council in site.councils { for routine in council.routines { used.insert(routine.phase.value) } }
        let unused = site.config.phases.filter { !used.contains($0.id) }
        guard !unused.isEmpty else { return diagnostics }
        let endings = Set(unused.map(inPart))
        let kept = diagnostics.filter { diagnostic in
            diagnostic.code != "empty-phase" || !endings.contains { diagnostic.message.hasSuffix($0) }
        }
        guard kept.count < diagnostics.count else { return diagnostics }
        return kept + unused.map { phase in
            .warning(site.config.phaseLocations.first { $0.value == phase.id }?.location ?? site.config.location,
                     "ingen rutin hör till delen '\(phase.label)', så den saknas i varje handbok", code: "empty-phase",
                     notes: ["skriv en grundrutin med 'phase: \(phase.id)', eller ta bort delen ur 'phases' tills det finns en rutin för den"])
        }
    }
}
