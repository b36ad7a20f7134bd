import Foundation

/// Reads `site.yml`.
enum SiteConfigLoader {
    static let keys = ["title", "description", "phases", "audiences", "national_numbers", "quick_contacts", "acute_routine", "publisher", "accessibility", "address", "defaults"]
    static let defaultKeys = ["review_interval_months", "verify_interval_months", "lix_threshold"]

    static func load(_ text: String, file: String) -> (SiteConfig, [Diagnostic]) {
        let top = SourceLocation(file: file, line: 1, column: 1)
        var config = SiteConfig(title: "Handbok", description: "", phases: [], audiences: [], nationalNumbers: [],
                                reviewIntervalMonths: 12, verifyIntervalMonths: 6, lixThreshold: 50, location: top)
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0) {
        case .success(let mapping): yaml = mapping
        case .failure(let diagnostic): return (config, [diagnostic])
        }
        config.title = yaml.string("title", required: "handbokens namn") ?? config.title
        config.description = yaml.string("description") ?? ""
        var phaseIDs = FirstIDs()
        for (rank, var item) in yaml.mappings("phases").enumerated() {
            if let id = item.located("id", required: "ett kort id, till exempel 'hantera'"),
               let label = item.string("label", required: "namnet som läsarna ser") {
                // One id for two parts: a routine could name only the first, and the
                // second's routines would each be an unknown part.
                if let problem = phaseIDs.again(id, "delen", in: "phases", severity: .error) { item.report(problem) } else {
                    config.phases.append(Phase(id: id.value, label: label, rank: rank))
                    config.phaseLocations.append(Located(value: id.value, location: item.location))
                }
            }
            yaml.absorb(&item, known: ["id", "label"])
        }
        if config.phases.isEmpty {
            yaml.report(.error(yaml.location(ofKey: "phases"), "site.yml behöver minst en del under 'phases'", code: "missing-key"))
        }
        var audienceIDs = FirstIDs()
        for var item in yaml.mappings("audiences") {
            if let id = item.located("id", required: "ett kort id, till exempel 'alla'"),
               let label = item.string("label", required: "namnet som läsarna ser") {
                if let problem = audienceIDs.again(id, "målgruppen", in: "audiences", severity: .error) { item.report(problem) } else {
                    config.audiences.append(Audience(id: id.value, label: label))
                }
            }
            yaml.absorb(&item, known: ["id", "label"])
        }
        var numberIDs = FirstIDs()
        for var item in yaml.mappings("national_numbers") {
            if let id = item.located("id", required: "ett kort id"),
               let label = item.string("label", required: "vad numret är till för"),
               let number = item.located("number", required: "numret att ringa") {
                ContactLoader.checkPhone(number, in: &item)
                // Nothing looks a number up by its id: both are shown, and the id is only
                // a copied line not yet changed.
                if let problem = numberIDs.again(id, "numret", in: "national_numbers", severity: .warning) { item.report(problem) }
                config.nationalNumbers.append(NationalNumber(id: id.value, label: label, number: number.value,
                                                             description: item.string("description") ?? ""))
            }
            yaml.absorb(&item, known: ["id", "label", "number", "description"])
        }
        config.quickContacts = yaml.strings("quick_contacts")
        config.acuteRoutine = yaml.located("acute_routine")
        if var publisher = yaml.mapping("publisher") {
            let name = publisher.string("name", required: "vem som ger ut portalen och grundrutinerna")
            var email = publisher.located("email")
            if let address = email, let problem = EmailAddress.problem(in: address.value) {
                publisher.report(.error(address.location, "e-postadressen '\(address.value)' ser inte ut som en e-postadress: \(problem)", code: "bad-email"))
                email = nil
            }
            if let name { config.publisher = SiteConfig.Publisher(name: name, email: email?.value) }
            yaml.absorb(&publisher, known: ["name", "email"])
        }
        if var defaults = yaml.mapping("defaults") {
            config.reviewIntervalMonths = defaults.int("review_interval_months", in: 1...120) ?? 12
            config.verifyIntervalMonths = defaults.int("verify_interval_months", in: 1...120) ?? 6
            config.lixThreshold = defaults.double("lix_threshold") ?? 50
            yaml.absorb(&defaults, known: defaultKeys)
        }
        config.accessibility = AccessibilityStatementLoader.load(from: &yaml)
        if let address = yaml.located("address") {
            if let normalized = PublishedAddress.normalized(address.value) {
                config.address = normalized
            } else {
                yaml.report(.error(address.location, "'address' ska vara webbadressen där utdatamappen publiceras, till exempel https://rutiner.exempel.example/, men här står '\(address.value)'", code: "bad-value"))
            }
        }
        return (config, yaml.finish(known: keys))
    }
}

/// The ids of a list in site.yml seen so far, each where it was first written: a second is
/// reported where it is written (`duplicate-id`).
struct FirstIDs {
    private var seen: [String: SourceLocation] = [:]

    /// The problem with `id` if the list had it already; nil, and `id` remembered, if not.
    /// `what` names the entry ("delen"), `list` the key of the list.
    mutating func again(_ id: Located<String>, _ what: String, in list: String, severity: Diagnostic.Severity) -> Diagnostic? {
        guard let first = seen[id.value] else {
            seen[id.value] = id.location
            return nil
        }
        return Diagnostic(severity, id.location, "id:t '\(id.value)' står redan under '\(list)', på rad \(first.line); ge \(what) ett eget id",
                          code: "duplicate-id")
    }
}
