/// `rutinbok report`: load, resolve and render the content, then build the review report.
public enum Report {
    public static func make(content: String, today: Day, councils: [String] = [], groups: [String] = [],
                            includeInternal: Bool = false) async -> (ReviewReport?, [Diagnostic]) {
        let (chosen, problems) = await CouncilSelection.handbooks(content: content, councils: councils, groups: groups,
                                                                 includeInternal: includeInternal)
        guard let (site, handbooks, scope) = chosen else { return (nil, problems) }
        let bodies = await RenderedBodies.render(handbooks)
        // The handbooks' content is checked as a build checks it (links, phases, contacts), so
        // that a report exits with the errors a build of the same handbooks would stop at.
        let checked = scope.limit(SiteChecker.check(site, today: today))
            + HandbookChecker.check(handbooks, bodies: bodies, config: site.config, today: today, unloadable: site.unloadable).flatMap(\.diagnostics)
        var report = ReviewReport(handbooks: Handbook.inPortalOrder(handbooks), bodies: bodies, config: site.config, today: today)
        if councils.isEmpty && groups.isEmpty {
            report.portalStatement = ReviewReport.StatementReview(site.config.accessibility, file: site.config.location.file, today: today)
        }
        return (report, EmptyPhases.collapse(problems + bodies.diagnostics + checked, site: site).normalized())
    }
}
