/// One routine document: front matter plus Markdown body.
public struct Routine: Sendable {
    public enum Access: String, Sendable { case `public`, `internal` }

    /// Where the routine comes from; later layers replace earlier ones by id.
    public enum Layer: Sendable, Hashable {
        case base
        case group(String)
        case council(String)
    }

    /// The fields live in one shared box: a routine is copied into every handbook that holds it, and a copy is
    /// then one retain, not one per field.
    private final class Storage: @unchecked Sendable {
        var id: String
        var layer: Layer
        var title: String
        var summary: String
        var phase: Located<String>
        var order: Int
        var audience: [Located<String>]
        var owner: Located<String>
        var reviewed: Located<Day>?
        var decided: String?
        var access: Access
        var reviewIntervalMonths: Int?
        var share: Bool
        var adoptedFrom: Located<String>?
        var aliases: [Located<String>]
        var body: String
        /// The body as a cache record holds it, decoded on first read (`readBody`).
        var storedBody: StoredText?
        var bodyLine: Int
        var location: SourceLocation

        init(id: String, layer: Layer, title: String, summary: String, phase: Located<String>, order: Int,
             audience: [Located<String>], owner: Located<String>, reviewed: Located<Day>? = nil,
             decided: String? = nil, access: Access, reviewIntervalMonths: Int? = nil, share: Bool,
             adoptedFrom: Located<String>? = nil, aliases: [Located<String>] = [], body: String, bodyLine: Int,
             location: SourceLocation) {
            self.id = id
            self.layer = layer
            self.title = title
            self.summary = summary
            self.phase = phase
            self.order = order
            self.audience = audience
            self.owner = owner
            self.reviewed = reviewed
            self.decided = decided
            self.access = access
            self.reviewIntervalMonths = reviewIntervalMonths
            self.share = share
            self.adoptedFrom = adoptedFrom
            self.aliases = aliases
            self.body = body
            self.bodyLine = bodyLine
            self.location = location
        }

        func copy() -> Storage {
            let copy = Storage(id: id, layer: layer, title: title, summary: summary, phase: phase, order: order,
                               audience: audience, owner: owner, reviewed: reviewed, decided: decided, access: access,
                               reviewIntervalMonths: reviewIntervalMonths, share: share, adoptedFrom: adoptedFrom,
                               aliases: aliases, body: body, bodyLine: bodyLine, location: location)
            copy.storedBody = storedBody
            return copy
        }
    }

    private var storage: Storage

    init(id: String, layer: Layer, title: String, summary: String, phase: Located<String>, order: Int,
         audience: [Located<String>], owner: Located<String>, reviewed: Located<Day>? = nil,
         decided: String? = nil, access: Access, reviewIntervalMonths: Int? = nil, share: Bool,
         adoptedFrom: Located<String>? = nil, aliases: [Located<String>] = [], body: String, bodyLine: Int,
         location: SourceLocation) {
        storage = Storage(id: id, layer: layer, title: title, summary: summary, phase: phase, order: order,
                          audience: audience, owner: owner, reviewed: reviewed, decided: decided,
                          access: access, reviewIntervalMonths: reviewIntervalMonths, share: share,
                          adoptedFrom: adoptedFrom, aliases: aliases, body: body, bodyLine: bodyLine, location: location)
    }

    /// The same for every copy of the routine that no one changed since (they share their
    /// fields), for caches of what is made of the fields alone: a base routine is one value in
    /// every handbook that inherits it.
    var sharedIdentity: ObjectIdentifier { ObjectIdentifier(storage) }

    public var id: String {
        get { storage.id }
        set { makeUnique(); storage.id = newValue }
    }

    public var layer: Layer {
        get { storage.layer }
        set { makeUnique(); storage.layer = newValue }
    }

    public var title: String {
        get { storage.title }
        set { makeUnique(); storage.title = newValue }
    }

    public var summary: String {
        get { storage.summary }
        set { makeUnique(); storage.summary = newValue }
    }

    public var phase: Located<String> {
        get { storage.phase }
        set { makeUnique(); storage.phase = newValue }
    }

    public var order: Int {
        get { storage.order }
        set { makeUnique(); storage.order = newValue }
    }

    public var audience: [Located<String>] {
        get { storage.audience }
        set { makeUnique(); storage.audience = newValue }
    }

    public var owner: Located<String> {
        get { storage.owner }
        set { makeUnique(); storage.owner = newValue }
    }

    public var reviewed: Located<Day>? {
        get { storage.reviewed }
        set { makeUnique(); storage.reviewed = newValue }
    }

    public var decided: String? {
        get { storage.decided }
        set { makeUnique(); storage.decided = newValue }
    }

    public var access: Access {
        get { storage.access }
        set { makeUnique(); storage.access = newValue }
    }

    public var reviewIntervalMonths: Int? {
        get { storage.reviewIntervalMonths }
        set { makeUnique(); storage.reviewIntervalMonths = newValue }
    }

    /// Offered as an example for other councils.
    public var share: Bool {
        get { storage.share }
        set { makeUnique(); storage.share = newValue }
    }

    /// `<council>/<id>` of the example this routine was adopted from.
    public var adoptedFrom: Located<String>? {
        get { storage.adoptedFrom }
        set { makeUnique(); storage.adoptedFrom = newValue }
    }

    /// Ids the routine had before (`aliases`): each gets a page in the handbook that leads to
    /// this one, so that old links and bookmarks still work.
    public var aliases: [Located<String>] {
        get { storage.aliases }
        set { makeUnique(); storage.aliases = newValue }
    }

    public var body: String {
        get { storage.storedBody?.string ?? storage.body }
        set {
            makeUnique()
            storage.storedBody = nil
            storage.body = newValue
        }
    }

    /// Makes the body come from `text`, decoded when first read (`StoredText` decodes once for
    /// all copies): a routine of a council taken from the council cache keeps its text in the
    /// mapped record until a changed build needs it, which it seldom does (`CouncilCache`).
    mutating func readBody(from text: StoredText) {
        makeUnique()
        storage.storedBody = text
    }

    /// Line in the file where the body starts, so Markdown positions map back to the file.
    public var bodyLine: Int {
        get { storage.bodyLine }
        set { makeUnique(); storage.bodyLine = newValue }
    }

    public var location: SourceLocation {
        get { storage.location }
        set { makeUnique(); storage.location = newValue }
    }

    /// Copy on write: a routine changed after it was copied gets a box of its own.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }
}

/// Shows the fields, not the box, wherever a Routine is described or reflected.
extension Routine: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["id": id, "layer": layer, "title": title, "summary": summary, "phase": phase,
                                "order": order, "audience": audience, "owner": owner, "reviewed": reviewed as Any,
                                "decided": decided as Any, "access": access,
                                "reviewIntervalMonths": reviewIntervalMonths as Any, "share": share,
                                "adoptedFrom": adoptedFrom as Any, "aliases": aliases, "body": body, "bodyLine": bodyLine,
                                "location": location], displayStyle: .struct)
    }
}
