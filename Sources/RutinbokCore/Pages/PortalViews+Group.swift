/// One group in the portal (`grupper/<id>.html`): its members, the routines it writes for
/// them, in reading order, its contacts, and what of them is due. A group's texts and
/// contacts are written and reviewed in one place for every member; elsewhere in the portal
/// they are seen only through one member's handbook at a time. `PortalPages+Group.swift`
/// fills it.
struct PortalGroupView {
    struct Member {
        /// `href`: the member's page in the portal, `../handbocker/<council>.html`;
        /// `handbookHref`: its handbook, `../<council>/index.html`.
        var name: String, href: String, handbookHref: String
    }
    struct Routine {
        var title: String
        /// Its page in the first member's handbook that shows the group's text,
        /// `../<council>/<id>.html`; nil when every member has another text or none.
        var href: String?
        /// That member's name, for the link's name: the page is one member's copy.
        var shownIn: String?
        var phase: String
        /// `anpassad` (a base routine has the same id) or `egen` (the base has none), and the
        /// word shown, as the coverage page says them.
        var form: String, formLabel: String
        /// The change page of that member's copy, `../andringar/<council>/<id>.html`, where there is one.
        var changeHref: String?
        /// `access: internal`: only in a build with `--internal`.
        var isInternal: Bool
        var reviewed: String?, reviewedISO: String?
        /// Past review in a member's handbook, as the review page decides it; `dueBy` is the
        /// earliest last day it was in time.
        var overdue: Bool
        var dueBy: String?, dueByISO: String?
        /// Its LIX, rounded; nil when no member's handbook shows the text.
        var lix: String?
        var lixOver: Bool
        /// Members with their own text in its place (linked to their page of it), those that
        /// left it out (linked to their list of left-out routines) and, in a public build,
        /// those that keep their own text internal (linked to their page in the portal).
        var ownText: [LinkView], excluded: [LinkView], internalOnly: [LinkView]
        var hasOwnText: Bool, hasExcluded: Bool, hasInternalOnly: Bool
        /// Every member shows the group's text.
        var allMembers: Bool
    }
    struct Contact {
        var role: String, name: String?
        /// `access: internal`: only in a build with `--internal`.
        var isInternal: Bool
        /// "aldrig" when never verified.
        var verified: String, verifiedISO: String?
        /// Past verification in a member's handbook that has it, as the review page decides it;
        /// `dueBy`: the earliest last day it was in time.
        var overdue: Bool
        var dueBy: String?, dueByISO: String?
        /// Every member has a contact of its own with this id in its place.
        var unused: Bool
    }
    /// Not `name`: a member's or contact's `name` that is nil would find it (Mustache looks a
    /// missing name up in the values around it).
    var groupName: String
    /// The name in the genitive, for captions: "Samverkan Nordvästs".
    var genitive: String
    var description: String?
    var today: String, todayISO: String
    var members: [Member]
    /// "3 medlemmar".
    var membersText: String
    var routines: [Routine]
    var hasRoutines: Bool
    var lixThreshold: String
    var contacts: [Contact]
    var hasContacts: Bool
    /// Its routines past review and contacts past verification, as the review page lists them.
    var routinesDue: [PortalReviewView.Routine], contactsDue: [PortalReviewView.Contact]
    /// Those in words: "1 rutin att granska och 1 kontakt att kontrollera".
    var dueText: String
    var hasDue: Bool, hasRoutinesDue: Bool, hasContactsDue: Bool
    /// `../granskning.html#gemensamt`, where the review page lists them once for all members;
    /// nil when nothing is due (the review page then has no such list).
    var reviewHref: String?
    /// The national number whose `tel` is `112`, as on the handbooks' pages.
    var emergency: NumberView?
}

extension PortalGroupView: TemplateFields {
    static var templateFieldCount: Int { 20 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("groupName", groupName)
        fields.add("genitive", genitive)
        fields.add("description", description)
        fields.add("today", today)
        fields.add("todayISO", todayISO)
        fields.add("members", members)
        fields.add("membersText", membersText)
        fields.add("routines", routines)
        fields.add("hasRoutines", hasRoutines)
        fields.add("lixThreshold", lixThreshold)
        fields.add("contacts", contacts)
        fields.add("hasContacts", hasContacts)
        fields.add("routinesDue", routinesDue)
        fields.add("contactsDue", contactsDue)
        fields.add("dueText", dueText)
        fields.add("hasDue", hasDue)
        fields.add("hasRoutinesDue", hasRoutinesDue)
        fields.add("hasContactsDue", hasContactsDue)
        fields.add("reviewHref", reviewHref)
        fields.add("emergency", emergency)
    }
}

extension PortalGroupView.Member: TemplateFields {
    static var templateFieldCount: Int { 3 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("name", name)
        fields.add("href", href)
        fields.add("handbookHref", handbookHref)
    }
}

extension PortalGroupView.Routine: TemplateFields {
    static var templateFieldCount: Int { 22 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("shownIn", shownIn)
        fields.add("phase", phase)
        fields.add("form", form)
        fields.add("formLabel", formLabel)
        fields.add("changeHref", changeHref)
        fields.add("isInternal", isInternal)
        fields.add("reviewed", reviewed)
        fields.add("reviewedISO", reviewedISO)
        fields.add("overdue", overdue)
        fields.add("dueBy", dueBy)
        fields.add("dueByISO", dueByISO)
        fields.add("lix", lix)
        fields.add("lixOver", lixOver)
        fields.add("ownText", ownText)
        fields.add("excluded", excluded)
        fields.add("internalOnly", internalOnly)
        fields.add("hasOwnText", hasOwnText)
        fields.add("hasExcluded", hasExcluded)
        fields.add("hasInternalOnly", hasInternalOnly)
        fields.add("allMembers", allMembers)
    }
}

extension PortalGroupView.Contact: TemplateFields {
    static var templateFieldCount: Int { 9 }
    func writeTemplateFields(to fields: inout TemplateFieldList) {
        fields.add("role", role)
        fields.add("name", name)
        fields.add("isInternal", isInternal)
        fields.add("verified", verified)
        fields.add("verifiedISO", verifiedISO)
        fields.add("overdue", overdue)
        fields.add("dueBy", dueBy)
        fields.add("dueByISO", dueByISO)
        fields.add("unused", unused)
    }
}
