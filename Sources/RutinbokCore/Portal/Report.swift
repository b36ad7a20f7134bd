/// `rutinbok report`: load, resolve and render the content, then build the review report.
public enum Report {
    public static func make(content: String, today: Day, councils: [String] = [], groups: [String] = [],
                            includeInternal: Bool = false) async -> (ReviewReport?, [Diagnostic]) {
        let content = FolderPath.canonical(content)
        let (loaded, loadProblems) = await ContentLoader.load(contentDirectory: content)
        guard let site = loaded else { return (nil, loadProblems) }
        let (councils, groupProblems) = CouncilSelection.members(councils, groups: groups, site: site)
        guard groupProblems.isEmpty else { return (nil, (loadProblems + groupProblems).normalized()) }
        var (handbooks, problems) = Resolver.resolve(site, options: .init(includeInternal: includeInternal))
        problems = CouncilSelection.Scope(councils, site: site, content: content).limit(problems + loadProblems)
        let selection = CouncilSelection.apply(councils, to: &handbooks, site: site)
        // A council asked for is not there: no report, rather than one of the others.
        guard selection.isEmpty else { return (nil, (problems + selection).normalized()) }
        let bodies = await RenderedBodies.render(handbooks)
        return (ReviewReport(handbooks: Handbook.inPortalOrder(handbooks), bodies: bodies, config: site.config, today: today),
                (problems + bodies.diagnostics).normalized())
    }
}
