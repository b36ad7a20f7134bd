/// One council's handbook after layering: the output of the resolve stage.
public struct Handbook: Sendable {
    public var council: Council
    public var group: Group?
    /// The council's contacts, then those it inherits from its group.
    public var contacts: [Contact]
    /// In reading order: by phase, then `order`, then title.
    public var routines: [HandbookRoutine]
    /// Base routines the council leaves out through `exclude`.
    public var excluded: Set<String>
    /// Routines left out because they are `access: internal` and the build is public.
    public var internalOnly: Set<String>
    /// Contacts left out for the same reason: a public routine that names one is an error,
    /// and their details are still checked for age.
    public var internalContacts: [Contact] = []
    /// The internal routines a public build left out of the handbook, excluded ones too: what
    /// they link to decides `assetsToWithhold`.
    public var hiddenRoutines: [Routine] = []
    /// Files of the council's `assets/` that internal routines link to, set by the Markdown
    /// stage: a public build leaves out those nothing published uses (`WithheldAssets`).
    public var assetsToWithhold: Set<String> = []
    /// The files of the internal base routines among `hiddenRoutines`, part of the council's
    /// fingerprint; sorted, as `hiddenRoutines` comes from a dictionary, whose order changes
    /// from one process to the next.
    public var hiddenBaseFiles: [String] { hiddenRoutines.filter { $0.layer == .base }.map(\.location.file).sorted() }
    /// Built for the intranet (`--internal`): its pages ask search engines to stay away.
    public var forIntranet = false
    /// The contacts the start page's box of whom to call shows first: the council's
    /// `quick_contacts`, else its group's, else site.yml's.
    public var quickContacts: [Located<String>] = []
    /// Former ids of its routines (`aliases`), each leading to its routine's page; sorted by
    /// the former id. Only routines the handbook shows have them.
    public var aliases: [HandbookAlias] = []

    public func routine(_ id: String) -> HandbookRoutine? {
        routineIndex[id].map { routines[$0] }
    }

    public func contact(_ id: String) -> Contact? {
        contacts.first { $0.id == id }
    }

    /// The group's name for a contact the council has from its group; nil for the council's
    /// own (a council's own contact with the group's id replaces the group's).
    public func group(of contact: Contact) -> String? {
        guard let group, !council.contacts.contains(where: { $0.id == contact.id }) else { return nil }
        return group.name
    }

    /// Whose contact it is: its group's, or the council's.
    public func organisation(of contact: Contact) -> String { group(of: contact) ?? council.name }

    /// The group's name for a routine the group wrote; nil for the base's or the council's.
    public func group(of routine: Routine) -> String? {
        guard case .group = routine.layer else { return nil }
        return group?.name
    }

    /// The parts of the handbook (site.yml's phases) with no routine in it, in site.yml's order.
    public func phasesWithoutRoutines(of config: SiteConfig) -> [Phase] {
        let covered = Set(routines.map(\.routine.phase.value))
        return config.phases.filter { !covered.contains($0.id) }
    }

    var routineIndex: [String: Int]

    init(council: Council, group: Group?, contacts: [Contact], routines: [HandbookRoutine], excluded: Set<String>, internalOnly: Set<String>) {
        self.council = council
        self.group = group
        self.contacts = contacts
        self.routines = routines
        self.excluded = excluded
        self.internalOnly = internalOnly
        self.routineIndex = Dictionary(routines.enumerated().map { ($1.routine.id, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// A routine in a handbook, with where it came from.
public struct HandbookRoutine: Sendable {
    public enum Origin: Sendable, Equatable {
        /// The base routine, unchanged.
        case inherited
        /// The group's or council's own text in place of a base routine.
        case adapted
        /// A routine the base does not have.
        case added
    }

    public var routine: Routine
    public var origin: Origin
    /// The base routine this one replaces, for `.adapted`.
    public var base: Routine?
}

/// A former id of a routine in a handbook: its page there leads to the routine's.
public struct HandbookAlias: Sendable, Equatable {
    /// The former id, the name of the page (`<name>.html`).
    public var name: String
    /// The id of the routine it leads to.
    public var routine: String
}
