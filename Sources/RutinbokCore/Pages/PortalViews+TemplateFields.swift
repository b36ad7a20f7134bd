/// Field lists of the portal's summary views (see `TemplateFields`): their rows number in
/// the thousands (a readability row per routine text, a review section per council), and
/// reflecting each through `Mirror` cost more than a changed build's whole portal.
/// `PortalReuseDataTests` and `TemplateFieldsTests` check that each list names every
/// stored property.

extension PortalAccessibilityView: TemplateFields {
    static var templateFieldCount: Int { 13 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("publisher", publisher)
        fields.add("siteTitle", siteTitle)
        fields.add("status", status)
        fields.add("statusText", statusText)
        fields.add("shortcomings", shortcomings)
        fields.add("disproportionateBurden", disproportionateBurden)
        fields.add("outOfScope", outOfScope)
        fields.add("hasInaccessible", hasInaccessible)
        fields.add("feedbackEmail", feedbackEmail)
        fields.add("assessed", assessed)
        fields.add("updated", updated)
        fields.add("auditedBy", auditedBy)
        fields.add("diggURL", diggURL)
    }
}

extension PortalIndexView: TemplateFields {
    static var templateFieldCount: Int { 12 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("siteTitle", siteTitle)
        fields.add("description", description)
        fields.add("councils", councils)
        fields.add("councilCount", councilCount)
        fields.add("incompleteCount", incompleteCount)
        fields.add("hasIncomplete", hasIncomplete)
        fields.add("exampleCount", exampleCount)
        fields.add("changeCount", changeCount)
        fields.add("changeText", changeText)
        fields.add("today", today)
        fields.add("emergency", emergency)
        fields.add("forIntranet", forIntranet)
    }
}

extension PortalIndexView.Row: TemplateFields {
    static var templateFieldCount: Int { 19 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("name", name)
        fields.add("href", href)
        fields.add("pageHref", pageHref)
        fields.add("kind", kind)
        fields.add("group", group)
        fields.add("groupHref", groupHref)
        fields.add("routines", routines)
        fields.add("adapted", adapted)
        fields.add("added", added)
        fields.add("excluded", excluded)
        fields.add("oldestReview", oldestReview)
        fields.add("oldestReviewISO", oldestReviewISO)
        fields.add("onlyGroupTexts", onlyGroupTexts)
        fields.add("toReview", toReview)
        fields.add("reviewHref", reviewHref)
        fields.add("adaptedHref", adaptedHref)
        fields.add("addedHref", addedHref)
        fields.add("excludedHref", excludedHref)
        fields.add("missingPhases", missingPhases)
    }
}

extension PortalCoverageView: TemplateFields {
    static var templateFieldCount: Int { 8 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("councils", councils)
        fields.add("phases", phases)
        fields.add("additions", additions)
        fields.add("additionTitles", additionTitles)
        fields.add("councilCount", councilCount)
        fields.add("showMatrix", showMatrix)
        fields.add("matrixLimit", matrixLimit)
        fields.add("hasInternal", hasInternal)
    }
}

extension PortalCoverageView.AdditionTitle: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("phase", phase)
        fields.add("count", count)
        fields.add("councils", councils)
    }
}

extension PortalCoverageView.Counts: TemplateFields {
    static var templateFieldCount: Int { 6 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("inherited", inherited)
        fields.add("adapted", adapted)
        fields.add("excluded", excluded)
        fields.add("internalOnly", internalOnly)
    }
}

extension PortalRoutineCoverageView: TemplateFields {
    static var templateFieldCount: Int { 17 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("phase", phase)
        fields.add("councilCount", councilCount)
        fields.add("adapted", adapted)
        fields.add("inherited", inherited)
        fields.add("excluded", excluded)
        fields.add("internalOnly", internalOnly)
        fields.add("adaptedCount", adaptedCount)
        fields.add("inheritedCount", inheritedCount)
        fields.add("excludedCount", excludedCount)
        fields.add("internalCount", internalCount)
        fields.add("hasAdapted", hasAdapted)
        fields.add("hasInherited", hasInherited)
        fields.add("hasExcluded", hasExcluded)
        fields.add("hasInternal", hasInternal)
        fields.add("councilsText", councilsText)
        fields.add("inheritedText", inheritedText)
    }
}

extension PortalRoutineCoverageView.Adapted: TemplateFields {
    static var templateFieldCount: Int { 7 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("council", council)
        fields.add("href", href)
        fields.add("adaptedBy", adaptedBy)
        fields.add("adaptedByHref", adaptedByHref)
        fields.add("adoptedFrom", adoptedFrom)
        fields.add("inserted", inserted)
        fields.add("deleted", deleted)
    }
}

