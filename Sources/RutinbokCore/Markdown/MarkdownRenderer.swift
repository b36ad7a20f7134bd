import Foundation
import CommonMark

/// The Markdown stage for one file: CommonMark through libcmark, then rutinbok's extensions
/// (tables, task lists, callouts, addresses as links, heading ids, routine links, contact references) applied to
/// the tree, then HTML.
public struct MarkdownRenderer: Sendable {
    public struct Options: Sendable, Hashable {
        /// Let raw HTML and `javascript:` URLs through; only when a council's config says so.
        public var allowRawHTML = false
        public init(allowRawHTML: Bool = false) { self.allowRawHTML = allowRawHTML }
    }

    public var options: Options
    public init(options: Options = .init()) { self.options = options }

    /// Renders `body`. `file` and `firstLine` (the file line where `body` starts) place diagnostics.
    /// With `printID`, also renders the variant for the one-document print page, where the
    /// routine's headings get `printID` as an id prefix and move two levels down (under the
    /// page's phase and routine headings), and links
    /// to routines and contacts lead within that page. Both come from one parse.
    public func render(_ body: String, file: String, firstLine: Int = 1, printID: String? = nil) -> RenderedMarkdown {
        // The contact marker must not occur in the input.
        var source = body.withUnixLineEndings
        // The marker is a control character, always a grapheme of its own: one byte to look for.
        if source.containsByte(RenderedMarkdown.markerByte) {
            source = source.replacingOccurrences(of: String(RenderedMarkdown.marker), with: "\u{FFFD}")
        }
        let document = MarkdownDocument(parsing: source)
        var pass = TransformPass(document: document, lines: SourceLines(source), file: file,
                                 lineOffset: firstLine - 1, options: options, printID: printID)
        // Only a tab or an entity can put a tab or line break inside a text node.
        pass.textMayBreakLines = source.containsByte(0x09) || source.containsByte(UInt8(ascii: "&"))
        pass.textMayHaveAddresses = source.containsByte(UInt8(ascii: "@")) || source.containsBytes("www.") || source.containsBytes("://")
        pass.textMayHaveLinkRemnants = source.containsBytes("](")
        pass.run()
        let htmlOptions: HTMLOptions = options.allowRawHTML ? [.unsafe] : []
        let html = document.renderHTML(htmlOptions)
        var printHTML: String?
        if printID != nil {
            pass.switchToPrintVariant()
            printHTML = document.renderHTML(htmlOptions)
        }
        let (text, outline) = pass.plainTextAndOutline()
        return RenderedMarkdown(template: html, printTemplate: printHTML, headings: pass.headings, links: pass.links,
                                contacts: pass.contacts, assets: pass.assets, text: text, outline: outline, readability: Readability.measure(text),
                                diagnostics: pass.diagnostics)
    }
}

/// State of one walk over one document; each extension lives in its own file.
struct TransformPass {
    let document: MarkdownDocument
    let lines: SourceLines
    let file: String
    let lineOffset: Int
    let options: MarkdownRenderer.Options
    var headings: [RenderedMarkdown.Heading] = []
    var links: [RenderedMarkdown.RoutineLink] = []
    var contacts: [RenderedMarkdown.ContactReference] = []
    var assets: [RenderedMarkdown.AssetReference] = []
    var diagnostics: [Diagnostic] = []
    /// Lists with checkboxes that already have their hint above them (`convertTask`).
    var hintedTaskLists: Set<MarkdownNode> = []
    /// Inline nodes moved in from a table cell's own parse, with where the cell lies.
    var cellOrigins: [MarkdownNode: CellOrigin] = [:]
    /// The document's link reference definitions (`[polisen]: https://…`), for the cells that
    /// use them: a cell is parsed on its own. Found when a cell first needs them.
    var referenceDefinitions: [(label: String, line: Substring)]?
    /// Whether a text node may hold a tab or a line break (`plainTextAndOutline` makes them spaces).
    var textMayBreakLines = true
    /// Whether the text may hold a web or e-mail address (`linkAddresses`).
    var textMayHaveAddresses = true
    /// Whether the text may hold a link cmark could not read (`reportUnparsedLinks`).
    var textMayHaveLinkRemnants = true
    /// What the transforms made of nodes, for the outline of the text (`plainTextAndOutline`).
    var outlineMarks: [MarkdownNode: OutlineMark] = [:]
    /// The routine id on the print page, if a print variant is wanted.
    let printID: String?
    /// What changes between the page and the print variant: heading tags and link targets.
    var printChanges: [(node: MarkdownNode, change: PrintChange)] = []

    enum PrintChange {
        case html(String)
        case url(String)
    }

    init(document: MarkdownDocument, lines: SourceLines, file: String, lineOffset: Int,
         options: MarkdownRenderer.Options, printID: String?) {
        self.document = document
        self.lines = lines
        self.file = file
        self.lineOffset = lineOffset
        self.options = options
        self.printID = printID
    }

