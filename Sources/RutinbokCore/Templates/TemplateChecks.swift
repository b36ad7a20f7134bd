import Foundation

/// Checks of a theme beyond what swift-mustache parses: the mistakes a theme maker makes that
/// would otherwise be published without a word. swift-mustache renders a missing partial or
/// a name no view has as nothing (an empty heading), shows HTML written with two braces as
/// code, and lets a pragma turn escaping off; a browser loads a font or script from another
/// site, which the handbook promises never to do, and shows nothing for a file the theme
/// lacks. (`Theme.load` reports what does not parse and the required templates missing.)
enum TemplateChecks {
    /// `texts`: each template's text by its path in the theme, `parsed` those that
    /// swift-mustache parsed, `names` every template there is (parsed or not); `assets`: the
    /// files under `assets/`, relative to it; `files` where each is (the theme's folder or the
    /// shipped one it overlays), which is where a problem is reported. Each template's tags
    /// are read once, for all the checks of them.
    static func check(_ texts: [String: String], parsed: Set<String>, names: Set<String>, assets: [String], files: ThemeFiles) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Where a theme maker puts a file the theme lacks: the theme's own folder.
        let assetsFolder = files.own.displayPath("assets") + "/"
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
            let file = files.displayPath(path), lines = LineIndex(text)
            let tags = TemplateTag.all(in: text)
            if parsed.contains(path), let key = Theme.required[String(path.dropLast(".mustache".count))] ?? nil {
                diagnostics += rawKeyMissing(key, tags: tags, file: file)
            }
            diagnostics += missingPartials(tags, names: names, lines: lines, file: file)
            diagnostics += tagProblems(tags, lines: lines, file: file)
            diagnostics += externalResources(in: text, lines: lines, file: file, css: false, assetsFolder: assetsFolder)
            diagnostics += missingThemeFiles(linkedFrom: text, lines: lines, file: file, assets: assets, assetsFolder: assetsFolder)
        }
        for asset in assets.sorted() where asset.lowercased().hasSuffix(".css") {
            guard case .success(let text) = files.read("assets/" + asset) else { continue }
            let file = files.displayPath("assets/" + asset), lines = LineIndex(text)
            diagnostics += externalResources(in: text, lines: lines, file: file, css: true, assetsFolder: assetsFolder)
            diagnostics += missingThemeFiles(usedBy: text, at: asset, lines: lines, file: file, assets: assets, assetsFolder: assetsFolder)
        }
        return diagnostics
    }

    // MARK: Tags

    /// A template that carries HTML must show its key raw, `{{{key}}}` or `{{& key}}`, outside
    /// a comment. Written with two braces, it is reported where it stands (`tagProblems`).
    private static func rawKeyMissing(_ key: String, tags: [TemplateTag], file: String) -> [Diagnostic] {
        guard !showsRaw(key, in: tags), !tags.contains(where: { $0.sigil == nil && $0.name == key }) else { return [] }
        return [.error(SourceLocation(file: file, line: 1, column: 1), "mallen måste visa '{{{\(key)}}}'", code: "template-missing-key")]
    }

    /// Whether the tags show `key` unescaped, `{{{key}}}` or `{{& key}}` (a comment is no tag).
    static func showsRaw(_ key: String, in tags: [TemplateTag]) -> Bool {
        tags.contains { ($0.sigil == "{" || $0.sigil == "&") && $0.name.trimmingCharacters(in: .whitespaces) == key }
    }

    /// `{{> name}}` and `{{< name}}` of a template that does not exist render as nothing in
    /// swift-mustache, silently.
    private static func missingPartials(_ tags: [TemplateTag], names: Set<String>, lines: LineIndex, file: String) -> [Diagnostic] {
        tags.filter { ($0.sigil == ">" || $0.sigil == "<") && !names.contains(String($0.name)) }.map { tag in
            let name = String(tag.name)
            let capitals = otherCapitals(name, among: names)
            let notes = !capitals.isEmpty ? capitals
                : Theme.shippedPartials.contains(name) ? ["mallarna som följer med rutinbok har den: kopiera templates/\(name).mustache till ditt tema"]
                : Suggestions.note(for: name, among: names.sorted(), listing: "mallar")
            return .error(lines.location(of: tag.range.lowerBound, in: file),
                          "mallen använder '\(name)', men det finns ingen mall '\(name).mustache'", code: "missing-template", notes: notes)
        }
    }

    /// A template whose name differs from `name` only in capitals (`Footer.mustache`): a name
    /// is looked up as written.
    static func otherCapitals(_ name: String, among names: Set<String>) -> [String] {
        names.sorted().filter { $0 != name && $0.lowercased() == name.lowercased() }
            .map { "filen heter '\($0).mustache'; byt namn till '\(name).mustache'" }
    }

    /// Pragmas, HTML fields written with two braces, and names no view has.
    private static func tagProblems(_ tags: [TemplateTag], lines: LineIndex, file: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Tags after `{{=<% %>=}}` are not read with the default delimiters.
        let delimitersChanged = tags.contains { $0.sigil == "=" }
        for tag in tags {
            var at: SourceLocation { lines.location(of: tag.range.lowerBound, in: file) }
            if tag.sigil == "%" {
                diagnostics.append(.error(at, "mallen ändrar med '{{%…}}' hur den tolkas; då skyddas inte längre texten från innehållsfilerna, och ett namn med HTML i kan köra skript på sidan",
                                          code: "template-pragma", notes: ["ta bort taggen"]))
            }
            guard !delimitersChanged else { continue }
            if tag.sigil == nil, TemplateNames.html.contains(String(tag.name)) {
                diagnostics.append(.error(at, "'{{\(tag.name)}}' visar HTML som kod på sidan", code: "template-escaped-html",
                                          notes: ["skriv '{{{\(tag.name)}}}' med tre klammerparenteser"]))
            }
            guard [nil, "#", "^", "&", "{"].contains(tag.sigil) else { continue }
            for name in names(in: tag.name) where !TemplateNames.fields.contains(name) {
                diagnostics.append(.error(at, "mallen använder namnet '\(name)', som inte finns i sidornas data, och där står ingenting på sidan", code: "template-unknown-name",
                                          notes: Suggestions.didYouMean(name, among: TemplateNames.fields.sorted())))
            }
        }
        return diagnostics
    }

    /// A section (`{{#x}}`, `{{^x}}`) never closed, or closed with another name, or a close
    /// with no section open: said with the names and where the section opens. Nil when the
    /// sections pair up, or the template changes its delimiters.
    static func sectionProblem(in text: String, file: String) -> Diagnostic? {
        let tags = TemplateTag.all(in: text)
        guard !tags.contains(where: { $0.sigil == "=" }) else { return nil }
        let lines = LineIndex(text)
        var open: [TemplateTag] = []
        for tag in tags {
            if tag.sigil == "#" || tag.sigil == "^" { open.append(tag) }
            guard tag.sigil == "/" else { continue }
            let at = lines.location(of: tag.range.lowerBound, in: file)
            guard let last = open.popLast() else {
                return .error(at, "mallen går inte att tolka: '{{/\(tag.name)}}' avslutar ett avsnitt som aldrig öppnades", code: "template-syntax")
            }
            if last.name != tag.name {
                let opened = lines.location(of: last.range.lowerBound, in: file)
                return .error(at, "mallen går inte att tolka: avsnittet '\(last.name)', som öppnas på rad \(opened.line) kolumn \(opened.column), avslutas med '{{/\(tag.name)}}'",
                              code: "template-syntax", notes: ["skriv '{{/\(last.name)}}'"])
            }
        }
        guard let unclosed = open.last else { return nil }
        return .error(lines.location(of: unclosed.range.lowerBound, in: file), "mallen går inte att tolka: avsnittet '\(unclosed.name)' avslutas aldrig",
                      code: "template-syntax", notes: ["skriv '{{/\(unclosed.name)}}' där avsnittet ska sluta"])
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

    private static func assetNote(_ asset: String, among assets: [String], assetsFolder: String) -> [String] {
        Suggestions.didYouMean(asset, among: assets) + ["temats filer ligger i \(assetsFolder) och publiceras i assets/tema/ i varje handbok"]
    }

    // MARK: Files from other sites

    /// Elements that load what their `src`, `href` (…) points at. A link (`<a href>`) only
    /// takes the reader there and is left alone.
    private static let loadingElements: Set<String> = ["link", "script", "img", "iframe", "source", "audio", "video", "embed",
                                                       "object", "track", "image", "use"]
    private static let loadingAttributes: Set<String> = ["src", "href", "srcset", "data", "poster", "xlink:href"]

    /// Loads from another site (`https://…`, `http://…`, `//…`): attributes of loading
    /// elements (HTML only), and CSS's `url(…)` and `@import` (in a stylesheet, or a template's
    /// `<style>`).
    private static func externalResources(in text: String, lines: LineIndex, file: String, css: Bool, assetsFolder: String) -> [Diagnostic] {
        let scan = ByteScan(text)
        var found = css ? [] : scan.attributeValues(of: loadingElements, named: loadingAttributes)
        found += scan.values(after: "url(") + scan.values(after: "@import")
        return found.filter { ByteScan.isOtherSite($0.value) }.sorted { $0.offset < $1.offset }.map { value in
            .error(lines.location(of: scan.index(value.offset), in: file), "temat hämtar '\(value.value)' från en annan webbplats",
                   code: "external-resource",
                   notes: ["handboken hämtar inget från andra webbplatser: besökarna syns inte där, och sidan fungerar utan nät. Lägg filen i \(assetsFolder) och länka till den i assets/tema/"])
        }
    }

    // MARK: The theme's own files

    /// `assets/tema/<file>` in a template (`{{root}}assets/tema/rutinbok.css`), without a tag
    /// inside the name.
    private static func themeAssetReferences(in text: String) -> [(asset: String, at: String.Index)] {
        let scan = ByteScan(text)
        return scan.offsets(of: "assets/tema/").compactMap { start in
            let name = scan.run(from: start + "assets/tema/".utf8.count) { !#""' \#t\#n\#r<>{}()?#"#.utf8.contains($0) }
            guard !name.value.isEmpty, !scan.hasPrefix("{{", at: name.end) else { return nil }
            return (name.value, scan.index(start))
        }
    }

    /// `assets/tema/<file>` links of a template to files the theme does not have.
    private static func missingThemeFiles(linkedFrom text: String, lines: LineIndex, file: String, assets: [String], assetsFolder: String) -> [Diagnostic] {
        themeAssetReferences(in: text).filter { !assets.contains($0.asset) }.map { reference in
            .error(lines.location(of: reference.at, in: file), "mallen länkar till 'assets/tema/\(reference.asset)', men temat har ingen fil 'assets/\(reference.asset)'",
                   code: "missing-theme-asset", notes: assetNote(reference.asset, among: assets, assetsFolder: assetsFolder))
        }
    }

    /// `url(…)` of a stylesheet (`asset`, in the theme's `assets/`) to files the theme does not have.
    private static func missingThemeFiles(usedBy text: String, at asset: String, lines: LineIndex, file: String, assets: [String], assetsFolder: String) -> [Diagnostic] {
        let folder = (asset as NSString).deletingLastPathComponent
        return cssURLs(in: text).compactMap { reference in
            guard let target = resolve(reference.url, from: folder), !assets.contains(target) else { return nil }
            return .error(lines.location(of: reference.at, in: file), "'url(\(reference.url))' hittar ingen fil: temat har ingen fil 'assets/\(target)'",
                          code: "missing-theme-asset", notes: assetNote(target, among: assets, assetsFolder: assetsFolder))
        }
    }

    private static func cssURLs(in text: String) -> [(url: String, at: String.Index)] {
        let scan = ByteScan(text)
        return scan.values(after: "url(").map { ($0.value, scan.index($0.offset)) }
    }

    /// A CSS file's `url(…)` as a path in the theme's assets, or nil when it does not point
    /// into them: another site, `data:`, a fragment, or a path that leaves the theme's folder
    /// (`../logo.svg` reaches the handbook's own files, which differ by council).
    static func resolve(_ url: String, from folder: String) -> String? {
        let lowered = url.lowercased()
        guard !url.hasPrefix("#"), !url.hasPrefix("/"), !lowered.hasPrefix("data:"), !lowered.contains("://") else { return nil }
        var path = String(url.split(separator: "?", maxSplits: 1).first.map { $0.split(separator: "#", maxSplits: 1).first ?? $0 } ?? "")
        // As the browser asks for it: `m%C3%B6nster.svg` is `mönster.svg`.
        if path.contains("%") { path = path.removingPercentEncoding ?? path }
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
