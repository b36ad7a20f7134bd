/// The search index of one handbook, as a script that sets `window.RUTINBOK_SOK`, so the
/// search page works from file:// where fetching a JSON file is not allowed.
///
/// Each entry depends only on its routine, so entries are made once per routine file (in the
/// Markdown stage) and each council's index joins the entries of its routines.
enum SearchIndex {
    /// One routine as a JSON object: page `u`, title `t`, summary `s`, headings `h`, body text `b`.
    static func entry(for routine: Routine, body: RenderedMarkdown) -> String {
        let headings = body.headings.map { JSON.string($0.text) }.joined(separator: ",")
        return "{\"b\":\(JSON.string(body.text)),\"h\":[\(headings)],\"s\":\(JSON.string(routine.summary)),"
            + "\"t\":\(JSON.string(routine.title)),\"u\":\(JSON.string(PageNames.html(routine.id)))}"
    }

    static func script(for handbook: Handbook, entries: [String: String]) -> String {
        let items = handbook.routines.compactMap { entries[$0.routine.id] }
        return "window.RUTINBOK_SOK = [" + items.joined(separator: ",") + "];\n"
    }
}

/// JSON text for strings, written by hand because Foundation's encoder was a measurable part
/// of every build. `<` is escaped too, so "</script>" in a text can never end a script element.
enum JSON {
    static func string(_ text: String) -> String {
        // Over UTF-8 bytes: runs of bytes that need no escape are copied as they are, in one go.
        var text = text
        return text.withUTF8 { utf8 in
            var bytes: [UInt8] = [UInt8(ascii: "\"")]
            bytes.reserveCapacity(utf8.count + 64)
            func put(_ escape: StaticString) {
                bytes.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            }
            let digits: StaticString = "0123456789abcdef"
            var index = 0, run = 0
            while index < utf8.count {
                // Eight bytes at a time while none of them may need an escape (`mayNeedEscape`).
                while index + 8 <= utf8.count,
                      !mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
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
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<index]))
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
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
            bytes.append(UInt8(ascii: "\""))
            return String(decoding: bytes, as: UTF8.self)
        }
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
