import Foundation

/// Where something built is published on the web (site.yml's and council.yml's `address`): an
/// http(s) address with a host and no query or fragment, kept with a closing `/`, so that a
/// page's name can follow it.
enum PublishedAddress {
    static func normalized(_ value: String) -> String? {
        guard let url = URL(string: value), ["https", "http"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
              url.query == nil, url.fragment == nil else { return nil }
        return value.hasSuffix("/") ? value : value + "/"
    }
}
