import Foundation

extension String {
    /// The text with `\r\n` and lone `\r` turned into `\n`. Files saved on Windows then read
    /// like any other: Swift treats `\r\n` as one character, so splitting on `\n` would miss it.
    var withUnixLineEndings: String {
        guard containsByte(UInt8(ascii: "\r")) else { return self }
        return replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
