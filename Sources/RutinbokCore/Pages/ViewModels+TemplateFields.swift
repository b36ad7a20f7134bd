/// The view models on every page, with their fields listed for templates by hand so that
/// rendering a page needs no reflection (see `TemplateData`). A field left out here is
/// invisible to templates: each list must name every stored property of its type, which
/// `TemplateFieldsTests` checks against `Mirror`.
protocol TemplateFields {
    var templateFields: [String: Any] { get }
}

/// Fields without the nil ones: templates read a missing key as false or empty, but an
/// optional boxed in `Any` as a value.
func present(_ fields: [String: Any?]) -> [String: Any] {
    fields.compactMapValues { $0 }
}

extension LinkView: TemplateFields {
    var templateFields: [String: Any] { ["label": label, "href": href] }
}

extension CrumbView: TemplateFields {
    var templateFields: [String: Any] { present(["label": label, "href": href]) }
}

extension LayoutView: TemplateFields {
    var templateFields: [String: Any] {
        ["lang": lang, "title": title, "documentTitle": documentTitle, "description": description,
         "themeColor": themeColor, "header": header, "emergency": emergency, "footer": footer,
         "breadcrumbs": breadcrumbs.map(\.templateFields), "content": content, "pageClass": pageClass,
         "scripts": scripts, "stylesheet": stylesheet]
    }
}

extension ContactView: TemplateFields {
    var templateFields: [String: Any] {
        present(["id": id, "anchor": anchor, "role": role, "name": name, "phone": phone, "tel": tel,
         "email": email, "hours": hours, "outOfHours": outOfHours,
         "verified": verified, "compact": compact])
    }
}

extension RoutinePageView: TemplateFields {
    var templateFields: [String: Any] {
        present(["id": id, "title": title, "summary": summary, "body": body, "phase": phase, "phaseHref": phaseHref,
         "audiences": audiences, "owner": owner?.templateFields, "ownerRole": ownerRole,
         "reviewed": reviewed, "reviewedISO": reviewedISO, "decided": decided,
         "overdue": overdue, "previous": previous?.templateFields, "next": next?.templateFields,
         "adaptedFrom": adaptedFrom])
    }
}

// The portal's large tables: the coverage matrix has a cell per council and base routine,
// the change list a row per adapted routine.

extension PortalCoverageView.Cell: TemplateFields {
    var templateFields: [String: Any] { present(["kind": kind, "label": label, "detail": detail, "href": href]) }
}

extension PortalCoverageView.Row: TemplateFields {
    var templateFields: [String: Any] { ["title": title, "cells": cells.map(\.templateFields)] }
}

extension PortalChangesView.Row: TemplateFields {
    var templateFields: [String: Any] {
        present(["council": council, "title": title, "href": href, "adaptedBy": adaptedBy, "adoptedFrom": adoptedFrom,
                 "inserted": inserted, "deleted": deleted])
    }
}
