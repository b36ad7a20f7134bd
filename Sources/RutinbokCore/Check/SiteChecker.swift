/// Checks that need no council: each routine's phase and audience against site.yml.
/// Run once per routine file, not once per council that inherits it.
enum SiteChecker {
    static func check(_ site: Site) -> [Diagnostic] {
        let phases = site.config.phases.map(\.id)
        let audiences = site.config.audiences.map(\.id)
        let councilSlugs = Set(site.councils.map(\.slug))
        var diagnostics: [Diagnostic] = []
        // Each collection in turn, in the same order as before, without copying every routine into one array.
        let collections = [site.routines] + site.groups.values.map(\.routines) + site.councils.map(\.routines)
        for routine in collections.joined() {
            if !phases.contains(routine.phase.value) {
                diagnostics.append(.error(routine.phase.location, "unknown phase '\(routine.phase.value)'", code: "unknown-phase",
                                          notes: Suggestions.note(for: routine.phase.value, among: phases, listing: "phases in site.yml")))
            }
            for audience in routine.audience where !audiences.contains(audience.value) {
                diagnostics.append(.error(audience.location, "unknown audience '\(audience.value)'", code: "unknown-audience",
                                          notes: Suggestions.note(for: audience.value, among: audiences, listing: "audiences in site.yml")))
            }
            if let source = routine.adoptedFrom {
                let parts = source.value.split(separator: "/")
                if parts.count != 2 || !councilSlugs.contains(String(parts[0])) {
                    diagnostics.append(.warning(source.location, "'adopted_from' should be '<council>/<routine id>' of an existing council, found '\(source.value)'", code: "unknown-source"))
                }
            }
        }
        return diagnostics
    }
}
