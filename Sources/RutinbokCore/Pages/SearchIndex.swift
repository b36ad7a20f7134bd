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
        // Over UTF-8 bytes: every byte that needs no escape is copied as it is.
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 16)
        let utf8 = Array(text.utf8)
        var index = 0
        func hex(_ value: UInt8) -> [UInt8] {
            let digits = Array("0123456789abcdef".utf8)
            return Array("\\u00".utf8) + [digits[Int(value >> 4)], digits[Int(value & 0xF)]]
        }
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): bytes += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): bytes += Array("\\\\".utf8)
            case UInt8(ascii: "\n"): bytes += Array("\\n".utf8)
            case UInt8(ascii: "\r"): bytes += Array("\\r".utf8)
            case UInt8(ascii: "\t"): bytes += Array("\\t".utf8)
            case UInt8(ascii: "<"): bytes += Array("\\u003c".utf8)
            case 0..<0x20: bytes += hex(byte)
            // U+2028 and U+2029 end a line in older JavaScript.
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                bytes += Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default: bytes.append(byte)
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
