import Synchronization

/// UTF-8 text as a cache file holds it, made into a `String` only when it is read.
///
/// A changed build takes every rendered body from the Markdown cache, 40 MB of HTML and
/// text on the 310-council corpus, but shows the HTML of the few councils it renders again;
/// the checks and the portal read only headings, links and readability. So a body read from
/// the mapped cache file keeps its large texts where they lie (its record was checked when it
/// was read), and they are decoded when first read. The text keeps the mapping alive.
///
/// The decoded `String` is kept: a base routine's body is shared by every council that
/// inherits it, and a changed base routine renders the print page of ≈240 councils, each
/// reading the same few dozen bodies (decoding them each time was 5 % of that build).
struct StoredText: @unchecked Sendable {
    private enum Source {
        case string(String)
        /// Bytes in memory that `owner` keeps mapped, and their `String` once decoded.
        case bytes(owner: AnyObject, UnsafeRawBufferPointer, Decoded)
    }

    /// The `String` of stored bytes, made by the first reader; shared by the copies of a text.
    private final class Decoded: Sendable {
        let string = Mutex<String?>(nil)
    }

    private let source: Source

    init(_ string: String) { source = .string(string) }

    init(_ bytes: UnsafeRawBufferPointer, owner: AnyObject) { source = .bytes(owner: owner, bytes, Decoded()) }

    var string: String {
        switch source {
        case .string(let string): return string
        case .bytes(_, let bytes, let decoded):
            if let string = decoded.string.withLock({ $0 }) { return string }
            let string = String(decoding: bytes, as: UTF8.self)
            decoded.string.withLock { $0 = string }
            return string
        }
    }

    /// The UTF-8 bytes, without making a `String` of bytes kept as they are.
    func withUTF8<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch source {
        case .string(var string): try string.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .bytes(let owner, let bytes, _): try withExtendedLifetime(owner) { try body(bytes) }
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
