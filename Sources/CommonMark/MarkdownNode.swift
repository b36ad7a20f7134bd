import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// One node of a `MarkdownDocument`. A value that refers into the document; it keeps the
/// document alive, so it never dangles.
public struct MarkdownNode: Hashable {
    let pointer: OpaquePointer
    let owner: MarkdownDocument

    public static func == (lhs: MarkdownNode, rhs: MarkdownNode) -> Bool { lhs.pointer == rhs.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    public enum Kind: Sendable, Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph,
             heading, thematicBreak, text, softBreak, lineBreak, code, htmlInline, customInline,
             emphasis, strong, link, image, unknown

        init(_ type: cmark_node_type) {
            switch type {
            case CMARK_NODE_DOCUMENT: self = .document
            case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
            case CMARK_NODE_LIST: self = .list
            case CMARK_NODE_ITEM: self = .item
            case CMARK_NODE_CODE_BLOCK: self = .codeBlock
            case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
            case CMARK_NODE_CUSTOM_BLOCK: self = .customBlock
            case CMARK_NODE_PARAGRAPH: self = .paragraph
            case CMARK_NODE_HEADING: self = .heading
            case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
            case CMARK_NODE_TEXT: self = .text
            case CMARK_NODE_SOFTBREAK: self = .softBreak
            case CMARK_NODE_LINEBREAK: self = .lineBreak
            case CMARK_NODE_CODE: self = .code
            case CMARK_NODE_HTML_INLINE: self = .htmlInline
            case CMARK_NODE_CUSTOM_INLINE: self = .customInline
            case CMARK_NODE_EMPH: self = .emphasis
            case CMARK_NODE_STRONG: self = .strong
            case CMARK_NODE_LINK: self = .link
            case CMARK_NODE_IMAGE: self = .image
            default: self = .unknown
            }
        }

        var cmarkType: cmark_node_type {
            switch self {
            case .document: CMARK_NODE_DOCUMENT
            case .blockQuote: CMARK_NODE_BLOCK_QUOTE
            case .list: CMARK_NODE_LIST
            case .item: CMARK_NODE_ITEM
            case .codeBlock: CMARK_NODE_CODE_BLOCK
            case .htmlBlock: CMARK_NODE_HTML_BLOCK
            case .customBlock: CMARK_NODE_CUSTOM_BLOCK
            case .paragraph: CMARK_NODE_PARAGRAPH
            case .heading: CMARK_NODE_HEADING
            case .thematicBreak: CMARK_NODE_THEMATIC_BREAK
            case .text: CMARK_NODE_TEXT
            case .softBreak: CMARK_NODE_SOFTBREAK
            case .lineBreak: CMARK_NODE_LINEBREAK
            case .code: CMARK_NODE_CODE
            case .htmlInline: CMARK_NODE_HTML_INLINE
            case .customInline: CMARK_NODE_CUSTOM_INLINE
            case .emphasis: CMARK_NODE_EMPH
            case .strong: CMARK_NODE_STRONG
            case .link: CMARK_NODE_LINK
            case .image: CMARK_NODE_IMAGE
            case .unknown: CMARK_NODE_NONE
            }
        }
    }

    public var kind: Kind { Kind(cmark_node_get_type(pointer)) }

    // MARK: Navigation

    private func wrap(_ pointer: OpaquePointer?) -> MarkdownNode? {
        pointer.map { MarkdownNode(pointer: $0, owner: owner) }
    }

    public var parent: MarkdownNode? { wrap(cmark_node_parent(pointer)) }
    public var firstChild: MarkdownNode? { wrap(cmark_node_first_child(pointer)) }
    public var lastChild: MarkdownNode? { wrap(cmark_node_last_child(pointer)) }
    public var next: MarkdownNode? { wrap(cmark_node_next(pointer)) }
    public var previous: MarkdownNode? { wrap(cmark_node_previous(pointer)) }

