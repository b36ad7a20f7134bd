import CommonMark
import Foundation

extension TransformPass {
    static let contactScheme = "kontakt:"

    /// `x.md#Rubrik` → `x.html#rubrik`, `#Rubrik` → `#rubrik`, `kontakt:id` → a contact
    /// reference; everything else is left as written. Each routine link is recorded for the
    /// check stage.
    mutating func rewriteLink(_ link: MarkdownNode) {
        guard let url = link.url else { return }
        // Where the link is, only for the links that need it (not web addresses).
        let lowered = url.lowercased()
        if lowered.hasPrefix(Self.contactScheme) {
            let id = url.dropFirst(Self.contactScheme.count).trimmed
            referenceContact(id, link: link, at: location(link))
            return
        }
        if lowered.hasPrefix("javascript:") || lowered.hasPrefix("vbscript:") || lowered.hasPrefix("data:"), !options.allowRawHTML {
            diagnostics.append(.warning(location(link), "länken '\(url)' tas bort: länkar får inte köra kod", code: "unsafe-link"))
            return
        }
        // A file on the editor's computer or the council's network drive (`file://///server/…`):
        // cmark's safe mode blanks it, and a browser does not open one from a web page anyway.
        if lowered.hasPrefix("file:") {
            diagnostics.append(.warning(location(link), "länken '\(url)' går till en fil på en dator eller en nätverksdisk, som läsarna inte kommer åt från en webbsida",
                                        code: "link-file", notes: ["lägg filen i kommunens mapp assets/ och länka till 'assets/filnamn', eller länka till en sida på webben eller intranätet"]))
            return
        }
        checkLinkText(link)
        if lowered.hasPrefix("tel:") || lowered.hasPrefix("mailto:"), let problem = Self.addressProblem(url) {
            diagnostics.append(.warning(location(link), problem.message, code: problem.code, notes: problem.notes))
        } else if lowered.hasPrefix("tel:") {
            // Dialled as a contact's number is (`PhoneNumber.telURI`): the trunk 0 written in an
            // international form, `tel:+46(0)8-…`, would dial a number that does not exist.
            link.url = "tel:" + PhoneNumber.telURI(Self.telNumber(url))
            return
        }
        guard let target = Self.routineTarget(url) else {
            if let problem = Self.pathProblem(url) {
                diagnostics.append(.warning(location(link), problem.message, code: problem.code, notes: problem.notes))
            } else {
                recordAsset(Self.plainPath(url), written: url, at: link, image: false)
            }
            return
        }
        links.append(.init(routine: target.routine, anchor: target.anchor, written: url, location: location(link)))
        link.url = (target.routine.map { PageNames.html($0) } ?? "") + (target.anchor.map { "#\($0)" } ?? "")
        if let current = printID {
            let routine = target.routine ?? current
            printChanges.append((link, .url("#" + (target.anchor.map { PrintAnchors.heading($0, in: routine) } ?? PrintAnchors.routine(routine)))))
        }
    }

