/// What is said where a council is expected (`--council`, `adopt --into`, `new routine
/// --council`, a group's `members`) and the id names none: one wording everywhere. Councils
/// are municipalities and regions, so a list of them says both; and a group's id, the
/// likeliest mistake, is said to be a group, with its members.
enum NoSuchCouncil {
    /// What a list of council ids is introduced by: "kommuner och regioner: exempelby, …".
    static let listing = "kommuner och regioner"

    /// The group an id names instead: its name and its members (`group:` in their council.yml).
    struct Group {
        var name: String
        var members: [(slug: String, name: String)]
    }

    /// The group `id` names in a loaded site, if it names one.
    static func group(_ id: String, in site: Site) -> Group? {
        guard let group = site.groups[id] else { return nil }
        let members = site.councils(joining: id).map { (slug: $0.slug, name: $0.name) }
        return Group(name: group.name, members: members.sorted { $0.slug < $1.slug })
    }

    static func message(_ id: String, group: Group?) -> String {
        guard let group else { return "det finns ingen kommun eller region '\(id)'" }
        return "'\(id)' är en grupp (\(group.name)), inte en kommun eller region"
    }

    /// For a group, its members (and, where the command has `--group`, that it chooses them
    /// all); otherwise a "did you mean" and the councils there are.
    static func notes(_ id: String, group: Group?, councils: [String], offerGroupOption: Bool = false) -> [String] {
        guard let group else { return Suggestions.note(for: id, among: councils, listing: listing) }
        guard !group.members.isEmpty else { return ["ingen kommun eller region har 'group: \(id)' i sin council.yml"] }
        return ["gruppens medlemmar: " + group.members.map { "\($0.slug) (\($0.name))" }.joined(separator: ", ")]
            + (offerGroupOption ? ["alla gruppens kommuner och regioner väljer du med --group \(id)"] : [])
    }
}
