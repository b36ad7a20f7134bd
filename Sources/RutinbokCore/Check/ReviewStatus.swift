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

    /// Details never checked (no `verified`) are due too.
    public static func isOverdue(_ contact: Contact, council: Council, config: SiteConfig, today: Day) -> Bool {
        guard let verified = contact.verified else { return true }
        guard verified <= today else { return false }
        return verified.adding(months: verifyInterval(contact, council: council, config: config)) < today
    }

    public static func isOverdue(_ routine: Routine, council: Council, config: SiteConfig, today: Day) -> Bool {
        guard let reviewed = routine.reviewed?.value else { return false }
        return reviewed.adding(months: reviewInterval(routine, council: council, config: config)) < today
    }
}
