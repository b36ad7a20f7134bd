import Yams

/// Reads a group's `group.yml`; its contacts are read by `ContactLoader`, the routines beside
/// it by `ContentLoader`.
enum GroupLoader {
    static let keys = ["name", "description", "members", "quick_contacts", "contacts"]

    static func load(_ text: String, id: String, file: String) -> (Group?, [Diagnostic]) {
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0) {
        case .success(let mapping): yaml = mapping
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let name = yaml.string("name", required: "gruppens namn")
        let description = yaml.string("description") ?? ""
        var members = yaml.has("members") ? yaml.strings("members") : nil
        // A council listed twice is listed once: the second is pointed at.
        if let listed = members {
            var seen: [String: SourceLocation] = [:]
            members = listed.filter { member in
                guard let first = seen[member.value] else {
                    seen[member.value] = member.location
                    return true
                }
                let earlier = first.line == member.location.line ? "" : " (första gången på rad \(first.line))"
                yaml.report(.warning(member.location, "'members' nämner '\(member.value)' två gånger\(earlier); ta bort den ena", code: "duplicate-id"))
                return false
            }
        }
        let quickContacts = yaml.strings("quick_contacts")
        let group = Group(id: id, name: name ?? id, description: description, contacts: ContactLoader.contacts(&yaml),
                          routines: [], location: SourceLocation(file: file, line: 1, column: 1), members: members,
                          quickContacts: quickContacts)
        return (group, yaml.finish(known: keys) { key, value in CouncilLoader.section(of: key, value: value) == "contacts" ? "contacts" : nil })
    }
}
