/// Everything one build reads, as plain values: the output of the load stage.
public struct Site: Sendable {
    public var config: SiteConfig
    public var routines: [Routine]
    public var groups: [String: Group]
    public var councils: [Council]
    /// Ids of routine files that exist but could not be loaded. Their own error explains why;
    /// links to them are not reported a second time as broken.
    public var unloadable: Set<String> = []
    /// Slugs of council folders whose council could not be loaded, for the same reason:
    /// `--council` naming one is not reported again as "no such council".
    public var unloadableCouncils: Set<String> = []
    /// Ids of group folders whose group.yml could not be loaded: its own error explains why,
    /// and the councils that name the group are not told it does not exist.
    public var unloadableGroups: Set<String> = []

    /// The name of the council or group an `adopted_from` names first ("exempelstad/…" →
    /// "Exempelstads kommun"); nil when there is none.
    public func nameOfSource(_ adoptedFrom: String) -> String? {
        let id = adoptedFrom.split(separator: "/").first.map(String.init) ?? adoptedFrom
        return councils.first { $0.slug == id }?.name ?? groups[id]?.name
    }

    /// The councils that joined group `id`, by `group:` in their council.yml (what counts;
    /// a group's `members` is only compared with it), in site order.
    public func councils(joining id: String) -> [Council] {
        councils.filter { $0.group?.value == id }
    }
}

/// `content/site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    public var phases: [Phase]
    public var audiences: [Audience]
    public var nationalNumbers: [NationalNumber]
    public var reviewIntervalMonths: Int
    public var verifyIntervalMonths: Int
    public var lixThreshold: Double
    /// Contact ids the start page's box shows first, in this order, where a handbook has them.
    public var quickContacts: [Located<String>] = []
    /// The routine for someone threatened right now (`acute_routine`): every page's emergency
    /// box links to it, in the handbooks that have it.
    public var acuteRoutine: Located<String>?
    /// Who publishes the portal and the base routines (`publisher`), named in the portal's
    /// footer with where to send questions.
    public var publisher: Publisher?
    /// Where the output is published (`address`, `https://…/`), if site.yml says: a page a web
    /// server shows for a missing address links from it, at any depth.
    public var address: String?
    /// The portal's accessibility statement (`accessibility`), as a council's is its handbook's.
    public var accessibility: AccessibilityStatement?
    public var location: SourceLocation
    /// Each phase's id where it is written in site.yml, in its order.
    var phaseLocations: [Located<String>] = []

    /// Who publishes the portal and the base routines, and where questions about them go.
    public struct Publisher: Sendable {
        public var name: String
        public var email: String?
    }

    public func phase(_ id: String) -> Phase? { phases.first { $0.id == id } }
    public func audience(_ id: String) -> Audience? { audiences.first { $0.id == id } }
}

public struct Phase: Sendable, Hashable {
    public var id: String
    public var label: String
    /// Position in site.yml; phases are shown in this order.
    public var rank: Int
}

public struct Audience: Sendable, Hashable {
    public var id: String
    public var label: String
}

public struct NationalNumber: Sendable, Hashable {
    public var id: String
    public var label: String
    public var number: String
    public var description: String

    /// `tel:` form of the number: digits only.
    public var tel: String { PhoneNumber.telURI(number) }

    /// The emergency number's `tel:` form: the number every emergency box, pocket card and
    /// 404 page leads with, whatever site.yml's order.
    public static let emergencyTel = "112"
}
