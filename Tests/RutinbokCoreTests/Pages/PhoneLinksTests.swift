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
}
