/// How a name in a routine or council.yml finds a file of the council's `assets/`: by its
/// bytes, as a web server does. Swift's `==` takes a decomposed "å" for a composed one, and
/// disks on some systems take "Karta.PNG" for "karta.png"; a web server takes neither.
enum AssetLookup {
    enum Match: Equatable {
        case found
        /// The same name in other capitals.
        case otherCapitals(String)
        /// The same letters written with other code points (a decomposed å, ä or ö).
        case otherForm(String)
        case missing
    }

    static func find(_ path: String, in assets: [String]) -> Match {
        if assets.contains(where: { $0.utf8.elementsEqual(path.utf8) }) { return .found }
        if let other = assets.first(where: { $0 == path }) { return .otherForm(other) }
        let lowered = path.lowercased()
        if let other = assets.first(where: { $0.lowercased() == lowered }) { return .otherCapitals(other) }
        return .missing
    }

    /// Why a name that is not found as written will not be found on the web, and how to fix
    /// it; nil when it is not there in any form.
    static func note(_ match: Match, written path: String) -> String? {
        switch match {
        case .otherCapitals(let other):
            "skriv namnet med samma stora och små bokstäver som filen: på en webbserver är '\(path)' och '\(other)' två olika filer"
        case .otherForm:
            "namnet och filen skriver å, ä eller ö med olika tecken (Unicode), som en webbserver skiljer på; skriv om namnet i länken eller döp om filen"
        case .found, .missing: nil
        }
    }
}
