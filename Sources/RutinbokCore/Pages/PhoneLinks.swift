/// Free text with the phone numbers in it made into links to call: what a contact's
/// `out_of_hours` says ("Ring jouren på 070-000 01 07.") is read on a phone at night, when a
/// number to tap matters. The text is escaped; a number is a run of digits, spaces and
/// hyphens (a leading + allowed) that starts a word and either starts with 0 or + and has
/// 7–15 digits, or is one of the national short numbers. Times ("08.00") and dates
/// ("2026-10-01") are neither.
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
        var previous: Character?
        var plain = ""
        while let first = characters.first {
            let startsWord = previous.map { !$0.isLetter && !$0.isNumber } ?? true
            if startsWord, first.isASCII, first.isNumber || first == "+" {
                var run = characters.prefix { ($0.isASCII && $0.isNumber) || $0 == " " || $0 == "-" || $0 == "+" }
                while let last = run.last, last == " " || last == "-" { run = run.dropLast() }
                let after = characters.dropFirst(run.count).first
                let number = String(run)
                if after.map({ !$0.isLetter && !$0.isNumber }) ?? true, isPhoneNumber(number) {
                    if !plain.isEmpty { piece(plain, false); plain = "" }
                    piece(number, true)
                    previous = run.last
                    characters = characters.dropFirst(run.count)
                    continue
                }
            }
            plain.append(first)
            previous = first
            characters = characters.dropFirst()
        }
        if !plain.isEmpty { piece(plain, false) }
    }

    static func isPhoneNumber(_ run: String) -> Bool {
        guard !run.dropFirst().contains("+") else { return false }
        let digits = PhoneNumber.telURI(run).filter(\.isNumber)
        if shortNumbers.contains(digits), !run.hasPrefix("+") { return true }
        return (run.hasPrefix("0") || run.hasPrefix("+")) && (7...15).contains(digits.count)
    }
}