    /// The direct children, in order (a snapshot: safe to modify the tree while iterating).
    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let current = child {
            result.append(MarkdownNode(pointer: current, owner: owner))
            child = cmark_node_next(current)
        }
        return result
    }

    /// This node and all nodes below it, in document order (a snapshot).
    public var descendantsAndSelf: [MarkdownNode] {
        nodesBelow { _ in true }
    }

    /// The nodes of the given kinds among this node and all below it, in document order (a
    /// snapshot). The same as filtering `descendantsAndSelf`, without a value for every node.
    public func descendantsAndSelf(ofKinds kinds: [Kind]) -> [MarkdownNode] {
        let types = kinds.map(\.cmarkType)
        return nodesBelow { types.contains(cmark_node_get_type($0)) }
    }

    /// The text nodes among this node and all below it whose literal contains `needle`, in
    /// document order: searched in cmark's own bytes, so no Swift string is made for the
    /// others.
    public func textNodes(containing needle: StaticString) -> [MarkdownNode] {
        let type = Kind.text.cmarkType
        return needle.withUTF8Buffer { bytes in
            let search = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            return nodesBelow { node in
                guard cmark_node_get_type(node) == type, let literal = cmark_node_get_literal(node) else { return false }
                return strstr(literal, search) != nil
            }
        }
    }

    private func nodesBelow(where include: (OpaquePointer) -> Bool) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        guard let iterator = cmark_iter_new(pointer) else { return result }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), include(node) {
                result.append(MarkdownNode(pointer: node, owner: owner))
            }
        }
        return result
    }

    // MARK: Content

    private static func string(_ cString: UnsafePointer<CChar>?) -> String? {
        cString.map { String(cString: $0) }
    }

    /// The text of a text, code, code block or raw HTML node; nil on other kinds.
    public var literal: String? {
        get { Self.string(cmark_node_get_literal(pointer)) }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// The destination of a link or image.
    public var url: String? {
        get { Self.string(cmark_node_get_url(pointer)) }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    public var title: String? { Self.string(cmark_node_get_title(pointer)) }

    /// The level of a heading, 1–6; 0 on other kinds.
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The info string of a fenced code block.
    public var fenceInfo: String? { Self.string(cmark_node_get_fence_info(pointer)) }

    /// Whether a list is tight (its items' paragraphs render without `<p>`).
    public var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }

    /// Whether a list is numbered (`1.`, `1)`) rather than bulleted.
    public var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }

    /// The number a numbered list starts at.
    public var listStart: Int { Int(cmark_node_get_list_start(pointer)) }

    /// Whether the HTML a custom node writes before its children starts with `prefix`, asked
    /// of the C string where it lies.
    public func customHTMLOnEnter(startsWith prefix: StaticString) -> Bool {
        guard let html = cmark_node_get_on_enter(pointer) else { return false }
        return prefix.withUTF8Buffer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { strncmp(html, $0.baseAddress!, bytes.count) == 0 }
        }
    }

    /// HTML written verbatim before and after a custom node's children. cmark does not escape it.
    public func setCustomHTML(onEnter: String, onExit: String = "") {
        cmark_node_set_on_enter(pointer, onEnter)
        cmark_node_set_on_exit(pointer, onExit)
    }

    /// The text of this node and everything below it, without markup.
    public var plainText: String {
        var text = ""
        for node in descendantsAndSelf(ofKinds: [.text, .code, .softBreak, .lineBreak]) {
            switch node.kind {
            case .text, .code: text += node.literal ?? ""
            case .softBreak, .lineBreak: text += " "
            default: break
            }
        }
        return text
    }

    // MARK: Source positions (1-based; 0 means unknown)

    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    public var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

    // MARK: Changing the tree

    /// Inserts `node` (taken out of wherever it was) as this node's last child.
    /// Returns false when cmark refuses the combination (say, a block inside a paragraph).
    @discardableResult
    public func append(_ node: MarkdownNode) -> Bool {
        cmark_node_append_child(pointer, node.pointer) != 0
    }

    @discardableResult
    public func insertBefore(_ node: MarkdownNode) -> Bool {
        cmark_node_insert_before(pointer, node.pointer) != 0
    }

    @discardableResult
    public func insertAfter(_ node: MarkdownNode) -> Bool {
        cmark_node_insert_after(pointer, node.pointer) != 0
    }

    /// Takes this node (and its children) out of the tree. The document frees it later
    /// unless it is inserted again.
    public func unlink() {
        cmark_node_unlink(pointer)
        owner.adopt(pointer)
    }

    /// Moves all children of this node, in order, to the end of `target`.
    public func moveChildren(to target: MarkdownNode) {
        for child in children { target.append(child) }
    }
}
