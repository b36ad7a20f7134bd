import Foundation

/// Checks of a theme beyond what swift-mustache parses: the mistakes a theme maker makes that
/// would otherwise be published without a word. swift-mustache renders a name no view has as
/// nothing (an empty heading), shows HTML written with two braces as code, and lets a pragma
/// turn escaping off; a browser loads a font or script from another site, which the handbook
/// promises never to do, and shows nothing for a file the theme lacks.
enum ThemeChecks {
    /// `texts`: each template's text by its path in the templates folder; `assets`: the files
    /// under `assets/`, relative to it.
    static func check(_ texts: [String: String], assets: [String], files: SourceFiles) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let assetSet = Set(assets)
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
            let file = files.displayPath(path)
            let lines = LineIndex(text)
            let tags = TemplateTag.all(in: text)
            // Tags after `{{=<% %>=}}` are not read with the default delimiters.
            let delimitersChanged = tags.contains { $0.sigil == "=" }
            for tag in tags {
                let at = lines.location(of: tag.range.lowerBound, in: file)
                if tag.sigil == "%" {
                    diagnostics.append(.error(at, "mallen ändrar med '{{%…}}' hur den tolkas; då skyddas inte längre texten från innehållsfilerna, och ett namn med HTML i kan köra skript på sidan",
                                              code: "template-pragma", notes: ["ta bort taggen"]))
                }
                guard !delimitersChanged else { continue }
                if tag.sigil == nil, TemplateNames.html.contains(String(tag.name)) {
                    diagnostics.append(.error(at, "'{{\(tag.name)}}' visar HTML som kod på sidan", code: "template-escaped-html",
                                              notes: ["skriv '{{{\(tag.name)}}}' med tre klammerparenteser"]))
                }
                if [nil, "#", "^", "&", "{"].contains(tag.sigil) {
                    for name in names(in: tag.name) where !TemplateNames.fields.contains(name) {
                        diagnostics.append(.error(at, "mallen använder '\(name)', som ingen sida har; det blir tomt på sidan", code: "template-unknown-name",
                                                  notes: Suggestions.didYouMean(name, among: TemplateNames.fields.sorted())))
                    }
                }
            }
            diagnostics += externalResources(in: text, lines: lines, file: file, css: false)
            for reference in themeAssetReferences(in: text) where !assetSet.contains(reference.asset) {
                diagnostics.append(.error(lines.location(of: reference.at, in: file), "mallen länkar till 'assets/tema/\(reference.asset)', men temat har ingen fil 'assets/\(reference.asset)'",
                                          code: "missing-theme-asset", notes: assetNote(reference.asset, among: assets)))
            }
        }
        for asset in assets.sorted() where asset.lowercased().hasSuffix(".css") {
            guard case .success(let text) = files.read("assets/" + asset) else { continue }
            let file = files.displayPath("assets/" + asset), lines = LineIndex(text)
            diagnostics += externalResources(in: text, lines: lines, file: file, css: true)
            let folder = (asset as NSString).deletingLastPathComponent
            for reference in cssURLs(in: text) {
                guard let target = resolve(reference.url, from: folder) else { continue }
                if !assetSet.contains(target) {
                    diagnostics.append(.error(lines.location(of: reference.at, in: file), "'url(\(reference.url))' hittar ingen fil: temat har ingen fil 'assets/\(target)'",
                                              code: "missing-theme-asset", notes: assetNote(target, among: assets)))
                }
            }
        }
        return diagnostics
    }

    /// The names a tag looks up: `a.b` is `a` and `b`; a transform's argument, `empty(x)`,
    /// is `x` (the transform itself is swift-mustache's); `.` is the current item.
    static func names(in tag: Substring) -> [String] {
        var inner = tag
        while let open = inner.firstIndex(of: "("), inner.last == ")" {
            inner = inner[inner.index(after: open)..<inner.index(before: inner.endIndex)]
        }
        guard !inner.isEmpty, inner != "." else { return [] }
        return inner.split(separator: ".").map(String.init)
    }

    private static func assetNote(_ asset: String, among assets: [String]) -> [String] {
        Suggestions.didYouMean(asset, among: assets) + ["temats filer ligger i templates/assets/ och publiceras i assets/tema/ i varje handbok"]
    }

    // MARK: Files from other sites

    /// `src`, `href`, `srcset`, `data` or `poster` of an element that loads what it points
    /// at, an address on another site: `https://…`, `http://…` or `//…`. A link (`<a href>`)
    /// only takes the reader there and is left alone.
    private static let loadingElement = try! NSRegularExpression(
        pattern: #"<(link|script|img|iframe|source|audio|video|embed|object|track|image|use)\b[^>]*?\s(src|href|srcset|data|poster|xlink:href)\s*=\s*["']?\s*((https?:)?//[^"'\s>]*)"#,
        options: [.caseInsensitive])
    /// CSS (in a `.css` file or a template's `<style>`): `url(…)` and `@import` of another site.
    private static let cssLoad = try! NSRegularExpression(
        pattern: #"(url\(\s*["']?\s*|@import\s+["']\s*)((https?:)?//[^"')\s]*)"#, options: [.caseInsensitive])

    private static func externalResources(in text: String, lines: LineIndex, file: String, css: Bool) -> [Diagnostic] {
        let range = NSRange(text.startIndex..., in: text)
        let matches = (css ? [] : loadingElement.matches(in: text, range: range).map { $0.range(at: 3) })
            + cssLoad.matches(in: text, range: range).map { $0.range(at: 2) }
        return matches.sorted { $0.location < $1.location }.compactMap { match in
            guard let address = Range(match, in: text) else { return nil }
            return .error(lines.location(of: address.lowerBound, in: file), "temat hämtar '\(text[address])' från en annan webbplats",
                          code: "external-resource",
                          notes: ["handboken hämtar inget från andra webbplatser: besökarna syns inte där, och sidan fungerar utan nät. Lägg filen i templates/assets/ och länka till den i assets/tema/"])
        }
    }

    // MARK: The theme's own files

    /// `assets/tema/<file>` in a template (`{{root}}assets/tema/rutinbok.css`), without a tag
    /// inside the name.
    private static let themeAsset = try! NSRegularExpression(pattern: #"assets/tema/([^"'\s<>{}()?#]+)"#)

    private static func themeAssetReferences(in text: String) -> [(asset: String, at: String.Index)] {
        themeAsset.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let name = Range(match.range(at: 1), in: text), let whole = Range(match.range, in: text) else { return nil }
            if text[name.upperBound...].hasPrefix("{{") { return nil }
            return (String(text[name]), whole.lowerBound)
        }
    }

    private static let cssURL = try! NSRegularExpression(pattern: #"url\(\s*["']?\s*([^"')\s]+)"#, options: [.caseInsensitive])

    private static func cssURLs(in text: String) -> [(url: String, at: String.Index)] {
        cssURL.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let url = Range(match.range(at: 1), in: text) else { return nil }
            return (String(text[url]), url.lowerBound)
        }
    }

    /// A CSS file's `url(…)` as a path in the theme's assets, or nil when it does not point
    /// into them: another site, `data:`, a fragment, or a path that leaves the theme's folder
    /// (`../logo.svg` reaches the handbook's own files, which differ by council).
    static func resolve(_ url: String, from folder: String) -> String? {
        let lowered = url.lowercased()
        guard !url.hasPrefix("#"), !url.hasPrefix("/"), !lowered.hasPrefix("data:"), !lowered.contains("://") else { return nil }
        let path = url.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "#", maxSplits: 1).first ?? $0 } ?? ""
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}

/// Line and column of a position in a text, counted once.
struct LineIndex {
    private let text: String
    private let starts: [String.Index]

    init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        var index = text.startIndex
        while let lineBreak = text[index...].firstIndex(of: "\n") {
            index = text.index(after: lineBreak)
            starts.append(index)
        }
        self.starts = starts
    }

    func location(of position: String.Index, in file: String) -> SourceLocation {
        let line = (starts.lastIndex { $0 <= position } ?? 0)
        return SourceLocation(file: file, line: line + 1, column: text[starts[line]..<position].count + 1)
    }
}
