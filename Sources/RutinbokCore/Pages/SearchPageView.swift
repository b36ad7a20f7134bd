/// `search.mustache`: the search page. The search itself is script; without it the page
/// offers the two ways a reader in trouble needs: the acute routine and the contacts.
struct SearchPageView {
    var council: CouncilView
    /// The routine for someone threatened right now (site.yml's `acute_routine`), when the
    /// handbook has it.
    var acute: LinkView?
    var contactsHref: String
}

extension SearchPageView: TemplateFields {
    static var templateFieldCount: Int { 3 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("council", council)
        fields.add("acute", acute)
        fields.add("contactsHref", contactsHref)
    }
}

extension HandbookPages {
    func searchView(_ shared: SharedParts) -> SearchPageView {
        SearchPageView(council: shared.council, acute: shared.acute, contactsHref: PageNames.html(PageNames.contacts))
    }
}
