@testable import RutinbokCore
import Testing

private let phases = [Phase(id: "styrning", label: "Styrning", rank: 0),
                      Phase(id: "forebygga", label: "Förebygga", rank: 1),
                      Phase(id: "hantera", label: "Hantera", rank: 2)]

private func file(for id: String, _ layer: Routine.Layer) -> String {
    switch layer {
    case .base: "content/routines/\(id).md"
    case .group(let group): "content/groups/\(group)/routines/\(id).md"
    case .council(let council): "content/councils/\(council)/routines/\(id).md"
    }
}

private func routine(_ id: String, _ layer: Routine.Layer = .base, phase: String = "hantera", order: Int = 10,
                     title: String? = nil, access: Routine.Access = .public) -> Routine {
    let path = file(for: id, layer)
    return Routine(id: id, layer: layer, title: title ?? id, summary: "Om \(id).",
                   phase: Located(value: phase, location: RutinbokCore.SourceLocation(file: path, line: 4, column: 8)), order: order,
                   audience: [], owner: Located(value: "sakerhet", location: RutinbokCore.SourceLocation(file: path, line: 5, column: 8)),
                   reviewed: nil, decided: nil, access: access, reviewIntervalMonths: nil, share: false, adoptedFrom: nil,
                   body: "Text.\n", bodyLine: 8, location: RutinbokCore.SourceLocation(file: path, line: 1, column: 1))
}

private func contact(_ id: String, name: String, file: String) -> Contact {
    Contact(id: id, role: id, name: name, phone: "070-000 00 00", email: nil, hours: nil, outOfHours: nil,
            verified: nil, location: RutinbokCore.SourceLocation(file: file, line: 3, column: 3), verifyIntervalMonths: nil)
}

private let councilFile = "content/councils/exempelby/council.yml"

private func council(_ slug: String = "exempelby", group: String? = nil, exclude: [String] = [],
                     routines: [Routine] = [], contacts: [Contact] = []) -> Council {
    let path = "content/councils/\(slug)/council.yml"
    return Council(slug: slug, name: "\(slug) kommun", kind: .kommun,
                   group: group.map { Located(value: $0, location: RutinbokCore.SourceLocation(file: path, line: 3, column: 8)) },
                   population: nil, themeColor: nil, logo: nil,
                   exclude: exclude.enumerated().map { Located(value: $1, location: RutinbokCore.SourceLocation(file: path, line: 5 + $0, column: 5)) },
                   reviewIntervalMonths: nil, verifyIntervalMonths: nil, allowRawHTML: false, contacts: contacts,
                   accessibility: nil, routines: routines, assets: [], directory: "/c/\(slug)",
                   location: RutinbokCore.SourceLocation(file: path, line: 1, column: 1))
}

private func site(_ routines: [Routine], groups: [Group] = [], councils: [Council]) -> Site {
    let config = SiteConfig(title: "H", description: "", phases: phases, audiences: [], nationalNumbers: [],
                            reviewIntervalMonths: 12, verifyIntervalMonths: 6, lixThreshold: 50,
                            location: RutinbokCore.SourceLocation(file: "content/site.yml", line: 1, column: 1))
    return Site(config: config, routines: routines, groups: Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0) }), councils: councils)
}

private func group(_ id: String, routines: [Routine] = [], contacts: [Contact] = []) -> Group {
    Group(id: id, name: id, description: "", contacts: contacts, routines: routines,
          location: RutinbokCore.SourceLocation(file: "content/groups/\(id)/group.yml", line: 1, column: 1))
}

private struct Entry: Equatable, CustomStringConvertible {
    var id: String, layer: Routine.Layer, origin: HandbookRoutine.Origin, base: Routine.Layer?
    var description: String { "\(id) \(layer) \(origin) \(String(describing: base))" }
}

private func entries(_ handbook: Handbook) -> [Entry] {
    handbook.routines.map { Entry(id: $0.routine.id, layer: $0.routine.layer, origin: $0.origin, base: $0.base?.layer) }
}

