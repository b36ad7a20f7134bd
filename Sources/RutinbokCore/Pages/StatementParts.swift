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
    var auditedBy: String?

    init(_ statement: AccessibilityStatement?) {
        status = statement?.status.rawValue ?? ""
        statusText = Self.statusText(statement?.status)
        shortcomings = statement?.shortcomings ?? []
        disproportionateBurden = statement?.disproportionateBurden ?? []
        outOfScope = statement?.outOfScope ?? []
        hasInaccessible = statement?.hasInaccessible ?? false
        assessed = statement?.assessed?.swedish
        auditedBy = statement?.auditedBy
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
                  auditedBy: parts.auditedBy, diggURL: StatementParts.diggURL)
    }
}

extension PortalAccessibilityView {
    init(publisher: String, siteTitle: String, parts: StatementParts, feedbackEmail: String?) {
        self.init(publisher: publisher, siteTitle: siteTitle, status: parts.status, statusText: parts.statusText,
                  shortcomings: parts.shortcomings, disproportionateBurden: parts.disproportionateBurden,
                  outOfScope: parts.outOfScope, hasInaccessible: parts.hasInaccessible, feedbackEmail: feedbackEmail,
                  assessed: parts.assessed, auditedBy: parts.auditedBy, diggURL: StatementParts.diggURL)
    }
}