extension PortalCoverageView.Column: TemplateFields {
    static var templateFieldCount: Int { 2 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("name", name)
        fields.add("href", href)
    }
}

extension PortalCoverageView.PhaseTable: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("label", label)
        fields.add("counts", counts)
        fields.add("rows", rows)
    }
}

extension PortalCoverageView.Addition: TemplateFields {
    static var templateFieldCount: Int { 6 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("phase", phase)
        fields.add("group", group)
        fields.add("groupHref", groupHref)
        fields.add("isInternal", isInternal)
    }
}

extension PortalCoverageView.CouncilAdditions: TemplateFields {
    static var templateFieldCount: Int { 5 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("name", name)
        fields.add("href", href)
        fields.add("anchor", anchor)
        fields.add("routines", routines)
        fields.add("hasRoutines", hasRoutines)
    }
}

extension PortalExamplesView: TemplateFields {
    static var templateFieldCount: Int { 3 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("phases", phases)
        fields.add("count", count)
        fields.add("hasExamples", hasExamples)
    }
}

extension PortalExamplesView.Example: TemplateFields {
    static var templateFieldCount: Int { 15 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("summary", summary)
        fields.add("href", href)
        fields.add("council", council)
        fields.add("councilHref", councilHref)
        fields.add("members", members)
        fields.add("hasMembers", hasMembers)
        fields.add("reviewed", reviewed)
        fields.add("reviewedISO", reviewedISO)
        fields.add("decided", decided)
        fields.add("lix", lix)
        fields.add("adoptedBy", adoptedBy)
        fields.add("command", command)
        fields.add("hasAdopters", hasAdopters)
        fields.add("changeHref", changeHref)
    }
}

extension PortalExamplesView.PhaseGroup: TemplateFields {
    static var templateFieldCount: Int { 3 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("label", label)
        fields.add("examples", examples)
    }
}

extension PortalChangesView: TemplateFields {
    static var templateFieldCount: Int { 2 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("rows", rows)
        fields.add("hasRows", hasRows)
    }
}

extension PortalReviewView: TemplateFields {
    static var templateFieldCount: Int { 16 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("today", today)
        fields.add("reviewMonths", reviewMonths)
        fields.add("verifyMonths", verifyMonths)
        fields.add("sections", sections)
        fields.add("clear", clear)
        fields.add("councilCount", councilCount)
        fields.add("dueCount", dueCount)
        fields.add("dueTotal", dueTotal)
        fields.add("hasDue", hasDue)
        fields.add("hasClear", hasClear)
        fields.add("sharedRoutines", sharedRoutines)
        fields.add("sharedContacts", sharedContacts)
        fields.add("sharedTotal", sharedTotal)
        fields.add("hasShared", hasShared)
        fields.add("hasSharedRoutines", hasSharedRoutines)
        fields.add("hasSharedContacts", hasSharedContacts)
    }
}

extension PortalReviewView.SharedRoutine: TemplateFields {
    static var templateFieldCount: Int { 9 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("source", source)
        fields.add("groupHref", groupHref)
        fields.add("reviewed", reviewed)
        fields.add("reviewedISO", reviewedISO)
        fields.add("dueBy", dueBy)
        fields.add("dueByISO", dueByISO)
        fields.add("handbooks", handbooks)
    }
}

extension PortalReviewView.SharedContact: TemplateFields {
    static var templateFieldCount: Int { 7 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("role", role)
        fields.add("name", name)
        fields.add("group", group)
        fields.add("groupHref", groupHref)
        fields.add("verified", verified)
        fields.add("verifiedISO", verifiedISO)
        fields.add("handbooks", handbooks)
    }
}

extension PortalReviewView.Routine: TemplateFields {
    static var templateFieldCount: Int { 13 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("reviewed", reviewed)
        fields.add("reviewedISO", reviewedISO)
        fields.add("dueBy", dueBy)
        fields.add("dueByISO", dueByISO)
        fields.add("changeHref", changeHref)
        fields.add("owner", owner)
        fields.add("ownerName", ownerName)
        fields.add("phone", phone)
        fields.add("tel", tel)
        fields.add("email", email)
        fields.add("emailHTML", emailHTML)
    }
}

extension PortalReviewView.Contact: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("role", role)
        fields.add("name", name)
        fields.add("verified", verified)
        fields.add("verifiedISO", verifiedISO)
    }
}