@Suite struct ResolverTests {
    @Test func layersBaseGroupAndCouncilWithOrigins() throws {
        let base = [routine("anmalan", order: 10), routine("hot", order: 20), routine("stod", order: 30)]
        let nordvast = group("nordvast", routines: [routine("hot", .group("nordvast"), order: 20), routine("samverkan", .group("nordvast"), order: 40)])
        let own = [routine("stod", .council("exempelby"), order: 30), routine("lokal", .council("exempelby"), order: 50)]
        let (handbooks, diagnostics) = Resolver.resolve(site(base, groups: [nordvast], councils: [council(group: "nordvast", routines: own)]))
        #expect(diagnostics.isEmpty)
        let handbook = try #require(handbooks.first)
        #expect(handbook.group?.id == "nordvast")
        #expect(entries(handbook) == [
            Entry(id: "anmalan", layer: .base, origin: .inherited, base: nil),
            Entry(id: "hot", layer: .group("nordvast"), origin: .adapted, base: .base),
            Entry(id: "stod", layer: .council("exempelby"), origin: .adapted, base: .base),
            Entry(id: "samverkan", layer: .group("nordvast"), origin: .added, base: nil),
            Entry(id: "lokal", layer: .council("exempelby"), origin: .added, base: nil),
        ])
        #expect(handbook.routine("stod")?.routine.layer == .council("exempelby"))
        #expect(handbook.routine("saknas") == nil)
        #expect(handbook.excluded.isEmpty)
        #expect(handbook.internalOnly.isEmpty)
    }

    @Test func councilReplacesItsGroupsVersion() throws {
        let base = [routine("hot")]
        let nordvast = group("nordvast", routines: [routine("hot", .group("nordvast")), routine("samverkan", .group("nordvast"), order: 20)])
        let own = [routine("hot", .council("exempelby")), routine("samverkan", .council("exempelby"), order: 20)]
        let (handbooks, diagnostics) = Resolver.resolve(site(base, groups: [nordvast], councils: [council(group: "nordvast", routines: own)]))
        #expect(diagnostics.isEmpty)
        #expect(entries(try #require(handbooks.first)) == [
            Entry(id: "hot", layer: .council("exempelby"), origin: .adapted, base: .base),
            Entry(id: "samverkan", layer: .council("exempelby"), origin: .added, base: nil),
        ])
    }

    @Test func councilsWithoutTheGroupDoNotGetItsRoutines() {
        let nordvast = group("nordvast", routines: [routine("samverkan", .group("nordvast"))])
        let (handbooks, _) = Resolver.resolve(site([routine("hot")], groups: [nordvast],
                                                   councils: [council("a", group: "nordvast"), council("b")]))
        #expect(handbooks.map(\.council.slug) == ["a", "b"])
        #expect(handbooks.map { $0.routines.map(\.routine.id) } == [["hot", "samverkan"], ["hot"]])
        #expect(handbooks[1].group == nil)
    }

    @Test func excludeRemovesRoutines() {
        let base = [routine("anmalan"), routine("trygghetstjanst", order: 20), routine("hot", order: 30)]
        let (handbooks, diagnostics) = Resolver.resolve(site(base, councils: [council(exclude: ["trygghetstjanst"])]))
        #expect(diagnostics.isEmpty)
        #expect(handbooks.first?.routines.map(\.routine.id) == ["anmalan", "hot"])
        #expect(handbooks.first?.excluded == ["trygghetstjanst"])
    }

    @Test func unknownExcludeIsAnErrorWithNotes() {
        let base = [routine("anmalan"), routine("trygghetstjanst", order: 20)]
        let (handbooks, diagnostics) = Resolver.resolve(site(base, councils: [council(exclude: ["trygghetstjanster", "bevakning"])]))
        #expect(handbooks.first?.routines.map(\.routine.id) == ["anmalan", "trygghetstjanst"])
        #expect(handbooks.first?.excluded == [])
        #expect(diagnostics.map(\.description) == [
            "content/councils/exempelby/council.yml:5:5: fel: 'exclude' nämner 'trygghetstjanster', men det finns ingen rutin med det id:t [unknown-exclude]\n  obs: menade du 'trygghetstjanst'?\n  obs: rutinernas id: anmalan, trygghetstjanst",
            "content/councils/exempelby/council.yml:6:5: fel: 'exclude' nämner 'bevakning', men det finns ingen rutin med det id:t [unknown-exclude]\n  obs: rutinernas id: anmalan, trygghetstjanst",
        ])
    }

    @Test func internalRoutinesAreLeftOutOfPublicBuilds() {
        let base = [routine("hot"), routine("larm", order: 20, access: .internal)]
        let own = [routine("lokal", .council("exempelby"), order: 30, access: .internal)]
        let input = site(base, councils: [council(routines: own)])

        let (publicBooks, publicProblems) = Resolver.resolve(input)
        #expect(publicProblems.isEmpty)
        #expect(publicBooks.first?.routines.map(\.routine.id) == ["hot"])
        #expect(publicBooks.first?.internalOnly == ["larm", "lokal"])

        let (internalBooks, _) = Resolver.resolve(input, options: .init(includeInternal: true))
        #expect(internalBooks.first?.routines.map(\.routine.id) == ["hot", "larm", "lokal"])
        #expect(internalBooks.first?.internalOnly == [])
    }

    @Test func councilCanMakeAnInternalBaseRoutinePublic() {
        let base = [routine("larm", access: .internal)]
        let own = [routine("larm", .council("exempelby"))]
        let (handbooks, _) = Resolver.resolve(site(base, councils: [council(routines: own)]))
        #expect(handbooks.first?.routines.map(\.routine.layer) == [.council("exempelby")])
        #expect(handbooks.first?.internalOnly == [])
    }

    @Test func orderIsPhaseRankThenOrderThenTitle() {
        let base = [
            routine("x", phase: "hantera", order: 10, title: "Bb"),
            routine("y", phase: "forebygga", order: 20, title: "Aa"),
            routine("z", phase: "hantera", order: 10, title: "Ab"),
            routine("w", phase: "styrning", order: 50, title: "Zz"),
            routine("v", phase: "hantera", order: 5, title: "Zz"),
            routine("u", phase: "okand", order: 1, title: "Aa"),
        ]
        let (handbooks, _) = Resolver.resolve(site(base, councils: [council()]))
        #expect(handbooks.first?.routines.map(\.routine.id) == ["w", "y", "v", "z", "x", "u"])
    }

    @Test func councilContactsWinOverGroupContacts() throws {
        let groupFile = "content/groups/nordvast/group.yml"
        let nordvast = group("nordvast", contacts: [contact("sakerhet", name: "Gruppens", file: groupFile), contact("it", name: "IT-stöd", file: groupFile)])
        let own = [contact("polisen", name: "Polisen", file: councilFile), contact("sakerhet", name: "Egen", file: councilFile)]
        let (handbooks, _) = Resolver.resolve(site([routine("hot")], groups: [nordvast], councils: [council(group: "nordvast", contacts: own)]))
        let handbook = try #require(handbooks.first)
        #expect(handbook.contacts.map(\.id) == ["polisen", "sakerhet", "it"])
        #expect(handbook.contacts.map(\.name) == ["Polisen", "Egen", "IT-stöd"])
        #expect(handbook.contact("sakerhet")?.location.file == councilFile)
        #expect(handbook.contact("it")?.location.file == groupFile)
        #expect(handbook.contact("saknas") == nil)
    }

    /// `out_of_hours: { contact: tib }` on the group's contact names each member's own on-call
    /// number; a member without one is told once, with the handbooks named.
    @Test func anAfterHoursContactIsEachHandbooksOwn() throws {
        let groupFile = "content/groups/nordvast/group.yml"
        var shared = contact("sakerhet", name: "Gruppens", file: groupFile)
        shared.outOfHoursContact = Located(value: "tib", location: RutinbokCore.SourceLocation(file: groupFile, line: 9, column: 19))
        func tib(_ phone: String, _ slug: String) -> Contact {
            var tib = contact("tib", name: "", file: "content/councils/\(slug)/council.yml")
            (tib.role, tib.name, tib.phone) = ("Tjänsteperson i beredskap", nil, phone)
            return tib
        }
        let councils = [council("ana", group: "nordvast", contacts: [tib("070-000 01 07", "ana")]),
                        council("bna", group: "nordvast", contacts: [tib("070-000 02 07", "bna")]),
                        council("cna", group: "nordvast"), council("dna", group: "nordvast")]
        let (handbooks, diagnostics) = Resolver.resolve(site([routine("hot")], groups: [group("nordvast", contacts: [shared])], councils: councils))
        #expect(handbooks.map { $0.contact("sakerhet")?.outOfHours } == [
            "Ring tjänsteperson i beredskap på 070-000 01 07.", "Ring tjänsteperson i beredskap på 070-000 02 07.", nil, nil,
        ])
        // The number's link is named for whom it reaches, not for the coordinator.
        let view = ContactView(try #require(handbooks.first?.contact("sakerhet")))
        #expect(view.outOfHoursHTML?.contains("<span class=\"visually-hidden\">, Tjänsteperson i beredskap</span>") == true, "\(view.outOfHoursHTML ?? "")")
        #expect(diagnostics.normalized().map(\.description) == [
            "content/groups/nordvast/group.yml:9:19: varning: det finns ingen kontakt 'tib' i handboken; kontakten visar därför inte vem man ringer utanför kontorstid [unknown-contact]\n  obs: i 2 handböcker: cna kommun, dna kommun",
        ])
        // A role that is an abbreviation keeps its capitals; without a phone, where to write.
        var it = contact("it", name: "", file: councilFile)
        (it.role, it.phone, it.email) = ("IT-jouren", nil, "it@exempelby.example")
        #expect(OutOfHoursContacts.line(calling: it) == "Skriv till IT-jouren på it@exempelby.example.")
    }

    @Test func unknownGroupIsAnError() throws {
        let nordvast = group("nordvast", routines: [routine("samverkan", .group("nordvast"))])
        let (handbooks, diagnostics) = Resolver.resolve(site([routine("hot")], groups: [nordvast, group("sydost")], councils: [council(group: "nordvest")]))
        #expect(diagnostics.map(\.description) == [
            "content/councils/exempelby/council.yml:3:8: fel: gruppen 'nordvest' finns inte [unknown-group]\n  obs: menade du 'nordvast'?\n  obs: grupper i groups/: nordvast, sydost\n  obs: tills gruppens id är rättat får exempelby kommun inga av gruppens rutiner och kontakter; kontakterna som rutinerna nämner kontrolleras när gruppen finns",
        ])
        let handbook = try #require(handbooks.first)
        #expect(handbook.group == nil)
        #expect(handbook.routines.map(\.routine.id) == ["hot"])
    }

    @Test func misspeltOverrideWarns() {
        let base = [routine("anmalan"), routine("hot", order: 20)]
        let nordvast = group("nordvast", routines: [routine("anmalam", .group("nordvast"))])
        let own = [routine("hoot", .council("exempelby")), routine("kameraovervakning", .council("exempelby"))]
        let (handbooks, diagnostics) = Resolver.resolve(site(base, groups: [nordvast], councils: [council(group: "nordvast", routines: own)]))
        #expect(diagnostics.map(\.description) == [
            "content/groups/nordvast/routines/anmalam.md:1:1: varning: 'anmalam' ersätter ingen grundrutin och läggs därför till som en ny rutin [override-unknown]\n  obs: ville du ersätta 'anmalan'? Döp i så fall filen till 'anmalan.md'",
            "content/councils/exempelby/routines/hoot.md:1:1: varning: 'hoot' ersätter ingen grundrutin och läggs därför till som en ny rutin [override-unknown]\n  obs: ville du ersätta 'hot'? Döp i så fall filen till 'hot.md'",
        ])
        #expect(handbooks.first?.routines.filter { $0.origin == .added }.map(\.routine.id).sorted() == ["anmalam", "hoot", "kameraovervakning"])
    }

    @Test func councilOverridingItsGroupsAdditionIsNotMisspelt() {
        let base = [routine("anmalan")]
        let nordvast = group("nordvast", routines: [routine("anmalam", .group("nordvast"))])
        let own = [routine("anmalam", .council("exempelby"))]
        let (_, diagnostics) = Resolver.resolve(site(base, groups: [nordvast], councils: [council(group: "nordvast", routines: own)]))
        #expect(diagnostics.map(\.code) == ["override-unknown"])
        #expect(diagnostics.map(\.location.file) == ["content/groups/nordvast/routines/anmalam.md"])
    }
}
