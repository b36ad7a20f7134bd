/// Reads an `accessibility` block, in council.yml (the council's handbook) or site.yml (the
/// portal): what the accessibility statement says. The law (DOS-lagen) asks every public web
/// site for one.
enum AccessibilityStatementLoader {
    static let keys = ["status", "shortcomings", "disproportionate_burden", "out_of_scope", "feedback_email", "assessed", "audited_by"]

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
        let shortcomings = statement.strings("shortcomings").map(\.value)
        let burden = statement.strings("disproportionate_burden").map(\.value)
        let outOfScope = statement.strings("out_of_scope").map(\.value)
        let dated = statement.raw("assessed") != nil
        let assessed = statement.day("assessed")
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
            auditedBy: statement.string("audited_by"), disproportionateBurden: burden, outOfScope: outOfScope)
        yaml.absorb(&statement, known: keys)
        return result
    }
}
