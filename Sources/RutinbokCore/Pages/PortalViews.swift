/// View models of the portal's pages; `PortalPages+Views.swift` fills them from `Portal`.
/// Text only, escaped by the templates; `content` and `diff` hold HTML made by rutinbok.

struct PortalLayoutView {
    var lang = "sv"
    var title: String
    var documentTitle: String
    var siteTitle: String
    var description: String
    /// "" for pages at the top, "../../" for the change pages.
    var root: String
    var nav: [PortalNavView]
    var content: String
    var pageClass: String
    var today: String
    var todayISO: String
    /// The portal's accessibility statement, which every page's footer links.
    var accessibilityHref: String
    /// An intranet build's page, and the page for a missing address: search engines are asked
    /// not to index it.
    var noindex = false
    /// On the page for a missing address, with site.yml's `address`: the top of the output
    /// there, for `<base href>`, so that its relative links work at any depth.
    var base: String?
    /// site.yml's `publisher`: who publishes the portal and the base routines, and where
    /// questions go (`publisherEmailHTML`: the address with break points, `EmailBreaks`).
    var publisher: String?
    var publisherEmail: String?
    var publisherEmailHTML: String?
}

struct PortalNavView {
    var label: String, href: String
    /// This page is the one shown.
    var current: Bool
    /// The page shown is one of this one's (a change page under "Ändringar").
    var within: Bool
}

/// `portal/tillganglighet.mustache`: the portal's accessibility statement, from site.yml's
/// `accessibility`, as a handbook's is from its council.yml.
struct PortalAccessibilityView {
    /// Who publishes the portal: site.yml's `publisher`, or the site's title.
    var publisher: String
    var siteTitle: String
    var status: String
    var statusText: String
    var shortcomings: [String]
    var disproportionateBurden: [String]
    var outOfScope: [String]
    var hasInaccessible: Bool
    var feedbackEmail: String?
    var assessed: String?
    /// When the statement was last brought up to date: `updated`, else the assessment's day.
    var updated: String?
    var auditedBy: String?
    var diggURL: String
}

struct PortalIndexView {
    struct Row {
        var name: String, href: String
        /// The handbook's page in the portal, `handbocker/<council>.html`.
        var pageHref: String
        var kind: String, group: String?
        /// The group's page in the portal, `grupper/<id>.html`; nil without a group.
        var groupHref: String?
        var routines: Int, adapted: Int, added: Int, excluded: Int
        var oldestReview: String?, oldestReviewISO: String?
        /// No text of its own, but its group's: "Bara gruppens texter", not "Inga egna texter"
        /// beside a count of adapted and own routines that are the group's.
        var onlyGroupTexts: Bool
        /// The handbook's section on the review page; nil when nothing is due (it has none).
        var toReview: Int, reviewHref: String?
        /// The handbook's first row in the change list; nil when it adapted nothing.
        var adaptedHref: String? = nil
        /// The handbook's row of own routines on the coverage page; nil when it has none, or
        /// when the page has no row per handbook (more than `PortalPages.matrixLimit`).
        var addedHref: String? = nil
        /// The list of routines it left out, on its page in the portal; nil when it left out none.
        var excludedHref: String? = nil
        /// The parts of the handbook with no routine, as a list to read ("Uppföljning"); nil for none.
        var missingPhases: String?
    }
    var siteTitle: String
    var description: String
    var councils: [Row]
    var councilCount: Int
    /// Handbooks with a part that has no routine.
    var incompleteCount: Int
    /// `incompleteCount` is not 0 (a section on a number is shown even for 0).
    var hasIncomplete: Bool
    var exampleCount: Int
    var changeCount: Int
    /// `changeCount` with its noun: "1 text", "8 texter".
    var changeText: String
    var today: String
    /// The national number whose `tel` is `112`: an elected official who lands on the portal
    /// in danger finds it before the tables.
    var emergency: NumberView?
    /// Built for the intranet (`--internal`): the counts are of the internal handbooks,
    /// internal routines included, and the legend says so.
    var forIntranet: Bool = false
}

