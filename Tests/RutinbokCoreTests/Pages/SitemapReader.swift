import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A sitemap file read by an XML parser (libxml2, through Foundation), not by string search:
/// a file that is not well-formed fails here, and the namespace is the one the parser resolved.
final class SitemapReader: NSObject, XMLParserDelegate {
    /// The root element's local name and namespace.
    private(set) var root: (name: String, namespace: String?)?
    /// Every element's local name, in document order.
    private(set) var elements: [String] = []
    /// The text of each `loc`.
    private(set) var locations: [String] = []
    private(set) var error: Error?
    private var text: String?

    /// Nil when the bytes are not well-formed XML.
    static func read(_ data: Data) -> SitemapReader? {
        let reader = SitemapReader()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        guard parser.parse(), reader.error == nil else { return nil }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = (name, namespaceURI) }
        elements.append(name)
        if name == "loc" { text = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "loc", let text { locations.append(text) }
        text = nil
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        error = parseError
    }
}
