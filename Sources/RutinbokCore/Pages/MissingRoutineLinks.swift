/// Links to routines a handbook does not have: excluded by its council (`exclude`), or kept for
/// the intranet in a public build. In a text several handbooks share (a base or group routine)
/// the council cannot take such a link out, so the handbook's pages show the link's words
/// without the link rather than a link that leads nowhere; the check warns (`link-removed`).
/// A council's own routine with such a link stops the build instead (`broken-link`).
enum MissingRoutineLinks {
    /// A routine body's HTML for a page of `handbook` (its routine page, or with `print` its
    /// print page): contact references filled in by `contact`, links to routines the handbook
    /// lacks taken out.
    static func html(of body: RenderedMarkdown, in handbook: Handbook, print: Bool,
                     contact: (RenderedMarkdown.ContactReference) -> String) -> String {
        remove(targets(of: body, in: handbook), from: body.html(print: print, contact: contact), print: print)
    }

    /// The routines `body` links to that `handbook` does not have, in the order first linked.
    static func targets(of body: RenderedMarkdown, in handbook: Handbook) -> [String] {
        guard !handbook.excluded.isEmpty || !handbook.internalOnly.isEmpty else { return [] }
        var found: [String] = []
        for link in body.links {
            guard let id = link.routine, handbook.excluded.contains(id) || handbook.internalOnly.contains(id), !found.contains(id) else { continue }
            found.append(id)
        }
        return found
    }

    /// `html` with every link to the routines `ids` replaced by its words. Routine links are
    /// written by the Markdown stage as `<a href="x.html">` or `<a href="x.html#rubrik">`, and on
    /// the print page as `<a href="#rutin-x">` or `<a href="#x--rubrik">`; a link holds no other
    /// link, so its words run to the next `</a>`.
    static func remove(_ ids: [String], from html: String, print: Bool) -> String {
        guard !ids.isEmpty else { return html }
        let starts = ids.flatMap { id in
            print ? ["<a href=\"#\(PrintAnchors.routine(id))\"", "<a href=\"#\(PrintAnchors.heading("", in: id))"]
                  : ["<a href=\"\(PageNames.html(id))\"", "<a href=\"\(PageNames.html(id))#"]
        }
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var rest = html[...]
        while let start = starts.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }),
              let tagEnd = rest[start.upperBound...].firstIndex(of: ">"),
              let close = rest[tagEnd...].range(of: "</a>") {
            output += rest[..<start.lowerBound]
            output += rest[rest.index(after: tagEnd)..<close.lowerBound]
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }
}
