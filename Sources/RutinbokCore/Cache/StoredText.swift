/// UTF-8 text as a cache file holds it, made into a `String` only when it is read.
///
/// A changed build takes every rendered body from the Markdown cache, 40 MB of HTML and
/// text on the 310-council corpus, but shows the HTML of the few councils it renders again;
/// the checks and the portal read only headings, links and readability. So a body read from
/// the mapped cache file keeps its large texts where they lie (its record was checked when it
/// was read), and each read of them decodes the bytes. The text keeps the mapping alive.
struct StoredText: @unchecked Sendable {
    private enum Source {
        case string(String)
        /// Bytes in memory that `owner` keeps mapped.
        case bytes(owner: AnyObject, UnsafeRawBufferPointer)
    }

    private let source: Source

    init(_ string: String) { source = .string(string) }

    init(_ bytes: UnsafeRawBufferPointer, owner: AnyObject) { source = .bytes(owner: owner, bytes) }

    var string: String {
        switch source {
        case .string(let string): string
        case .bytes(_, let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The UTF-8 bytes, without making a `String` of bytes kept as they are.
    func withUTF8<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch source {
        case .string(var string): try string.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .bytes(let owner, let bytes): try withExtendedLifetime(owner) { try body(bytes) }
        }
    }
}

extension ByteWriter {
    mutating func write(_ text: StoredText) {
        text.withUTF8 { bytes in
            write(bytes.count)
            append(bytes)
        }
    }

    mutating func write(_ text: StoredText?) {
        write(text != nil)
        if let text { write(text) }
    }
}

extension ByteReader {
    /// A string as `string()` reads it, kept as bytes when the reader's memory has an owner
    /// that keeps it (a mapped cache file).
    mutating func storedText() -> StoredText? {
        guard let owner else { return string().map(StoredText.init) }
        guard let count = int(), let bytes = raw(count) else { return nil }
        return StoredText(bytes, owner: owner)
    }

    mutating func optionalStoredText() -> StoredText?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return storedText().map { .some($0) }
    }
}
