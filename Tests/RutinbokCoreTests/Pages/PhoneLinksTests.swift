import Testing
@testable import RutinbokCore

/// Phone numbers in a contact's free text become links to call; times, dates, years and
/// numbers inside words do not, and the rest of the text is escaped.
@Suite struct PhoneLinksTests {
    @Test func numbersBecomeLinksAndNothingElse() {
        #expect(PhoneLinks.html("Ring jouren på 070-000 01 07.")
            == #"Ring jouren på <a class="tel" href="tel:0700000107">070-000 01 07</a>."#)
        #expect(PhoneLinks.html("Ring 112 om någon är i fara, annars 114 14.")
            == #"Ring <a class="tel" href="tel:112">112</a> om någon är i fara, annars <a class="tel" href="tel:11414">114 14</a>."#)
        #expect(PhoneLinks.html("Från utlandet: +46 70 000 01 07")
            == #"Från utlandet: <a class="tel" href="tel:+46700000107">+46 70 000 01 07</a>"#)
        #expect(PhoneLinks.html("Vardagar 08.00–16.30, sedan 2026-10-01") == "Vardagar 08.00–16.30, sedan 2026-10-01")
        #expect(PhoneLinks.html("Rum 1177b och år 2026") == "Rum 1177b och år 2026")
        #expect(PhoneLinks.html("Ring 0700 eller 12345678") == "Ring 0700 eller 12345678")
        #expect(PhoneLinks.html("<b>Jour</b> & 0100-00 02 99")
            == #"&lt;b&gt;Jour&lt;/b&gt; &amp; <a class="tel" href="tel:0100000299">0100-00 02 99</a>"#)
        #expect(PhoneLinks.html("") == "")
    }

    /// Out of its sentence, a link says whom it calls; a national short number says so itself.
    @Test func linksNameWhomTheyCall() {
        #expect(PhoneLinks.html("Ring jouren på 070-000 01 07, i nödläge 112.", whom: "Säkerhetssamordnare utanför kontorstid")
            == #"Ring jouren på <a class="tel" href="tel:0700000107">070-000 01 07<span class="visually-hidden">, Säkerhetssamordnare utanför kontorstid</span></a>, i nödläge <a class="tel" href="tel:112">112</a>."#)
        #expect(PhoneLinks.html("Jour 070-000 01 07", whom: "HR & <lön>")
            == #"Jour <a class="tel" href="tel:0700000107">070-000 01 07<span class="visually-hidden">, HR &amp; &lt;lön&gt;</span></a>"#)
    }

    /// A trunk 0 in parentheses, an area code in parentheses, and text in parentheses after a
    /// number; never the part of a number or date after a hyphen.
    @Test func parenthesesAndHyphens() {
        #expect(PhoneLinks.html("Ring jouren på +46 (0)70-123 45 67.")
            == #"Ring jouren på <a class="tel" href="tel:+46701234567">+46 (0)70-123 45 67</a>."#)
        #expect(PhoneLinks.html("eller (08) 123 45 67 dygnet runt")
            == #"eller <a class="tel" href="tel:081234567">(08) 123 45 67</a> dygnet runt"#)
        #expect(PhoneLinks.html("Växeln 070-000 01 07 (dagtid)")
            == #"Växeln <a class="tel" href="tel:0700000107">070-000 01 07</a> (dagtid)"#)
        #expect(PhoneLinks.numbers(in: "Ring 2026-000 01 07 eller 12-0700 00 01") == [])
        #expect(PhoneLinks.numbers(in: "+46 (0)70-000 01 07") == ["+46 (0)70-000 01 07"])
        #expect(PhoneLinks.numbers(in: "(växel) och (0") == [])
    }

    /// Times, ranges and digits in parentheses next to a number are no part of it; the dashes
    /// and spaces word processors write are.
    @Test func timesRangesAndTypography() {
        #expect(PhoneLinks.numbers(in: "Jour 17.00-08.00 070-000 01 07") == ["070-000 01 07"])
        #expect(PhoneLinks.numbers(in: "Vardagar 08-17 070-000 01 07") == ["070-000 01 07"])
        #expect(PhoneLinks.numbers(in: "Vardagar 08–17 070-000 01 07") == ["070-000 01 07"])
        #expect(PhoneLinks.numbers(in: "Jour kl 08 070-000 01 07") == ["070-000 01 07"])
        #expect(PhoneLinks.numbers(in: "Ring 08-123 45 67 (2) vid knappval") == ["08-123 45 67"])
        #expect(PhoneLinks.numbers(in: "08-123 45 67 (24)") == ["08-123 45 67"])
        #expect(PhoneLinks.numbers(in: "Ring 112 (1) om det är akut") == ["112"])
        #expect(PhoneLinks.numbers(in: "Ring 08-123 45 67 (0701234567)") == ["08-123 45 67", "0701234567"])
        #expect(PhoneLinks.numbers(in: "Ring 020–000 01 07 eller 070\u{2011}000 01 08") == ["020–000 01 07", "070\u{2011}000 01 08"])
        #expect(PhoneLinks.numbers(in: "Ring 070\u{A0}000\u{A0}01\u{A0}07 eller 08\u{202F}123\u{202F}45\u{202F}67") == ["070\u{A0}000\u{A0}01\u{A0}07", "08\u{202F}123\u{202F}45\u{202F}67"])
        #expect(PhoneLinks.html("Jour 17.00-08.00 070-000 01 07").contains("href=\"tel:0700000107\""))
    }
}
