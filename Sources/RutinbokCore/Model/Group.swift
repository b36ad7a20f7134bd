/// `groups/<id>/group.yml` plus the group's routines.
public struct Group: Sendable {
    public var id: String
    public var name: String
    public var description: String
    public var contacts: [Contact]
    public var routines: [Routine]
    public var location: SourceLocation
    /// `members` as written: the councils the group says it has. A council joins with `group:`
    /// in its council.yml; the two are compared (`SiteChecker`).
    public var members: [Located<String>] = []
    /// Whether group.yml has `members` at all: an empty list written out is a list to compare
    /// with, a missing one is not.
    public var listsMembers = false
    /// `quick_contacts:` for every council of the group that has none of its own, in place of
    /// site.yml's; empty when not written.
    public var quickContacts: [Located<String>] = []
}
