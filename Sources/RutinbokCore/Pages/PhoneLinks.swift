/// Free text with the phone numbers in it made into links to call: what a contact's
/// `out_of_hours` says ("Ring jouren på 070-000 01 07.") is read on a phone at night, when a
/// number to tap matters. The text is escaped; a number is a run of digits with spaces and
/// hyphens between them (also the non-breaking space and the dashes Word puts there), a
/// leading + allowed, and digits in parentheses when more digits follow ("+46 (0)70 …",
/// "(08) 123 …"). It starts a word, and is one of the national short numbers, or starts
/// with 0 and has 7–10 digits (a Swedish number), or with 00 or + and has up to 15 (a
/// number from abroad). A number never starts right after a digit and a dash, point,
/// colon or slash: the rest of a time ("08.00"), a range ("08–17") or a date.
enum PhoneLinks {
    static let shortNumbers: Set<String> = ["112", "11414", "1177", "11313", "116006"]

    /// With `whom`, each link but a national short number's ends in a visually hidden ", <whom>":
    /// out of its sentence (a screen reader's list of links) a number alone does not say whom
    /// it calls. 112 and the like say it themselves.
    static func html(_ text: String, whom: String? = nil) -> String {
        var result = ""
        scan(text) { piece, isNumber in
            guard isNumber else { result += HTML.escape(piece); return }
            let tel = PhoneNumber.telURI(piece)
            let hidden = whom.map { shortNumbers.contains(tel) ? "" : "<span class=\"visually-hidden\">, \(HTML.escape($0))</span>" } ?? ""
            result += "<a class=\"tel\" href=\"tel:\(tel)\">\(HTML.escape(piece))\(hidden)</a>"
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
            // Not within a word, nor right after "<digit>-" or "<digit>.": the rest of a
            // date, a time, a range or a number.
            let startsWord = (previous.map { !$0.isLetter && !$0.isNumber } ?? true)
                && !(previous.map(continuesNumber) == true && beforePrevious.map(isDigit) == true)
            if startsWord, isDigit(first) || first == "+" || first == "(" {
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

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    private static let spaces = PhoneNumber.spaces, dashes = PhoneNumber.dashes

    private static func separates(_ character: Character) -> Bool {
        spaces.contains(character) || dashes.contains(character)
    }

    /// After a digit, what makes the digits that follow part of the same date, time or
    /// number: "2026-10-01", "08.00", "08–17", "10:30", "1/2".
    private static func continuesNumber(_ character: Character) -> Bool {
        dashes.contains(character) || character == "." || character == ":" || character == "/"
    }

    /// The longest a number can be written: 15 digits with a separator between each.
    private static let longestRun = 40

    /// The characters of a number from the start of `characters`: digits, separators, a
    /// leading +, and digits in parentheses; it ends after its last digit outside them, so
    /// neither a separator, nor "(24)" or "(växel)" after it, belongs to it. No longer than
    /// any number can be written: a long stretch of digits is not read to its end from every
    /// place in it.
    private static func numberRun(_ characters: ArraySlice<Character>) -> ArraySlice<Character> {
        var open: Int?
        var end = characters.startIndex  // after the last digit outside parentheses
        for index in characters.indices.prefix(longestRun) {
            let character = characters[index]
            if isDigit(character) {
                if open == nil { end = index + 1 }
            } else if separates(character) || character == "+" && index == characters.startIndex {
                continue
            } else if character == "(", open == nil {
                open = index
            } else if character == ")", let start = open, index > start + 1,
                      characters[(start + 1)..<index].allSatisfy(isDigit) {
                open = nil
            } else {
                break
            }
        }
        return characters[characters.startIndex..<end]
    }

    static func isPhoneNumber(_ run: String) -> Bool {
        guard !run.dropFirst().contains("+") else { return false }
        let dialled = PhoneNumber.telURI(run)
        let digits = dialled.filter(\.isNumber)
        if shortNumbers.contains(digits), !run.hasPrefix("+"), !run.hasPrefix("(") { return true }
        if dialled.hasPrefix("+") || dialled.hasPrefix("00") { return (7...15).contains(digits.count) }
        return (run.hasPrefix("0") || run.hasPrefix("(0")) && (7...10).contains(digits.count)
    }
}
