/// The groups (samverkansgrupper) the portal has a page for, `grupper/<id>.html`: each group
/// that at least one built council joins, with its members, its own routines and contacts,
/// and what of them is due. Plain values made from the handbooks and the review report, as
/// the rest of the portal's data is.
extension Portal {
    struct GroupSummary: Sendable {
        /// One of the group's own routines, as its members' handbooks have it.
        struct RoutineSummary: Sendable {
            var routine: Routine
            /// The base has a routine of the same id, which the group's text replaces.
            var replacesBase: Bool
            /// The members whose handbook shows the group's text (places in `Portal.councils`).
            var shownBy: [Int]
            /// The members with their own text of the same id instead; `isInternal` when that
            /// text is `access: internal` (only in an internal build: a public one has it as `internalBy`).
            var ownTextBy: [(member: Int, isInternal: Bool)]
            /// The members that left it out through `exclude`.
            var excludedBy: [Int]
            /// In a public build: the members that keep their own text of it internal, whose
            /// published handbook has neither text (the coverage page's "Intern").
            var internalBy: [Int]
            /// Its LIX, from a handbook that shows it; nil when none does.
            var readability: Readability?
            var overThreshold: Bool
            /// Past review in at least one member's handbook (members may set other
            /// intervals): the one with the earliest day it was due, with that handbook's owner.
            var stale: ReviewReport.StaleRoutine?
        }

        /// One of the group's contacts.
        struct ContactSummary: Sendable {
            var contact: Contact
            /// The earliest last day in time over the members that have the group's contact
            /// (`ReviewStatus.verifyDue`); nil when never verified, or when no member has it.
            var verifyDue: Day?
            /// How many members have the group's contact: each of the others has one of its
            /// own with the same id, which replaces it.
            var usedBy: Int
            /// Past verification in a member's handbook that has it: what the review page lists.
            var overdue: Bool
        }

        var group: Group
        /// Its built members, as places in `Portal.councils` (the portal's order).
        var members: [Int]
        /// In reading order; in a public build without its `access: internal` routines.
        var routines: [RoutineSummary]
        /// As group.yml lists them; in a public build without its `access: internal` contacts.
        var contacts: [ContactSummary]
    }

    /// The groups of `handbooks` (in the portal's order, as `review`'s councils), by name in
    /// Swedish order; `base` is the base routines.
    static func groups(of handbooks: [Handbook], review: ReviewReport, base: [Routine],
                       phaseRank: [String: Int]) -> [GroupSummary] {
        var membersByGroup: [String: [Int]] = [:]
        var groupsByID: [String: Group] = [:]
        for (index, handbook) in handbooks.enumerated() {
            guard let group = handbook.group else { continue }
            membersByGroup[group.id, default: []].append(index)
            groupsByID[group.id] = group
        }
        let forIntranet = handbooks.first?.forIntranet ?? false
        // A base routine kept internal is not named in a public build: a group's text of its
        // id is then the group's own, as the coverage page has it.
        let baseIDs = Set(base.filter { forIntranet || $0.access != .internal }.map(\.id))
        return groupsByID.values.sorted { SwedishOrder.precedes($0.name, $1.name) || ($0.name == $1.name && $0.id < $1.id) }.map { group in
            let members = membersByGroup[group.id] ?? []
            let published = group.routines.filter { forIntranet || $0.access != .internal }
            let routines = inReadingOrder(published, phaseRank: phaseRank).map { routine in
                routineSummary(routine, members: members, handbooks: handbooks, review: review, replacesBase: baseIDs.contains(routine.id))
            }
            let contacts = group.contacts.filter { forIntranet || $0.access != .internal }.map { contact in
                contactSummary(contact, members: members, review: review)
            }
            return GroupSummary(group: group, members: members, routines: routines, contacts: contacts)
        }
    }

    private static func routineSummary(_ routine: Routine, members: [Int], handbooks: [Handbook], review: ReviewReport,
                                       replacesBase: Bool) -> GroupSummary.RoutineSummary {
        var summary = GroupSummary.RoutineSummary(routine: routine, replacesBase: replacesBase, shownBy: [], ownTextBy: [],
                                                  excludedBy: [], internalBy: [], readability: nil, overThreshold: false)
        let file = routine.location.file
        for member in members {
            let handbook = handbooks[member]
            if let entry = handbook.routine(routine.id) {
                guard entry.routine.location.file == file else {
                    summary.ownTextBy.append((member, entry.routine.access == .internal))
                    continue
                }
                summary.shownBy.append(member)
                let councilReview = review.councils[member]
                if summary.readability == nil, let reading = councilReview.readings.first(where: { $0.routine.location.file == file }) {
                    summary.readability = reading.readability
                    summary.overThreshold = reading.overThreshold
                }
                if let stale = councilReview.staleRoutines.first(where: { $0.routine.location.file == file }),
                   summary.stale.map({ stale.dueBy < $0.dueBy }) ?? true {
                    summary.stale = stale
                }
            } else if handbook.excluded.contains(routine.id) {
                summary.excludedBy.append(member)
            } else if handbook.internalOnly.contains(routine.id) {
                summary.internalBy.append(member)
            }
        }
        return summary
    }

    private static func contactSummary(_ contact: Contact, members: [Int], review: ReviewReport) -> GroupSummary.ContactSummary {
        func isGroups(_ other: Contact) -> Bool { other.id == contact.id && other.location.file == contact.location.file }
        // The members that have the group's contact, not one of their own with its id; past
        // verification as the review page decides it, in any of their handbooks.
        let users = members.filter { review.councils[$0].contacts.contains(where: isGroups) }
        let dues = users.map { review.councils[$0].verifyDue[contact.id] }
        // Never verified (no day) is due at once, in every handbook.
        let due: Day? = dues.contains { $0 == nil } ? nil : dues.compactMap { $0 }.min()
        return GroupSummary.ContactSummary(contact: contact, verifyDue: due, usedBy: users.count,
                                           overdue: users.contains { review.councils[$0].staleContacts.contains(where: isGroups) })
    }
}
