import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A council's `assets/` are published as they are, on the web address every council's
/// handbook and the portal share. A file a browser runs (a web page, a script, an SVG with a
/// script in it) would run there with the rights of every page: it would get past the safe
/// mode that keeps script out of routines. Such files stop the build, unless the council is
/// trusted with raw HTML anyway (`allow_raw_html`).
enum AssetCheck {
    /// Kinds of file a browser runs or renders as a page of the site.
    static let activeExtensions: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "xml", "xsl", "xslt", "js", "mjs", "swf", "svgz"]

    /// What in an SVG runs: script elements, event attributes, script URLs, embedded pages.
    private static let activeSVG = try! NSRegularExpression(
        pattern: #"<\s*(script|foreignobject|iframe|embed|object|handler)\b|\son[a-z]+\s*=|javascript\s*:"#,
        options: [.caseInsensitive])

    static func problem(with asset: String, at path: String, location: SourceLocation, allowActive: Bool) -> Diagnostic? {
        var info = stat()
        // A pipe or a device would hang the copy, a folder is listed file by file.
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return .error(location, "'\(asset)' är ingen vanlig fil och kan inte publiceras", code: "asset-not-file")
        }
        guard !allowActive else { return nil }
        let name = (asset as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        if activeExtensions.contains(ext) {
            return .error(location, "filen är en sorts fil som webbläsaren kör, och den skulle köras på samma webbplats som alla handböcker; den publiceras inte",
                          code: "asset-active", notes: ["lägg en blankett som PDF och en bild som PNG, JPG eller SVG"])
        }
        if ext == "svg", let data = FileManager.default.contents(atPath: path) {
            let text = String(decoding: data, as: UTF8.self)
            if let match = activeSVG.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
               let range = Range(match.range, in: text) {
                let start = text[range].firstIndex { !$0.isWhitespace } ?? range.lowerBound
                let before = text[..<start]
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                return .error(location.at(line: line, column: before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.count + 1 } ?? 1),
                              "SVG-bilden innehåller något som webbläsaren kör ('\(text[range].trimmingCharacters(in: .whitespaces))'); den publiceras inte",
                              code: "asset-active", notes: ["spara bilden utan skript, eller som PNG"])
            }
        }
        return nil
    }
}
