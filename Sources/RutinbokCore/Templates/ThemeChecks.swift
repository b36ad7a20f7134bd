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

    /// Elements that load what their `src`, `href` (…) points at. A link (`<a href>`) only
    /// takes the reader there and is left alone.
    private static let loadingElements: Set<String> = ["link", "script", "img", "iframe", "source", "audio", "video", "embed",
                                                       "object", "track", "image", "use"]
    private static let loadingAttributes: Set<String> = ["src", "href", "srcset", "data", "poster", "xlink:href"]

    /// Loads from another site (`https://…`, `http://…`, `//…`): attributes of loading
    /// elements (HTML only), and CSS's `url(…)` and `@import` (in a stylesheet, or a template's
    /// `<style>`).
    private static func externalResources(in text: String, lines: LineIndex, file: String, css: Bool) -> [Diagnostic] {
        let scan = ByteScan(text)
        var found = css ? [] : scan.attributeValues(of: loadingElements, named: loadingAttributes)
        found += scan.values(after: "url(") + scan.values(after: "@import")
        return found.filter { ByteScan.isOtherSite($0.value) }.sorted { $0.offset < $1.offset }.map { value in
            .error(lines.location(of: scan.index(value.offset), in: file), "temat hämtar '\(value.value)' från en annan webbplats",
                   code: "external-resource",
                   notes: ["handboken hämtar inget från andra webbplatser: besökarna syns inte där, och sidan fungerar utan nät. Lägg filen i templates/assets/ och länka till den i assets/tema/"])
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

/// A text's UTF-8 bytes, searched for ASCII markup: what the checks above look for is ASCII,
/// so every offset found is a character boundary.
struct ByteScan {
    let text: String
    let bytes: [UInt8]

    init(_ text: String) {
        self.text = text
        bytes = Array(text.utf8)
    }

    func index(_ offset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: offset) }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    /// Whether `pattern` (lower case) stands at `offset`, in any case.
    func hasPrefix(_ pattern: String, at offset: Int) -> Bool {
        hasPrefix(Array(pattern.utf8), at: offset)
    }

    private func hasPrefix(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
        for index in pattern.indices where Self.lower(bytes[offset + index]) != pattern[index] { return false }
        return true
    }

    /// Every offset where `pattern` (lower case) stands, in any case.
    func offsets(of pattern: String) -> [Int] {
        let pattern = Array(pattern.utf8)
        guard let first = pattern.first else { return [] }
        return bytes.indices.filter { Self.lower(bytes[$0]) == first && hasPrefix(pattern, at: $0) }
    }

    /// The bytes from `offset` while `accept` holds.
    func run(from offset: Int, while accept: (UInt8) -> Bool) -> (value: String, end: Int) {
        var end = offset
        while end < bytes.count, accept(bytes[end]) { end += 1 }
        return (String(decoding: bytes[offset..<end], as: UTF8.self), end)
    }

    private func skipSpaces(from offset: Int) -> Int {
        var offset = offset
        while offset < bytes.count, [32, 9, 10, 13].contains(bytes[offset]) { offset += 1 }
        return offset
    }

    /// A value that starts at `offset` (after spaces), in quotes or up to a space, `)`, `;`
    /// or `>`.
    func value(at offset: Int) -> (value: String, offset: Int) {
        var start = skipSpaces(from: offset)
        var quote: UInt8?
        if start < bytes.count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
            quote = bytes[start]
            start += 1
        }
        let found = run(from: start) { byte in quote.map { byte != $0 } ?? !" \t\n\r);>".utf8.contains(byte) }
        return (found.value.trimmingCharacters(in: .whitespaces), start)
    }

    /// The value after each `pattern` (`url(`, `@import`), with `url(` after `@import` read too.
    func values(after pattern: String) -> [(value: String, offset: Int)] {
        offsets(of: pattern).compactMap { offset in
            var start = skipSpaces(from: offset + pattern.utf8.count)
            if pattern == "@import", hasPrefix("url(", at: start) { return nil }   // read as a url(…)
            if hasPrefix("url(", at: start) { start += 4 }
            let found = value(at: start)
            return found.value.isEmpty ? nil : found
        }
    }

    /// The values of attributes `names` of elements `elements` (names in lower case).
    func attributeValues(of elements: Set<String>, named names: Set<String>) -> [(value: String, offset: Int)] {
        var found: [(value: String, offset: Int)] = []
        let nameByte: (UInt8) -> Bool = { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 58 || $0 == 45 }
        var offset = 0
        while offset < bytes.count {
            guard bytes[offset] == UInt8(ascii: "<") else { offset += 1; continue }
            let element = run(from: offset + 1, while: nameByte)
            offset = element.end
            guard elements.contains(element.value.lowercased()) else { continue }
            while offset < bytes.count, bytes[offset] != UInt8(ascii: ">") {
                let attribute = run(from: skipSpaces(from: offset), while: nameByte)
                guard !attribute.value.isEmpty else { offset = max(attribute.end, offset + 1); continue }
                offset = skipSpaces(from: attribute.end)
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else { continue }
                let value = value(at: offset + 1)
                if names.contains(attribute.value.lowercased()) { found.append(value) }
                offset = value.offset + value.value.utf8.count + 1
            }
        }
        return found
    }

    /// `https://…`, `http://…` or `//…`.
    static func isOtherSite(_ value: String) -> Bool {
        let lowered = value.lowercased()
        return lowered.hasPrefix("//") || lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}

/// Line and column of a position in a text, counted once.
struct LineIndex {
    private let text: String
    private let starts: [String.Index]

    init(_ text: String) {
        self.text = text
        let utf8 = text.utf8
        starts = [text.startIndex] + utf8.indices.filter { utf8[$0] == UInt8(ascii: "\n") }.map { utf8.index(after: $0) }
    }

    func location(of position: String.Index, in file: String) -> SourceLocation {
        let line = (starts.lastIndex { $0 <= position } ?? 0)
        return SourceLocation(file: file, line: line + 1, column: text[starts[line]..<position].count + 1)
    }
}
