/// Which council has which base routine, and in what form: the portal's coverage matrix.
public struct Coverage: Sendable {
    public enum Cell: Sendable, Equatable {
        /// The base routine, unchanged.
        case inherited
        /// Replaced by the group's (`byGroup`) or the council's own text; `adoptedFrom` is the
        /// `<council>/<id>` the council's text was adopted from, if any.
        case adapted(byGroup: Bool, adoptedFrom: String?)
        /// Left out through `exclude`.
        case excluded
        /// Present only in an internal build (`access: internal`).
        case internalOnly

        public enum Kind: Sendable, Hashable { case inherited, adapted, excluded, internalOnly }

        public var kind: Kind {
            switch self {
            case .inherited: .inherited
            case .adapted: .adapted
            case .excluded: .excluded
            case .internalOnly: .internalOnly
            }
        }

        /// The word shown in the cell: never colour or a symbol alone.
        public var label: String {
            switch self {
            case .inherited: "Ärvd"
            case .adapted: "Anpassad"
            case .excluded: "Bortvald"
            case .internalOnly: "Intern"
            }
        }
    }

    public struct Row: Sendable {
        public var routine: Routine
        /// One cell per council, in the order of `councils`.
        public var cells: [Cell]

        /// How many handbooks have the routine in each form, counted in one pass.
        public var counts: [Cell.Kind: Int] {
            cells.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
        }
    }

    public struct PhaseRows: Sendable {
        public var phase: Phase
        public var rows: [Row]
    }

    /// A routine a council has that the base does not: the fifth kind of cell, listed per council.
    public struct Addition: Sendable {
        public var routine: Routine
        public var byGroup: Bool
        /// False when the routine is `access: internal` and the build is public.
        public var published: Bool
    }

    /// Council slugs, the columns.
    public var councils: [String]
    public var phases: [PhaseRows]
    /// Own additions by council slug.
    public var additions: [String: [Addition]]

    public func cell(council: String, routine id: String) -> Cell? {
        guard let column = councils.firstIndex(of: council) else { return nil }
        return phases.lazy.flatMap(\.rows).first { $0.routine.id == id }?.cells[column]
    }

    public init(site: Site, handbooks: [Handbook]) {
        councils = handbooks.map(\.council.slug)
        // A base routine kept internal has a row only where some handbook has it (an internal
        // build): in a public one its title is as internal as its text.
        let base = site.routines.filter { routine in
            routine.access != .internal || handbooks.contains { $0.routine(routine.id).map { $0.origin != .added } ?? false }
        }.sorted { ($0.order, $0.title, $0.id) < ($1.order, $1.title, $1.id) }
        // Column by column: each handbook is visited once, not once per base routine.
        let columns = handbooks.map { handbook in base.map { Self.cell(for: $0.id, in: handbook) } }
        let row = Dictionary(base.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        phases = site.config.phases.compactMap { phase in
            let rows = base.filter { $0.phase.value == phase.id }.map { routine in
                Row(routine: routine, cells: columns.map { $0[row[routine.id]!] })
            }
            return rows.isEmpty ? nil : PhaseRows(phase: phase, rows: rows)
        }
        let baseIDs = Set(base.map(\.id))
        var additions: [String: [Addition]] = [:]
        for handbook in handbooks {
            let own = handbook.council.routines.filter { !baseIDs.contains($0.id) }
            let ownIDs = Set(own.map(\.id))
            let fromGroup = (handbook.group?.routines ?? []).filter { !baseIDs.contains($0.id) && !ownIDs.contains($0.id) }
            additions[handbook.council.slug] = (fromGroup.map { ($0, true) } + own.map { ($0, false) })
                .filter { !handbook.excluded.contains($0.0.id) }
                .map { Addition(routine: $0.0, byGroup: $0.1, published: handbook.routine($0.0.id) != nil) }
                .sorted { ($0.routine.order, $0.routine.title) < ($1.routine.order, $1.routine.title) }
        }
        self.additions = additions
    }

    static func cell(for id: String, in handbook: Handbook) -> Cell {
        if handbook.excluded.contains(id) { return .excluded }
        if handbook.internalOnly.contains(id) { return .internalOnly }
        guard let entry = handbook.routine(id) else { return .excluded }
        switch entry.origin {
        case .inherited, .added: return .inherited
        case .adapted:
            if case .group = entry.routine.layer { return .adapted(byGroup: true, adoptedFrom: nil) }
            return .adapted(byGroup: false, adoptedFrom: entry.routine.adoptedFrom?.value)
        }
    }
}
