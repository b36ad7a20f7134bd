import Testing
@testable import RutinbokCore

/// An e-mail address may wrap before its `@` and before the domain's dots, nowhere else.
struct EmailBreaksTests {
    @Test func breaksBeforeTheAtAndTheDomainsDots() {
        #expect(EmailBreaks.html("hr-fortroendevalda@exempelstad.example") == "hr-fortroendevalda<wbr>@exempelstad<wbr>.example")
        #expect(EmailBreaks.html("anna.exempel@kommun.exempel.example") == "anna.exempel<wbr>@kommun<wbr>.exempel<wbr>.example")
    }

    @Test func escapesWhatItShows() {
        #expect(EmailBreaks.html("a&b<c@x.example") == "a&amp;b&lt;c<wbr>@x<wbr>.example")
        #expect(EmailBreaks.html("ingen-snabel-a") == "ingen-snabel-a")
    }
}
