import Foundation

/// The check stage for one handbook: everything that can only be judged once routines are
/// layered and rendered (links, anchors, contacts, owners, dates, theme). Never re-parses HTML.
struct HandbookChecker {
    let handbook: Handbook
    let rendered: [String: RenderedMarkdown]
    let config: SiteConfig
    let today: Day
    /// Routine ids whose files failed to load (see `Site.unloadable`).
    var unloadable: Set<String> = []
    /// Every routine's body, for what a problem's notes need beyond `rendered` (a check of
    /// part of a handbook has only the changed routines there).
    var bodies: RenderedBodies?

    /// What checking a handbook found, and each of its routines' anchors (`anchors(of:)`) by
    /// where its council's manifest block keeps them (`anchorsKey`); no anchors for a
    /// handbook not checked again.
    struct Outcome: Sendable {
        var diagnostics: [Diagnostic]
        var anchors: [(key: String, fingerprint: UInt64)]?
        /// Checked again where it changed only (`recheck`).
        var inPart = false
    }

    /// What checking each handbook finds, in order, on all cores. `known` holds what earlier
    /// checks of unchanged handbooks found, by council slug (see `Manifest.checks`): a handbook
    /// whose fingerprint did not change is made of the same files, under the same options and
    /// date, so checking it again would find the same. `earlier` tells what the last check of a
    /// changed handbook can still say (`Earlier`). Unless a routine file failed to load
    /// somewhere (`unloadable`), which can change what a link check says: then all are checked.
    /// `recordAnchors`: for a build that keeps a manifest, each routine's anchors.
    static func check(_ handbooks: [Handbook], bodies: RenderedBodies, config: SiteConfig, today: Day,
                      unloadable: Set<String>, known: [String: [Diagnostic]] = [:], recordAnchors: Bool = false,
                      earlier: @Sendable (Handbook) -> Earlier? = { _ in nil }) -> [Outcome] {
        let known = unloadable.isEmpty ? known : [:]
        return Parallel.map(handbooks) { handbook in
            if let found = known[handbook.council.slug] { return Outcome(diagnostics: found) }
            if unloadable.isEmpty, let earlier = earlier(handbook),
               let outcome = recheck(handbook, earlier: earlier, bodies: bodies, config: config, today: today) {
                return outcome
            }
            let rendered = bodies.bodies(for: handbook)
            let checker = HandbookChecker(handbook: handbook, rendered: rendered, config: config, today: today, unloadable: unloadable,
                                          bodies: bodies)
            let slug = handbook.council.slug
            return Outcome(diagnostics: checker.check(), anchors: recordAnchors ? handbook.routines.map {
                (anchorsKey(slug, $0.routine.id), anchors(of: rendered[$0.routine.id]))
            } : nil)
        }
    }

    func check() -> [Diagnostic] {
        handbook.routines.flatMap { check($0.routine) } + checkFrame()
    }

