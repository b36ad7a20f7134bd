/// File names of a council's built-in pages. Routine ids may not take them.
public enum PageNames {
    public static let start = "index"
    public static let contacts = "kontakter"
    public static let vcard = "kontakter.vcf"
    public static let print = "skriv-ut"
    public static let search = "sok"
    public static let searchIndex = "sokindex.js"
    public static let accessibility = "tillganglighet"
    /// The page a web server shows for an address the handbook does not have (`404.html`).
    public static let notFound = "404"
    /// The pocket card: the numbers to call, to print and keep in a wallet (`fickkort.html`).
    public static let pocketCard = "fickkort"
    public static let assets = "assets"
    /// Folder for the theme's own CSS and JS inside each handbook.
    public static let themeAssets = "assets/tema"

    public static let reserved: Set<String> = [start, contacts, print, search, accessibility, notFound, pocketCard, assets, "sokindex"]
    /// The files of a handbook's built-in pages, which a routine may link as they are.
    public static let builtIn: Set<String> = Set([start, contacts, print, search, accessibility, pocketCard].map(html) + [vcard])

    /// Folder of the portal's change pages, beside the council folders.
    public static let portalChanges = "andringar"
    /// Folder of the portal's pages of one base routine each (which handbook has it, and how).
    public static let portalCoverage = "tackning"
    /// Folder of the portal's pages of one handbook each (its routines, their form, what is due).
    public static let portalHandbooks = "handbocker"
    /// Folder of the portal's pages of one group each (its members, routines and contacts).
    public static let portalGroups = "grupper"
    /// Folder names at the top of the output that a council may not take as its slug.
    public static let reservedCouncilSlugs: Set<String> = [assets, portalChanges, portalCoverage, portalHandbooks, portalGroups]

    public static func html(_ name: String) -> String { "\(name).html" }
}

/// Ids on the print page, where every routine and contact shares one document.
public enum PrintAnchors {
    public static func routine(_ id: String) -> String { "rutin-\(id)" }
    public static func phase(_ id: String) -> String { "del-\(id)" }
    public static func heading(_ heading: String, in routine: String) -> String { "\(routine)--\(heading)" }
    public static func contact(_ id: String) -> String { "kontakt-\(Slug.make(id))" }
}
