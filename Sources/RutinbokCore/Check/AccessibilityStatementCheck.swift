/// What the check stage finds in an accessibility statement, a handbook's (`HandbookChecker`)
/// or the portal's (`SiteChecker`): its dates, against today and each other.
extension AccessibilityStatement {
    /// `assessed` and `updated` are not days to come, the assessment not more than a year
    /// ago, the statement not older than its assessment, and no shortcoming past the day it
    /// was to be fixed by. `file`: where the statement is, for one without the date's own place.
    func problems(in file: SourceLocation, today: Day) -> [Diagnostic] {
        var problems = assessmentProblems(in: file, today: today)
        if let updated {
            if updated.value > today {
                problems.append(.error(updated.location, "'updated' är \(updated.value), ett datum i framtiden", code: "future-date",
                                       notes: ["skriv dagen då ni senast ändrade redogörelsen, i dag (\(today)) eller tidigare"]))
            } else if let assessed, updated.value < assessed {
                problems.append(.warning(updated.location, "redogörelsen uppdaterades senast \(updated.value), före den senaste bedömningen \(assessed); gå igenom redogörelsen efter bedömningen och skriv dagen i 'updated'",
                                         code: "accessibility-not-updated"))
            }
        }
        for shortcoming in ReviewStatus.overdueFixes(self, today: today) {
            guard let fixBy = shortcoming.fixBy else { continue }
            problems.append(.warning(fixBy.location, "bristen skulle vara åtgärdad senast \(fixBy.value) enligt 'fix_by'",
                                     code: "accessibility-fix-overdue",
                                     notes: ["åtgärda bristen och ta bort den ur 'shortcomings', eller skriv i 'fix_by' när den ska vara åtgärdad nu"]))
        }
        return problems
    }

    private func assessmentProblems(in file: SourceLocation, today: Day) -> [Diagnostic] {
        guard let assessed else { return [] }
        let location = assessedLocation ?? file
        if assessed > today {
            return [.error(location, "'assessed' är \(assessed), ett datum i framtiden", code: "future-date",
                           notes: ["skriv dagen då ni senast bedömde webbplatsens tillgänglighet, i dag (\(today)) eller tidigare"])]
        }
        let months = ReviewStatus.assessmentIntervalMonths
        guard ReviewStatus.isPast(ReviewStatus.assessmentDue(self), today: today) else { return [] }
        return [.warning(location, "tillgänglighetsredogörelsen bedömdes senast \(assessed), för mer än \(months) månader sedan; gå igenom webbplatsen igen och uppdatera redogörelsen och 'assessed'", code: "accessibility-overdue")]
    }
}
