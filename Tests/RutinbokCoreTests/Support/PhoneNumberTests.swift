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

    @Test(arguments: ["070-000 00 01", "08-123 45 67", "+46 (0)8 123 45 67", "0046 70 000 00 01", "112", "114 14", "116 006",
                      "070\u{2011}000\u{A0}00\u{A0}01", "(08) 123 45 67", "0771-00 00 00", "+1 555 000 0000"])
    func oneNumberToCall(_ written: String) {
        #expect(PhoneNumber.problem(in: written) == nil)
    }

    /// Each of these made a `tel:` link of all its digits, a number that does not exist.
    @Test(arguments: [
        ("070-000 01 01 / 070-000 01 02", "innehåller '/' och är nog två nummer"),
        ("070-000 01 01, 08-123 45 67", "innehåller ',' och är nog två nummer"),
        ("114 14; 112", "innehåller ';' och är nog två nummer"),
        ("+46 8 123 45 67 +46 70 000 01 01", "innehåller ett '+' mitt i"),
        ("010-000 01 02 #2", "innehåller '#', som en länk för att ringa inte kan slå"),
        ("０７０-000 01 01", "innehåller tecknet '０', som inte hör till ett telefonnummer"),
        ("٠٧٠-000 01 01", "innehåller tecknet '٠', som inte hör till ett telefonnummer"),
        ("\u{202E}070-000 01 01", "innehåller tecknet <U+202E>, som inte hör till ett telefonnummer"),
        ("070-000 01 01 070 00", "har 15 siffror, fler än ett svenskt nummer har"),
        ("+46 70 000 01 01 070 000 01", "har 19 siffror efter landsnumrets '+'"),
        ("070-000 00 O1", "innehåller bokstäver"),
        ("12", "har för få siffror"),
        ("123 45 67", "saknar riktnummer"),
    ])
    func notOneNumber(_ written: String, _ problem: String) throws {
        let found = try #require(PhoneNumber.problem(in: written))
        #expect(found.hasPrefix(problem), "\(found)")
    }
}
