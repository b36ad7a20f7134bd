/// Per council: routines past review, contacts past verification, the accessibility
/// statement's dates and each routine's LIX.
/// The same data feeds `rutinbok report` and the portal's review page.
public struct ReviewReport: Sendable {
    public struct StaleRoutine: Sendable {
        public var routine: Routine
        public var reviewed: Day
        /// When it should have been reviewed by (`ReviewStatus.reviewDue`): the day before it was overdue.
        public var dueBy: Day
        /// The owner as a contact of the council, if it is one.
        public var owner: Contact?
    }

    public struct RoutineReading: Sendable {
        public var routine: Routine
        /// Whether the handbook has the base text, its own or its group's in place of it, or a
        /// routine the base does not have.
        public var origin: HandbookRoutine.Origin
        public var readability: Readability
        public var overThreshold: Bool
        /// The last day it is in time (`ReviewStatus.reviewDue`); nil without a `reviewed`.
        public var reviewDue: Day?

        /// Its `reviewed` is missing or could not be read (an error the build stops at, but
        /// the report still lists the routine): no one knows when it was last reviewed, so
        /// it is due as much as any.
        public var isUndated: Bool { routine.reviewed == nil }
    }

    public struct CouncilReview: Sendable {
        public var council: Council
        public var groupName: String?
        /// The group's id (its folder under `groups/`), for a link to its page in the portal.
        public var groupID: String?
        public var staleRoutines: [StaleRoutine]
        public var staleContacts: [Contact]
        /// All the council's contacts, its own and its group's.
        public var contacts: [Contact]
        /// Every routine of the handbook, in reading order.
        public var readings: [RoutineReading]
        /// The last day each contact's details are in time (`ReviewStatus.verifyDue`), by id;
        /// none for details never checked.
        public var verifyDue: [String: Day]
        /// The handbook's accessibility statement: when it is due, and what is past its fix.
        public var statement: StatementReview
    }

    /// An accessibility statement (council.yml's or, for the portal, site.yml's) as the
    /// report sees it: due a year after its assessment, and its shortcomings due on their
    /// `fix_by`, decided by `ReviewStatus` as the check stage decides its warnings.
    public struct StatementReview: Sendable {
        /// Nil when there is none.
        public var statement: AccessibilityStatement?
        /// Where it is written, or would be: council.yml or site.yml.
        public var file: String
        /// The assessment's last day in time; nil without a statement or without `assessed`.
        public var due: Day?
        /// Whether a new assessment is due: past `due`, or never dated.
        public var isDue: Bool
        /// The shortcomings past the day they were to be fixed by.
        public var overdueFixes: [AccessibilityStatement.Shortcoming]

        init(_ statement: AccessibilityStatement?, file: String, today: Day) {
            self.statement = statement
            self.file = file
            due = statement.flatMap(ReviewStatus.assessmentDue)
            isDue = statement != nil && ReviewStatus.isPast(due, today: today)
            overdueFixes = statement.map { ReviewStatus.overdueFixes($0, today: today) } ?? []
        }
    }

    public var today: Day
    public var lixThreshold: Double
    public var councils: [CouncilReview]
    /// The portal's own statement, from site.yml: in a report of every handbook, whose reader
    /// publishes the portal too; nil in one of chosen councils.
    public var portalStatement: StatementReview?

    /// Staleness is decided where the build decides it, by `ReviewStatus`, for routines and
    /// contacts alike, so report, pages and the check stage never disagree.
    init(handbooks: [Handbook], bodies: RenderedBodies, config: SiteConfig, today: Day) {
        self.today = today
        lixThreshold = config.lixThreshold
        councils = handbooks.map { handbook in
            // Each routine's and contact's last day in time worked out once, and whether it
            // has passed decided from it as `ReviewStatus.isOverdue` decides it.
            let readings = handbook.routines.map { entry in
                let readability = bodies.readability(for: entry.routine, in: handbook) ?? Readability(words: 0, sentences: 0, longWords: 0)
                return RoutineReading(routine: entry.routine, origin: entry.origin, readability: readability,
                                      overThreshold: readability.lix > config.lixThreshold,
                                      reviewDue: ReviewStatus.reviewDue(entry.routine, council: handbook.council, config: config))
            }
            let stale = readings.compactMap { reading -> StaleRoutine? in
                guard let reviewed = reading.routine.reviewed?.value, let due = reading.reviewDue,
                      ReviewStatus.isPast(due, today: today) else { return nil }
                return StaleRoutine(routine: reading.routine, reviewed: reviewed, dueBy: due, owner: handbook.contact(reading.routine.owner.value))
            }
            var verifyDue: [String: Day] = [:]
            for contact in handbook.contacts {
                verifyDue[contact.id] = ReviewStatus.verifyDue(contact, council: handbook.council, config: config)
            }
            return CouncilReview(council: handbook.council, groupName: handbook.group?.name, groupID: handbook.group?.id, staleRoutines: stale,
                                 staleContacts: handbook.contacts.filter { ReviewStatus.isPast(verifyDue[$0.id], today: today) },
                                 contacts: handbook.contacts,
                                 readings: readings, verifyDue: verifyDue,
                                 statement: StatementReview(handbook.council.accessibility, file: handbook.council.location.file, today: today))
        }
    }
}
