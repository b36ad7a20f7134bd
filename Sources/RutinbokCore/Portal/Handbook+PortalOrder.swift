extension Handbook {
    /// The portal's and the report's order: municipalities, then regions (and county councils,
    /// their former name), each by name as a Swedish reader looks for it.
    static func inPortalOrder(_ handbooks: [Handbook]) -> [Handbook] {
        // Each name's key made once, not once per comparison.
        let keyed = handbooks.map { (handbook: $0, group: $0.council.kind == .kommun ? 0 : 1, key: SwedishOrder.key($0.council.name)) }
        return keyed.sorted { a, b in
            if a.group != b.group { return a.group < b.group }
            if a.key != b.key { return a.key.lexicographicallyPrecedes(b.key) }
            if a.handbook.council.name != b.handbook.council.name { return a.handbook.council.name < b.handbook.council.name }
            return a.handbook.council.slug < b.handbook.council.slug
        }.map(\.handbook)
    }
}
