/// UTF-8 text made only of "plain" scalars: everything below U+0300 (ASCII, Latin-1, Latin
/// Extended: all Swedish letters) and the common punctuation and currency signs U+2010–U+2027,
/// U+202F–U+205E and U+20A0–U+20BF (dashes, typographic quotes, ellipsis, €).
///
/// Every plain scalar is its own NFC form, none is a combining mark, and none joins its
/// neighbour into one Character, except CR followed by LF. So in plain text two strings are
/// equal exactly when their bytes are, and a Character is one scalar (or CR LF): the diff can
/// work on bytes and still give what working on Strings and Characters gives. Text with any
/// other scalar takes the String path. (Tests check these facts for every plain scalar.)
enum PlainUTF8 {
    /// What the diff needs to know about one plain scalar, packed into a byte.
    struct Traits {
        var bits: UInt8
        var kind: WordDiff.TokenKind { WordDiff.TokenKind(rawValue: bits & 3)! }
        /// `Character.isWhitespace` of the scalar's Character.
        var isWhitespace: Bool { bits & 4 != 0 }
        /// `Character.isNewline` of the scalar's Character.
        var isNewline: Bool { bits & 8 != 0 }
    }

    /// Whether every scalar of the UTF-8 text is plain.
    ///
    /// Every byte from 0xCC up is the first of a scalar (continuation bytes are 0x80–0xBF), and
    /// every scalar below U+0300 is written with bytes below 0xCC. So the text (valid UTF-8, as
    /// every String is) is plain exactly when each byte from 0xCC up begins a plain punctuation
    /// sign: the search looks only for those bytes, eight at a time, which in Swedish text with
    /// an "å", "ä" or "ö" every few words is several times faster than stepping scalar by scalar.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                // A byte is 0xCC or above when its high bit is set and its low seven bits are
                // 0x4C or above, which adding 0x34 to them carries into their byte's high bit.
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let high = word & ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & 0x8080_8080_8080_8080
                if high == 0 { index += 8; continue }
                index += high.trailingZeroBitCount / 8
            } else if bytes[index] < 0xCC {
                index += 1
                continue
            }
            guard bytes[index] == 0xE2, index + 2 < count, isPlainPunctuation(scalarValue(bytes, at: index)) else { return false }
            index += 3
        }
        return true
    }

    /// Whether a scalar from U+2000 to U+2FFF is plain.
    @inline(__always)
    private static func isPlainPunctuation(_ value: UInt32) -> Bool {
        (0x2010...0x2027).contains(value) || (0x202F...0x205E).contains(value) || (0x20A0...0x20BF).contains(value)
    }

    /// The number of bytes of the scalar whose first byte is `lead` (plain text only).
    @inline(__always)
    static func length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : (lead < 0xE0 ? 2 : 3)
    }

    /// The value of the plain scalar starting at `index`.
    @inline(__always)
    static func scalarValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return lead }
        if lead < 0xE0 { return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F) }
        return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
    }

    /// The traits of the plain scalar starting at `index`.
    @inline(__always)
    static func traits(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, table: UnsafeBufferPointer<UInt8>) -> Traits {
        let value = scalarValue(bytes, at: index)
        return Traits(bits: table[Int(value < 0x300 ? value : value - 0x2010 + 0x300)])
    }

    /// The traits of the scalar starting at `index`, or nil when it is not plain.
    @inline(__always)
    static func checkedTraits(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, table: UnsafeBufferPointer<UInt8>) -> Traits? {
        let lead = bytes[index]
        if lead < 0xCC { return traits(bytes, at: index, table: table) }
        guard lead == 0xE2, index + 2 < bytes.count, isPlainPunctuation(scalarValue(bytes, at: index)) else { return nil }
        return traits(bytes, at: index, table: table)
    }

    /// Traits of U+0000–U+02FF, then of U+2010–U+20BF, by table index (see `traits`).
    static let table: [UInt8] = {
        let scalars = (0..<UInt32(0x300)).map { $0 } + (0x2010..<UInt32(0x20C0)).map { $0 }
        return scalars.map { value in
            guard let scalar = Unicode.Scalar(value) else { return WordDiff.TokenKind.other.rawValue }
            let character = Character(scalar)
            return WordDiff.tokenKind(scalar).rawValue | (character.isWhitespace ? 4 : 0) | (character.isNewline ? 8 : 0)
        }
    }()
}
