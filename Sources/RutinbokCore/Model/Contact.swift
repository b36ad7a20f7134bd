/// A person or function an official can turn to.
public struct Contact: Sendable, Hashable {
    public var id: String
    public var role: String
    public var name: String?
    public var phone: String?
    public var email: String?
    public var hours: String?
    /// What to do outside office hours, in words; for `out_of_hours: { contact: id }`, made
    /// from that contact of the handbook by the resolve stage (`OutOfHoursContacts`).
    public var outOfHours: String?
    /// `out_of_hours: { contact: id }`: the handbook's contact to call outside office hours.
    public var outOfHoursContact: Located<String>? = nil
    /// That contact's role, once resolved: whom the number in `outOfHours` reaches.
    public var outOfHoursRole: String? = nil
    public var verified: Day?
    public var location: SourceLocation
    /// Verification interval for this contact, if it differs from the council's.
    public var verifyIntervalMonths: Int?
    /// Where `verified` is written, for diagnostics about the date.
    public var verifiedLocation: SourceLocation? = nil
    /// `access: internal`: only in a build for the intranet (`--internal`), like a routine so
    /// marked. A public build leaves the contact out everywhere (contacts page, vCard, search,
    /// print), and a public routine that names it is an error.
    public var access: Routine.Access = .public

    /// "Säkerhetssamordnare, Anna Exempel", or the role alone: how messages name a contact.
    public var roleAndName: String { role + (name.map { ", \($0)" } ?? "") }
}