    /// Rewrites the tree for the print page after the page's HTML is rendered.
    func switchToPrintVariant() {
        for (node, change) in printChanges {
            switch change {
            case .html(let html): node.setCustomHTML(onEnter: html)
            case .url(let url): node.url = url
            }
        }
    }

    mutating func run() {
        // Block structure first (tables bring new inline nodes), then inline rewriting. Tables
        // before task items: a task's box wraps its paragraph's text in a label, which a table
        // that ends the paragraph would cut in two.
        let blocks = document.document.descendantsAndSelf(ofKinds: [.paragraph, .heading, .blockQuote, .item])
        for node in blocks {
            switch node.kind {
            case .paragraph, .heading: convertTable(node)
            case .blockQuote: convertCallout(node)
            default: break
            }
        }
        for node in blocks where node.kind == .item { convertTask(node) }
        if textMayHaveAddresses { linkAddresses() }
        assignHeadingIDs()
        for node in document.document.descendantsAndSelf(ofKinds: [.link, .image, .htmlBlock, .htmlInline]) {
            switch node.kind {
            case .link: rewriteLink(node)
            case .image: checkImage(node)
            // `where` binds to one pattern only, so each kind carries its own.
            case .htmlBlock where !options.allowRawHTML, .htmlInline where !options.allowRawHTML:
                // A comment is a note for the editors, meant to stay off the page: left out as
                // all HTML is, without a word (a `--strict` build would fail over it).
                if Self.isComment(node.literal) { continue }
                // One warning per line: `<b>x</b>` is two nodes but one mistake.
                let at = location(node)
                if !diagnostics.contains(where: { $0.code == "raw-html" && $0.location.line == at.line }) {
                    diagnostics.append(.warning(at, "HTML-kod tas inte med på sidan; skriv med Markdown i stället", code: "raw-html"))
                }
            default: break
            }
        }
        if textMayHaveLinkRemnants { reportUnparsedLinks() }
    }

    /// Whether raw HTML is one comment and nothing else: `<!-- Att göra: fråga Anna -->`. Its
    /// first `-->` ends it; `<!-->`, whose start and end overlap, is none.
    static func isComment(_ literal: String?) -> Bool {
        guard let text = literal?.trimmingCharacters(in: .whitespacesAndNewlines), text.hasPrefix("<!--"), text.hasSuffix("-->"),
              let end = text.range(of: "-->") else { return false }
        return end.upperBound == text.endIndex && text.count >= 7
    }

    /// Where a node starts, in the file. Inline nodes without a position take their block's.
    func location(_ node: MarkdownNode) -> SourceLocation {
        var current: MarkdownNode? = node
        while let candidate = current {
            // Nodes parsed from a table cell carry positions within the cell's parse, in
            // bytes of its text: mapped to the row's bytes, then counted in scalars.
            if let origin = cellOrigins[candidate] {
                let line = origin.line + max(1, node.startLine) - 1
                return SourceLocation(file: file, line: line + lineOffset,
                                      column: lines.scalarColumn(line: line, byteColumn: origin.byteColumn(max(1, node.startColumn))))
            }
            if candidate.startLine > 0 {
                let column = lines.scalarColumn(line: candidate.startLine, byteColumn: candidate.startColumn)
                return SourceLocation(file: file, line: candidate.startLine + lineOffset, column: column)
            }
            current = candidate.parent
        }
        return SourceLocation(file: file, line: lineOffset + 1, column: 1)
    }

    /// Puts inline HTML around a node's children. Used where cmark has no node with the
    /// attribute we need (a heading with an id, a table cell): a custom block would put its
    /// HTML on lines of its own, which would make the output differ from cmark's.
    @discardableResult
    func enclose(_ node: MarkdownNode, open: String, close: String) -> (start: MarkdownNode, end: MarkdownNode) {
        let start = document.makeNode(.customInline)
        start.setCustomHTML(onEnter: open)
        let end = document.makeNode(.customInline)
        end.setCustomHTML(onEnter: close)
        if let first = node.firstChild { first.insertBefore(start) } else { node.append(start) }
        node.append(end)
        return (start, end)
    }

    /// Removes the first `count` characters of a block's inline text (a `[ ]` or `[!OBS]`
    /// marker), across as many text nodes as it takes, then one space or line break.
    func dropLeadingCharacters(_ count: Int, from block: MarkdownNode) {
        var remaining = count
        while remaining > 0, let child = block.firstChild, child.kind == .text, let literal = child.literal {
            if literal.count <= remaining {
                remaining -= literal.count
                child.unlink()
            } else {
                child.literal = String(literal.dropFirst(remaining))
                remaining = 0
            }
        }
        if let child = block.firstChild {
            if child.kind == .softBreak || child.kind == .lineBreak { child.unlink() }
            else if child.kind == .text, let literal = child.literal, literal.first == " " {
                let rest = literal.drop { $0 == " " }
                if rest.isEmpty { child.unlink() } else { child.literal = String(rest) }
            }
        }
    }
}