    /// What is found in one routine's file: its owner, the contacts and routines it refers to,
    /// its review date. In a file several handbooks share (a base or group routine), what is
    /// found says nothing of this council but names it as `handbook`: the same problem found in
    /// every handbook that inherits the file is then reported once (`normalized()`).
    func check(_ routine: Routine) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let council = handbook.council
        let shared: Bool = if case .council = routine.layer { false } else { true }
        // Made only for a problem found: this runs for every routine of every handbook checked.
        func contactNotes(_ id: String) -> [String] {
            let ids = handbook.contacts.map(\.id)
            // A close name is a typo to correct; with none, the contact is missing. When
            // nothing in the handbook names the close contact, the typo is the council's, in
            // council.yml: the routines name the contact as other handbooks have it (a base
            // text is the same for all), so say where, rather than suggest editing the text.
            if let close = Suggestions.closest(to: id, in: ids) {
                let notes = shared ? [Suggestions.meant(close)] : Suggestions.note(for: id, among: ids, listing: "kontakter")
                guard !names(close), let contact = handbook.contacts.first(where: { $0.id == close }) else { return notes }
                let misspelt = "är kontakten '\(close)' i \(contact.location) felstavad? byt då dess id till '\(id)'"
                return shared ? [misspelt] : [misspelt, "kontakter: \(ids.sorted().joined(separator: ", "))"]
            }
            let add = shared ? "lägg till kontakten '\(id)' under 'contacts:' i council.yml för varje handbok som saknar den"
                             : "lägg annars till kontakten '\(id)' under 'contacts:' i councils/\(council.slug)/council.yml"
            return (shared ? [] : Suggestions.note(for: id, among: ids, listing: "kontakter")) + [add]
        }
        func inCouncil() -> String { shared ? "" : " i \(council.name)" }
        /// A contact kept for the intranet, named by a routine that is published.
        func internalContact(_ id: String, at location: SourceLocation) -> Diagnostic? {
            guard handbook.internalContacts.contains(where: { $0.id == id }) else { return nil }
            return .error(location, "kontakten '\(id)' har 'access: internal' och finns inte i den offentliga handboken\(inCouncil()), men rutinen är offentlig",
                          code: "internal-contact", notes: ["ge rutinen en annan kontakt, eller gör rutinen intern också"])
        }
        // A council that names a group that does not exist, or whose group.yml did not load, gets
        // none of the group's contacts: every routine naming one would be an error (dozens, for
        // one typo), where the one at 'group' (or in group.yml) says what to correct.
        let groupMissing = council.group != nil && handbook.group == nil
        if !groupMissing, !hasContact(routine.owner.value) {
            diagnostics.append(internalContact(routine.owner.value, at: routine.owner.location)
                ?? .error(routine.owner.location, "ansvarig för rutinen, '\(routine.owner.value)', är inte en kontakt\(inCouncil())", code: "unknown-owner",
                          notes: contactNotes(routine.owner.value)))
        }
        if let body = rendered[routine.id] {
            for reference in body.contacts where !groupMissing && !hasContact(reference.id) {
                diagnostics.append(internalContact(reference.id, at: reference.location)
                    ?? .error(reference.location, "det finns ingen kontakt '\(reference.id)'\(inCouncil())", code: "unknown-contact",
                              notes: contactNotes(reference.id)))
            }
            // Suggestions compare a name with every heading or routine: for the first broken
            // links of a routine only, so that thousands of them cannot stall a build.
            var suggested = 0
            for link in body.links {
                let problems = check(link, from: routine, headings: body.headings, shared: shared, suggest: suggested < Self.suggestionsPerRoutine)
                suggested += problems.count
                diagnostics += problems
            }
            // An `assets/` that cannot be listed is one error, at the folder (`ContentLoader`).
            for asset in body.assets where !council.assetsUnreadable {
                let match = AssetLookup.find(asset.path, in: council.assets)
                if match != .found { diagnostics.append(missingAsset(asset, match, shared: shared)) }
            }
            // The page's title is its only h1: a `#` heading in the text would be a second.
            for heading in body.headings where heading.level == 1 {
                diagnostics.append(.warning(heading.location, "rubriken '\(heading.text)' är skriven med en #; rutinens titel ('title') är redan sidans huvudrubrik, så skriv rubriker i texten med ##",
                                            code: "heading-level-1"))
            }
            diagnostics += checkReview(of: routine, shared: shared)
        }
        guard shared, !diagnostics.isEmpty else { return diagnostics }
        return diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            switch diagnostic.code {
            case "future-date", "heading-level-1": break  // a date or a heading is no handbook's
            case "review-overdue": diagnostic.handbook = "\(council.name) (ansvarig: \(ownerText(routine)))"  // whom each handbook asks
            default: diagnostic.handbook = council.name
            }
            return diagnostic
        }
    }

    /// A link or image to a file the council's `assets/` does not have: a dead link or an
    /// empty image on the page. A name that differs only in capitals is found on disk by some
    /// systems, never by a web server.
    private func missingAsset(_ asset: RenderedMarkdown.AssetReference, _ match: AssetLookup.Match, shared: Bool) -> Diagnostic {
        let what = asset.image ? "bilden" : "länken"
        var asset = asset
        asset.path = Self.percentEncodingControls(asset.path)
        // Reported once for every handbook that lacks the file: nothing of one council's in it.
        if shared {
            return .error(asset.location, "\(what) '\(asset.written)' går till en fil som inte finns: kommunens mapp assets/ har ingen '\(asset.path)'",
                          code: "missing-asset", notes: ["lägg filen i mappen assets/ hos varje kommun vars handbok har rutinen"])
        }
        let folder = "councils/\(handbook.council.slug)/assets/"
        switch match {
        case .otherCapitals(let other), .otherForm(let other):
            return .error(asset.location, "\(what) '\(asset.written)' går till en fil som inte finns: filen i \(folder) heter '\(other)'", code: "missing-asset",
                          notes: AssetLookup.note(match, written: asset.path).map { [$0] } ?? [])
        case .found, .missing: break
        }
        var notes = ["lägg filen i \(folder)"]
        if let close = Suggestions.closest(to: asset.path, in: handbook.council.assets) { notes.insert(Suggestions.meant("assets/\(close)"), at: 0) }
        return .error(asset.location, "\(what) '\(asset.written)' går till en fil som inte finns: \(folder) har ingen '\(asset.path)'",
                      code: "missing-asset", notes: notes)
    }

    /// A file name decoded from a link, with its control characters percent-encoded again, as
    /// the link writes them (`logo.svg%00`): a terminal shows them as Swift's `\u{0}`.
    static func percentEncodingControls(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return path }
        var result = ""
        for scalar in path.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                result += String(scalar).utf8.map { String(format: "%%%02X", $0) }.joined()
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// What is found outside the routines, in the council's and group's files: contacts and theme.
    func checkFrame() -> [Diagnostic] {
        (handbook.contacts + handbook.internalContacts).flatMap(checkVerified) + ThemeChecker.check(handbook.council) + checkPhases()
            + checkAccessibilityStatement()
    }

    /// A systematic handbook has routines for every part of the work, from governance to
    /// follow-up: a part left empty (by `exclude`, or with no routine written for it) drops
    /// out of the menu without a word.
    private func checkPhases() -> [Diagnostic] {
        handbook.phasesWithoutRoutines(of: config).map { phase in
            let exclude = handbook.excluded.isEmpty ? "" : ", eller ta bort en grundrutin i delen ur 'exclude'"
            return .warning(handbook.council.location, "handboken för \(handbook.council.name) har ingen rutin \(EmptyPhases.inPart(phase))", code: "empty-phase",
                            notes: ["varje del av handboken (phases i site.yml) behöver minst en rutin; skriv en egen rutin med 'phase: \(phase.id)'\(exclude)"])
        }
    }

    /// Whether anything in the handbook names contact `id`: a routine as its owner or in its
    /// text, or the quick contacts. Asked only for a problem's notes.
    private func names(_ id: String) -> Bool {
        if handbook.quickContacts.contains(where: { $0.value == id }) { return true }
        return handbook.routines.contains { entry in
            if entry.routine.owner.value == id { return true }
            let body = rendered[entry.routine.id] ?? bodies?.body(for: entry.routine, in: handbook)
            return body?.contacts.contains { $0.id == id } ?? false
        }
    }

    /// Whether the handbook has contact `id`; `handbook.contact(id)` would copy it.
    private func hasContact(_ id: String) -> Bool {
        handbook.contacts.contains { $0.id == id }
    }

    /// How many broken links of one routine get "menade du" and a list of what exists.
    static let suggestionsPerRoutine = 20

    private func check(_ link: RenderedMarkdown.RoutineLink, from routine: Routine, headings: [RenderedMarkdown.Heading], shared: Bool,
                       suggest: Bool = true) -> [Diagnostic] {
        var targetHeadings = headings
        var targetName = "den här rutinen"
        if let id = link.routine, id != routine.id {
            // The index, not `handbook.routine(id)`: no copy of the routine is needed.
            guard handbook.routineIndex[id] != nil else {
                if unloadable.contains(id) { return [] }
                // A shared text the council cannot edit: its pages show the link's words alone.
                if shared, handbook.excluded.contains(id) || handbook.internalOnly.contains(id) {
                    let why = handbook.excluded.contains(id) ? "som handboken har valt bort ('exclude' i council.yml)"
                                                             : "som är intern och inte finns i den publicerade handboken"
                    return [.warning(link.location, "länken går till '\(id)', \(why); på sidan visas länkens text utan länk", code: "link-removed",
                                     notes: handbook.excluded.contains(id) ? ["vill ni ha länken, ta bort '\(id)' ur 'exclude' eller skriv en egen version av den här rutinen"] : [])]
                }
                // A former id has a page that leads on, but a link in the handbook's own text
                // should go to the routine (and keep its anchor).
                if let alias = handbook.aliases.first(where: { $0.name == id }) {
                    return [.error(link.location, missingTargetMessage(id, shared: shared), code: "broken-link",
                                   notes: ["'\(id)' är ett tidigare namn på '\(alias.routine)'; länka till '\(alias.routine).md\(link.anchor.map { "#\($0)" } ?? "")'"])]
                }
                // The routine exists and is left out on purpose: a near name ("menade du") would
                // be another routine, often the linking one itself; say what to do instead.
                if handbook.excluded.contains(id) {
                    return [.error(link.location, missingTargetMessage(id, shared: shared), code: "broken-link",
                                   notes: ["ta bort länken, eller ta bort '\(id)' ur 'exclude'"])]
                }
                if handbook.internalOnly.contains(id) {
                    return [.error(link.location, missingTargetMessage(id, shared: shared), code: "broken-link",
                                   notes: ["ta bort länken, eller gör den här rutinen intern också ('access: internal')"])]
                }
                let ids = handbook.routines.map(\.routine.id)
                return [.error(link.location, missingTargetMessage(id, shared: shared), code: "broken-link",
                               notes: !suggest ? [] : shared ? Suggestions.didYouMean(id, among: ids) : Suggestions.note(for: id, among: ids, listing: "rutiner i handboken"))]
            }
            targetHeadings = rendered[id]?.headings ?? []
            targetName = "\(id).md"
        }
        guard let anchor = link.anchor, !targetHeadings.contains(where: { $0.id == anchor }) else { return [] }
        // The anchor as folded (the headings' ids are), unless folding did more than lower its
        // capitals and take off accents: `#🚨` folds to nothing, `#-1` to '1', a heading
        // that may well exist. Then it is named as written.
        let written = String(link.written.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).last ?? "")
        let typed = written.removingPercentEncoding ?? written
        let shown = typed.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) == anchor ? anchor : typed
        return [.error(link.location, "det finns ingen rubrik '\(shown)' i \(targetName)", code: "broken-anchor",
                       notes: suggest ? Suggestions.note(for: anchor, among: targetHeadings.map(\.id), listing: "rubriker i \(targetName)") : [])]
    }

    private func missingTargetMessage(_ id: String, shared: Bool) -> String {
        let name = shared ? "handboken" : handbook.council.name
        if handbook.excluded.contains(id) { return "länken går till '\(id)', som \(name) har valt bort ('exclude' i council.yml)" }
        if handbook.internalOnly.contains(id) { return "länken går till '\(id)', som är intern och inte finns i den publicerade handboken\(shared ? "" : " för \(name)")" }
        return "länken går till '\(id)', men \(name) har ingen rutin med det id:t"
    }

    private func checkReview(of routine: Routine, shared: Bool) -> [Diagnostic] {
        guard let reviewed = routine.reviewed else { return [] }
        if reviewed.value > today {
            return [.error(reviewed.location, "'reviewed' är \(reviewed.value), ett datum i framtiden", code: "future-date",
                           notes: ["skriv dagen då rutinen granskades, i dag (\(today)) eller tidigare"])]
        }
        // The same rule as the pages' and the report's overdue marks.
        guard ReviewStatus.isOverdue(routine, council: handbook.council, config: config, today: today) else { return [] }
        let months = ReviewStatus.reviewInterval(routine, council: handbook.council, config: config)
        // Each handbook that inherits a shared routine names its own owner: the owner is left
        // out of what they report together.
        let owner = shared ? "" : " (\(ownerText(routine)))"
        // A base routine's text is the publisher's to change, for every handbook at once.
        var notes: [String] = []
        if case .base = routine.layer, let publisher = config.publisher {
            notes.append("texten är en grundrutin, som \(publisher.name) ger ut och granskar för alla handböcker; hör av er dit\(publisher.email.map { " (\($0))" } ?? "")")
        }
        return [.warning(reviewed.location, "'\(routine.title)' granskades senast \(reviewed.value), för mer än \(months) månader sedan; be den ansvariga\(owner) att granska den", code: "review-overdue", notes: notes)]
    }

    /// "Säkerhetssamordnare, Anna Exempel": the routine's owner in this handbook.
    private func ownerText(_ routine: Routine) -> String {
        handbook.contact(routine.owner.value)?.roleAndName ?? routine.owner.value
    }

    private func checkAccessibilityStatement() -> [Diagnostic] {
        handbook.council.accessibility?.problems(in: handbook.council.location, today: today) ?? []
    }

    private func checkVerified(_ contact: Contact) -> [Diagnostic] {
        guard let verified = contact.verified else { return [] }  // the loader reports a missing date
        if verified > today {
            return [.error(contact.verifiedLocation ?? contact.location, "'verified' för kontakten '\(contact.id)' är \(verified), ett datum i framtiden", code: "future-date",
                           notes: ["skriv dagen då uppgifterna kontrollerades, i dag (\(today)) eller tidigare"])]
        }
        guard ReviewStatus.isOverdue(contact, council: handbook.council, config: config, today: today) else { return [] }
        let months = ReviewStatus.verifyInterval(contact, council: handbook.council, config: config)
        return [.warning(contact.verifiedLocation ?? contact.location, "uppgifterna för kontakten '\(contact.id)' (\(contact.roleAndName)) kontrollerades senast \(verified), för mer än \(months) månader sedan; kontrollera dem och uppdatera 'verified'", code: "contact-overdue")]
    }
}