extension PortalReviewView.Section: TemplateFields {
    static var templateFieldCount: Int { 9 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("name", name)
        fields.add("anchor", anchor)
        fields.add("href", href)
        fields.add("routines", routines)
        fields.add("contacts", contacts)
        fields.add("routineCount", routineCount)
        fields.add("contactCount", contactCount)
        fields.add("hasRoutines", hasRoutines)
        fields.add("hasContacts", hasContacts)
    }
}

extension PortalReadabilityView: TemplateFields {
    static var templateFieldCount: Int { 3 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("threshold", threshold)
        fields.add("rows", rows)
        fields.add("overCount", overCount)
    }
}

extension PortalReadabilityView.Row: TemplateFields {
    static var templateFieldCount: Int { 11 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("source", source)
        fields.add("groupHref", groupHref)
        fields.add("sourceHref", sourceHref)
        fields.add("href", href)
        fields.add("linkNote", linkNote)
        fields.add("lix", lix)
        fields.add("wordsPerSentence", wordsPerSentence)
        fields.add("longWords", longWords)
        fields.add("verdict", verdict)
        fields.add("over", over)
    }
}

extension PortalHandbookView: TemplateFields {
    static var templateFieldCount: Int { 33 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("name", name)
        fields.add("handbookHref", handbookHref)
        fields.add("kind", kind)
        fields.add("group", group)
        fields.add("groupHref", groupHref)
        fields.add("today", today)
        fields.add("todayISO", todayISO)
        fields.add("summary", summary)
        fields.add("excludedSummary", excludedSummary)
        fields.add("phasesSummary", phasesSummary)
        fields.add("routines", routines)
        fields.add("routineCount", routineCount)
        fields.add("inheritedCount", inheritedCount)
        fields.add("adaptedCount", adaptedCount)
        fields.add("addedCount", addedCount)
        fields.add("excludedCount", excludedCount)
        fields.add("excluded", excluded)
        fields.add("hasExcluded", hasExcluded)
        fields.add("internalBase", internalBase)
        fields.add("hasInternalBase", hasInternalBase)
        fields.add("lixThreshold", lixThreshold)
        fields.add("ownRoutinesDue", ownRoutinesDue)
        fields.add("ownContactsDue", ownContactsDue)
        fields.add("ownDueText", ownDueText)
        fields.add("hasOwnDue", hasOwnDue)
        fields.add("hasOwnRoutinesDue", hasOwnRoutinesDue)
        fields.add("hasOwnContactsDue", hasOwnContactsDue)
        fields.add("reviewHref", reviewHref)
        fields.add("sharedDueText", sharedDueText)
        fields.add("hasSharedDue", hasSharedDue)
        fields.add("emergency", emergency)
        fields.add("contactsHref", contactsHref)
    }
}

extension PortalHandbookView.Routine: TemplateFields {
    static var templateFieldCount: Int { 15 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("phase", phase)
        fields.add("form", form)
        fields.add("formLabel", formLabel)
        fields.add("formDetail", formDetail)
        fields.add("changeHref", changeHref)
        fields.add("isInternal", isInternal)
        fields.add("reviewed", reviewed)
        fields.add("reviewedISO", reviewedISO)
        fields.add("overdue", overdue)
        fields.add("dueBy", dueBy)
        fields.add("dueByISO", dueByISO)
        fields.add("lix", lix)
        fields.add("lixOver", lixOver)
    }
}

extension PortalHandbookView.Missing: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("phase", phase)
        fields.add("source", source)
    }
}

// The portal's large tables: the coverage matrix has a cell per council and base routine,
// the change list a row per adapted routine.

extension PortalCoverageView.Cell: TemplateFields {
    static var templateFieldCount: Int { 5 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("kind", kind)
        fields.add("label", label)
        fields.add("detail", detail)
        fields.add("href", href)
        fields.add("context", context)
    }
}

extension PortalCoverageView.Row: TemplateFields {
    static var templateFieldCount: Int { 2 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("cells", cells)
    }
}

extension PortalChangesView.Row: TemplateFields {
    static var templateFieldCount: Int { 9 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("council", council)
        fields.add("title", title)
        fields.add("href", href)
        fields.add("adaptedBy", adaptedBy)
        fields.add("adaptedByHref", adaptedByHref)
        fields.add("adoptedFrom", adoptedFrom)
        fields.add("inserted", inserted)
        fields.add("deleted", deleted)
        fields.add("anchors", anchors)
    }
}
