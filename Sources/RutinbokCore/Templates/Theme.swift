import Foundation
import Mustache
import Synchronization

/// The templates and static assets of a theme (`templates/`), parsed and checked once per build.
public struct Theme: Sendable {
    /// Templates every build needs, with a key each must show raw, if any. swift-mustache
    /// renders a missing template or key as nothing, silently, so both are checked here.
    static let required: [String: String?] = [
        "layout": "content", "header": nil, "footer": nil, "emergency": nil,
        "start": nil, "routine": "body", "contacts": nil, "contact-card": nil, "contact-inline": nil,
        "print": nil, "search": nil, "accessibility": nil, "fickkort": nil, "portal": "content", "portal-index": nil,
        "portal/tackning": nil, "portal/tackning-rutin": nil, "portal/exempel": nil, "portal/andringar": nil, "portal/andring": "diff", "portal/granskning": nil, "portal/lasbarhet": nil, "portal/tillganglighet": nil,
        "portal/handbok": nil, "portal/grupp": nil, "portal/404": nil,
    ]
    /// The shipped templates' own partials (`templates/`), which a theme that does not
    /// overlay the shipped folder needs copies of.
    static let shippedPartials: Set<String> = ["contact-ways", "quick-contact", "accessibility-exceptions"]

    let library: MustacheLibrary
    /// Frames of the templates by data shape; nil when the templates cannot be framed.
    let frames: TemplateFrames?
    /// A hash of every template's path and text: what frames made from them depend on.
    let templatesHash: UInt64
    /// Files under the theme's `assets/`, and the shipped folder's it does not replace,
    /// relative to `assets/`; copied to the portal's `assets/tema/`.
    public let assets: [String]

    /// The assets copied into every handbook: all but the portal's own (`portal.css`,
    /// `portal.js`: a file at the top of `assets/` whose name starts with `portal.`), which no
    /// handbook page loads. 620 files of the national build, for nothing.
    public var handbookAssets: [String] { assets.filter { !$0.hasPrefix("portal.") } }
    /// The theme's folder (`--templates`).
    public let directory: String
    /// Where each asset is copied from: the theme's folder or the shipped one.
    private let assetPaths: [String: String]

    /// `shipped`: the shipped templates the theme overlays, file by file
    /// (`Build.Options.shippedTemplates`). `lookedIn`: the folders searched for the default
    /// templates folder, named when it is missing (the folder itself when empty).
    public static func load(directory: String, shipped: String? = nil, lookedIn: [String] = []) -> (Theme?, [Diagnostic]) {
        guard SourceFiles(root: directory).isDirectory("") else {
            let searched = lookedIn.isEmpty ? [URL(fileURLWithPath: directory).standardizedFileURL.path] : lookedIn
            return (nil, [.error(SourceLocation(file: directory), "mallmappen finns inte", code: "no-templates",
                                 notes: ["letade efter " + searched.joined(separator: " och "),
                                         "ange mallarnas mapp med --templates, kör kommandot i mappen där templates/ ligger, eller lägg templates/ bredvid programmet"])])
        }
        let files = ThemeFiles(own: directory, shipped: shipped)
        let (library, texts, parsed, problems) = parse(files)
        var diagnostics = problems
        let names = Set(files.templates.map { String($0.dropLast(".mustache".count)) })
        diagnostics += TemplateChecks.check(texts, parsed: parsed, names: names, assets: files.assets, files: files)
        diagnostics += TemplateChecks.unusedTemplates(texts, files: files)
        diagnostics += files.assetProblems()
        for name in required.keys.sorted() where !names.contains(name) {
            // With a shipped folder, the binary and its templates are of different versions.
            let shippedLacks = files.shipped.map { ["mallarna som följer med rutinbok, i \($0.root), har den inte heller: de hör till en annan version av rutinbok än programmet"] } ?? []
            diagnostics.append(.error(SourceLocation(file: files.own.displayPath("\(name).mustache")), "mallen '\(name).mustache' saknas; varje bygge behöver den", code: "missing-template",
                                      notes: TemplateChecks.otherCapitals(name, among: names) + shippedLacks))
        }
        let frames = TemplateFrames.canFrame(texts.values) ? TemplateFrames(listFraming: ListFraming(texts.values)) : nil
        var hash = ContentHash()
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
            hash.add(path)
            hash.add(text)
        }
        let theme = Theme(library: library, frames: frames, templatesHash: hash.value, assets: files.assets, directory: directory,
                          assetPaths: Dictionary(uniqueKeysWithValues: files.assets.map { ($0, files.assetPath($0)) }))
        return (diagnostics.hasErrors ? nil : theme, diagnostics)
    }

    /// Renders a template checked at load time, from the frame of the data's shape when
    /// pages like it were rendered before (see `TemplateFrames`).
    func render(_ name: String, _ context: Any) -> String {
        guard let data = TemplateData.make(context) else { return "" }
        return render(name, data: data)
    }

    /// The same theme, starting from frames an earlier build made with these templates
    /// (`FrameStore`).
    func resuming(frames known: [String: Frame?]) -> Theme {
        guard frames != nil else { return self }
        return Theme(library: library, frames: TemplateFrames(known: known, listFraming: frames?.listFraming), templatesHash: templatesHash,
                     assets: assets, directory: directory, assetPaths: assetPaths)
    }

    /// The frames this build used, when it made any the next build would not know.
    var framesToKeep: [String: Frame?]? {
        guard let used = frames?.used, used.new else { return nil }
        return used.frames
    }

    /// Renders `context` and tells where each item of its list `key` lies in the output
    /// (`TemplateFrames.render(_:_:library:itemsOf:)`); nil bounds when it cannot.
    func render(_ name: String, _ context: Any, itemsOf key: String) -> (output: String, bounds: [Int]?) {
        guard let data = TemplateData.make(context) else { return ("", nil) }
        if let frames, let rendered = frames.render(name, data, library: library, itemsOf: key) { return rendered }
        return (library.render(data.mustache, withTemplate: name) ?? "", nil)
    }

    /// Renders template data made beforehand (`TemplateData.make`).
    func render(_ name: String, data: TemplateValue) -> String {
        if let frames, let output = frames.render(name, data, library: library) { return output }
        return library.render(data.mustache, withTemplate: name) ?? ""
    }

    /// The file an asset (relative to `assets/`) is copied from.
    func assetPath(_ relative: String) -> String {
        assetPaths[relative] ?? ((directory as NSString).appendingPathComponent("assets") as NSString).appendingPathComponent(relative)
    }
}

/// swift-mustache's content type for `{{x}}` in the theme's templates: `HTML.escape`, byte by
/// byte (its own HTML type escapes whole Characters; see `HTML`). Set by a pragma on a line of
/// its own before each template's text, which the parser drops with its line.
struct ByteEscapedHTML: MustacheContentType {
    static let name = "RUTINBOK_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    private static let registered = Mutex(false)

    /// A template of the theme: `text` with this content type.
    static func template(_ text: String) throws -> MustacheTemplate {
        registered.withLock { done in
            guard !done else { return }
            MustacheContentTypes.register(ByteEscapedHTML(), named: name)
            done = true
        }
        return try MustacheTemplate(string: pragma + text)
    }

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
