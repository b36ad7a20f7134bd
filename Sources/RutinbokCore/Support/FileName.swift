import Foundation

/// File names as bytes. A file system keeps a name's bytes as they were written, and an 'ö'
/// can be written as one character (the composed form, NFC, what keyboards type) or as an
/// 'o' and a combining mark (the decomposed form, NFD, which some Mac programs write).
/// Both look the same; a link, a web server and a file system each see other bytes.
enum FileName {
    /// Whether `name` is in the composed form (NFC), byte for byte. ASCII names always are.
    static func isComposed(_ name: String) -> Bool {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        return name.precomposedStringWithCanonicalMapping.utf8.elementsEqual(name.utf8)
    }
}
