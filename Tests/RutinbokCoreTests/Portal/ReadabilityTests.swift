@testable import RutinbokCore
import Testing

@Suite("Portal: LIX")
struct PortalReadabilityTests {
    @Test func knownText() {
        // 14 words, 2 sentences, 1 word over six letters ("meningen"; "mening", "längre" and
        // "första" have exactly six): 14 / 2 + 100 × 1 / 14 = 14.142857…
        let reading = Readability.measure("Det här är en kort mening. Den andra meningen är längre än den första!")
        #expect(reading == Readability(words: 14, sentences: 2, longWords: 1))
        #expect(abs(reading.lix - (7 + 100.0 / 14)) < 1e-9)
        #expect(reading.rounded == 14)
    }

    @Test func emptyText() {
        #expect(Readability.measure("") == Readability(words: 0, sentences: 0, longWords: 0))
        #expect(Readability.measure("112 070-000 01 01").lix == 0)
    }

    @Test func linesEndSentencesAndNumbersAreNotWords() {
        // Heading and list items without a full stop are sentences of their own; "07.00" and
        // "112" are not words, and "07.00" does not end a sentence.
        let text = "Om du blir hotad\nRing 112 direkt\nMottagningen öppnar 07.00 varje dag. Välkommen"
        #expect(Readability.measure(text) == Readability(words: 11, sentences: 4, longWords: 2))
    }

    @Test func hyphenatedWordsAndColons() {
        // "HR-konsulten" is one word of 11 letters; "hjälper" has 7; a colon ends a sentence.
        let reading = Readability.measure("Ring HR-konsulten: hen hjälper dig.")
        #expect(reading == Readability(words: 5, sentences: 2, longWords: 2))
    }
}
