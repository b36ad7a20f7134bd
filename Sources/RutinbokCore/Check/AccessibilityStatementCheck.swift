/// What the check stage finds in an accessibility statement, a handbook's (`HandbookChecker`)
/// or the portal's (`SiteChecker`): its date, against today.
extension AccessibilityStatement {
    /// How long an assessment stays current: Digg asks for the statement to be reviewed once a
    /// year, and the pages change with the routines.
    static let assessmentIntervalMonths = 12

    /// `assessed` is not a day to come, nor more than a year ago. `file`: where the statement
    /// is, for one without the date's own place.
    func problems(in file: SourceLocation, today: Day) -> [Diagnostic] {
        guard let assessed else { return [] }
        let location = assessedLocation ?? file
        if assessed > today {
            return [.error(location, "'assessed' är \(assessed), ett datum i framtiden", code: "future-date",
                           notes: ["skriv dagen då ni senast bedömde webbplatsens tillgänglighet, i dag (\(today)) eller tidigare"])]
        }
        let months = Self.assessmentIntervalMonths
        guard assessed.adding(months: months) < today else { return [] }
        return [.warning(location, "tillgänglighetsredogörelsen bedömdes senast \(assessed), för mer än \(months) månader sedan; gå igenom webbplatsen igen och uppdatera redogörelsen och 'assessed'", code: "accessibility-overdue")]
    }
}
