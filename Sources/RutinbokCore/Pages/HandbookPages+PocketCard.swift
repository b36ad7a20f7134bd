/// The pocket card (`fickkort.html`): the numbers a frightened reader needs most, on a page to
/// print, cut out and fold to the size of a bank card. A phone can be flat, lost or taken; a
/// card in the wallet is not. Made from the council's frame alone (`framePages`).
extension HandbookPages {
    func pocketCardPage(_ shared: SharedParts) -> OutputFile.Contents {
        let contacts = quickContacts()
        let dates = contacts.map(\.verified)
        let oldest = dates.contains(nil) ? nil : dates.compactMap { $0 }.min()
        let view = PocketCardView(
            council: shared.council,
            emergency: shared.numbers.first { $0.tel == NationalNumber.emergencyTel },
            numbers: shared.numbers.filter { $0.tel != NationalNumber.emergencyTel },
            contacts: contacts.map(ContactView.init),
            handbookAddress: publishedAddress,
            verified: oldest?.swedish)
        return .text(theme.render("layout", layout(PageNames.pocketCard, title: "Fickkort", crumbs: [], pageClass: "pocketcard",
                                                   shared: shared, content: theme.render("fickkort", view))))
    }
}
