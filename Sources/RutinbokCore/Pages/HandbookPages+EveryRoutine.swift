#if canImport(Glibc)
import Glibc
#endif

/// The two files of a handbook that hold every routine's text, the print page and the search
/// index: one item per routine, each made from what the routine's page is made of. A changed
/// council whose frame did not change gets them from the previous build's files, with the
/// items of the routines whose page is rendered made again (`SegmentedFile`).
extension HandbookPages {
    /// The print page: every routine, in the order of its table of contents. With the previous
    /// build's page at hand, the sections of routines in `remade` (indices into the handbook's
    /// routines) replace theirs in it; else, or when the theme does not tell where its
    /// sections lie, the whole page is made.
    func printPage(_ shared: SharedParts, remade: Set<Int>) -> OutputFile {
        let name = PageNames.html(PageNames.print)
        let byPhase = phaseIndices()
        let order = byPhase.flatMap(\.1)
        if let previous = previousPrint, previous.itemCount == order.count {
            let changed = order.indices.filter { remade.contains(order[$0]) }
            // The changed sections alone: an item's output depends only on the item and the
            // page's texts (or no bounds are told).
            let view = printView(shared, routines: changed.map { order[$0] }, byPhase: byPhase, whole: false)
            let (content, bounds) = theme.render("print", view, itemsOf: "routines")
            if let bounds, bounds.count == changed.count + 1 {
                let utf8 = Array(content.utf8)
                var items: [Int: [UInt8]] = [:]
                for (number, index) in changed.enumerated() { items[index] = Array(utf8[bounds[number]..<bounds[number + 1]]) }
                return OutputFile(name, segmented: previous.replacing(items), patched: true)
            }
        }
        let (content, bounds) = theme.render("print", printView(shared, routines: order, byPhase: byPhase), itemsOf: "routines")
        let layout = layout(PageNames.print, title: "Hela handboken", crumbs: [], pageClass: "print", shared: shared, content: content)
        if let bounds, bounds.count == order.count + 1, let (head, tail) = around(layout) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(head.count + content.utf8.count + tail.count)
            bytes.append(contentsOf: head)
            bytes.append(contentsOf: content.utf8)
            bytes.append(contentsOf: tail)
            if let file = SegmentedFile(bytes: bytes, bounds: bounds.map { $0 + head.count }) {
                return OutputFile(name, segmented: file)
            }
        }
        return OutputFile(path: name, contents: .text(theme.render("layout", layout)))
    }

    /// What the layout puts before and after a page's content, found by rendering it around a
    /// stand-in; nil unless the stand-in comes out once and as it went in (a theme that
    /// escapes or repeats the content).
    private func around(_ layout: LayoutView) -> (head: ArraySlice<UInt8>, tail: ArraySlice<UInt8>)? {
        var probe = layout
        probe.content = Self.contentStandIn
        let output = Array(theme.render("layout", probe).utf8)
        let standIn = Self.contentStandIn.utf8.count
        // Where the stand-in's first byte (NUL, which no page text holds) is, and no second one.
        let at: Int? = output.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, let first = memchr(base, 0, bytes.count) else { return nil }
            let offset = UnsafeRawPointer(first) - base
            guard offset + standIn <= bytes.count, memchr(base + offset + standIn, 0, bytes.count - offset - standIn) == nil else { return nil }
            return offset
        }
        guard let at, output[at..<(at + standIn)].elementsEqual(Self.contentStandIn.utf8) else { return nil }
        return (output[..<at], output[(at + standIn)...])
    }

    /// No text of a page holds NUL, and HTML escaping would change the `<`.
    private static let contentStandIn = "\u{0}<rutinbok-content>\u{0}"

    /// The print page's data, with a section for each of `routines` (indices into the handbook's
    /// routines, in the order of the contents), the contents (`byPhase`), the contacts and the
    /// national numbers. Unless `whole`: those other lists hold their first item only, which
    /// keeps the page's shape (and so the frames a whole page is filled from).
    private func printView(_ shared: SharedParts, routines: [Int], byPhase: [(Phase, [Int])],
                           whole: Bool = true) -> PrintPageView {
        // The first routine of each phase carries the phase's heading.
        var starts: [Int: Phase] = [:]
        for (phase, indices) in byPhase { if let first = indices.first { starts[first] = phase } }
        let sections = routines.map { index in
            let routine = handbook.routines[index].routine
            let body = bodies.body(for: routine, in: handbook)
                .map { MissingRoutineLinks.html(of: $0, in: handbook, print: true, contact: shared.printContactHTML) } ?? ""
            let phase = starts[index]
            return PrintRoutineView(id: routine.id, anchor: PrintAnchors.routine(routine.id), phase: phase?.label,
                                    phaseAnchor: phase.map { PrintAnchors.phase($0.id) }, title: routine.title,
                                    summary: routine.summary, body: body,
                                    ownerRole: handbook.contact(routine.owner.value)?.role ?? routine.owner.value,
                                    reviewed: routine.reviewed?.value.swedish, internal: routine.access == .internal)
        }
        let count = whole ? Int.max : 1
        let phases = byPhase.prefix(count).map { phase, indices in
            PrintPhaseView(id: phase.id, anchor: PrintAnchors.phase(phase.id), label: phase.label, routines: indices.prefix(count).map { index in
                let routine = handbook.routines[index].routine
                return PrintEntryView(id: routine.id, anchor: PrintAnchors.routine(routine.id), title: routine.title)
            })
        }
        let contacts = contactsCallFirst().prefix(count).map { contact in
            var view = ContactView(contact)
            view.anchor = PrintAnchors.contact(contact.id)
            return view
        }
        return PrintPageView(council: shared.council, phases: phases, routines: sections, contacts: contacts,
                             numbers: Array(shared.numbers.prefix(count)),
                             quickContacts: quickContacts().prefix(count).map(ContactView.init))
    }

    /// The search index: with the previous build's at hand, the entries of routines in
    /// `remade` replace theirs in it (the contacts' entry and the acute routine, part of the
    /// frame, stay).
    func searchIndex(remade: Set<Int>, shared: SharedParts) -> OutputFile {
        if let previous = previousSearchIndex, previous.itemCount == handbook.routines.count {
            var items: [Int: [UInt8]] = [:]
            for index in remade {
                guard let entry = bodies.searchEntry(for: handbook.routines[index].routine, in: handbook) else { break }
                items[index] = SearchIndex.item(entry, at: index)
            }
            if items.count == remade.count {
                return OutputFile(PageNames.searchIndex, segmented: previous.replacing(items), patched: true)
            }
        }
        let entries = handbook.routines.map { bodies.searchEntry(for: $0.routine, in: handbook) }
        let contacts = SearchIndex.contactsEntry(handbook.contacts, numbers: shared.numbers)
        let acute = SearchIndex.acute(shared.acute?.href)
        if let file = SearchIndex.script(entries, tail: contacts, after: acute) { return OutputFile(PageNames.searchIndex, segmented: file) }
        return OutputFile(path: PageNames.searchIndex, contents: .bytes(SearchIndex.script(entries.compactMap { $0 }, tail: contacts, after: acute)))
    }
}
