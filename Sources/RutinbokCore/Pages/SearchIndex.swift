import Foundation

/// The search index of one handbook, as a script that sets `window.RUTINBOK_SOK`, so the
/// search page works from file:// where fetching a JSON file is not allowed.
enum SearchIndex {
    struct Entry: Encodable {
        /// Page, title, summary, headings, body text.
        var u: String, t: String, s: String, h: [String], b: String
    }

    static func script(for handbook: Handbook, bodies: [String: RenderedMarkdown]) -> String {
        let entries = handbook.routines.map { entry in
            let body = bodies[entry.routine.id]
            return Entry(u: PageNames.html(entry.routine.id), t: entry.routine.title, s: entry.routine.summary,
                         h: body?.headings.map(\.text) ?? [], b: body?.text ?? "")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
        // "</" would end the script element if the index were ever inlined.
        return "window.RUTINBOK_SOK = " + json.replacingOccurrences(of: "</", with: "<\\/") + ";\n"
    }
}
