/// Whether a routine or contact is past its review date, for the pages and the report.
public enum ReviewStatus {
    /// Months between verifications of a contact's details: the contact's own, the council's, or the site's.
    static func verifyInterval(_ contact: Contact, council: Council, config: SiteConfig) -> Int {
        contact.verifyIntervalMonths ?? council.verifyIntervalMonths ?? config.verifyIntervalMonths
    }

    /// Months between reviews of a routine: the routine's own, the council's, or the site's.
    static func reviewInterval(_ routine: Routine, council: Council, config: SiteConfig) -> Int {
        routine.reviewIntervalMonths ?? council.reviewIntervalMonths ?? config.reviewIntervalMonths
    }

    /// The last day a contact's details are in time: their last check plus the interval. Nil
    /// when they were never checked (due at once).
    public static func verifyDue(_ contact: Contact, council: Council, config: SiteConfig) -> Day? {
        contact.verified?.adding(months: verifyInterval(contact, council: council, config: config))
    }

    /// Details never checked (no `verified`) are due too.
    public static func isOverdue(_ contact: Contact, council: Council, config: SiteConfig, today: Day) -> Bool {
        isPast(verifyDue(contact, council: council, config: config), today: today)
    }

    /// Whether the last day in time (`reviewDue`, `verifyDue`) has passed; a contact never
    /// checked (nil) is past at once, a routine without `reviewed` never is.
    public static func isPast(_ due: Day?, today: Day, whenNone: Bool = true) -> Bool {
        guard let due else { return whenNone }
        return due < today
    }

    /// The last day a routine is in time: its last review plus its interval. After it, the
    /// routine is overdue. Nil when it has no `reviewed`.
    public static func reviewDue(_ routine: Routine, council: Council, config: SiteConfig) -> Day? {
        routine.reviewed?.value.adding(months: reviewInterval(routine, council: council, config: config))
    }

    public static func isOverdue(_ routine: Routine, council: Council, config: SiteConfig, today: Day) -> Bool {
        isPast(reviewDue(routine, council: council, config: config), today: today, whenNone: false)
    }

    /// How long an accessibility assessment stays current: Digg asks for the statement to be
    /// reviewed once a year, and the pages change with the routines.
    static let assessmentIntervalMonths = 12

    /// The last day an accessibility statement's assessment is in time; nil without `assessed`.
    public static func assessmentDue(_ statement: AccessibilityStatement) -> Day? {
        statement.assessed?.adding(months: assessmentIntervalMonths)
    }

    /// The statement's shortcomings whose `fix_by` has passed.
    public static func overdueFixes(_ statement: AccessibilityStatement, today: Day) -> [AccessibilityStatement.Shortcoming] {
        statement.shortcomings.filter { isPast($0.fixBy?.value, today: today, whenNone: false) }
    }
}
