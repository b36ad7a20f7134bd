import CCmark

/// A parsed CommonMark document. Owns every cmark node it hands out: nodes are valid while
/// the document lives, and everything cmark allocated is freed when it goes away.
///
/// Not thread-safe: parse, transform and render one document within one task.
public final class MarkdownDocument {
    let root: OpaquePointer
    /// Nodes created or unlinked through this document that may not end up in the tree.
    /// Freed in `deinit` if they still have no parent; nothing is freed earlier, so no
    /// `MarkdownNode` value can dangle while the document lives. A set: a node made here and
    /// later unlinked is one node, freed once (in a list it was freed twice, and the process
    /// crashed).
    private var detached: Set<OpaquePointer> = []

    /// Parses `source` as CommonMark. Parsing never fails: any text is a valid document.
    public init(parsing source: String) {
        var source = source
        // Keep positions so diagnostics can name lines; rendering decides separately whether to show them.
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        root = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options)
            }
        }
    }

    deinit {
        // Decide first, free afterwards: a detached node may hang below another detached node.
        let orphans = detached.filter { cmark_node_parent($0) == nil }
        for node in orphans { cmark_node_free(node) }
        cmark_node_free(root)
    }

    /// The document node.
    public var document: MarkdownNode { MarkdownNode(pointer: root, owner: self) }

    /// A new node of `type`, not yet in the tree; insert it with `insertBefore`, `insertAfter`
    /// or `append`. If it never is, the document frees it.
    public func makeNode(_ type: MarkdownNode.Kind) -> MarkdownNode {
        let pointer = cmark_node_new(type.cmarkType)!
        detached.insert(pointer)
        return MarkdownNode(pointer: pointer, owner: self)
    }

    func adopt(_ pointer: OpaquePointer) {
        detached.insert(pointer)
    }

    /// Renders the document as an HTML fragment.
    public func renderHTML(_ options: HTMLOptions = []) -> String {
        guard let buffer = cmark_render_html(root, options.cmarkOptions) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }
}

/// Options for `MarkdownDocument.renderHTML`.
public struct HTMLOptions: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Let raw HTML and dangerous URLs (`javascript:` …) through. Off by default: safe mode.
    public static let unsafe = HTMLOptions(rawValue: CMARK_OPT_UNSAFE)
    /// Add `data-sourcepos` attributes, as `cmark --sourcepos` does.
    public static let sourcePositions = HTMLOptions(rawValue: CMARK_OPT_SOURCEPOS)
    /// Render soft line breaks as `<br />`.
    public static let hardBreaks = HTMLOptions(rawValue: CMARK_OPT_HARDBREAKS)

    var cmarkOptions: Int32 { rawValue }
}
