/// The portal at the top of the output: every council side by side.
struct PortalPages {
    let handbooks: [Handbook]
    let config: SiteConfig
    let theme: Theme
    let today: Day

    struct CouncilRow {
        var name: String
        var href: String
        var kind: String
        var group: String?
        var routines: Int
        var adapted: Int
        var added: Int
        var oldestReview: String?
    }

    struct IndexView {
        var siteTitle: String
        var description: String
        var councils: [CouncilRow]
    }

    struct LayoutView {
        var lang = "sv"
        var title: String
        var documentTitle: String
        var siteTitle: String
        var content: String
        var pageClass: String
    }

    func files() -> [OutputFile] {
        let rows = handbooks.map { handbook in
            CouncilRow(
                name: handbook.council.name, href: "\(handbook.council.slug)/\(PageNames.html(PageNames.start))",
                kind: handbook.council.kind.label, group: handbook.group?.name, routines: handbook.routines.count,
                adapted: handbook.routines.filter { $0.origin == .adapted }.count,
                added: handbook.routines.filter { $0.origin == .added }.count,
                oldestReview: handbook.routines.compactMap { $0.routine.reviewed?.value }.min()?.description)
        }
        let index = IndexView(siteTitle: config.title, description: config.description, councils: rows)
        let layout = LayoutView(title: config.title, documentTitle: config.title, siteTitle: config.title,
                                content: theme.render("portal-index", index), pageClass: "portal")
        var files = [OutputFile(path: PageNames.html(PageNames.start), contents: .text(theme.render("portal", layout)))]
        for asset in theme.assets {
            files.append(OutputFile(path: "\(PageNames.themeAssets)/\(asset)", contents: .copy(theme.assetPath(asset))))
        }
        return files
    }
}
