import Foundation
import RutinbokCore

/// What the preview adds to the handbook: the reload script, and the pages shown when a
/// build failed or a page does not exist. None of it is written to the output folder.
enum PreviewPages {
    static let prefix = "/_rutinbok/"
    static let eventsPath = prefix + "events"
    static let scriptPath = prefix + "reload.js"
    static let statusPath = prefix + "status"

    /// The tag put before `</body>` in every HTML page the preview serves. A script file
    /// rather than inline code, so that a theme with a strict Content-Security-Policy still reloads.
    static func scriptTag(build: String) -> String {
        "<script src=\"\(scriptPath)\" data-build=\"\(HTML.escape(build))\"></script>"
    }

    static func inject(_ html: Data, build: String) -> Data {
        let tag = Data(scriptTag(build: build).utf8)
        // Search the last few kilobytes only: `</body>` closes the page.
        let window = html.suffix(8192)
        if let range = window.range(of: Data("</body>".utf8), options: .backwards)
            ?? window.range(of: Data("</BODY>".utf8), options: .backwards) {
            var result = html
            result.insert(contentsOf: tag, at: range.lowerBound)
            return result
        }
        return html + tag
    }

    static let script = """
    // rutinbok serve: reloads this page when a build finishes. Only in the preview.
    (function () {
      var me = document.currentScript;
      var shown = me ? me.getAttribute("data-build") : null;
      if (!window.EventSource) return;
      var source = new EventSource("\(eventsPath)");
      function check(event) {
        var build = JSON.parse(event.data).build;
        if (build !== shown) { source.close(); location.reload(); }
      }
      source.addEventListener("hello", check);
      source.addEventListener("reload", check);
    })();

    """

    static func failure(_ build: PreviewBuild) -> String {
        let shown = build.diagnostics.sorted { ($0.severity == .error ? 0 : 1, $0) < ($1.severity == .error ? 0 : 1, $1) }
        var items = ""
        for diagnostic in shown {
            let notes = diagnostic.notes.map { "<li>\(HTML.escape($0))</li>" }.joined()
            items += """
            <li class="\(diagnostic.severity.rawValue)"><code class="where">\(HTML.escape(diagnostic.location.description))</code>
            <span class="severity">\(diagnostic.severity.label)</span>
            <span class="message">\(HTML.escape(diagnostic.message))</span> <code class="code">[\(HTML.escape(diagnostic.code))]</code>\(notes.isEmpty ? "" : "<ul class=\"notes\">\(notes)</ul>")</li>

            """
        }
        if shown.isEmpty { items = "<li>Det finns inget meddelande att visa här. Läs i terminalen där förhandsvisningen körs.</li>" }
        let count = build.diagnostics.summary
        return page(title: "Bygget misslyckades", build: build.id, body: """
        <h1>Bygget misslyckades</h1>
        <p>Handboken kunde inte byggas: \(count). Rätta filen som anges nedan och spara. Sidan laddas om av sig själv när bygget lyckas.</p>
        <ol class="diagnostics">
        \(items)</ol>
        """)
    }

    /// What a page asked for before the first build is done shows; it reloads when it is.
    static func building(build: String) -> String {
        page(title: "Bygger handböckerna", build: build, body: """
        <h1>Bygger handböckerna</h1>
        <p>Förhandsvisningen bygger handböckerna för första gången. Sidan laddas om av sig själv när bygget är klart.</p>
        """)
    }

    static func notFound(path: String, build: String) -> String {
        page(title: "Sidan finns inte", build: build, body: """
        <h1>Sidan finns inte</h1>
        <p>Det finns ingen sida med adressen <code>\(HTML.escape(path))</code> i förhandsvisningen.</p>
        <p><a href="/">Till portalen med alla handböcker</a></p>
        """)
    }

    static func forbidden(build: String) -> String {
        page(title: "Otillåten adress", build: build, body: """
        <h1>Otillåten adress</h1>
        <p>Förhandsvisningen visar bara filer från bygget, inga andra filer på datorn.</p>
        <p><a href="/">Till portalen med alla handböcker</a></p>
        """)
    }

    private static func page(title: String, build: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) – förhandsvisning</title>
        <style>
        body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
        h1 { color: #8a1c1c; }
        .diagnostics { padding-left: 1.5rem; }
        .diagnostics > li { margin: 0 0 1rem; padding: .5rem .75rem; border-left: .3rem solid #8a1c1c; background: #fbeeee; }
        .diagnostics > li.warning { border-color: #7a5b00; background: #fdf6e0; }
        .where { font-weight: bold; }
        .severity { text-transform: uppercase; font-size: .8rem; font-weight: bold; margin: 0 .4rem; }
        .code { color: #555; }
        .notes { margin: .3rem 0 0; color: #333; }
        </style>
        </head>
        <body>
        \(body)
        \(scriptTag(build: build))
        </body>
        </html>

        """
    }
}
