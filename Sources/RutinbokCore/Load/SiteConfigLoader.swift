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
        for (rank, var item) in yaml.mappings("phases").enumerated() {
            if let id = item.string("id", required: "ett kort id, till exempel 'hantera'"),
               let label = item.string("label", required: "namnet som läsarna ser") {
                config.phases.append(Phase(id: id, label: label, rank: rank))
                config.phaseLocations.append(Located(value: id, location: item.location))
            }
            yaml.absorb(&item, known: ["id", "label"])
        }
        if config.phases.isEmpty {
            yaml.report(.error(yaml.location(ofKey: "phases"), "site.yml behöver minst en del under 'phases'", code: "missing-key"))
        }
        for var item in yaml.mappings("audiences") {
            if let id = item.string("id", required: "ett kort id, till exempel 'alla'"),
               let label = item.string("label", required: "namnet som läsarna ser") {
                config.audiences.append(Audience(id: id, label: label))
            }
            yaml.absorb(&item, known: ["id", "label"])
        }
        for var item in yaml.mappings("national_numbers") {
            if let id = item.string("id", required: "ett kort id"),
               let label = item.string("label", required: "vad numret är till för"),
               let number = item.located("number", required: "numret att ringa") {
                ContactLoader.checkPhone(number, in: &item)
                config.nationalNumbers.append(NationalNumber(id: id, label: label, number: number.value,
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
