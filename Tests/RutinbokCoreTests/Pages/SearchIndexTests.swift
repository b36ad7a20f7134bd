import Foundation
import Testing
@testable import RutinbokCore

@Suite struct SearchIndexTests {
    /// The contacts page is the index's last entry, after the routines' items: a build that
    /// patches routine items keeps it, and the result is what a whole new index would be.
    @Test func contactsComeAfterTheRoutinesAndStayWhenItemsArePatched() throws {
        let a = Array(#"{"u":"a.html"}"#.utf8), b = Array(#"{"u":"b.html"}"#.utf8), c = Array(#"{"u":"c.html"}"#.utf8)
        let tail = Array(#"{"u":"kontakter.html"}"#.utf8)
        let file = try #require(SearchIndex.script([a, b] as [[UInt8]?], tail: tail))
        #expect(String(decoding: file.bytes, as: UTF8.self) == #"window.RUTINBOK_SOK = [{"u":"a.html"},{"u":"b.html"},{"u":"kontakter.html"}];"# + "\n")
        #expect(file.itemCount == 2)
        let patched = file.replacing([1: SearchIndex.item(c, at: 1)])
        #expect(patched == SearchIndex.script([a, c] as [[UInt8]?], tail: tail))
        #expect(String(decoding: SearchIndex.script([], tail: tail), as: UTF8.self) == #"window.RUTINBOK_SOK = [{"u":"kontakter.html"}];"# + "\n")
    }

    @Test func contactsEntryHoldsEveryContactAndTheNationalNumbers() throws {
        let place = SourceLocation(file: "council.yml", line: 1, column: 1)
        let contacts = [
            Contact(id: "samordnare", role: "Säkerhetssamordnare", name: "Anna Exempel", phone: "070-000 00 01",
                    email: "sakerhet@exby.example", hours: "Vardagar 08–16", location: place),
            Contact(id: "jour", role: "Tjänsteperson i beredskap", phone: "070-000 00 07",
                    outOfHours: "Ring växeln på 0100-00 00 00.", location: place),
        ]
        let numbers = [NumberView(label: "Polisen", number: "114 14", tel: "11414", description: "När det inte är akut.")]
        let entry = try #require(JSONSerialization.jsonObject(with: Data(SearchIndex.contactsEntry(contacts, numbers: numbers))) as? [String: Any])
        #expect(entry["u"] as? String == "kontakter.html" && entry["t"] as? String == "Kontakter")
        // Roles and names are the page's headings: a search for a role ranks the page that
        // lists the person above routines that only mention it (the list had been empty).
        #expect(entry["h"] as? [String] == ["Säkerhetssamordnare, Anna Exempel", "Tjänsteperson i beredskap"])
        #expect(entry["b"] as? String == """
            Säkerhetssamordnare, Anna Exempel. Telefon 070-000 00 01. E-post sakerhet@exby.example. Vardagar 08–16.
            Tjänsteperson i beredskap. Telefon 070-000 00 07. Utanför kontorstid: Ring växeln på 0100-00 00 00.
            114 14 Polisen. När det inte är akut.
            """)
    }

    /// The acute routine's page follows the entries, outside the items: a build that patches
    /// routine items keeps it, as it keeps the contacts.
    @Test func theAcuteRoutineFollowsTheEntriesAndStaysWhenItemsArePatched() throws {
        let a = Array(#"{"u":"a.html"}"#.utf8), b = Array(#"{"u":"b.html"}"#.utf8), c = Array(#"{"u":"c.html"}"#.utf8)
        let tail = Array(#"{"u":"kontakter.html"}"#.utf8), acute = SearchIndex.acute("hotad-just-nu.html")
        let file = try #require(SearchIndex.script([a, b] as [[UInt8]?], tail: tail, after: acute))
        #expect(String(decoding: file.bytes, as: UTF8.self) == #"""
            window.RUTINBOK_SOK = [{"u":"a.html"},{"u":"b.html"},{"u":"kontakter.html"}];
            window.RUTINBOK_SOK_AKUT = "hotad-just-nu.html";

            """#)
        #expect(file.replacing([1: SearchIndex.item(c, at: 1)]) == SearchIndex.script([a, c] as [[UInt8]?], tail: tail, after: acute))
        #expect(SearchIndex.acute(nil).isEmpty)
    }
}
