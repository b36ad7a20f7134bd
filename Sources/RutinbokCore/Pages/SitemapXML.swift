/// The bytes of a sitemap file: an XML declaration, one root element in the sitemaps.org
/// namespace (`urlset`, or `sitemapindex` for an index), and one `<loc>` entry per line.
///
/// An address in a sitemap must be a URL as RFC 3986 writes it, entity-escaped as XML. The
/// parts rutinbok makes are slugs (a–z, 0–9, '-'); site.yml's `address` is a URL Foundation
/// accepted, which may still hold a space or a letter outside ASCII. So every byte goes through
/// `append`: what a URL may not hold is percent-encoded, and what XML gives a
/// meaning is written as an entity.
struct SitemapXML {
    private var bytes: [UInt8] = []
    private let root: String

    init(root: String) {
        self.root = root
        bytes.reserveCapacity(4096)
        bytes += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(root) xmlns=\"\(Sitemap.namespace)\">\n".utf8
    }

    /// Opens an entry: `<element><loc>`; its address follows, in parts (`append`).
    mutating func open(_ element: String) {
        bytes += "<\(element)><loc>".utf8
    }

    mutating func close(_ element: String) {
        bytes += "</loc></\(element)>\n".utf8
    }

    mutating func finish() -> [UInt8] {
        bytes += "</\(root)>\n".utf8
        return bytes
    }

    /// A part of an entry's address.
    mutating func append(_ part: String) {
        for byte in part.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "'"): bytes += "&apos;".utf8
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: " "), UInt8(ascii: "`"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
                 0..<0x20, 0x7F...:
                bytes += "%".utf8
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)
}
