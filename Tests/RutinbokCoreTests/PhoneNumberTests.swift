@testable import RutinbokCore
import Testing

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("070-000 00 01", "0700000001", "+46700000001"),
        ("0100-00 00 00", "0100000000", "+46100000000"),
        ("114 14", "11414", "11414"),
        ("+46 70 000 00 01", "+46700000001", "+46700000001"),
        ("0046 70 000 00 01", "0046700000001", "+46700000001"),
    ])
    func forms(_ written: String, _ tel: String, _ international: String) {
        #expect(PhoneNumber.telURI(written) == tel)
        #expect(PhoneNumber.international(written) == international)
    }
}
