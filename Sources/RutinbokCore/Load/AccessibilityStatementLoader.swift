/// Reads an `accessibility` block, in council.yml (the council's handbook) or site.yml (the
/// portal): what the accessibility statement says. The law (DOS-lagen) asks every public web
/// site for one.
enum AccessibilityStatementLoader {
    static let keys = ["status", "shortcomings", "disproportionate_burden", "out_of_scope", "feedback_email", "assessed", "updated", "audited_by"]
    /// The keys of a shortcoming written as a mapping.
    static let shortcomingKeys = ["text", "wcag", "fix_by"]

    /// The statement under `accessibility`, with its problems reported in `yaml`; nil when
    /// there is no such block.
    static func load(from yaml: inout YAMLMapping) -> AccessibilityStatement? {
        guard var statement = yaml.mapping("accessibility") else { return nil }
        var status = AccessibilityStatement.Status.delvis
        let statusValue = statement.located("status", required: "helt, delvis eller inte")
        if let value = statusValue {
            if let parsed = AccessibilityStatement.Status(rawValue: value.value) { status = parsed }
            else { statement.report(.error(value.location, "'status' ska vara helt, delvis eller inte, men här står '\(value.value)'", code: "bad-value")) }
        }
        let shortcomings = statement.textsOrMappings("shortcomings").compactMap { shortcoming($0, in: &statement) }
        let burden = statement.strings("disproportionate_burden").map(\.value)
        let outOfScope = statement.strings("out_of_scope").map(\.value)
        let dated = statement.raw("assessed") != nil
        let assessed = statement.day("assessed")
        let updated = statement.day("updated")
        // The page says the site is not fully accessible "because of the shortcomings
        // described below": the law asks for them, and without them the statement is untrue.
        // Content the law does not cover is no such reason.
        if let value = statusValue, let stated = AccessibilityStatement.Status(rawValue: value.value), stated != .helt, shortcomings.isEmpty, burden.isEmpty {
            statement.report(.error(value.location, "tillgänglighetsredogörelsen säger '\(stated.rawValue)' men räknar inte upp några brister; skriv under 'shortcomings' vad som inte är tillgängligt, eller skriv 'status: helt' om ni inte känner till några brister",
                                    code: "accessibility-incomplete"))
        }
        // "Fully compliant" above a list of what is not accessible says two things at once.
        if let value = statusValue, value.value == AccessibilityStatement.Status.helt.rawValue, !shortcomings.isEmpty || !burden.isEmpty {
            let key = shortcomings.isEmpty ? "disproportionate_burden" : "shortcomings"
            statement.report(.error(value.location, "tillgänglighetsredogörelsen säger 'helt' men räknar upp brister under '\(key)'; skriv 'status: delvis' så länge bristerna finns kvar",
                                    code: "accessibility-incomplete"))
        }
        if !dated {
            statement.report(.warning(yaml.location(ofKey: "accessibility"), "tillgänglighetsredogörelsen har inget datum i 'assessed'; skriv dagen då ni senast bedömde webbplatsen, ÅÅÅÅ-MM-DD",
                                      code: "accessibility-undated"))
        }
        let feedbackEmail = statement.located("feedback_email")
        if let feedbackEmail { ContactLoader.checkEmail(feedbackEmail, in: &statement) }
        let feedback = feedbackEmail?.value
        if feedback == nil {
            statement.report(.warning(yaml.location(ofKey: "accessibility"), "tillgänglighetsredogörelsen har ingen 'feedback_email'; skriv en e-postadress dit läsare kan skriva om något på webbplatsen inte går att använda",
                                      code: "accessibility-no-feedback"))
        }
        let result = AccessibilityStatement(
            status: status, shortcomings: shortcomings,
            feedbackEmail: feedback, assessed: assessed?.value, assessedLocation: assessed?.location,
            updated: updated, auditedBy: statement.string("audited_by"), disproportionateBurden: burden, outOfScope: outOfScope)
        yaml.absorb(&statement, known: keys)
        return result
    }

    /// One item under `shortcomings`: a text, or a mapping with the text, the WCAG criteria
    /// it fails and the day it is to be fixed by. Nil, with the problem reported, for a
    /// mapping without its text.
    private static func shortcoming(_ item: YAMLMapping.TextOrMapping, in statement: inout YAMLMapping) -> AccessibilityStatement.Shortcoming? {
        switch item {
        case .text(let text):
            return AccessibilityStatement.Shortcoming(text: text.value)
        case .mapping(var fields):
            let text = fields.string("text", required: "vad som inte är tillgängligt")
            var criteria: [String] = []
            for criterion in fields.strings("wcag") {
                guard WCAG.criteria.contains(criterion.value) else {
                    fields.report(.error(criterion.location, "'wcag' ska vara numret på ett framgångskriterium i WCAG, men här står '\(criterion.value)'",
                                         code: "bad-value", notes: ["skriv bara numret, till exempel 1.3.1 för Information och relationer; flera skrivs som en lista: [1.3.1, 4.1.2]"]))
                    continue
                }
                if !criteria.contains(criterion.value) { criteria.append(criterion.value) }
            }
            let fixBy = fields.day("fix_by")
            statement.absorb(&fields, known: shortcomingKeys)
            return text.map { AccessibilityStatement.Shortcoming(text: $0, criteria: criteria, fixBy: fixBy) }
        }
    }
}
