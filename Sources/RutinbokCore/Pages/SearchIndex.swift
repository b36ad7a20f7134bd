/// The search index of one handbook, as a script that sets `window.RUTINBOK_SOK` (and
/// `window.RUTINBOK_SOK_AKUT`), so the search page works from file:// where fetching a JSON
/// file is not allowed.
///
/// Each entry depends only on its routine, so entries are made once per routine file, when a
/// council's index first needs it (`RenderedBodies.searchEntry`), and each council's index
/// joins the entries of its routines.
enum SearchIndex {
    /// One routine as a JSON object: page `u`, title `t`, summary `s`, headings `h`, body text
    /// `b`. As bytes: the body's text is escaped straight from where it lies (a mapped cache
    /// file for most), and the index is joined and written without a `String` in between.
    static func entry(for routine: Routine, body: RenderedMarkdown) -> [UInt8] {
        var entry: [UInt8] = []
        body.storedText.withUTF8 { text in
            entry.reserveCapacity(text.count + text.count / 16 + 512)
            entry.append(contentsOf: #"{"b":"#.utf8)
            JSON.append(text, to: &entry)
        }
        entry.append(contentsOf: #","h":["#.utf8)
        for (index, heading) in body.headings.enumerated() {
            if index > 0 { entry.append(UInt8(ascii: ",")) }
            JSON.append(heading.text, to: &entry)
        }
        entry.append(contentsOf: #"],"s":"#.utf8)
        JSON.append(routine.summary, to: &entry)
        entry.append(contentsOf: #","t":"#.utf8)
        JSON.append(routine.title, to: &entry)
        entry.append(contentsOf: #","u":"#.utf8)
        JSON.append(PageNames.html(routine.id), to: &entry)
        entry.append(UInt8(ascii: "}"))
        return entry
    }

    /// The contacts page as an entry, so that a search for a name, a role or "jour" finds it:
    /// each contact on a line of its own, then the national numbers. Each contact's role and
    /// name are its headings too, weighted as a routine's headings are: a search for a role
    /// finds the page that lists the person before the routines that name the role in passing.
    static func contactsEntry(_ contacts: [Contact], numbers: [NumberView]) -> [UInt8] {
        var lines: [String] = contacts.map { contact in
            var line = contact.roleAndName + "."
            if let phone = contact.phone { line += " Telefon \(phone)." }
            if let email = contact.email { line += " E-post \(email)." }
            if let hours = contact.hours { line += " \(hours)." }
            if let outOfHours = contact.outOfHours { line += " Utanför kontorstid: \(outOfHours)" }
            return line
        }
        lines += numbers.map { "\($0.number) \($0.label). \($0.description)" }
        var entry: [UInt8] = Array(#"{"b":"#.utf8)
        JSON.append(lines.joined(separator: "\n"), to: &entry)
        entry.append(contentsOf: #","h":["#.utf8)
        for (index, contact) in contacts.enumerated() {
            if index > 0 { entry.append(UInt8(ascii: ",")) }
            JSON.append(contact.roleAndName, to: &entry)
        }
        entry.append(contentsOf: #"],"s":"#.utf8)
        JSON.append("Vem du ringer eller mejlar: alla kontakter med telefonnummer och e-post, och de nationella numren.", to: &entry)
        entry.append(contentsOf: #","t":"Kontakter","u":"#.utf8)
        JSON.append(PageNames.html(PageNames.contacts), to: &entry)
        entry.append(UInt8(ascii: "}"))
        return entry
    }

    /// What follows the entries: the page of the routine for someone threatened right now
    /// (site.yml's `acute_routine`), when the handbook has it, which search ranks first among
    /// pages that match a query as well as it does. Part of the frame, as the contacts are.
    static func acute(_ page: String?) -> [UInt8] {
        guard let page else { return [] }
        var line = Array("window.RUTINBOK_SOK_AKUT = ".utf8)
        JSON.append(page, to: &line)
        line.append(contentsOf: ";\n".utf8)
        return line
    }

    /// The index of a handbook's routines, in order, with the bounds of each routine's item
    /// (`item(_:at:)`) so that a later build can replace some of them, and then `tail` (the
    /// contacts) and `after` (the acute routine), which are outside the items: they change
    /// only with the handbook's frame, and a build that patches items keeps the frame. Nil
    /// when a routine has no entry (its body is missing), as items must match the routines
    /// one to one.
    static func script(_ entries: [[UInt8]?], tail: [UInt8], after: [UInt8] = []) -> SegmentedFile? {
        var items: [[UInt8]] = []
        items.reserveCapacity(entries.count)
        for entry in entries {
            guard let entry else { return nil }
            items.append(entry)
        }
        var bounds: [Int] = []
        bounds.reserveCapacity(items.count + 1)
        let bytes = script(items, tail: tail, after: after) { bounds.append($0) }
        return SegmentedFile(bytes: bytes, bounds: bounds)
    }

    /// The index of these entries, in order, then `tail`, then the statements `after` it;
    /// `bound` is told where each item begins, then where the last one ends.
    static func script(_ entries: [[UInt8]], tail: [UInt8] = [], after: [UInt8] = [], bound: (Int) -> Void = { _ in }) -> [UInt8] {
        let start = "window.RUTINBOK_SOK = [".utf8, end = "];\n".utf8
        var script: [UInt8] = []
        script.reserveCapacity(entries.reduce(start.count + end.count + tail.count + after.count + 1) { $0 + $1.count + 1 })
        script.append(contentsOf: start)
        for (index, entry) in entries.enumerated() {
            bound(script.count)
            if index > 0 { script.append(UInt8(ascii: ",")) }
            script.append(contentsOf: entry)
        }
        bound(script.count)
        if !tail.isEmpty {
            if !entries.isEmpty { script.append(UInt8(ascii: ",")) }
            script.append(contentsOf: tail)
        }
        script.append(contentsOf: end)
        script.append(contentsOf: after)
        return script
    }

    /// The item of the entry at `index` in the index: the entry, after a comma but for the first.
    static func item(_ entry: [UInt8], at index: Int) -> [UInt8] {
        index == 0 ? entry : [UInt8(ascii: ",")] + entry
    }
}
