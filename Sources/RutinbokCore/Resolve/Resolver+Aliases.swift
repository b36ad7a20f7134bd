/// Former ids (`aliases`): a routine renamed keeps its old address, as a page that leads to
/// the new one. A routine's former ids are those of every text of it the handbook's layers
/// have (the base's, the group's and the council's): an old link to the routine's page was
/// to every handbook's page, whoever wrote the text it showed.
extension Resolver {
    /// The texts with each id in a council's layers, base first; made once per council.
    struct LayerTexts {
        let base: [String: Routine]
        let group: [String: Routine]
        let council: [String: Routine]

        func of(_ id: String) -> [Routine] {
            [base[id], group[id], council[id]].compactMap { $0 }
        }
    }

    static func texts(base: [String: Routine], group: Group?, council: Council) -> LayerTexts {
        func byID(_ routines: [Routine]) -> [String: Routine] {
            Dictionary(routines.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
        return LayerTexts(base: base, group: byID(group?.routines ?? []), council: byID(council.routines))
    }

    /// The handbook's former ids, for the routines it shows (`routines`), and what is wrong
    /// with them. A former id that is a routine's id (`everyRoutine`: left out or not) gives
    /// no page: an error where the former id is written, unless the routine comes from a
    /// later layer (a council's own routine named as a base routine used to be): then the
    /// routine keeps the address, with a warning there, since its council must decide.
    static func formerIDs(of routines: [HandbookRoutine], texts: LayerTexts, everyRoutine: [String: HandbookRoutine],
                          council: Council) -> ([HandbookAlias], [Diagnostic]) {
        var claimed: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        func shared(_ routine: Routine) -> String? {
            if case .council = routine.layer { return nil }
            return council.name
        }
        for entry in routines {
            let id = entry.routine.id
            for text in texts.of(id) {
                for alias in text.aliases {
                    if let other = everyRoutine[alias.value]?.routine {
                        if rank(other.layer) > rank(text.layer) {
                            diagnostics.append(Diagnostic(.warning, other.location, "'\(alias.value)' är ett tidigare namn på '\(id)' (aliases i \(text.location.file)), men den här rutinen har det namnet; den behåller adressen \(alias.value).html", code: "alias-taken",
                                                          notes: ["ska den ersätta '\(id)', döp om filen till '\(id).md'; annars ge den ett annat namn, så leder den gamla adressen till '\(id)'"],
                                                          handbook: shared(other)))
                        } else {
                            diagnostics.append(Diagnostic(.error, alias.location, "'\(alias.value)' kan inte vara ett tidigare namn på '\(id)': rutinen '\(alias.value)' finns\(other.location.file == text.location.file ? "" : " (\(other.location.file))")", code: "alias-taken",
                                                          notes: ["en adress kan bara leda till en sida; ta bort '\(alias.value)' ur 'aliases' eller ge rutinen '\(alias.value)' ett annat namn"],
                                                          handbook: shared(text)))
                        }
                        continue
                    }
                    if let first = claimed[alias.value] {
                        if first != id {
                            diagnostics.append(Diagnostic(.error, alias.location, "'\(alias.value)' är redan ett tidigare namn på '\(first)' och kan inte leda till '\(id)' också", code: "alias-taken",
                                                          notes: ["en adress kan bara leda till en sida; ta bort '\(alias.value)' ur 'aliases' i en av rutinerna"],
                                                          handbook: shared(text)))
                        }
                        continue
                    }
                    claimed[alias.value] = id
                }
            }
        }
        let aliases = claimed.map { HandbookAlias(name: $0.key, routine: $0.value) }.sorted { $0.name < $1.name }
        return (aliases, diagnostics)
    }

    /// Base, group, council: the order in which layers replace each other.
    private static func rank(_ layer: Routine.Layer) -> Int {
        switch layer {
        case .base: 0
        case .group: 1
        case .council: 2
        }
    }
}
