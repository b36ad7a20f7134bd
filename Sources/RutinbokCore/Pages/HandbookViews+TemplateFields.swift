/// The view models on every page, with their fields written for templates by hand so that
/// rendering a page needs neither reflection nor a dynamic cast per field (see
/// `TemplateFields`). A field left out here is invisible to templates: each list must name
/// every stored property of its type, in declaration order, which `TemplateFieldsTests`
/// checks against `Mirror`. Nil fields are left out of the template data, which templates
/// read as false or empty.

extension LinkView: TemplateFields {
    static var templateFieldCount: Int { 2 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("label", label)
        fields.add("href", href)
    }
}

extension CrumbView: TemplateFields {
    static var templateFieldCount: Int { 2 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("label", label)
        fields.add("href", href)
    }
}

extension LayoutView: TemplateFields {
    static var templateFieldCount: Int { 15 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("lang", lang)
        fields.add("title", title)
        fields.add("documentTitle", documentTitle)
        fields.add("description", description)
        fields.add("themeColor", themeColor)
        fields.add("header", header)
        fields.add("emergency", emergency)
        fields.add("footer", footer)
        fields.add("breadcrumbs", breadcrumbs)
        fields.add("content", content)
        fields.add("pageClass", pageClass)
        fields.add("scripts", scripts)
        fields.add("noindex", noindex)
        fields.add("refresh", refresh)
        fields.add("base", base)
    }
}

extension ContactView: TemplateFields {
    static var templateFieldCount: Int { 14 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("anchor", anchor)
        fields.add("role", role)
        fields.add("name", name)
        fields.add("phone", phone)
        fields.add("tel", tel)
        fields.add("email", email)
        fields.add("emailHTML", emailHTML)
        fields.add("hours", hours)
        fields.add("outOfHours", outOfHours)
        fields.add("outOfHoursHTML", outOfHoursHTML)
        fields.add("verified", verified)
        fields.add("compact", compact)
        fields.add("sharedBy", sharedBy)
    }
}

extension RoutinePageView: TemplateFields {
    static var templateFieldCount: Int { 18 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("title", title)
        fields.add("summary", summary)
        fields.add("body", body)
        fields.add("phase", phase)
        fields.add("phaseHref", phaseHref)
        fields.add("audiences", audiences)
        fields.add("owner", owner)
        fields.add("ownerRole", ownerRole)
        fields.add("reviewed", reviewed)
        fields.add("reviewedISO", reviewedISO)
        fields.add("decided", decided)
        fields.add("overdue", overdue)
        fields.add("internal", `internal`)
        fields.add("previous", previous)
        fields.add("next", next)
        fields.add("adaptedFrom", adaptedFrom)
        fields.add("writtenBy", writtenBy)
    }
}

// What the shared parts of every handbook page and the print page are made from.

extension CouncilView: TemplateFields {
    static var templateFieldCount: Int { 9 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("name", name)
        fields.add("slug", slug)
        fields.add("kind", kind)
        fields.add("logo", logo)
        fields.add("website", website)
        fields.add("siteTitle", siteTitle)
        fields.add("phases", phases)
        fields.add("groupName", groupName)
        fields.add("contactsHere", contactsHere)
    }
}

extension PhaseLinkView: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("label", label)
        fields.add("href", href)
        fields.add("current", current)
    }
}

extension NumberView: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("label", label)
        fields.add("number", number)
        fields.add("tel", tel)
        fields.add("description", description)
    }
}

extension EmergencyView: TemplateFields {
    static var templateFieldCount: Int { 6 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("emergency", emergency)
        fields.add("police", police)
        fields.add("others", others)
        fields.add("acute", acute)
        fields.add("contactsHere", contactsHere)
        fields.add("acuteHere", acuteHere)
    }
}

extension PrintPageView: TemplateFields {
    static var templateFieldCount: Int { 6 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("council", council)
        fields.add("phases", phases)
        fields.add("routines", routines)
        fields.add("contacts", contacts)
        fields.add("numbers", numbers)
        fields.add("quickContacts", quickContacts)
    }
}

extension PrintPhaseView: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("anchor", anchor)
        fields.add("label", label)
        fields.add("routines", routines)
    }
}

