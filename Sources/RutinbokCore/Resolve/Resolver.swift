/// The resolve stage: layers base → group → council for each council, applies `exclude`
/// and access, and orders the routines.
public enum Resolver {
    public struct Options: Sendable {
        /// Include `access: internal` routines (a build for the intranet).
        public var includeInternal = false
        public init(includeInternal: Bool = false) { self.includeInternal = includeInternal }
    }

    public static func resolve(_ site: Site, options: Options = .init()) -> ([Handbook], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let baseByID = Dictionary(site.routines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let baseIDs = Set(baseByID.keys)
        let rank = Dictionary(site.config.phases.map { ($0.id, $0.rank) }, uniquingKeysWith: { a, _ in a })
        for (_, group) in site.groups.sorted(by: { $0.key < $1.key }) {
            diagnostics += checkAdditions(group.routines, baseIDs: baseIDs)
        }
        var handbooks: [Handbook] = []
        for council in site.councils {
            var group: Group?
            if let name = council.group {
                group = site.groups[name.value]
                if group == nil {
                    diagnostics.append(.error(name.location, "group '\(name.value)' does not exist", code: "unknown-group",
                                              notes: Suggestions.note(for: name.value, among: Array(site.groups.keys), listing: "groups in content/groups")))
                }
            }
            var layered: [String: HandbookRoutine] = [:]
            for routine in site.routines { layered[routine.id] = HandbookRoutine(routine: routine, origin: .inherited) }
            for routine in (group?.routines ?? []) + council.routines {
                let base = baseByID[routine.id]
                layered[routine.id] = HandbookRoutine(routine: routine, origin: base == nil ? .added : .adapted, base: base)
            }
            let groupIDs = Set(group?.routines.map(\.id) ?? [])
            diagnostics += checkAdditions(council.routines.filter { !groupIDs.contains($0.id) }, baseIDs: baseIDs)

            var excluded: Set<String> = []
            for name in council.exclude {
                if layered.removeValue(forKey: name.value) != nil {
                    excluded.insert(name.value)
                } else {
                    diagnostics.append(.error(name.location, "'exclude' names '\(name.value)', but there is no routine with that id", code: "unknown-exclude",
                                              notes: Suggestions.note(for: name.value, among: Array(layered.keys), listing: "routine ids")))
                }
            }
            var internalOnly: Set<String> = []
            if !options.includeInternal {
                for (id, entry) in layered where entry.routine.access == .internal {
                    layered.removeValue(forKey: id)
                    internalOnly.insert(id)
                }
            }
            let ordered = layered.values.sorted { a, b in
                let x = a.routine, y = b.routine
                return (rank[x.phase.value] ?? Int.max, x.order, x.title, x.id) < (rank[y.phase.value] ?? Int.max, y.order, y.title, y.id)
            }
            let own = council.contacts
            let inherited = (group?.contacts ?? []).filter { contact in !own.contains { $0.id == contact.id } }
            handbooks.append(Handbook(council: council, group: group, contacts: own + inherited, routines: ordered,
                                      excluded: excluded, internalOnly: internalOnly))
        }
        return (handbooks, diagnostics)
    }

    /// A new id close to a base id is more likely a misspelt override than a new routine.
    private static func checkAdditions(_ routines: [Routine], baseIDs: Set<String>) -> [Diagnostic] {
        routines.compactMap { routine in
            guard !baseIDs.contains(routine.id), let guess = Suggestions.closest(to: routine.id, in: baseIDs) else { return nil }
            return .warning(routine.location, "'\(routine.id)' does not replace any base routine, so it is added as a new one", code: "override-unknown",
                            notes: ["did you mean to replace '\(guess)'? Name the file '\(guess).md'"])
        }
    }
}
