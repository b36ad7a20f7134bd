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
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
