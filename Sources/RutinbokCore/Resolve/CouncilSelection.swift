/// `--council`: the handbooks a command was asked for.
enum CouncilSelection {
    /// Keeps the handbooks `slugs` names (all when it names none), with an error for a name
    /// that is no council. A council whose folder is there but did not load (`unloadable`)
    /// has had its problems reported already, and is not also called unknown.
    static func apply(_ slugs: [String], to handbooks: inout [Handbook], unloadable: Set<String>) -> [Diagnostic] {
        guard !slugs.isEmpty else { return [] }
        let known = handbooks.map(\.council.slug)
        let problems = slugs.filter { !known.contains($0) && !unloadable.contains($0) }.map { slug in
            Diagnostic.error(SourceLocation(file: "--council"), "det finns ingen kommun '\(slug)'", code: "unknown-council",
                             notes: Suggestions.note(for: slug, among: known, listing: "kommuner"))
        }
        handbooks = handbooks.filter { slugs.contains($0.council.slug) }
        return problems
    }
}
