/// The portal's page of one group (samverkansgrupp), `grupper/<id>.html`: its members, the
/// routines it writes for them and which members use another text, its contacts, and what of
/// them is due. Made from what the portal already has (`Portal.groups`, the change pages'
/// index), and fingerprinted and linked when unchanged, as the handbooks' pages are.
extension PortalPages {
    static let groupTemplate = "portal/grupp"

    static func groupPath(group: String) -> String { "\(PageNames.portalGroups)/\(PageNames.html(group))" }

    /// The page of the group a council joins, from a page `root` below the top; nil for none.
    func groupHref(_ summary: Portal.CouncilSummary, root: String = "") -> String? {
        summary.groupID.map { root + Self.groupPath(group: $0) }
    }

    /// The page of the group that wrote `routine`, from a page `root` below the top; nil for a
    /// base or council routine. A group's routine in a handbook means a member was built, so
    /// the page is there.
    static func groupHref(of routine: Routine, root: String = "") -> String? {
        guard case .group(let id) = routine.layer else { return nil }
        return groupHref(id: id, root: root)
    }

    /// The page of the group `id`, from a page `root` below the top; nil for no group. Only
    /// for a group a built council joins (one named by a handbook's data), whose page is there.
    static func groupHref(id: String?, root: String = "") -> String? {
        guard let id, !id.isEmpty else { return nil }
        return root + groupPath(group: id)
    }

    func groupView(_ index: Int) -> PortalGroupView {
        let summary = portal.groups[index], group = summary.group
        let root = "../"
        let councils = portal.councils
        func name(_ member: Int) -> String { councils[member].council.name }
        func slug(_ member: Int) -> String { councils[member].council.slug }
        func portalPage(_ member: Int) -> String { root + Self.handbookPath(council: slug(member)) }
        let routines = summary.routines.map { entry -> PortalGroupView.Routine in
            let routine = entry.routine
            let first = entry.shownBy.first
            let change = first.map { Self.changePath(council: slug($0), routine: routine.id) }
            let due = entry.stale?.dueBy
            let ownText = entry.ownTextBy.map { member, isInternal in
                LinkView(label: isInternal ? "\(name(member)) (intern)" : name(member), href: "\(root)\(slug(member))/\(PageNames.html(routine.id))")
            }
            let excluded = entry.excludedBy.map { LinkView(label: name($0), href: "\(portalPage($0))#\(Self.excludedAnchor)") }
            // To the member's list of what it keeps internal, as a member that left the routine
            // out is linked to its list of those.
            let internalOnly = entry.internalBy.map { LinkView(label: name($0), href: "\(portalPage($0))#\(Self.internalAnchor)") }
            return PortalGroupView.Routine(
                title: routine.title, href: first.map { "\(root)\(slug($0))/\(PageNames.html(routine.id))" }, shownIn: first.map(name),
                phase: portal.config.phase(routine.phase.value)?.label ?? routine.phase.value,
                form: entry.replacesBase ? "anpassad" : "egen", formLabel: entry.replacesBase ? "Anpassad" : "Egen",
                changeHref: change.flatMap { changeIndex[$0] != nil ? root + $0 : nil },
                isInternal: routine.access == .internal,
                reviewed: routine.reviewed?.value.swedish, reviewedISO: routine.reviewed?.value.description,
                overdue: due != nil, dueBy: due?.swedish, dueByISO: due?.description,
                lix: entry.readability.map { String($0.rounded) }, lixOver: entry.readability != nil && entry.overThreshold,
                ownText: ownText, excluded: excluded, internalOnly: internalOnly,
                hasOwnText: !ownText.isEmpty, hasExcluded: !excluded.isEmpty, hasInternalOnly: !internalOnly.isEmpty,
                allMembers: entry.shownBy.count == summary.members.count)
        }
        let contacts = summary.contacts.map { entry in
            let contact = entry.contact
            let due = entry.overdue ? entry.verifyDue : nil
            return PortalGroupView.Contact(role: contact.role, name: contact.name, isInternal: contact.access == .internal,
                                           verified: contact.verified?.swedish ?? "aldrig", verifiedISO: contact.verified?.description,
                                           overdue: entry.overdue, dueBy: due?.swedish, dueByISO: due?.description,
                                           unused: entry.usedBy == 0)
        }
        // Listed as the review page lists a council's own: the handbook it was found due in
        // links the routine, with that handbook's owner.
        let routinesDue = summary.routines.compactMap { entry in
            entry.stale.flatMap { stale in entry.shownBy.first.map { reviewRow(stale, council: slug($0), root: root) } }
        }
        let contactsDue = summary.contacts.filter(\.overdue).map { reviewRow($0.contact) }
        let hasDue = !routinesDue.isEmpty || !contactsDue.isEmpty
        return PortalGroupView(
            groupName: group.name, genitive: SwedishGenitive.of(group.name),
            description: group.description.isEmpty ? nil : group.description,
            today: portal.today.swedish, todayISO: portal.today.description,
            members: summary.members.map {
                PortalGroupView.Member(name: name($0), href: portalPage($0), handbookHref: "\(root)\(slug($0))/\(PageNames.html(PageNames.start))")
            },
            membersText: Self.counted(summary.members.count, "medlem", "medlemmar"),
            routines: routines, hasRoutines: !routines.isEmpty,
            lixThreshold: DecimalText.swedishTrimmed(portal.config.lixThreshold),
            contacts: contacts, hasContacts: !contacts.isEmpty,
            routinesDue: routinesDue, contactsDue: contactsDue, dueText: Self.due(routinesDue.count, contactsDue.count),
            hasDue: hasDue, hasRoutinesDue: !routinesDue.isEmpty, hasContactsDue: !contactsDue.isEmpty,
            reviewHref: hasDue ? "\(root)\(PageNames.html(Name.granskning.rawValue))#gemensamt" : nil,
            emergency: emergencyNumber)
    }
}
