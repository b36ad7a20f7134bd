/// What a handbook's statement (`AccessibilityPageView`) and the portal's
/// (`PortalAccessibilityView`) show alike of an `accessibility` block, in the words of Digg's
/// model statement. The two views keep their fields side by side rather than in one shared
/// value, so that themes' templates name them as they always have; this is made once for both.
struct StatementParts {
    var status: String
    var statusText: String
    var shortcomings: [String]
    var disproportionateBurden: [String]
    var outOfScope: [String]
    var hasInaccessible: Bool
    var assessed: String?
    var updated: String?
    var auditedBy: String?

    init(_ statement: AccessibilityStatement?) {
        status = statement?.status.rawValue ?? ""
        statusText = Self.statusText(statement?.status)
        shortcomings = statement?.shortcomings.map(Self.sentence) ?? []
        disproportionateBurden = statement?.disproportionateBurden ?? []
        outOfScope = statement?.outOfScope ?? []
        hasInaccessible = statement?.hasInaccessible ?? false
        assessed = statement?.assessed?.swedish
        updated = (statement?.updated?.value ?? statement?.assessed)?.swedish
        auditedBy = statement?.auditedBy
    }

    /// A shortcoming as the page lists it: its text with the WCAG criteria it fails, and when
    /// it is to be fixed. "Filmerna saknar undertexter (WCAG 1.2.2). Vi planerar att åtgärda
    /// bristen senast den 31 mars 2027."
    static func sentence(_ shortcoming: AccessibilityStatement.Shortcoming) -> String {
        var text = shortcoming.text
        if let criteria = shortcoming.criteriaInWords {
            let stop = text.last.map { ".!?".contains($0) } == true ? String(text.removeLast()) : "."
            text += " (\(criteria))" + stop
        }
        if let fixBy = shortcoming.fixBy {
            if let last = text.last, !".!?".contains(last) { text += "." }
            text += " Vi planerar att åtgärda bristen senast den \(fixBy.value.swedish)."
        }
        return text
    }

    /// How far a site complies with the accessibility law, in the words of Digg's model statement.
    static func statusText(_ status: AccessibilityStatement.Status?) -> String {
        switch status {
        case .helt: "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service."
        case .delvis: "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan."
        case .inte: "Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan."
        case nil: "Vi har ännu inte bedömt hur väl webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service."
        }
    }

    /// Where Digg takes reports about a site that does not follow the accessibility law.
    static let diggURL = "https://www.digg.se/tdosanmalan"
}

extension AccessibilityPageView {
    init(council: CouncilView, parts: StatementParts, feedbackEmail: String?) {
        self.init(council: council, status: parts.status, statusText: parts.statusText, shortcomings: parts.shortcomings,
                  disproportionateBurden: parts.disproportionateBurden, outOfScope: parts.outOfScope,
                  hasInaccessible: parts.hasInaccessible, feedbackEmail: feedbackEmail, assessed: parts.assessed,
                  updated: parts.updated, auditedBy: parts.auditedBy, diggURL: StatementParts.diggURL)
    }
}

extension PortalAccessibilityView {
    init(publisher: String, siteTitle: String, parts: StatementParts, feedbackEmail: String?) {
        self.init(publisher: publisher, siteTitle: siteTitle, status: parts.status, statusText: parts.statusText,
                  shortcomings: parts.shortcomings, disproportionateBurden: parts.disproportionateBurden,
                  outOfScope: parts.outOfScope, hasInaccessible: parts.hasInaccessible, feedbackEmail: feedbackEmail,
                  assessed: parts.assessed, updated: parts.updated, auditedBy: parts.auditedBy, diggURL: StatementParts.diggURL)
    }
}
