@testable import RutinbokCore
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: ["sakerhet@exempelstad.example", "anna.ana@ana.example", "förnamn@kommun.se", "a+b@x.y.example"])
    func addressesAsPeopleWriteThem(_ address: String) {
        #expect(EmailAddress.problem(in: address) == nil)
    }

    @Test(arguments: [
        ("sakerhet.exempelstad.example", "den saknar @"),
        ("sakerhet@@exempelstad.example", "den har mer än ett @"),
        ("MAILTO:sakerhet@exempelstad.example", "skriv adressen utan 'mailto:'"),
        ("sakerhet @exempelstad.example", "den har mellanslag"),
        ("a@x.example, b@x.example", "den har mellanslag"),
        ("a@x.example;b@x.example", "skriv en adress per kontakt, utan komma eller semikolon"),
        ("Anna <anna@x.example>", "den har mellanslag"),
        ("<anna@x.example>", "den har tecken som inte hör hemma i en adress"),
        ("@exempelstad.example", "det saknas något före @"),
        ("sakerhet@exempelstad", "det som står efter @ är ingen domän (som kommun.se)"),
        ("sakerhet@exempelstad.", "det som står efter @ är ingen domän (som kommun.se)"),
        ("sakerhet@exempelstad..example", "det som står efter @ är ingen domän (som kommun.se)"),
    ])
    func mistakesAreNamed(_ address: String, _ problem: String) {
        #expect(EmailAddress.problem(in: address) == problem)
    }
}
