/// The success criteria of WCAG, by number: what an accessibility statement may name for a
/// shortcoming. The law points to EN 301 549, which takes WCAG 2.1's criteria; WCAG 2.2's
/// new ones are accepted too, since councils audit against it already.
enum WCAG {
    /// How many criteria each guideline has in WCAG 2.1 (`1.2` has nine: 1.2.1–1.2.9).
    private static let criteriaPerGuideline: [(guideline: String, count: Int)] = [
        ("1.1", 1), ("1.2", 9), ("1.3", 6), ("1.4", 13),
        ("2.1", 4), ("2.2", 6), ("2.3", 3), ("2.4", 10), ("2.5", 6),
        ("3.1", 6), ("3.2", 5), ("3.3", 6),
        ("4.1", 3),
    ]

    /// WCAG 2.2's additions: focus not obscured and focus appearance, dragging, target size,
    /// consistent help, redundant entry and accessible authentication.
    private static let addedIn22 = ["2.4.11", "2.4.12", "2.4.13", "2.5.7", "2.5.8", "3.2.6", "3.3.7", "3.3.8", "3.3.9"]

    static let criteria: Set<String> = Set(criteriaPerGuideline.flatMap { guideline in
        (1...guideline.count).map { "\(guideline.guideline).\($0)" }
    } + addedIn22)
}
