/// LIX (läsbarhetsindex, Björnsson 1968): words per sentence plus the percentage of long
/// words. Below 30 reads as very easy, 40 as plain newspaper text, above 50 as hard.
///
/// Measured on a routine's rendered plain text (`RenderedMarkdown.text`, one block per line),
/// so Markdown syntax, link targets and HTML never count. The definitions, precisely:
/// - A **word** is a maximal run of letters and digits, where a hyphen or apostrophe between
///   two of them keeps the run together ("HR-konsult", "e-post"), that contains at least one
///   letter. Numbers, phone numbers and times ("112", "070-000 01 01", "07.00") are not words.
/// - A word is **long** when it has more than six letters (digits and hyphens do not count).
/// - A **sentence** ends at `.`, `!`, `?` or `:` followed by white space or the end of the
///   text, and at every line break, since each block (heading, list item, table cell row,
///   paragraph) is a line of its own. Stretches without a word are not sentences. An
///   abbreviation such as "t.ex." therefore ends a sentence, as in most LIX tools.
public struct Readability: Sendable, Hashable {
    public var words: Int
    public var sentences: Int
    public var longWords: Int

    public init(words: Int, sentences: Int, longWords: Int) {
        self.words = words
        self.sentences = sentences
        self.longWords = longWords
    }

    /// The index; 0 for a text without words.
    public var lix: Double {
        guard words > 0 else { return 0 }
        return Double(words) / Double(max(sentences, 1)) + 100 * Double(longWords) / Double(words)
    }

    /// LIX rounded to a whole number, as it is usually shown.
    public var rounded: Int { Int(lix.rounded()) }

    public var wordsPerSentence: Double { words == 0 ? 0 : Double(words) / Double(max(sentences, 1)) }
    public var longWordPercentage: Double { words == 0 ? 0 : 100 * Double(longWords) / Double(words) }

    public static func measure(_ text: String) -> Readability {
        // Unicode scalars, not Characters: grapheme breaking and Character properties cost
        // more than the rest of the build's text handling together. Text is NFC, so å, ä, ö
        // are single scalars.
        let scalars = Array(text.unicodeScalars)
        var result = Readability(words: 0, sentences: 0, longWords: 0)
        var wordsInSentence = 0
        var index = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
            return c.properties.isAlphabetic
        }
        func isDigit(_ c: Unicode.Scalar) -> Bool {
            if c.isASCII { return c >= "0" && c <= "9" }
            return c.properties.numericType != nil
        }
        func isWordCharacter(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) }
        func isWhitespace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
        func endSentence() {
            if wordsInSentence > 0 { result.sentences += 1 }
            wordsInSentence = 0
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if isWordCharacter(scalar) {
                var letters = 0
                while index < scalars.count {
                    let c = scalars[index]
                    if isWordCharacter(c) {
                        if isLetter(c) { letters += 1 }
                        index += 1
                    } else if c == "-" || c == "'" || c == "\u{2019}", index + 1 < scalars.count,
                              isWordCharacter(scalars[index + 1]), index > 0, isWordCharacter(scalars[index - 1]) {
                        index += 1
                    } else {
                        break
                    }
                }
                if letters > 0 {
                    result.words += 1
                    wordsInSentence += 1
                    if letters > 6 { result.longWords += 1 }
                }
                continue
            }
            if scalar == "\n" || scalar == "\r" {
                endSentence()
            } else if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":" {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if next == nil || isWhitespace(next!) { endSentence() }
            }
            index += 1
        }
        endSentence()
        return result
    }
}
