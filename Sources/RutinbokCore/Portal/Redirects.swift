import Foundation

/// `rutinbok redirects`: every former id of every handbook (`aliases`) with the page it leads
/// to, as a web server's rules for a real redirect (301), which keeps an anchor and a query that
/// the page at the old address (`<meta http-equiv="refresh">`) loses.
public struct Redirects: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, nginx, apache }

    /// One former address and the new one, relative to the top of the output.
    public struct Move: Sendable, Equatable {
        public var from: String
        public var to: String
    }

    public var moves: [Move]

    /// The moves of the chosen councils' handbooks (all without a choice), as a build with the
    /// same options publishes them: an internal routine's only with `includeInternal`.
    public static func make(content: String, councils: [String] = [], groups: [String] = [],
                            includeInternal: Bool = false) async -> (Redirects?, [Diagnostic]) {
        let (chosen, problems) = await CouncilSelection.handbooks(content: content, councils: councils, groups: groups,
                                                                 includeInternal: includeInternal)
        guard let handbooks = chosen?.handbooks else { return (nil, problems) }
        let moves = handbooks.sorted { $0.council.slug < $1.council.slug }.flatMap { handbook in
            handbook.aliases.map { alias in
                Move(from: "\(handbook.council.slug)/\(PageNames.html(alias.name))", to: "\(handbook.council.slug)/\(PageNames.html(alias.routine))")
            }
        }
        return (Redirects(moves: moves), problems.normalized())
    }

    /// The moves relative to each handbook's folder (`hot.html`, not `nyby/hot.html`): for a
    /// council's folder published alone.
    public func insideTheirFolders() -> Redirects {
        Redirects(moves: moves.map { move in
            func inside(_ path: String) -> String { path.firstIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path }
            return Move(from: inside(move.from), to: inside(move.to))
        })
    }

    /// The rules, for an output published at `prefix` (`/` at a host's root, `/rutiner/`).
    public func rendered(as format: Format, prefix: String = "/") -> String {
        var base = prefix.hasPrefix("/") ? prefix : "/" + prefix
        if !base.hasSuffix("/") { base += "/" }
        switch format {
        case .text:
            return moves.map { "\(base)\($0.from)\t\(base)\($0.to)\n" }.joined()
        case .nginx:
            // A map is declared in the http block; the `if` goes in the server block.
            // nginx's default bucket (64) holds no key as long as these paths.
            var lines = ["# rutinbok redirects: i http-blocket. I server-blocket: if ($rutinbok_moved) { return 301 $rutinbok_moved$is_args$args; }",
                         "# Ta bort raden map_hash_bucket_size om den redan står i nginx:s inställningar.",
                         "map_hash_bucket_size 256;",
                         "map $uri $rutinbok_moved {"]
            lines += moves.map { "    \(base)\($0.from) \(base)\($0.to);" }
            lines.append("}")
            return lines.joined(separator: "\n") + "\n"
        case .apache:
            var lines = ["# rutinbok redirects: i <VirtualHost> (mod_rewrite). Frågan efter ? följer med.", "RewriteEngine on"]
            lines += moves.map { "RewriteRule ^\(Self.regex(base + $0.from))$ \(base)\($0.to) [R=301,L]" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// A path as a regular expression that matches it alone.
    static func regex(_ path: String) -> String {
        var result = ""
        for character in path {
            if "\\.^$|?*+()[]{}".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
