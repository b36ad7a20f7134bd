/// The portal at the top of the output, for SKR and for councils looking at each other:
/// an overview, the coverage matrix, the example library, what each council changed, review
/// status and readability. The data comes from `Portal`; this file turns it into pages.
struct PortalPages {
    let portal: Portal
    let theme: Theme
    /// Change pages already in place (kept from the previous build): not rendered again.
    var reusedChangePages: Set<String> = []

    init(site: Site, handbooks: [Handbook], bodies: MarkdownStage, theme: Theme, today: Day) {
        portal = Portal(site: site, handbooks: handbooks, bodies: bodies, today: today)
        self.theme = theme
    }

    /// Page names, also used for the navigation in this order.
    enum Name: String, CaseIterable {
        case index, tackning, exempel, andringar, granskning, lasbarhet

        var label: String {
            switch self {
            case .index: "Översikt"
            case .tackning: "Täckning"
            case .exempel: "Exempel att hämta"
            case .andringar: "Ändringar"
            case .granskning: "Granskning"
            case .lasbarhet: "Klarspråk"
            }
        }
    }

    static func changePath(council: String, routine: String) -> String { "\(PageNames.portalChanges)/\(council)/\(routine).html" }

    func files() -> [OutputFile] {
        // The coverage matrix and the change list cover every council: render them side by side.
        var files = Parallel.map(Name.allCases, summaryPage)
        let changes = portal.changes.filter { !reusedChangePages.contains(Self.changePath(council: $0.council.slug, routine: $0.routine.id)) }
        files += Parallel.map(changes) { change in
            let path = Self.changePath(council: change.council.slug, routine: change.routine.id)
            return page(path: path, current: .andringar, title: "\(change.routine.title) – ändringar i \(change.council.name)",
                        content: theme.render("portal/andring", changeView(change, root: "../../")))
        }
        for asset in theme.assets {
            files.append(OutputFile(path: "\(PageNames.themeAssets)/\(asset)", contents: .copy(theme.assetPath(asset))))
        }
        return files
    }

    private func summaryPage(_ name: Name) -> OutputFile {
        switch name {
        case .index: page(.index, title: portal.config.title, content: theme.renderOnce("portal-index", indexView()))
        case .tackning: page(.tackning, title: "Täckning: vilka rutiner som finns var", content: theme.renderOnce("portal/tackning", coverageView()))
        case .exempel: page(.exempel, title: "Exempel att hämta", content: theme.renderOnce("portal/exempel", examplesView()))
        case .andringar: page(.andringar, title: "Vad kommunerna har ändrat", content: theme.renderOnce("portal/andringar", changesView()))
        case .granskning: page(.granskning, title: "Granskning: rutiner och kontakter att se över", content: theme.renderOnce("portal/granskning", reviewView()))
        case .lasbarhet: page(.lasbarhet, title: "Klarspråk: läsbarhet (LIX)", content: theme.renderOnce("portal/lasbarhet", readabilityView()))
        }
    }

    private func page(_ name: Name, title: String, content: String) -> OutputFile {
        page(path: PageNames.html(name.rawValue), current: name, title: title, content: content)
    }

    private func page(path: String, current: Name, title: String, content: String) -> OutputFile {
        let root = String(repeating: "../", count: path.split(separator: "/").count - 1)
        let siteTitle = portal.config.title
        let layout = PortalLayoutView(
            title: title, documentTitle: title == siteTitle ? "Portal – \(siteTitle)" : "\(title) – Portal – \(siteTitle)",
            siteTitle: siteTitle, description: portal.config.description, root: root,
            nav: Name.allCases.map { PortalNavView(label: $0.label, href: root + PageNames.html($0.rawValue), current: $0 == current) },
            content: content, pageClass: "portal-\(current.rawValue)", today: portal.today.swedish, todayISO: portal.today.description)
        return OutputFile(path: path, contents: .text(theme.render("portal", layout)))
    }
}