struct PortalCoverageView {
    struct Column { var name: String, href: String }
    struct Cell {
        var kind: String, label: String, detail: String?, href: String?
        /// With a link: the routine and the council, so that the link says more than "Anpassad".
        var context: String? = nil
    }
    struct Row { var title: String, cells: [Cell] }
    /// How many handbooks have a base routine in each form; the title leads to its page.
    struct Counts { var title: String, href: String, inherited: Int, adapted: Int, excluded: Int, internalOnly: Int }
    struct PhaseTable { var id: String, label: String, counts: [Counts], rows: [Row] }
    struct Addition {
        var title: String, href: String?, phase: String
        /// The group that wrote it, and its page in the portal; nil for the council's own.
        var group: String?, groupHref: String?
        var isInternal: Bool
    }
    struct CouncilAdditions {
        /// `anchor`: the row's id, which the overview's count of own routines links to.
        var name: String, href: String, anchor: String, routines: [Addition]
        /// Sections test flags like this one rather than `{{#list.0}}`; views reach the
        /// templates through `TemplateFields`, which writes stored values.
        var hasRoutines: Bool
    }
    /// Routines the base does not have, by title, for a portal too large for a row per
    /// handbook: that 74 councils wrote a routine of the same name is what SKR looks for.
    struct AdditionTitle {
        var title: String, phase: String, count: Int
        /// Each handbook that has it, linked to its page there.
        var councils: [LinkView]
    }
    var councils: [Column]
    var phases: [PhaseTable]
    /// A row per handbook; empty when `showMatrix` is not set (then `additionTitles`).
    var additions: [CouncilAdditions]
    var additionTitles: [AdditionTitle]
    var councilCount: Int
    /// The tables of every handbook's cells are shown up to `PortalPages.matrixLimit`
    /// handbooks: with more, a column per handbook makes a table no one can read, and each
    /// routine's page lists them instead.
    var showMatrix: Bool
    var matrixLimit: Int
    /// Some handbook keeps its text of a base routine internal: the counts get a column for it.
    var hasInternal: Bool
}

/// One base routine across the handbooks (`tackning/<id>.html`): who has it as it is, who
/// replaced it (with what the change page counts), who left it out.
struct PortalRoutineCoverageView {
    struct Adapted {
        var council: String, href: String, adaptedBy: String
        /// The group's page in the portal when the group wrote the text; nil for the council's own.
        var adaptedByHref: String?
        var adoptedFrom: String?
        /// Words inserted and deleted as the change page counts them; "–" should the change
        /// not be among the portal's (every adapted cell's is).
        var inserted: String, deleted: String
    }
    var title: String
    var phase: String
    var councilCount: Int
    var adapted: [Adapted]
    var inherited: [LinkView]
    var excluded: [LinkView]
    var internalOnly: [LinkView]
    var adaptedCount: Int, inheritedCount: Int, excludedCount: Int, internalCount: Int
    var hasAdapted: Bool, hasInherited: Bool, hasExcluded: Bool, hasInternal: Bool
    /// "1 handbok", "7 handböcker": the portal's and the inherited ones'.
    var councilsText: String, inheritedText: String
}

