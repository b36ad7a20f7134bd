/// Which contact ids a handbook needs: every routine's `owner` and every `kontakt:` link
/// in the rendered bodies (as the Markdown stage sees them, not a text search), then the
/// contacts site.yml puts first in the start page's box (`quick_contacts`), such as the
/// after-hours number no routine names.
struct ReferencedContacts {
    struct Entry: Equatable {
        var id: String
        /// A role name for the scaffold: the one other councils use most, or one made from the id.
        var role: String
        /// Routine ids that name the contact, in reading order; none for a contact only the
        /// start page's box shows.
        var routines: [String]
    }

    static func find(in routines: [Routine], site: Site) -> [Entry] {
        let ordered = routines.sorted {
            let a = site.config.phase($0.phase.value)?.rank ?? Int.max, b = site.config.phase($1.phase.value)?.rank ?? Int.max
            return (a, $0.order, $0.id) < (b, $1.order, $1.id)
        }
        var order: [String] = []
        var usedBy: [String: [String]] = [:]
        func note(_ id: String, _ routine: String) {
            if usedBy[id] == nil { order.append(id) }
            if usedBy[id]?.contains(routine) != true { usedBy[id, default: []].append(routine) }
        }
        for routine in ordered {
            note(routine.owner.value, routine.id)
            let rendered = MarkdownRenderer().render(routine.body, file: routine.location.file, firstLine: routine.bodyLine)
            for reference in rendered.contacts { note(reference.id, routine.id) }
        }
        for id in site.config.quickContacts.map(\.value) where usedBy[id] == nil {
            order.append(id)
            usedBy[id] = []
        }
        let known = site.councils.flatMap(\.contacts) + site.groups.values.flatMap(\.contacts)
        return order.map { Entry(id: $0, role: role(for: $0, among: known), routines: usedBy[$0] ?? []) }
    }

    /// The most common role among contacts with this id; ties go to the shortest, then the first alphabetically.
    static func role(for id: String, among contacts: [Contact]) -> String {
        var counts: [String: Int] = [:]
        for contact in contacts where contact.id == id { counts[contact.role, default: 0] += 1 }
        if let best = counts.max(by: { ($0.value, -$0.key.count, $1.key) < ($1.value, -$1.key.count, $0.key) }) {
            return best.key
        }
        let words = id.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
