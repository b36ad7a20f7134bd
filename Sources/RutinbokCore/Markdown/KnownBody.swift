/// What rendering a routine's body found in an earlier build, for a routine whose text this
/// build has not read (a council taken from the council cache, `CouncilCache`): enough for
/// the checks and the portal, which need only the readability, and for the Markdown cache,
/// where the body's hash and length find the rendered HTML when a page needs it.
struct KnownBody: Sendable, Equatable {
    var bodyHash: UInt64
    var bodyLength: Int
    /// The council option the body was rendered with; the facts hold for that rendering only.
    var allowRawHTML: Bool
    var readability: Readability
    var diagnostics: [Diagnostic]

    func write(to writer: inout ByteWriter) {
        writer.write(bodyHash)
        writer.write(bodyLength)
        writer.write(allowRawHTML)
        writer.write(readability.words)
        writer.write(readability.sentences)
        writer.write(readability.longWords)
        writer.write(diagnostics) { writer, diagnostic in diagnostic.write(to: &writer) }
    }

    init(bodyHash: UInt64, bodyLength: Int, allowRawHTML: Bool, readability: Readability, diagnostics: [Diagnostic]) {
        self.bodyHash = bodyHash
        self.bodyLength = bodyLength
        self.allowRawHTML = allowRawHTML
        self.readability = readability
        self.diagnostics = diagnostics
    }

    init?(from reader: inout ByteReader) {
        guard let hash = reader.uint64(), let length = reader.int(), let allowRawHTML = reader.bool(),
              let words = reader.int(), let sentences = reader.int(), let longWords = reader.int(),
              let diagnostics = reader.list({ Diagnostic(from: &$0) }) else { return nil }
        self.init(bodyHash: hash, bodyLength: length, allowRawHTML: allowRawHTML,
                  readability: Readability(words: words, sentences: sentences, longWords: longWords), diagnostics: diagnostics)
    }
}
