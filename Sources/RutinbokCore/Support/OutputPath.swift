/// Guards every path that ends up under the output folder.
public enum OutputPath {
    /// Why `path` may not be written under the output folder, or nil if it is safe:
    /// relative, no `..`, no empty or hidden parts, no backslashes or control characters.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "är tom" }
        if path.hasPrefix("/") || path.hasPrefix("~") { return "börjar med '/' eller '~'; skriv den från kommunens mapp, till exempel 'assets/logo.svg'" }
        if path.contains("\\") || path.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "innehåller tecken som inte får finnas i en sökväg" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") { return "leder ut ur sin mapp med '..'" }
        if parts.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) { return "har en tom eller dold del" }
        return nil
    }
}
