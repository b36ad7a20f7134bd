/// Guards every path that ends up under the output folder.
public enum OutputPath {
    /// Why `path` may not be written under the output folder, or nil if it is safe:
    /// relative, no `..`, no empty or hidden parts, no backslashes or control characters.
    ///
    /// Checked on the bytes, as the file system reads the path: on Characters, a `/` or `.`
    /// followed by a combining mark is another Character, and "../\u{301}x" would pass.
    public static func problem(with path: String) -> String? {
        let bytes = Array(path.utf8)
        if bytes.isEmpty { return "är tom" }
        if bytes[0] == UInt8(ascii: "/") || bytes[0] == UInt8(ascii: "~") { return "börjar med '/' eller '~'; skriv den från kommunens mapp, till exempel 'assets/logo.svg'" }
        if bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 == 0x7F }) { return "innehåller tecken som inte får finnas i en sökväg" }
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if parts.contains(where: { $0.elementsEqual("..".utf8) }) { return "leder ut ur sin mapp med '..'" }
        if parts.contains(where: { $0.isEmpty || $0.first == UInt8(ascii: ".") }) { return "har en tom eller dold del" }
        return nil
    }
}
