/// What several handbooks share, listed once. A base routine is written in one file and
/// inherited by most handbooks, and a group's routines and contacts are its members': past
/// review, they were listed under every handbook that has them, each time with that
/// council's owner, although no council can review a base text for the others. The portal's
/// review page lists each of them once, and each handbook's own texts and contacts under it.
extension ReviewReport {
    /// A base or group routine past review in at least one handbook.
    public struct SharedStaleRoutine: Sendable {
        public var routine: Routine
        public var reviewed: Day
        /// The earliest day it should have been reviewed by: handbooks may set other intervals.
        public var dueBy: Day
        /// The name of the group whose text it is; nil for a base routine.
        public var group: String?
        /// That group's id (its folder under `groups/`); nil for a base routine.
        public var groupID: String?
        /// The handbooks in which it is past review, in the report's order.
        public var handbooks: [Council]
    }

    /// A group's contact past verification, with the handbooks that have it.
    public struct SharedStaleContact: Sendable {
        public var contact: Contact
        /// The group's name, and its id (its folder under `groups/`).
        public var group: String
        public var groupID: String
        public var handbooks: [Council]
        /// The earliest day its details should have been checked by (handbooks may set other
        /// intervals); nil for details never checked.
        public var dueBy: Day?
    }

    /// Where a shared text or contact is due, in words: "i handboken för Exempelby kommun", or
    /// "i 6 handböcker" (at most 310: no thousands to group).
    static func inHandbooks(_ councils: [Council]) -> String {
        councils.count == 1 ? "i handboken för \(councils[0].name)" : "i \(councils.count) handböcker"
    }

    /// The base and group routines past review, the earliest due first, and the groups'
    /// contacts past verification, by group and role.
    public func shared() -> (routines: [SharedStaleRoutine], contacts: [SharedStaleContact]) {
        var routines: [String: SharedStaleRoutine] = [:], routineOrder: [String] = []
        var contacts: [String: SharedStaleContact] = [:], contactOrder: [String] = []
        for review in councils {
            for stale in review.staleRoutines where !review.owns(stale.routine) {
                let file = stale.routine.location.file
                if var known = routines[file] {
                    known.dueBy = min(known.dueBy, stale.dueBy)
                    known.handbooks.append(review.council)
                    routines[file] = known
                } else {
                    routineOrder.append(file)
                    let groupID: String? = if case .group(let id) = stale.routine.layer { id } else { nil }
                    routines[file] = SharedStaleRoutine(routine: stale.routine, reviewed: stale.reviewed, dueBy: stale.dueBy,
                                                        group: groupID == nil ? nil : review.groupName, groupID: groupID,
                                                        handbooks: [review.council])
                }
            }
            for contact in review.staleContacts where !review.owns(contact) {
                let key = "\(contact.location.file)\u{0}\(contact.id)"
                if contacts[key] == nil {
                    contactOrder.append(key)
                    contacts[key] = SharedStaleContact(contact: contact, group: review.groupName ?? "", groupID: review.groupID ?? "",
                                                       handbooks: [])
                }
                contacts[key]?.handbooks.append(review.council)
                if let due = review.verifyDue[contact.id] {
                    let earlier = contacts[key]?.dueBy ?? due
                    contacts[key]?.dueBy = min(earlier, due)
                }
            }
        }
        let sortedRoutines = routineOrder.compactMap { routines[$0] }.sorted {
            ($0.dueBy, $0.routine.title, $0.routine.location.file) < ($1.dueBy, $1.routine.title, $1.routine.location.file)
        }
        let sortedContacts = contactOrder.compactMap { contacts[$0] }.sorted {
            ($0.group, $0.contact.role, $0.contact.id) < ($1.group, $1.contact.role, $1.contact.id)
        }
        return (sortedRoutines, sortedContacts)
    }
}

extension ReviewReport.CouncilReview {
    /// Whether the routine's text is the council's own, written in its folder (not a base
    /// routine, nor its group's).
    public func owns(_ routine: Routine) -> Bool {
        if case .council = routine.layer { return true }
        return false
    }

    /// Whether the contact is the council's own, in its council.yml (not its group's).
    public func owns(_ contact: Contact) -> Bool {
        contact.location.file == council.location.file
    }

    /// The routines past review that are the council's own texts.
    public var ownStaleRoutines: [ReviewReport.StaleRoutine] { staleRoutines.filter { owns($0.routine) } }

    /// The council's own routines without a review date (`RoutineReading.isUndated`).
    public var ownUndatedRoutines: [ReviewReport.RoutineReading] {
        readings.filter { $0.isUndated && owns($0.routine) }
    }

    /// The contacts past verification that are the council's own.
    public var ownStaleContacts: [Contact] { staleContacts.filter { owns($0) } }
}
