/// Free text with the phone numbers in it made into links to call: what a contact's
/// `out_of_hours` says ("Ring jouren på 070-000 01 07.") is read on a phone at night, when a
/// number to tap matters. The text is escaped; a number is a run of digits, spaces and
/// hyphens (a leading + allowed, and digits in parentheses: "+46 (0)70 …", "(08) 123 …")
/// that starts a word and either starts with 0, ( or + and has 7–15 digits to dial, or is
/// one of the national short numbers. Times ("08.00") and dates ("2026-10-01") are neither,
/// nor is the part of a date or a number after a hyphen.
enum PhoneLinks {
    static let shortNumbers: Set<String> = ["112", "11414", "1177", "11313", "116006"]

    static func html(_ text: String) -> String {
        var result = ""
        scan(text) { piece, isNumber in
            result += isNumber ? "<a class=\"tel\" href=\"tel:\(PhoneNumber.telURI(piece))\">\(HTML.escape(piece))</a>" : HTML.escape(piece)
        }
        return result
    }

    /// The phone numbers in the text, as written, in order (the vCard's numbers to call).
    static func numbers(in text: String) -> [String] {
        var numbers: [String] = []
        scan(text) { piece, isNumber in if isNumber { numbers.append(piece) } }
        return numbers
    }

    /// The text in pieces, in order: each phone number on its own, and the text between.
    private static func scan(_ text: String, _ piece: (String, Bool) -> Void) {
        var characters = Array(text)[...]
        var previous: Character?, beforePrevious: Character?
        var plain = ""
        while let first = characters.first {
            // Not within a word, nor right after "<digit>-": the rest of a date or a number.
            let startsWord = (previous.map { !$0.isLetter && !$0.isNumber } ?? true)
                && !(previous == "-" && beforePrevious.map { $0.isASCII && $0.isNumber } == true)
            if startsWord, first.isASCII, first.isNumber || first == "+" || first == "(" {
                let run = numberRun(characters)
                let after = characters.dropFirst(run.count).first
                let number = String(run)
                if !run.isEmpty, after.map({ !$0.isLetter && !$0.isNumber }) ?? true, isPhoneNumber(number) {
                    if !plain.isEmpty { piece(plain, false); plain = "" }
                    piece(number, true)
                    beforePrevious = run.dropLast().last
                    previous = run.last
                    characters = characters.dropFirst(run.count)
                    continue
                }
            }
            plain.append(first)
            beforePrevious = previous
            previous = first
            characters = characters.dropFirst()
        }
        if !plain.isEmpty { piece(plain, false) }
    }

    /// The characters a number may be written with, from the start of `characters`: digits,
    /// spaces, hyphens, a leading +, and digits in parentheses; without what trails it (a
    /// space, a hyphen, a parenthesis that opens text: "070-000 01 07 (växel)").
    private static func numberRun(_ characters: ArraySlice<Character>) -> ArraySlice<Character> {
        var open: Int?
        var end = characters.startIndex  // after the last digit or closed parenthesis
        for index in characters.indices {
            let character = characters[index]
            if character.isASCII, character.isNumber {
                if open == nil { end = index + 1 }
            } else if character == " " || character == "-" || character == "+" && index == characters.startIndex {
                continue
            } else if character == "(", open == nil {
                open = index
            } else if character == ")", let start = open, index > start + 1,
                      characters[(start + 1)..<index].allSatisfy({ $0.isASCII && $0.isNumber }) {
                open = nil
                end = index + 1
            } else {
                break
            }
        }
        return characters[characters.startIndex..<end]
    }

    static func isPhoneNumber(_ run: String) -> Bool {
        guard !run.dropFirst().contains("+") else { return false }
        let digits = PhoneNumber.telURI(run).filter(\.isNumber)
        if shortNumbers.contains(digits), !run.hasPrefix("+"), !run.hasPrefix("(") { return true }
        return (run.hasPrefix("0") || run.hasPrefix("+") || run.hasPrefix("(0")) && (7...15).contains(digits.count)
    }
}
