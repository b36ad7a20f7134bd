import Foundation

/// Maps request paths to files in the output folder, and never to a file outside it.
///
/// The folder is looked up again for every request: the publisher swaps in a new output
/// folder after each build, so a handle kept open would serve the previous build.
struct OutputFolder: Sendable {
    enum Lookup: Equatable {
        /// A regular file inside the output; `path` has every symlink resolved.
        case file(path: String)
        /// A folder asked for without its trailing slash.
        case redirect(location: String)
        case notFound
        /// A path that tries to leave the output or hides what it means (`..`, `%2f`, `\`, NUL).
        case forbidden
    }

    let path: String

    /// `raw` is the request target's path, still percent-encoded.
    func lookup(_ raw: String, query: String = "") -> Lookup {
        guard let segments = Self.segments(of: raw) else { return .forbidden }
        guard segments.allSatisfy({ !$0.hasPrefix(".") }) else { return .notFound }
        guard let root = Self.realPath(path) else { return .notFound }
        let joined = segments.isEmpty ? root : root + "/" + segments.joined(separator: "/")
        guard let resolved = Self.realPath(joined) else { return .notFound }
        guard resolved == root || resolved.hasPrefix(root + "/") else { return .forbidden }
        var info = stat()
        guard stat(resolved, &info) == 0 else { return .notFound }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            guard raw.hasSuffix("/") else {
                return .redirect(location: raw + "/" + (query.isEmpty ? "" : "?" + query))
            }
            guard let index = Self.realPath(resolved + "/index.html") else { return .notFound }
            guard index.hasPrefix(root + "/") else { return .forbidden }
            return Self.isRegularFile(index) ? .file(path: index) : .notFound
        case S_IFREG:
            return raw.hasSuffix("/") ? .notFound : .file(path: resolved)
        default:
            return .forbidden
        }
    }

    /// The decoded path segments, or nil when the path is one no honest link produces.
    static func segments(of raw: String) -> [String]? {
        guard raw.hasPrefix("/"), !raw.hasPrefix("//") else { return nil }
        let lowered = raw.lowercased()
        // An encoded slash, backslash or NUL would change what the segments mean after decoding.
        for banned in ["%2f", "%5c", "%00", "\\", "\0"] where lowered.contains(banned) { return nil }
        var segments: [String] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            guard let decoded = String(part).removingPercentEncoding else { return nil }
            if decoded == ".." || decoded == "." || decoded.contains("/") || decoded.contains("\\") || decoded.contains("\0") {
                return nil
            }
            segments.append(decoded)
        }
        return segments
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
