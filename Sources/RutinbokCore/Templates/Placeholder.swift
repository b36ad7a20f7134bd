/// `U+E000 <number> & U+E001`: private-use characters no template may contain around a
/// number and an ampersand, which HTML escaping turns into `&amp;`; so the rendered
/// placeholder tells both where a text goes and whether the template escaped it.
enum Placeholder {
    static let start: Unicode.Scalar = "\u{E000}"
    static let end: Unicode.Scalar = "\u{E001}"
    private static let startBytes: [UInt8] = [0xEE, 0x80, 0x80]
    private static let endBytes: [UInt8] = [0xEE, 0x80, 0x81]

    static func text(_ number: Int) -> String { "\u{E000}\(number)&\u{E001}" }

    /// `U+E000 L <number> U+E001`: where the items of list call `number` go.
    static func list(_ number: Int) -> String { "\u{E000}L\(number)\u{E001}" }

    static func parseList(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (number: Int, end: Int)? {
        guard bytes[start] == 0xEE, matches(startBytes, bytes, at: start), start + 3 < bytes.count,
              bytes[start + 3] == UInt8(ascii: "L") else { return nil }
        var index = start + 4
        var number = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 13 {
            number = number * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > start + 4, matches(endBytes, bytes, at: index) else { return nil }
        return (number, index + 3)
    }

    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        matches(startBytes, bytes, at: index) || matches(endBytes, bytes, at: index)
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (number: Int, escaped: Bool, end: Int)? {
        guard bytes[start] == 0xEE, matches(startBytes, bytes, at: start) else { return nil }
        var index = start + 3
        var number = 0
        let digitsStart = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - digitsStart < 9 {
            number = number * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index > digitsStart else { return nil }
        let escaped: Bool
        if matches(Array("&amp;".utf8), bytes, at: index) {
            escaped = true
            index += 5
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "&") {
            escaped = false
            index += 1
        } else {
            return nil
        }
        guard matches(endBytes, bytes, at: index) else { return nil }
        return (number, escaped, index + 3)
    }

    private static func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}
