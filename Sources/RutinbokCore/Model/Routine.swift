/// One routine document: front matter plus Markdown body.
public struct Routine: Sendable {
    public enum Access: String, Sendable { case `public`, `internal` }

    /// Where the routine comes from; later layers replace earlier ones by id.
    public enum Layer: Sendable, Hashable {
        case base
        case group(String)
        case council(String)
    }

    public var id: String
    public var layer: Layer
    public var title: String
    public var summary: String
    public var phase: Located<String>
    public var order: Int
    public var audience: [Located<String>]
    public var owner: Located<String>
    public var reviewed: Located<Day>?
    public var decided: String?
    public var access: Access
    public var reviewIntervalMonths: Int?
    /// Offered as an example for other councils.
    public var share: Bool
    /// `<council>/<id>` of the example this routine was adopted from.
    public var adoptedFrom: Located<String>?
    public var body: String
    /// Line in the file where the body starts, so Markdown positions map back to the file.
    public var bodyLine: Int
    public var location: SourceLocation
}
