/// The view models on every page, with their fields listed for templates by hand so that
/// rendering a page needs no reflection (see `TemplateData`). A field left out here is
/// invisible to templates: each list must name every stored property of its type, which
/// `TemplateFieldsTests` checks against `Mirror`. Nil fields are left out of the template
/// data, which templates read as false or empty.
protocol TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { get }
}

extension LinkView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["label": label, "href": href] }
}

extension CrumbView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["label": label, "href": href] }
}

extension LayoutView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["lang": lang, "title": title, "documentTitle": documentTitle, "description": description,
         "themeColor": themeColor, "header": header, "emergency": emergency, "footer": footer,
         "breadcrumbs": breadcrumbs, "content": content, "pageClass": pageClass,
         "scripts": scripts, "stylesheet": stylesheet]
    }
}

extension ContactView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["id": id, "anchor": anchor, "role": role, "name": name, "phone": phone, "tel": tel,
         "email": email, "hours": hours, "outOfHours": outOfHours,
         "verified": verified, "compact": compact]
    }
}

extension RoutinePageView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["id": id, "title": title, "summary": summary, "body": body, "phase": phase, "phaseHref": phaseHref,
         "audiences": audiences, "owner": owner, "ownerRole": ownerRole,
         "reviewed": reviewed, "reviewedISO": reviewedISO, "decided": decided,
         "overdue": overdue, "previous": previous, "next": next,
         "adaptedFrom": adaptedFrom]
    }
}

// The portal's large tables: the coverage matrix has a cell per council and base routine,
// the change list a row per adapted routine.

extension PortalCoverageView.Cell: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["kind": kind, "label": label, "detail": detail, "href": href] }
}

extension PortalCoverageView.Row: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["title": title, "cells": cells] }
}

extension PortalChangesView.Row: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["council": council, "title": title, "href": href, "adaptedBy": adaptedBy, "adoptedFrom": adoptedFrom,
         "inserted": inserted, "deleted": deleted]
    }
}

// What the shared parts of every handbook page and the print page are made from.

extension CouncilView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["name": name, "slug": slug, "kind": kind, "logo": logo, "siteTitle": siteTitle, "phases": phases, "groupName": groupName]
    }
}

extension PhaseLinkView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["id": id, "label": label, "href": href] }
}

extension NumberView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["label": label, "number": number, "tel": tel, "description": description] }
}

extension EmergencyView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["emergency": emergency, "police": police, "others": others] }
}

extension PrintPageView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["council": council, "phases": phases, "contacts": contacts, "numbers": numbers] }
}

extension PrintPhaseView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["id": id, "label": label, "routines": routines] }
}

extension PrintRoutineView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["id": id, "anchor": anchor, "title": title, "summary": summary, "body": body, "ownerRole": ownerRole, "reviewed": reviewed]
    }
}

// The portal's layout and change pages: one per adapted routine.

extension PortalLayoutView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["lang": lang, "title": title, "documentTitle": documentTitle, "siteTitle": siteTitle, "description": description,
         "root": root, "nav": nav, "content": content, "pageClass": pageClass, "today": today, "todayISO": todayISO]
    }
}

extension PortalNavView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["label": label, "href": href, "current": current] }
}

extension PortalChangeView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["title": title, "council": council, "baseTitle": baseTitle, "titleChanged": titleChanged,
         "adaptedBy": adaptedBy, "adoptedFrom": adoptedFrom, "reviewed": reviewed, "reviewedISO": reviewedISO,
         "baseReviewed": baseReviewed, "baseReviewedISO": baseReviewedISO, "inserted": inserted, "deleted": deleted,
         "unchanged": unchanged, "diff": diff, "routineHref": routineHref, "listHref": listHref]
    }
}

// The pages each handbook has once: start, contacts and accessibility statement.

extension RoutineSummaryView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["id": id, "title": title, "summary": summary, "href": href, "overdue": overdue] }
}

extension PhaseSectionView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["id": id, "label": label, "routines": routines] }
}

extension StartPageView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["council": council, "description": description, "phases": phases, "contacts": contacts, "contactsHref": contactsHref]
    }
}

extension RoleGroupView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["role": role, "contacts": contacts, "people": people] }
}

extension ContactsPageView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> { ["council": council, "roles": roles, "vcardHref": vcardHref, "numbers": numbers] }
}

extension AccessibilityPageView: TemplateFields {
    var templateFields: KeyValuePairs<String, Any?> {
        ["council": council, "status": status, "statusText": statusText, "shortcomings": shortcomings,
         "feedbackEmail": feedbackEmail, "assessed": assessed, "diggURL": diggURL]
    }
}
