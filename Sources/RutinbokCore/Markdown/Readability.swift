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
        // are single scalars. One scalar of lookahead is all the rules need: inside a word,
        // the scalar before a hyphen is always a word character.
        var text = text
        return text.withUTF8 { measure(utf8: $0) }
    }

    /// The scan itself, over the text's UTF-8 bytes: ASCII is classified byte by byte and
    /// only other scalars are decoded.
    private static func measure(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Readability {
        var result = Readability(words: 0, sentences: 0, longWords: 0)
        var wordsInSentence = 0
        var index = 0
        let count = bytes.count
        /// The scalar at `position` (or 0 past the end) and its length in bytes.
        func scalar(at position: Int) -> (value: UInt32, length: Int) {
            guard position < count else { return (0, 0) }
            let lead = UInt32(bytes[position])
            if lead < 0x80 { return (lead, 1) }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = lead & (0xFF >> (length + 1))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
            return (value, length)
        }
        while index < count {
            let (value, length) = scalar(at: index)
            if isWordCharacter(value) {
                var letters = 0
                while index < count {
                    let (c, width) = scalar(at: index)
                    if isWordCharacter(c) {
                        if isLetter(c) { letters += 1 }
                    } else if c == 0x2D || c == 0x27 || c == 0x2019 {
                        // A hyphen or apostrophe between two word characters keeps the word together.
                        let following = scalar(at: index + width)
                        guard following.length > 0, isWordCharacter(following.value) else { break }
                    } else {
                        break
                    }
                    index += width
                }
                if letters > 0 {
                    result.words += 1
                    wordsInSentence += 1
                    if letters > 6 { result.longWords += 1 }
                }
                continue
            }
            index += length
            let endsSentence: Bool
            switch value {
            case 0x0A, 0x0D: endsSentence = true
            case 0x2E, 0x21, 0x3F, 0x3A:  // . ! ? :
                let next = scalar(at: index)
                endsSentence = next.length == 0 || isWhitespace(next.value)
            default: endsSentence = false
            }
            if endsSentence {
                if wordsInSentence > 0 { result.sentences += 1 }
                wordsInSentence = 0
            }
        }
        if wordsInSentence > 0 { result.sentences += 1 }
        return result
    }

    // Character classes, with ASCII and the Latin-1 letters (most of Swedish text) decided
    // without a Unicode property lookup; the answers are the same as the properties'.

    private static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) }
        if value >= 0xC0, value <= 0xFF { return value != 0xD7 && value != 0xF7 }
        return Unicode.Scalar(value)!.properties.isAlphabetic
    }

    private static func isDigit(_ value: UInt32) -> Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return Unicode.Scalar(value)!.properties.numericType != nil
    }

    private static func isWordCharacter(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return isLetter(value) || isDigit(value)
    }

    private static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return Unicode.Scalar(value)!.properties.isWhitespace
    }
}
