@testable import RutinbokCore
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: ["sakerhet@exempelstad.example", "anna.ana@ana.example", "förnamn.efternamn@kommun.se", "a+b@x.y.example",
                      "registrator@region-exempelland.example", "o'brien@x.example", "kansli_1@kommun.se", "info@xn--mlm-qla.example"])
    func addressesAsPeopleWriteThem(_ address: String) {
        #expect(EmailAddress.problem(in: address) == nil)
    }

    @Test(arguments: [
        ("", "adressen är tom"),
        ("sakerhet.exempelstad.example", "den saknar @"),
        ("sakerhet@@exempelstad.example", "den har mer än ett @"),
        ("MAILTO:sakerhet@exempelstad.example", "skriv adressen utan 'mailto:'"),
        ("sakerhet @exempelstad.example", "den har mellanslag"),
        ("a@x.example, b@x.example", "skriv en adress per kontakt, utan komma eller semikolon"),
        ("a@x.example;b@x.example", "skriv en adress per kontakt, utan komma eller semikolon"),
        ("Anna <anna@x.example>", "den har mellanslag"),
        ("<anna@x.example>", "den har tecken som inte hör hemma i en adress"),
        ("registrator\u{200B}@kommun.example", "den har ett osynligt tecken, kanske från en kopierad text; skriv adressen på nytt"),
        ("\u{FEFF}registrator@kommun.example", "den har ett osynligt tecken, kanske från en kopierad text; skriv adressen på nytt"),
        // A quote with a combining mark is one Character, not a quote: looked at by scalar, it is.
        ("a\"\u{301}/autofocus/x=\"\u{301}@exby.example", "den har ett osynligt tecken, kanske från en kopierad text; skriv adressen på nytt"),
        ("a\"/x@exby.example", "den har tecken som inte hör hemma i en adress"),
        (".anna@x.example", "den har tecken som inte hör hemma i en adress"),
        ("anna..ana@x.example", "den har tecken som inte hör hemma i en adress"),
        ("@exempelstad.example", "det saknas något före @"),
        ("sakerhet@exempelstad", "det som står efter @ är ingen domän (som kommun.se)"),
        ("sakerhet@exempelstad.", "det som står efter @ är ingen domän (som kommun.se)"),
        ("sakerhet@exempelstad..example", "det som står efter @ är ingen domän (som kommun.se)"),
        ("anna@kommun.example/kontakt", "det som står efter @ är ingen domän (som kommun.se)"),
        ("anna@https://kommun.example", "det som står efter @ är ingen domän (som kommun.se)"),
        ("anna@-kommun.example", "det som står efter @ är ingen domän (som kommun.se)"),
    ])
    func mistakesAreNamed(_ address: String, _ problem: String) {
        #expect(EmailAddress.problem(in: address) == problem)
    }

    /// A message quoting an address shows where its invisible character is.
    @Test func invisibleCharactersAreShownByTheirCodes() {
        #expect(EmailAddress.visible("registrator\u{200B}@kommun.example") == "registrator<U+200B>@kommun.example")
        #expect(EmailAddress.visible("\u{FEFF}å@kommun.example") == "<U+FEFF>å@kommun.example")
        #expect(EmailAddress.visible("anna@kommun.example") == "anna@kommun.example")
    }
}
