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
