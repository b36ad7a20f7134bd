import Foundation

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

    /// The problems that are the chosen councils' to fix (all when `slugs` names none): not
    /// those in another council's folder, in a group none of them belongs to, or found in a
    /// shared file in another council's handbook. The base routines, site.yml and the
    /// templates are every handbook's. A chosen council that did not load keeps every group.
    static func limit(_ diagnostics: [Diagnostic], to slugs: [String], site: Site, content: String) -> [Diagnostic] {
        guard !slugs.isEmpty else { return diagnostics }
        let chosen = Set(slugs)
        let loaded = site.councils.filter { chosen.contains($0.slug) }
        let groups: Set<String>? = chosen.isDisjoint(with: site.unloadableCouncils) ? Set(loaded.compactMap { $0.group?.value }) : nil
        let others = Set(site.councils.filter { !chosen.contains($0.slug) }.map(\.name))
        let councils = (content as NSString).appendingPathComponent("councils") + "/"
        let groupFolders = (content as NSString).appendingPathComponent("groups") + "/"
        func folder(of file: String, under root: String) -> String? {
            guard file.hasPrefix(root) else { return nil }
            return file.dropFirst(root.count).split(separator: "/", maxSplits: 1).first.map(String.init)
        }
        return diagnostics.filter { diagnostic in
            if let handbook = diagnostic.handbook, others.contains(handbook) { return false }
            let file = diagnostic.location.file
            // A folder whose name is no id ("Exempelby") is the chosen council's when its id would be.
            if let slug = folder(of: file, under: councils) { return chosen.contains(slug) || chosen.contains(Slug.make(slug)) }
            if let id = folder(of: file, under: groupFolders) { return groups?.contains(id) ?? true }
            return true
        }
    }
}
