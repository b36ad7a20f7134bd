/// Routines councils offer to others (`share: true`), and where each has spread
/// (routines elsewhere whose `adopted_from` names it).
public struct ExampleLibrary: Sendable {
    public struct Example: Sendable {
        public var council: Council
        public var routine: Routine
        /// The councils that adopted it and the id each gave its copy, in the order of the
        /// handbooks (a copy may be renamed).
        public var adopters: [(council: String, routine: String)]
        /// Slugs of the councils that adopted it.
        public var adoptedBy: [String] { adopters.map(\.council) }
        public var key: String { "\(council.slug)/\(routine.id)" }
    }

    /// Published examples only: a shared routine that is internal or left out is not listed.
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
        examples = handbooks.flatMap { handbook in
            handbook.routines.compactMap { entry -> Example? in
                guard entry.routine.share, entry.routine.layer == .council(handbook.council.slug) else { return nil }
                let key = "\(handbook.council.slug)/\(entry.routine.id)"
                return Example(council: handbook.council, routine: entry.routine, adopters: adopters[key] ?? [])
            }
        }
    }

    public func example(_ key: String) -> Example? { examples.first { $0.key == key } }
}
