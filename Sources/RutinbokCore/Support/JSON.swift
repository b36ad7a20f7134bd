/// JSON text for strings, written by hand because Foundation's encoder was a measurable part
/// of every build. `<` is escaped too, so "</script>" in a text can never end a script element.
enum JSON {
    static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0), to: &output) }
    }

    /// Appends UTF-8 text as a JSON string, quotes included. Over bytes: runs of bytes that
    /// need no escape are copied as they are, in one go.
    static func append(_ utf8: UnsafeRawBufferPointer, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + utf8.count + 64)
        bytes.append(UInt8(ascii: "\""))
        func put(_ escape: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
        }
        let digits: StaticString = "0123456789abcdef"
        var index = 0, run = 0
        while index < utf8.count {
            // Eight bytes at a time while none of them may need an escape (`mayNeedEscape`).
            while index + 8 <= utf8.count, !mayNeedEscape(utf8.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            // Quote, backslash, `<`, control characters, and the lead byte of U+2028 and
            // U+2029 (which end a line in older JavaScript).
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0xE2 else {
                index += 1
                continue
            }
            var length = 1
            let escape: StaticString?
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case UInt8(ascii: "<"): escape = "\\u003c"
            case 0xE2:
                guard index + 2 < utf8.count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default: escape = nil  // another control character
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[run..<index]))
            if let escape {
                put(escape)
            } else {
                put("\\u00")
                bytes.append(digits.utf8Start[Int(byte >> 4)])
                bytes.append(digits.utf8Start[Int(byte & 0xF)])
            }
            index += length
            run = index
        }
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[run...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is one the loop must look at: below 0x20, `"`, `\`, `<` or
    /// 0xE2. Exact when false; true may also mean none of them is (a borrow reaching a higher
    /// byte), and the bytes are then looked at one by one.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | hasZero(word ^ (ones &* 0x3C))
            | hasZero(word ^ (ones &* 0xE2)) != 0
    }
}