/// One handbook in the portal (`handbocker/<council>.html`): every routine it has, in
/// reading order, with its form, review and LIX; what it left out; what of its own is due.
/// With more than 12 handbooks (`matrixLimit`) the coverage page has no column per handbook,
/// and this is where one handbook's coverage is seen at once.
struct PortalHandbookView {
    struct Routine {
        /// `href`: the routine's page in the handbook, `../<council>/<id>.html`.
        var title: String, href: String, phase: String
        /// `arvd`, `anpassad` or `egen` (for a class name), and the word shown: "Ärvd",
        /// "Anpassad", "Egen", as the coverage page says them.
        var form: String, formLabel: String
        /// Whose text: "egen text", "Samverkan Nordvästs text", "egen text, hämtad från
        /// Exempelstads kommun"; nil for the base routine as it is and the council's own addition.
        var formDetail: String?
        /// The change page, `../andringar/<council>/<id>.html`, where there is one.
        var changeHref: String?
        /// `access: internal`: only in a build with `--internal`.
        var isInternal: Bool
        var reviewed: String?, reviewedISO: String?
        /// Past its review, as the review page and the handbook decide it; `dueBy` is the last
        /// day it was in time.
        var overdue: Bool
        var dueBy: String?, dueByISO: String?
        /// Its LIX, rounded, for a text of the handbook's own (or its group's); nil for a base
        /// routine as it is, whose LIX the readability page gives: a base text's edit that
        /// moved its LIX would otherwise make every inheriting handbook's page again.
        var lix: String?
        /// LIX over `defaults.lix_threshold` (never for a base routine as it is).
        var lixOver: Bool
    }
    /// A routine the handbook does not have: left out, or kept on the intranet.
    struct Missing {
        /// `href`: the routine across the handbooks, `../tackning/<id>.html`, where it has one.
        var title: String, href: String?, phase: String
        /// Whose routine it is when not the base's: "Samverkan Nordväst", "egen".
        var source: String?
    }
    var title: String
    var name: String
    var handbookHref: String
    var kind: String
    var group: String?
    /// The group's page in the portal, `../grupper/<id>.html`; nil without a group.
    var groupHref: String?
    var today: String, todayISO: String
    /// "Handboken har 16 rutiner: 13 oförändrade grundrutiner och 3 anpassade (…)."
    var summary: String
    /// "Den har valt bort 1 grundrutin." or "Den har inte valt bort någon rutin."
    var excludedSummary: String
    /// "Alla delar av handboken har rutiner." or "Delen Uppföljning har ingen rutin."
    var phasesSummary: String
    var routines: [Routine]
    var routineCount: Int, inheritedCount: Int, adaptedCount: Int, addedCount: Int, excludedCount: Int
    var excluded: [Missing]
    var hasExcluded: Bool
    var internalBase: [Missing]
    var hasInternalBase: Bool
    var lixThreshold: String
    /// Its own routines past review and own contacts past verification: its section of the review page.
    var ownRoutinesDue: [PortalReviewView.Routine], ownContactsDue: [PortalReviewView.Contact]
    /// Those in words: "1 rutin att granska och 1 kontakt att kontrollera".
    var ownDueText: String
    var hasOwnDue: Bool, hasOwnRoutinesDue: Bool, hasOwnContactsDue: Bool
    /// `../granskning.html#<council>`; nil when nothing of its own is due (no section there).
    var reviewHref: String?
    /// Base and group routines past review, and the group's contacts past verification, in
    /// this handbook: in words, as `ownDueText`; the review page lists them once for all.
    var sharedDueText: String
    var hasSharedDue: Bool
    /// The national number whose `tel` is `112`, as on the overview: an elected official who
    /// lands here in danger finds it first, and the way to the handbook's contacts page,
    /// `../<council>/kontakter.html`.
    var emergency: NumberView?
    var contactsHref: String
}

struct PortalExamplesView {
    struct Example {
        /// `councilHref`: the offering council's start page, or for a group's example the
        /// group's page in the portal (`grupper/<id>.html`); `members` lead to each member's copy.
        var title: String, summary: String, href: String, council: String, councilHref: String?
        var members: [LinkView], hasMembers: Bool
        var reviewed: String?, reviewedISO: String?, decided: String?, lix: Int
        var adoptedBy: [LinkView], command: String
        var hasAdopters: Bool
        /// The change page, when the example is the council's own text of a base routine.
        var changeHref: String?
    }
    struct PhaseGroup { var id: String, label: String, examples: [Example] }
    var phases: [PhaseGroup]
    var count: Int
    var hasExamples: Bool
}

struct PortalChangesView {
    struct Row {
        var council: String, title: String, href: String, adaptedBy: String
        /// The group's page in the portal when the group wrote the text; nil for a council's own.
        var adaptedByHref: String?
        var adoptedFrom: String?, inserted: Int, deleted: Int
        /// Ids for the councils whose first row this is (`changesAnchor`), which the overview's
        /// count of adapted routines links to.
        var anchors: [String] = []
    }
    var rows: [Row]
    var hasRows: Bool
}

