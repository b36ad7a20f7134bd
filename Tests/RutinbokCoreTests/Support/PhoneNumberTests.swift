@testable import RutinbokCore
import Testing

@Suite struct PhoneNumberTests {
    @Test(arguments: [
        ("070-000 00 01", "0700000001", "+46700000001"),
        ("0100-00 00 00", "0100000000", "+46100000000"),
        ("114 14", "11414", "11414"),
        ("+46 70 000 00 01", "+46700000001", "+46700000001"),
        ("0046 70 000 00 01", "0046700000001", "+46700000001"),
        // The trunk 0 written in an international form is not dialled from abroad, nor needed at home.
        ("+46 (0)8 123 45 67", "+4681234567", "+4681234567"),
        ("+46 (0) 8-123 45 67", "+4681234567", "+4681234567"),
        ("+46 08 123 45 67", "+4681234567", "+4681234567"),
        ("0046 (0)70 123 45 67", "0046701234567", "+46701234567"),
        ("0046 070-123 45 67", "0046701234567", "+46701234567"),
        // An area code in parentheses is dialled.
        ("(08) 123 45 67", "081234567", "+4681234567"),
        ("+46 (8) 123 45 67", "+4681234567", "+4681234567"),
    ])
    func forms(_ written: String, _ tel: String, _ international: String) {
        #expect(PhoneNumber.telURI(written) == tel)
        #expect(PhoneNumber.international(written) == international)
    }
}
