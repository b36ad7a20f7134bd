/// Field lists of the portal's summary views (see `TemplateFields`): their rows number in
/// the thousands (a readability row per routine text, a review section per council), and
/// reflecting each through `Mirror` cost more than a changed build's whole portal.
/// `PortalTemplateFieldsTests` checks that each list names every stored property.

extension PortalIndexView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["siteTitle": siteTitle, "description": description, "councils": councils, "councilCount": councilCount,
         "exampleCount": exampleCount, "changeCount": changeCount, "today": today]
    }
}

extension PortalIndexView.Row: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "href": href, "kind": kind, "group": group, "routines": routines, "adapted": adapted,
         "added": added, "excluded": excluded, "oldestReview": oldestReview, "oldestReviewISO": oldestReviewISO,
         "toReview": toReview, "reviewHref": reviewHref]
    }
}

extension PortalCoverageView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["councils": councils, "phases": phases, "additions": additions] }
}

extension PortalCoverageView.Column: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["name": name, "href": href] }
}

extension PortalCoverageView.PhaseTable: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["id": id, "label": label, "rows": rows] }
}

extension PortalCoverageView.Addition: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "href": href, "phase": phase, "source": source, "isInternal": isInternal]
    }
}

extension PortalCoverageView.CouncilAdditions: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "href": href, "routines": routines, "hasRoutines": hasRoutines]
    }
}

extension PortalExamplesView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["phases": phases, "count": count] }
}

extension PortalExamplesView.Example: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "summary": summary, "href": href, "council": council, "councilHref": councilHref,
         "reviewed": reviewed, "reviewedISO": reviewedISO, "decided": decided, "lix": lix,
         "adoptedBy": adoptedBy, "command": command, "hasAdopters": hasAdopters]
    }
}

extension PortalExamplesView.PhaseGroup: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["id": id, "label": label, "examples": examples] }
}

extension PortalChangesView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["rows": rows, "hasRows": hasRows] }
}

extension PortalReviewView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["today": today, "reviewMonths": reviewMonths, "verifyMonths": verifyMonths, "sections": sections]
    }
}

extension PortalReviewView.Routine: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "href": href, "reviewed": reviewed, "reviewedISO": reviewedISO, "owner": owner,
         "ownerName": ownerName, "phone": phone, "tel": tel]
    }
}

extension PortalReviewView.Contact: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["role": role, "name": name, "verified": verified, "verifiedISO": verifiedISO]
    }
}

extension PortalReviewView.Section: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "anchor": anchor, "href": href, "routines": routines, "contacts": contacts,
         "routineCount": routineCount, "contactCount": contactCount, "clear": clear,
         "hasRoutines": hasRoutines, "hasContacts": hasContacts]
    }
}

extension PortalReadabilityView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["threshold": threshold, "rows": rows, "overCount": overCount] }
}

extension PortalReadabilityView.Row: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "source": source, "href": href, "lix": lix, "wordsPerSentence": wordsPerSentence,
         "longWords": longWords, "verdict": verdict, "over": over]
    }
}
