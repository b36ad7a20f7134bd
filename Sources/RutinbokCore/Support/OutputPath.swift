/// Guards every path that ends up under the output folder.
public enum OutputPath {
    /// Why `path` may not be written under the output folder, or nil if it is safe:
    /// relative, no `..`, no empty or hidden parts, no backslashes or control characters.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "is empty" }
        if path.hasPrefix("/") || path.hasPrefix("~") { return "is absolute; write it relative to the council folder" }
        if path.contains("\\") || path.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "contains characters that are not allowed in a path" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if parts.contains("..") { return "leads out of its folder with '..'" }
        if parts.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) { return "has an empty or hidden part" }
        return nil
    }
}
