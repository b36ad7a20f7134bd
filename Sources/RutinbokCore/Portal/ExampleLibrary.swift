/// Routines councils and groups offer to others (`share: true`), and where each has spread
/// (routines elsewhere whose `adopted_from` names it).
public struct ExampleLibrary: Sendable {
    public struct Example: Sendable {
        /// The council that offers it; for a group's routine, the first member, in whose
        /// handbook it is shown.
        public var council: Council
        /// The group that wrote it, when a group did: offered once, by the group.
        public var group: Group?
        public var routine: Routine
        /// A group's routine: the councils whose handbooks show it, in the order of the
        /// handbooks (the text is read in a member's handbook; the group's page lists them).
        public var members: [Council] = []
        /// The councils that adopted it and the id each gave its copy, in the order of the
        /// handbooks (a copy may be renamed).
        public var adopters: [(council: String, routine: String)]
        /// Slugs of the councils that adopted it.
        public var adoptedBy: [String] { adopters.map(\.council) }
        /// What `adopted_from` and `rutinbok adopt` call it: `<council>/<id>` or `<group>/<id>`.
        public var key: String { "\(group?.id ?? council.slug)/\(routine.id)" }
        /// Who offers it: the group's name or the council's.
        public var offeredBy: String { group?.name ?? council.name }
    }

    /// Published examples only: a shared routine that is internal or left out is not listed,
    /// in an intranet build too. The library is for other councils to copy from, and
    /// `rutinbok adopt` refuses a routine kept `access: internal` (short of `--force`, after
    /// asking its council): offering it there would list a command that fails.
    public var examples: [Example]

    public init(handbooks: [Handbook]) {
        var adopters: [String: [(council: String, routine: String)]] = [:]
        for handbook in handbooks {
            for entry in handbook.routines {
                if let source = entry.routine.adoptedFrom?.value {
                    adopters[source, default: []].append((handbook.council.slug, entry.routine.id))
                }
            }
        }
        // A group's shared routine, by its key: the handbooks that show the group's text.
        var members: [String: [Council]] = [:]
        for handbook in handbooks {
            for entry in handbook.routines where Self.isOffered(entry.routine) {
                if case .group(let id) = entry.routine.layer { members["\(id)/\(entry.routine.id)", default: []].append(handbook.council) }
            }
        }
        var offeredByGroups: Set<String> = []
        examples = handbooks.flatMap { handbook in
            handbook.routines.compactMap { entry -> Example? in
                guard Self.isOffered(entry.routine) else { return nil }
                switch entry.routine.layer {
                case .council(let slug) where slug == handbook.council.slug:
                    return Example(council: handbook.council, routine: entry.routine, adopters: adopters["\(slug)/\(entry.routine.id)"] ?? [])
                case .group(let id):
                    // Every member shows the group's routine: it is offered once.
                    let key = "\(id)/\(entry.routine.id)"
                    guard offeredByGroups.insert(key).inserted else { return nil }
                    return Example(council: handbook.council, group: handbook.group, routine: entry.routine,
                                   members: members[key] ?? [], adopters: adopters[key] ?? [])
                default: return nil
                }
            }
        }
    }

    /// Marked `share: true` and not kept internal: what `rutinbok adopt` copies without `--force`.
    static func isOffered(_ routine: Routine) -> Bool { routine.share && routine.access != .internal }

    public func example(_ key: String) -> Example? { examples.first { $0.key == key } }
}