extension PrintEntryView: TemplateFields {
    static var templateFieldCount: Int { 3 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("anchor", anchor)
        fields.add("title", title)
    }
}

extension PrintRoutineView: TemplateFields {
    static var templateFieldCount: Int { 10 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("anchor", anchor)
        fields.add("phase", phase)
        fields.add("phaseAnchor", phaseAnchor)
        fields.add("title", title)
        fields.add("summary", summary)
        fields.add("body", body)
        fields.add("ownerRole", ownerRole)
        fields.add("reviewed", reviewed)
        fields.add("internal", `internal`)
    }
}

// The portal's layout and change pages: one per adapted routine.

extension PortalLayoutView: TemplateFields {
    static var templateFieldCount: Int { 17 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("lang", lang)
        fields.add("title", title)
        fields.add("documentTitle", documentTitle)
        fields.add("siteTitle", siteTitle)
        fields.add("description", description)
        fields.add("root", root)
        fields.add("nav", nav)
        fields.add("content", content)
        fields.add("pageClass", pageClass)
        fields.add("today", today)
        fields.add("todayISO", todayISO)
        fields.add("accessibilityHref", accessibilityHref)
        fields.add("noindex", noindex)
        fields.add("base", base)
        fields.add("publisher", publisher)
        fields.add("publisherEmail", publisherEmail)
        fields.add("publisherEmailHTML", publisherEmailHTML)
    }
}

extension PortalNavView: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("label", label)
        fields.add("href", href)
        fields.add("current", current)
        fields.add("within", within)
    }
}

extension PortalChangeView: TemplateFields {
    static var templateFieldCount: Int { 21 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("council", council)
        fields.add("baseTitle", baseTitle)
        fields.add("titleChanged", titleChanged)
        fields.add("councilGenitive", councilGenitive)
        fields.add("adaptedBy", adaptedBy)
        fields.add("adaptedByHref", adaptedByHref)
        fields.add("adoptedFrom", adoptedFrom)
        fields.add("authorGenitive", authorGenitive)
        fields.add("byGroup", byGroup)
        fields.add("reviewed", reviewed)
        fields.add("reviewedISO", reviewedISO)
        fields.add("baseReviewed", baseReviewed)
        fields.add("baseReviewedISO", baseReviewedISO)
        fields.add("baseNewer", baseNewer)
        fields.add("inserted", inserted)
        fields.add("deleted", deleted)
        fields.add("unchanged", unchanged)
        fields.add("diff", diff)
        fields.add("routineHref", routineHref)
        fields.add("listHref", listHref)
    }
}

// The pages each handbook has once: start, contacts and accessibility statement.

extension RoutineSummaryView: TemplateFields {
    static var templateFieldCount: Int { 6 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("title", title)
        fields.add("summary", summary)
        fields.add("href", href)
        fields.add("overdue", overdue)
        fields.add("internal", `internal`)
    }
}

extension PhaseSectionView: TemplateFields {
    static var templateFieldCount: Int { 3 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("id", id)
        fields.add("label", label)
        fields.add("routines", routines)
    }
}

extension StartPageView: TemplateFields {
    static var templateFieldCount: Int { 6 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("council", council)
        fields.add("description", description)
        fields.add("groupDescription", groupDescription)
        fields.add("phases", phases)
        fields.add("contacts", contacts)
        fields.add("contactsHref", contactsHref)
    }
}

extension RoleGroupView: TemplateFields {
    static var templateFieldCount: Int { 3 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("role", role)
        fields.add("contacts", contacts)
        fields.add("people", people)
    }
}

extension ContactsPageView: TemplateFields {
    static var templateFieldCount: Int { 4 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("council", council)
        fields.add("roles", roles)
        fields.add("vcardHref", vcardHref)
        fields.add("numbers", numbers)
    }
}

extension PocketCardView: TemplateFields {
    static var templateFieldCount: Int { 6 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("council", council)
        fields.add("emergency", emergency)
        fields.add("numbers", numbers)
        fields.add("contacts", contacts)
        fields.add("handbookAddress", handbookAddress)
        fields.add("verified", verified)
    }
}

extension AccessibilityPageView: TemplateFields {
    static var templateFieldCount: Int { 12 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("council", council)
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
