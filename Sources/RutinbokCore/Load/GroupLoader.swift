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
        let members = yaml.has("members") ? yaml.strings("members") : nil
        let quickContacts = yaml.strings("quick_contacts")
        let group = Group(id: id, name: name ?? id, description: description, contacts: ContactLoader.contacts(&yaml),
                          routines: [], location: SourceLocation(file: file, line: 1, column: 1), members: members,
                          quickContacts: quickContacts)
        return (group, yaml.finish(known: keys) { key, value in CouncilLoader.section(of: key, value: value) == "contacts" ? "contacts" : nil })
    }
}
