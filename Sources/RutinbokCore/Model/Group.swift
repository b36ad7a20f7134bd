/// `groups/<id>/group.yml` plus the group's routines.
public struct Group: Sendable {
    public var id: String
    public var name: String
    public var description: String
    public var contacts: [Contact]
    public var routines: [Routine]
    public var location: SourceLocation
    /// `members` as written: the councils the group says it has. A council joins with `group:`
    /// in its council.yml; the two are compared (`SiteChecker`). Nil when group.yml has no
    /// `members`: an empty list written out is a list to compare with, a missing one is not.
    public var members: [Located<String>]? = nil
    /// `quick_contacts:` for every council of the group that has none of its own, in place of
    /// site.yml's; empty when not written.
    public var quickContacts: [Located<String>] = []
}