struct PortalChangeView {
    var title: String, council: String, baseTitle: String, titleChanged: Bool
    /// The council's name in the genitive: "Låtsasby kommuns".
    var councilGenitive: String
    var adaptedBy: String
    /// The group's page in the portal, `../../grupper/<id>.html`, when the group wrote the text.
    var adaptedByHref: String?
    var adoptedFrom: String?
    /// Whose text it is, in the genitive: the group's when the group wrote it ("Samverkan
    /// Nordvästs"), else the council's.
    var authorGenitive: String
    /// The group, not the council, wrote the text.
    var byGroup: Bool
    var reviewed: String?, reviewedISO: String?, baseReviewed: String?, baseReviewedISO: String?
    /// The base routine was reviewed after this text: what changed there may belong here too.
    var baseNewer: Bool
    /// Word counts as text: numbers are part of a page's shape (see `TemplateShape`), text is not.
    var inserted: String, deleted: String, unchanged: Bool
    var diff: String
    var routineHref: String?, listHref: String
}

struct PortalReviewView {
    struct Routine {
        var title: String, href: String, reviewed: String, reviewedISO: String
        /// When it should have been reviewed by, from the same interval as whether it is due.
        var dueBy: String, dueByISO: String
        /// Its change page, when the handbook's text replaces a base routine: it says whether
        /// the base routine was reviewed since, which may be why a review is due.
        var changeHref: String?
        var owner: String, ownerName: String?, phone: String?, tel: String?
        /// The owner's e-mail address, and as HTML with break points (`EmailBreaks`).
        var email: String?, emailHTML: String?
    }
    /// `name` is empty, not nil, for a contact without one: a template would otherwise find the
    /// name of the section around it (the council's).
    struct Contact { var role: String, name: String, verified: String, verifiedISO: String? }
    /// A base or group routine past review, listed once (`ReviewReport.shared`).
    struct SharedRoutine {
        var title: String, href: String?, source: String
        /// The group's page in the portal, `grupper/<id>.html`, for a group's routine; nil for a base routine.
        var groupHref: String?
        var reviewed: String, reviewedISO: String
        var dueBy: String, dueByISO: String
        /// "i 6 handböcker" or "i handboken för Exempelby kommun".
        var handbooks: String
    }
    /// A group's contact past verification, listed once.
    struct SharedContact {
        var role: String, name: String, group: String
        /// The group's page in the portal, `grupper/<id>.html`.
        var groupHref: String?
        var verified: String, verifiedISO: String?, handbooks: String
    }
    /// A handbook with something of its own due; one with nothing due has no section, only its
    /// name in `clear`.
    struct Section {
        var name: String, anchor: String, href: String
        var routines: [Routine], contacts: [Contact], routineCount: Int, contactCount: Int
        var hasRoutines: Bool, hasContacts: Bool
    }
    var today: String
    var reviewMonths: Int
    var verifyMonths: Int
    var sections: [Section]
    /// Handbooks with nothing of their own due, linked to their start page.
    var clear: [LinkView]
    var councilCount: Int
    var dueCount: Int
    /// All handbooks' own together, in words: "3 rutiner att granska och 1 kontakt att kontrollera".
    var dueTotal: String
    var hasDue: Bool, hasClear: Bool
    var sharedRoutines: [SharedRoutine], sharedContacts: [SharedContact]
    /// The shared ones together, in words, as `dueTotal`.
    var sharedTotal: String
    var hasShared: Bool, hasSharedRoutines: Bool, hasSharedContacts: Bool
}

struct PortalReadabilityView {
    struct Row {
        var title: String, source: String
        /// The group's page in the portal, `grupper/<id>.html`, when `source` names a group; nil otherwise.
        var groupHref: String?
        /// The portal's page of whoever wrote the text: the group's, or the council's handbook
        /// page (`handbocker/<council>.html`); nil for a base text.
        var sourceHref: String?
        var href: String?
        /// Where the link leads, for its name (visually hidden): many rows share a title.
        var linkNote: String
        var lix: Int, wordsPerSentence: String, longWords: String, verdict: String, over: Bool
    }
    var threshold: String
    var rows: [Row]
    var overCount: Int
}
