/// The names templates may look up: every field of every view type, and those that hold HTML
/// rutinbok made (shown with three braces). `TemplateChecks` holds templates to these lists, and
/// `ThemeDocsTests` holds the lists to docs/themes.md and docs/themes.md to the view types.
enum TemplateNames {
    static let fields: Set<String> = [
        "accessibilityHref", "acute", "acuteHere", "adapted", "adaptedBy", "adaptedByHref",
        "adaptedCount", "adaptedFrom", "adaptedHref", "added", "addedCount", "addedHref",
        "additionTitles", "additions", "adoptedBy", "adoptedFrom", "allMembers", "anchor",
        "anchors", "assessed", "audiences", "auditedBy", "authorGenitive", "base", "baseNewer",
        "baseReviewed", "baseReviewedISO", "baseTitle", "body", "breadcrumbs", "byGroup", "cells",
        "changeCount", "changeHref", "changeText", "clear", "command", "compact", "contactCount",
        "contacts", "contactsDue", "contactsHere", "contactsHref", "content", "context", "council",
        "councilCount", "councilGenitive", "councilHref", "councils", "councilsText", "count",
        "counts", "current", "decided", "deleted", "description", "detail", "diff", "diggURL",
        "disproportionateBurden", "documentTitle", "dueBy", "dueByISO", "dueCount", "dueText",
        "dueTotal", "email", "emailHTML", "emergency", "exampleCount", "examples", "excluded",
        "excludedCount", "excludedHref", "excludedSummary", "feedbackEmail", "footer", "forIntranet", "form",
        "formDetail", "formLabel", "genitive", "group", "groupDescription", "groupHref",
        "groupName", "handbookAddress", "handbookHref", "handbooks", "handbooksHref", "hasAdapted",
        "hasAdopters", "hasClear", "hasContacts", "hasContactsDue", "hasDue", "hasExamples",
        "hasExcluded", "hasInaccessible", "hasIncomplete", "hasInherited", "hasInternal",
        "hasInternalBase", "hasInternalOnly", "hasMembers", "hasOwnContactsDue", "hasOwnDue",
        "hasOwnRoutinesDue", "hasOwnText", "hasRoutines", "hasRoutinesDue", "hasRows", "hasShared",
        "hasSharedContacts", "hasSharedDue", "hasSharedRoutines", "header", "hours", "href", "id",
        "incompleteCount", "inherited", "inheritedCount", "inheritedText", "inserted", "internal",
        "internalBase", "internalCount", "internalOnly", "isInternal", "kind", "label", "lang",
        "linkNote", "listHref", "lix", "lixOver", "lixThreshold", "logo", "longWords",
        "matrixLimit", "members", "membersText", "missingPhases", "name", "nav", "next", "noindex",
        "number", "numbers", "oldestReview", "oldestReviewISO", "onlyGroupTexts", "others",
        "outOfHours", "outOfHoursHTML", "outOfScope", "over", "overCount", "overdue",
        "ownContactsDue", "ownDueText", "ownRoutinesDue", "ownText", "owner", "ownerName",
        "ownerRole", "pageClass", "pageHref", "people", "phase", "phaseAnchor", "phaseHref",
        "phases", "phasesSummary", "phone", "police", "previous", "publisher", "publisherEmail",
        "publisherEmailHTML", "quickContacts", "refresh", "reviewHref", "reviewMonths", "reviewed",
        "reviewedISO", "role", "roles", "root", "routineCount", "routineHref", "routines",
        "routinesDue", "rows", "scripts", "sections", "sharedBy", "sharedContacts", "sharedDueText",
        "sharedRoutines", "sharedTotal", "shortcomings", "showMatrix", "shownIn", "siteTitle",
        "slug", "source", "sourceHref", "startHref", "status", "statusText", "summary", "tel",
        "themeColor", "threshold", "title", "titleChanged", "toReview", "today", "todayISO",
        "unchanged", "unused", "updated", "vcardHref", "verdict", "verified", "verifiedISO",
        "verifyMonths", "website", "within", "wordsPerSentence", "writtenBy"
    ]

    static let html: Set<String> = [
        "body", "contacts", "content", "diff", "emailHTML", "emergency", "footer", "header",
        "outOfHoursHTML", "publisherEmailHTML"
    ]
}
