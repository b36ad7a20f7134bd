/// `404.html` at the top of the output: the page a web server shows for an address the output
/// does not have (docs/server.md). A council's folder has its own (`HandbookPages`); this one
/// answers for the portal's pages, for a mistyped council and for anything else at the top.
/// A reader who lands on it may be in danger and on the wrong site: 112 first, then the other
/// national numbers, then the ways to the portal's overview and to the list of handbooks.
///
/// Like the handbooks' it is served at the address asked for, at any depth: with site.yml's
/// `address` its layout gets `<base href>` (`PortalPages.layout`), without it its relative links
/// work for a missing page at the top. It asks search engines not to index it, is in no
/// navigation and links to nothing that could lead back to it.
///
/// It shows only site.yml's data, so it is fingerprinted and kept like a summary page and made
/// again only when site.yml, the templates or the options change.
struct PortalNotFoundView {
    var siteTitle: String
    /// 112, in the portal's emergency box; nil when site.yml has no such number.
    var emergency: NumberView?
    /// The other national numbers, in site.yml's order.
    var numbers: [NumberView]
    /// The portal's overview.
    var startHref: String
    /// The overview's list of handbooks.
    var handbooksHref: String
}

extension PortalNotFoundView: TemplateFields {
    static var templateFieldCount: Int { 5 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("siteTitle", siteTitle)
        fields.add("emergency", emergency)
        fields.add("numbers", numbers)
        fields.add("startHref", startHref)
        fields.add("handbooksHref", handbooksHref)
    }
}

extension PortalPages {
    /// The id of the overview's list of handbooks (`portal-index.mustache`).
    static let handbooksAnchor = "handbocker"

    func notFoundView() -> PortalNotFoundView {
        let emergency = emergencyNumber
        let others = portal.config.nationalNumbers.filter { $0.tel != emergency?.tel }.map(NumberView.init)
        let start = Name.index.path
        return PortalNotFoundView(siteTitle: portal.config.title, emergency: emergency, numbers: others,
                                  startHref: start, handbooksHref: "\(start)#\(Self.handbooksAnchor)")
    }
}
