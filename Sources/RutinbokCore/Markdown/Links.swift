import CommonMark
import Foundation

extension TransformPass {
    static let contactScheme = "kontakt:"

    /// `x.md#Rubrik` → `x.html#rubrik`, `#Rubrik` → `#rubrik`, `kontakt:id` → a contact
    /// reference; everything else is left as written. Each routine link is recorded for the
    /// check stage.
    mutating func rewriteLink(_ link: MarkdownNode) {
        guard let url = link.url else { return }
        let at = location(link)
        if url.lowercased().hasPrefix(Self.contactScheme) {
            let id = url.dropFirst(Self.contactScheme.count).trimmed
            referenceContact(id, link: link, at: at)
            return
        }
        let lowered = url.lowercased()
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("data:"), !options.allowRawHTML {
            diagnostics.append(.warning(at, "the link '\(url)' is removed: links may not run code", code: "unsafe-link"))
            return
        }
        guard let target = Self.routineTarget(url) else { return }
        links.append(.init(routine: target.routine, anchor: target.anchor, written: url, location: at))
        link.url = (target.routine.map { PageNames.html($0) } ?? "") + (target.anchor.map { "#\($0)" } ?? "")
        if let current = printID {
            let routine = target.routine ?? current
            printChanges.append((link, .url("#" + (target.anchor.map { PrintAnchors.heading($0, in: routine) } ?? PrintAnchors.routine(routine)))))
        }
    }

    /// A link to a routine or an anchor, or nil for anything else (web addresses, files, tel:, mailto:).
    static func routineTarget(_ url: String) -> (routine: String?, anchor: String?)? {
        let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        // `#` alone (or `x.md#`) names no heading: it is a link to the top of the page.
        let anchor = parts.count > 1 && !parts[1].isEmpty ? foldAnchor(String(parts[1])) : nil
        if path.isEmpty { return anchor.map { (nil, $0) } }
        guard !path.contains(":"), !path.hasPrefix("/"), path.lowercased().hasSuffix(".md") else { return nil }
        let name = (path.removingPercentEncoding ?? path).split(separator: "/").last.map(String.init) ?? path
        return (Slug.make(String(name.dropLast(3))), anchor)
    }

    /// `#Riskbedömning` and `#riskbed%C3%B6mning` both mean the heading `riskbedomning`.
    static func foldAnchor(_ anchor: String) -> String {
        Slug.make(anchor.removingPercentEncoding ?? anchor)
    }

    private mutating func referenceContact(_ id: String, link: MarkdownNode, at: SourceLocation) {
        guard let paragraph = link.parent else { return }
        let alone = paragraph.kind == .paragraph && paragraph.children.allSatisfy {
            $0 == link || ($0.kind == .text && ($0.literal ?? "").allSatisfy(\.isWhitespace)) || $0.kind == .softBreak
        }
        let marker = "\(RenderedMarkdown.marker)\(contacts.count)\(RenderedMarkdown.marker)"
        if alone {
            contacts.append(.init(id: id, style: .card, location: at))
            let card = document.makeNode(.customBlock)
            card.setCustomHTML(onEnter: marker)
            paragraph.insertBefore(card)
            paragraph.unlink()
        } else {
            contacts.append(.init(id: id, style: .inline, location: at))
            link.url = "\(PageNames.html(PageNames.contacts))#\(Slug.make(id))"
            if printID != nil { printChanges.append((link, .url("#\(PrintAnchors.contact(id))"))) }
            let details = document.makeNode(.customInline)
            details.setCustomHTML(onEnter: marker)
            link.insertAfter(details)
        }
    }
}
