import Foundation

/// A folder named on the command line, spelt one way: messages show files below it with
/// this spelling, and the caches beside the output are keyed on it. `content`, `./content/`
/// and the folder's absolute path are one folder, so a build given one spelling reuses
/// what a build given another made, and shows the same paths.
enum FolderPath {
    /// Relative to `directory` (the working directory) when the folder is inside it;
    /// otherwise the path as given without `.`, `..` where it can and repeated slashes. The
    /// paths are compared as written, so the spelling is used only when the system finds the
    /// same folder by it (a `..` after a symbolic link leads elsewhere than the text says);
    /// otherwise the path stays as given.
    static func canonical(_ given: String, in directory: String = FileManager.default.currentDirectoryPath) -> String {
        let path = physical(given, in: directory)
        let spelt = spelling(path, in: directory)
        guard spelt != path else { return path }
        let resolve = { (folder: String) in folder.hasPrefix("/") ? folder : directory + "/" + folder }
        var given = stat(), found = stat()
        guard stat(resolve(path), &given) == 0, stat(resolve(spelt), &found) == 0,
              given.st_dev == found.st_dev, given.st_ino == found.st_ino else { return path }
        return spelt
    }

    /// `canonical` by the text alone.
    static func spelling(_ path: String, in directory: String) -> String {
        let base = lexical(directory)
        let absolute = lexical(path.hasPrefix("/") ? path : directory + "/" + path)
        if absolute == base { return "." }
        if base == "/" { return String(absolute.dropFirst()) }
        if absolute.hasPrefix(base + "/") { return String(absolute.dropFirst(base.count + 1)) }
        guard !path.hasPrefix("/") else { return absolute }
        let relative = lexical(path)
        return relative.isEmpty ? "." : relative
    }

    /// `a/./b//c/../d/` → `a/b/d`; a `..` that climbs above the start is kept (or, from `/`,
    /// dropped, as the system does).
    private static func lexical(_ path: String) -> String {
        let rooted = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", rooted {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return rooted ? "/" + joined : joined
    }
}

extension FolderPath {
    /// A path with `..` in it as the system follows it: a `..` after a symbolic link leads to
    /// the link target's parent, where taking the last part off the text leads elsewhere (the
    /// build would read one folder and check another). The longest part that exists is
    /// resolved (`realpath`), the rest added as written. A path without `..` is returned as it is.
    static func physical(_ path: String, in directory: String = FileManager.default.currentDirectoryPath) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.contains("..") else { return path }
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        let all = absolute.split(separator: "/", omittingEmptySubsequences: false)
        for end in stride(from: all.count, through: 1, by: -1) {
            let prefix = all[..<end].joined(separator: "/")
            guard let resolved = realpath(prefix.isEmpty ? "/" : prefix, nil) else { continue }
            defer { free(resolved) }
            let rest = all[end...]
            return ([String(cString: resolved)] + rest.map(String.init)).joined(separator: "/")
        }
        return path
    }
}

extension Build.Options {
    /// The same build with its content and template folders spelt as `FolderPath` spells them,
    /// and every folder's `..` followed as the system follows it.
    func withCanonicalFolders() -> Build.Options {
        var options = self
        options.content = FolderPath.canonical(content)
        options.templates = FolderPath.canonical(templates)
        options.shippedTemplates = shippedTemplates.map { FolderPath.canonical($0) }
        options.output = FolderPath.physical(output)
        return options
    }

    /// The folders the output may neither be, nor be inside, nor contain: the build reads them.
    var inputFolders: [String] {
        [content, templates] + [shippedTemplates].compactMap { $0 }
    }
}
