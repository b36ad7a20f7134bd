/// The Swedish genitive of a name, as a reader expects it: "Exempelbys", "Låtsasby kommuns",
/// "Samverkan Nordvästs"; a name that ends in s, x or z takes nothing ("Vännäs"), an
/// abbreviation takes ":s" ("SKR:s").
enum SwedishGenitive {
    static func of(_ name: String) -> String {
        guard let last = name.last else { return name }
        // The last word written in capitals only, "SKR" or "KSL": an abbreviation.
        let word = name.split(separator: " ").last ?? Substring(name)
        if word.count > 1, word.allSatisfy({ $0.isUppercase }) { return "\(name):s" }
        return "sxz".contains(last.lowercased()) ? name : "\(name)s"
    }
}
