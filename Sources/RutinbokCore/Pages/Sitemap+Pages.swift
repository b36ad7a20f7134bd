extension Sitemap {
    /// The pages a public build's sitemap lists (see `Sitemap`), in a fixed order: the portal's
    /// overview, its other summary pages in the navigation's order and its accessibility
    /// statement, the pages of base routines in the coverage page's order, of handbooks and of
    /// groups in the portal's, the change pages; then each handbook in the portal's order.
    /// `handbooks` are the ones the portal was made from.
    static func pages(of handbooks: [Handbook], portal: PortalPages) -> [Page] {
        var pages = [Page(folder: "", name: "")]
        for name in PortalPages.Name.allCases where name != .index && name != .notFound {
            pages.append(Page(folder: "", name: name.rawValue))
        }
        let coverage = "\(PageNames.portalCoverage)/"
        pages += portal.coverageRows.map { Page(folder: coverage, name: $0.routine.id) }
        let handbookPages = "\(PageNames.portalHandbooks)/"
        pages += portal.portal.councils.map { Page(folder: handbookPages, name: $0.council.slug) }
        let groupPages = "\(PageNames.portalGroups)/"
        pages += portal.portal.groups.map { Page(folder: groupPages, name: $0.group.id) }
        var changeFolder = (council: "", folder: "")
        for change in portal.portal.changes {
            if change.council.slug != changeFolder.council {
                changeFolder = (change.council.slug, "\(PortalPages.changeFolder(council: change.council.slug))/")
            }
            pages.append(Page(folder: changeFolder.folder, name: change.routine.id))
        }
        let bySlug = Dictionary(handbooks.map { ($0.council.slug, $0) }, uniquingKeysWith: { first, _ in first })
        for summary in portal.portal.councils {
            guard let handbook = bySlug[summary.council.slug] else { continue }
            let folder = "\(handbook.council.slug)/"
            pages.append(Page(folder: folder, name: ""))
            pages += handbook.routines.map { Page(folder: folder, name: $0.routine.id) }
            pages.append(Page(folder: folder, name: PageNames.contacts))
            pages.append(Page(folder: folder, name: PageNames.accessibility))
        }
        return pages
    }
}
