/// What a frame is the output of: a template, or the text of a list section within one.
enum FrameSource {
    case template(String)
    case section(String)

    /// Part of a frame's key: a section by a hash of its text, which pages repeat.
    var key: String {
        switch self {
        case .template(let name): return name
        case .section(let text):
            var hash = ContentHash()
            hash.add(text)
            return "\u{3}\(text.utf8.count)-\(hash.value)"
        }
    }
}

/// A template's output for one shape, cut at the placeholders.
struct Frame: Sendable {
    enum Piece: Sendable {
        case text(String)
        /// The shape's text with this number, escaped for HTML or as it is.
        case slot(Int, escaped: Bool)
        /// The items of a list, each through the frame of its section: `calls[number]`.
        case list(Int)
    }

    /// A list section the template reached: the list's key in the context level that holds
    /// it (0 is the outermost), and the section's text.
    struct ListCall: Sendable, Equatable {
        let level: Int
        let key: String
        let section: String
    }

    let calls: [ListCall]
    private let textBytes: Int

    /// The frame as pieces (how `FrameStore` keeps it): made from `steps`, which is what is kept.
    var pieces: [Piece] {
        steps.map { step in
            switch step {
            case .text(let number): .text(literals[number])
            case .slot(let number, let escaped): .slot(number, escaped: escaped)
            case .list(let call): .list(call)
            }
        }
    }

    /// The pieces as filling reads them, with nothing to count references of: both cores fill
    /// the same frames at once, and each piece's text was retained and released for every
    /// page (one count, written by both cores); ≈1 % of a full build's CPU time.
    enum Step: Sendable {
        /// `literals[number]`.
        case text(Int)
        case slot(Int, escaped: Bool)
        /// `calls[number]`, whose section's frame key is `sectionKeys[number]`.
        case list(Int)
    }

    let steps: [Step]
    let literals: [String]
    /// `FrameSource.section(calls[i].section).key`, worked out once.
    let sectionKeys: [String]

    init(pieces: [Piece], calls: [ListCall] = []) {
        self.calls = calls
        var literals: [String] = []
        steps = pieces.map { piece in
            switch piece {
            case .text(let text):
                literals.append(text)
                return .text(literals.count - 1)
            case .slot(let number, let escaped): return .slot(number, escaped: escaped)
            case .list(let call): return .list(call)
            }
        }
        self.literals = literals
        sectionKeys = calls.map { FrameSource.section($0.section).key }
        textBytes = literals.reduce(0) { $0 + $1.utf8.count }
    }

    /// Cuts rendered output at its placeholders and list markers; nil when one is not whole
    /// or names a list call that is not in `calls`.
    init?(_ rendered: String, calls: [ListCall] = []) {
        var pieces: [Piece] = []
        var failed = false
        rendered.utf8.withContiguousStorageIfAvailable { bytes in
            var literalStart = 0
            var index = 0
            while index < bytes.count {
                let piece: Piece
                let end: Int
                if let slot = Placeholder.parse(bytes, at: index) {
                    (piece, end) = (.slot(slot.number, escaped: slot.escaped), slot.end)
                } else if let list = Placeholder.parseList(bytes, at: index), list.number < calls.count {
                    (piece, end) = (.list(list.number), list.end)
                } else {
                    if Placeholder.starts(bytes, at: index) { failed = true; return }
                    index += 1
                    continue
                }
                if literalStart < index {
                    pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<index]), as: UTF8.self)))
                }
                pieces.append(piece)
                index = end
                literalStart = index
            }
            if literalStart < bytes.count {
                pieces.append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart...]), as: UTF8.self)))
            }
        } ?? { failed = true }()
        guard !failed else { return nil }
        self.init(pieces: pieces, calls: calls)
    }

    /// The output for a shape without lists framed item by item (`TemplateShape`).
    func filled(with texts: [String]) -> String {
        var output = ""
        output.reserveCapacity(textBytes + texts.reduce(0) { $0 + $1.utf8.count })
        literals.withUnsafeBufferPointer { literals in
            for step in steps {
                switch step {
                case .text(let number): output += literals[number]
                case .slot(let number, let escaped): output += escaped ? HTML.escape(texts[number]) : texts[number]
                case .list: preconditionFailure("a frame of a whole shape has no list slots")
                }
            }
        }
        return output
    }
}
