/// `rutinbok render`: one Markdown file to an HTML fragment, without a council. Contact
/// references show their id, since there are no contacts to fill in.
public enum FragmentRenderer {
    public static func render(_ text: String, file: String, allowRawHTML: Bool) -> (html: String, diagnostics: [Diagnostic]) {
        var body = text
        var firstLine = 1
        if case .success(let front) = FrontMatter.split(text) {
            body = front.body
            firstLine = front.bodyLine
        }
        let rendered = MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML)).render(body, file: file, firstLine: firstLine)
        let html = rendered.html { reference in
            let id = HTML.escape(reference.id)
            return reference.style == .card
                ? "<div class=\"contact-card\" data-contact=\"\(id)\">\(id)</div>"
                : " <span class=\"contact-details\" data-contact=\"\(id)\">(\(id))</span>"
        }
        return (html, rendered.diagnostics)
    }
}
