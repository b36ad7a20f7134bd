import Foundation

/// Where something built is published on the web (site.yml's and council.yml's `address`): an
/// http(s) address with a host and no query, fragment, user or password, kept with a closing
/// `/`, so that a page's name can follow it. No white space or control character: the address
/// is written into robots.txt line by line, where a line break would add rules of its own.
enum PublishedAddress {
    static func normalized(_ value: String) -> String? {
        guard !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }),
              let url = URL(string: value), ["https", "http"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
              url.query == nil, url.fragment == nil, url.user == nil, url.password == nil else { return nil }
        return value.hasSuffix("/") ? value : value + "/"
    }

    /// The path of a normalized address (`https://host/rutiner/` → `/rutiner/`): what the page
    /// for a missing address gets as its `<base href>`. Without the host, the page works at
    /// whatever name readers reach the server by (`www.` or not, http or https, an intranet's
    /// short name), where a base on another origin is refused by `base-uri 'self'`.
    static func path(of address: String) -> String {
        let path = URLComponents(string: address)?.percentEncodedPath ?? ""
        let rooted = path.hasPrefix("/") ? path : "/" + path
        return rooted.hasSuffix("/") ? rooted : rooted + "/"
    }
}