    /// An image: one from the council's `assets/` is recorded for the check stage; one from
    /// another folder of the content is not published with the handbook.
    mutating func checkImage(_ image: MarkdownNode) {
        guard let url = image.url, !url.isEmpty else { return }
        if image.plainText.trimmed.isEmpty {
            diagnostics.append(.warning(location(image), "bilden '\(url)' har ingen text som säger vad den visar, för den som inte ser bilden", code: "image-alt",
                                        notes: ["skriv det inom hakparenteserna: ![Karta över vägen till sessionssalen](\(url))"]))
        }
        let path = Self.plainPath(url)
        if path.hasPrefix("assets/") {
            recordAsset(path, written: url, at: image, image: true)
        } else if !path.isEmpty, !Self.containsColon(path), !path.hasPrefix("//") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            diagnostics.append(.warning(location(image), "bilden '\(url)' följer inte med handboken, så den syns inte på sidan", code: "link-file",
                                        notes: ["lägg bilden i kommunens mapp assets/ och skriv 'assets/\(name)'"]))
        }
    }

    /// Words that say nothing of where a link leads: read alone, as screen readers list a
    /// page's links, "här" is every link. Folded to lower case, without the end's punctuation.
    static let vagueLinkTexts: Set<String> = ["här", "klicka här", "klicka", "läs mer", "läs mer här", "mer", "mer här",
                                              "länk", "länken", "denna länk", "den här länken", "se här", "läs här"]

    private mutating func checkLinkText(_ link: MarkdownNode) {
        let text = link.plainText.trimmed.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".:!?,;"))
        guard Self.vagueLinkTexts.contains(text) else { return }
        diagnostics.append(.warning(location(link), "länktexten '\(link.plainText.trimmed)' säger inte vart länken leder", code: "link-text",
                                    notes: ["skriv vad läsaren hittar där, till exempel 'Polisens sida om att anmäla brott' i stället för 'här'; en skärmläsare kan läsa upp sidans länkar utan texten runt dem"]))
    }

    /// The number of a `tel:` link as written, percent-decoded.
    static func telNumber(_ url: String) -> String {
        let written = String(url.dropFirst("tel:".count))
        return written.removingPercentEncoding ?? written
    }

    /// A `tel:` link that dials no one (`tel:070-abc`, by the rule for a contact's `phone`,
    /// `PhoneNumber`), or a `mailto:` link with no address or one that is none (by the rule
    /// for a contact's `email`, `EmailAddress`; a query, `?subject=…`, and several addresses
    /// separated by commas are allowed). Nil for a good one and for other links. A warning:
    /// the link's words still show, but tapped it reaches no one.
    static func addressProblem(_ url: String) -> (message: String, code: String, notes: [String])? {
        let lowered = url.lowercased()
        if lowered.hasPrefix("tel:") {
            let number = telNumber(url)
            guard let problem = PhoneNumber.problem(in: number) else { return nil }
            return (number.trimmed.isEmpty ? "länken '\(url)' har inget telefonnummer efter 'tel:'"
                        : "telefonnumret '\(EmailAddress.visible(number))' i länken '\(url)' \(problem)",
                    "bad-phone", number.trimmed.isEmpty ? ["skriv numret efter 'tel:', till exempel [112](tel:112)"] : [])
        }
        guard lowered.hasPrefix("mailto:") else { return nil }
        let parts = url.dropFirst("mailto:".count).split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let written = String(parts.first ?? "")
        let addresses = (written.removingPercentEncoding ?? written).split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // `mailto:?subject=…` opens a message with its subject written and the recipient left
        // to the reader (RFC 6068): only a link with nothing at all is none.
        if addresses.isEmpty, parts.count < 2 || parts[1].isEmpty {
            return ("länken '\(url)' har ingen e-postadress efter 'mailto:'", "bad-email",
                    ["skriv adressen efter 'mailto:', till exempel mailto:namn@kommun.se, eller länka till en kontakt med kontakt:id"])
        }
        for address in addresses {
            guard let problem = EmailAddress.problem(in: address) else { continue }
            return ("e-postadressen '\(EmailAddress.visible(address))' i länken '\(url)' ser inte ut som en e-postadress: \(problem)", "bad-email", [])
        }
        return nil
    }

    /// A link or image to a file of the council's `assets/` (`path`: its `plainPath`), for
    /// the check stage.
    private mutating func recordAsset(_ path: String, written url: String, at node: MarkdownNode, image: Bool) {
        guard path.hasPrefix("assets/") else { return }
        // A link to a folder ("assets/", "assets/bilder/") names no file: a web server shows
        // no page for it.
        guard path.count > "assets/".count, !path.hasSuffix("/") else {
            diagnostics.append(.warning(location(node), "\(image ? "bilden" : "länken") '\(url)' går till en mapp, inte till en fil, och leder därför ingenstans", code: "link-folder",
                                        notes: ["länka till en fil i mappen, till exempel 'assets/blankett.pdf'"]))
            return
        }
        assets.append(.init(path: String(path.dropFirst("assets/".count)), written: url, image: image, location: location(node)))
    }

    /// A link's path in the handbook as a browser follows it: without its anchor and query,
    /// percent-decoded, `.` and empty parts left out and `x/..` taken away (`assets/./a.pdf`,
    /// `%61ssets/a.pdf` and `assets/b/../a.pdf` are `assets/a.pdf`). A `..` that climbs above
    /// the handbook's folder stays, and a final `/` (a folder) too.
    static func plainPath(_ url: String) -> String {
        var path = String(splitAtHash(url).path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        guard !path.hasPrefix("/"), !containsColon(path) else { return path }
        var parts: [Substring] = []
        let all = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in all.enumerated() {
            if part == "." || (part.isEmpty && index < all.count - 1) { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// What is wrong with a link to a path in the handbook that is not a routine (`x.md`): such
    /// a link is left as written, and only a file the handbook's folder holds is there to
    /// follow. Links to the council's `assets/` are fine (the folder is copied as it is);
    /// nil for web addresses, `tel:`, `mailto:` and anchors.
    static func pathProblem(_ url: String) -> (message: String, code: String, notes: [String])? {
        let path = plainPath(url)
        guard !path.isEmpty, !containsColon(path), !path.hasPrefix("assets/") else { return nil }
        // The handbook's own pages: the contacts page, the print page, the vCard file …
        if !path.contains("/"), PageNames.builtIn.contains(path.lowercased()) { return nil }
        if looksLikeWebAddress(path) {
            return ("länken '\(url)' saknar 'https://' och leder därför till en fil i handboken, som inte finns", "link-file",
                    ["skriv hela adressen: 'https://\(path)'"])
        }
        if path.hasPrefix("/") || path.hasPrefix("../") {
            return ("länken '\(url)' leder utanför handbokens mapp, som ska fungera på egen hand (från disk och på vilken webbplats som helst)", "link-outside",
                    ["länka till en annan webbplats med en hel adress, https://…, och till en rutin med dess fil, till exempel 'polisanmalan.md'"])
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lowered = name.lowercased()
        // A routine's file with a query or a final '/' ("x.md?a=1", "x.md/") is no routine link
        // either: the output has no such file, so the link would lead nowhere.
        let stem = lowered.hasSuffix(".md") ? String(name.dropLast(3))
            : lowered.hasSuffix(".html") ? String(name.dropLast(5)) : lowered.hasSuffix(".htm") ? String(name.dropLast(4)) : name.contains(".") ? nil : name
        if let stem {
            return ("länken '\(url)' går inte till någon rutin; länka till en rutin med dess fil, '\(Slug.make(stem)).md', så kontrolleras att den finns", "link-not-md", [])
        }
        return ("länken '\(url)' går till en fil som inte följer med handboken", "link-file",
                ["lägg filen i kommunens mapp assets/ och länka till 'assets/\(name)'"])
    }

    /// Top-level domains an editor in Sweden is likely to link to. A name ending in one of
    /// them (`polisen.se`, `1177.se/hot`) is a web address without its `https://`, not a file:
    /// none of them is a file ending a handbook's assets use.
    private static let webDomainEndings: Set<Substring> = ["se", "nu", "com", "org", "net", "eu", "info", "gov", "int", "io", "fi", "no", "dk", "de", "uk"]

    /// Whether a path in the handbook is a web address written without `https://`: it begins
    /// with `www.`, or its first part is a host name with one of `webDomainEndings`.
    private static func looksLikeWebAddress(_ path: String) -> Bool {
        let lowered = path.lowercased()
        if lowered.hasPrefix("www.") { return true }
        let host = lowered.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0]
        guard let dot = host.lastIndex(of: "."), dot != host.startIndex,
              host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }) else { return false }
        return webDomainEndings.contains(host[host.index(after: dot)...])
    }

    /// A link to a routine or an anchor, or nil for anything else (web addresses, files, tel:, mailto:).
    static func routineTarget(_ url: String) -> (routine: String?, anchor: String?)? {
        let parts = splitAtHash(url)
        let path = String(parts.path)
        // `#` alone (or `x.md#`) names no heading: it is a link to the top of the page.
        let anchor = parts.anchor.flatMap { $0.isEmpty ? nil : foldAnchor(String($0)) }
        if path.isEmpty { return anchor.map { (nil, $0) } }
        guard !containsColon(path), !path.hasPrefix("/"), path.lowercased().hasSuffix(".md") else { return nil }
        // Without a '%' there is nothing to decode (and decoding is a Foundation round trip).
        let decoded = path.utf8.contains(UInt8(ascii: "%")) ? path.removingPercentEncoding ?? path : path
        let name = decoded.split(separator: "/").last.map(String.init) ?? path
        return (Slug.make(String(name.dropLast(3))), anchor)
    }

    /// The text before the first '#' and, if there is one, the text after it, split on
    /// characters as `split(separator:)` does; for ASCII text, where every character is one
    /// byte, on bytes.
    private static func splitAtHash(_ url: String) -> (path: Substring, anchor: Substring?) {
        let bytes = url.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            let parts = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            return (parts[0], parts.count > 1 ? parts[1] : nil)
        }
        guard let hash = bytes.firstIndex(of: UInt8(ascii: "#")) else { return (url[...], nil) }
        return (url[..<hash], url[bytes.index(after: hash)...])
    }

    /// Whether `path` contains ':', as Foundation's `contains` finds it; for ASCII text, where
    /// every character is one byte, without Foundation's search.
    private static func containsColon(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return path.contains(":") }
        return bytes.contains(UInt8(ascii: ":"))
    }

    /// `#Riskbedömning` and `#riskbed%C3%B6mning` both mean the heading `riskbedomning`.
    static func foldAnchor(_ anchor: String) -> String {
        Slug.make(anchor.utf8.contains(UInt8(ascii: "%")) ? anchor.removingPercentEncoding ?? anchor : anchor)
    }

    private mutating func referenceContact(_ id: String, link: MarkdownNode, at: SourceLocation) {
        guard let paragraph = link.parent else { return }
        // Child by child, stopping at the first other one: a paragraph of many contact links
        // would otherwise be listed whole for each of them.
        var alone = paragraph.kind == .paragraph
        var child = paragraph.firstChild
        while alone, let current = child {
            alone = current == link || (current.kind == .text && (current.literal ?? "").allSatisfy(\.isWhitespace)) || current.kind == .softBreak
            child = current.next
        }
        let marker = "\(RenderedMarkdown.marker)\(contacts.count)\(RenderedMarkdown.marker)"
        if alone {
            contacts.append(.init(id: id, style: .card, location: at))
            let card = document.makeNode(.customBlock)
            card.setCustomHTML(onEnter: marker)
            outlineMarks[card] = .card(contact: id)
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
