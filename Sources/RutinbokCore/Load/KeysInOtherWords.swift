import Yams

/// Keys written in other words than rutinbok's: in Swedish (`telefon:` for `phone:`), the
/// language of the guide and of everything else an editor writes, or as another English word
/// for what the key does (`internal: true` for `access: internal`). Such a key is not a slip
/// of the finger that `Suggestions` would catch, and left an unknown key it is not read: a
/// contact is published without its number, an internal routine for everyone.
enum KeysInOtherWords {
    /// Swedish words, lower case, and the keys they stand for in the order to try: the first
    /// that is read where the word stands (`titel` is a routine's `title` but a contact's `role`).
    static let swedish: [String: [String]] = [
        "telefon": ["phone"], "tel": ["phone"], "telefonnummer": ["phone"], "mobil": ["phone"], "mobilnummer": ["phone"],
        "nummer": ["phone"], "tfn": ["phone"],
        "epost": ["email"], "e-post": ["email"], "mejl": ["email"], "e-postadress": ["email"], "epostadress": ["email"],
        "mejladress": ["email"],
        "tider": ["hours"], "tid": ["hours"], "öppettider": ["hours"], "oppettider": ["hours"], "telefontid": ["hours"],
        "kontorstid": ["hours"],
        "jour": ["out_of_hours"], "beredskap": ["out_of_hours"], "utanför_kontorstid": ["out_of_hours"],
        "namn": ["name"], "roll": ["role"], "titel": ["title", "role"], "rubrik": ["title"],
        "kontrollerad": ["verified"], "kontrollerat": ["verified"], "verifierad": ["verified"],
        "sammanfattning": ["summary"], "ingress": ["summary"], "beskrivning": ["summary", "description"],
        "fas": ["phase"], "ansvarig": ["owner"], "ägare": ["owner"], "agare": ["owner"],
        "granskad": ["reviewed"], "granskat": ["reviewed"], "reviderad": ["reviewed"], "beslutad": ["decided"],
        "målgrupp": ["audience"], "malgrupp": ["audience"], "målgrupper": ["audience"], "malgrupper": ["audience"],
        "ordning": ["order"], "åtkomst": ["access"], "atkomst": ["access"], "behörighet": ["access"],
        "behorighet": ["access"], "synlighet": ["access"], "intern": ["access"], "internt": ["access"],
        "privat": ["access"], "dold": ["access"], "offentlig": ["access"],
        "kontakter": ["contacts"], "tema": ["theme"], "färg": ["color"], "farg": ["color"], "logga": ["logo"],
        "logotyp": ["logo"], "undanta": ["exclude"], "exkludera": ["exclude"], "uteslut": ["exclude"],
        "bortval": ["exclude"], "typ": ["kind"], "webbplats": ["website"], "snabbkontakter": ["quick_contacts"],
        "tillgänglighet": ["accessibility"], "tillganglighet": ["accessibility"], "grupp": ["group"],
        "invånare": ["population"], "invanare": ["population"], "folkmängd": ["population"],
    ]

    /// English words for a key's meaning that are not slips of it.
    static let english: [String: [String]] = [
        "internal": ["access"], "private": ["access"], "hidden": ["access"], "visibility": ["access"],
        "public": ["access"], "mail": ["email"], "e-mail": ["email"], "telephone": ["phone"], "mobile": ["phone"],
    ]

    /// Values that say "internal" whatever the key they stand under (`synlighet: intern`).
    static let internalValues: Set<String> = ["intern", "internal", "internt"]

    /// The key read here that `key` stands for, and whether `key` is Swedish; nil when it is
    /// none of them.
    static func intended(by key: String, value: Node, known: [String]) -> (key: String, swedish: Bool)? {
        let word = key.lowercased()
        if let intended = swedish[word]?.first(where: known.contains) { return (intended, true) }
        if let intended = english[word]?.first(where: known.contains) { return (intended, false) }
        if known.contains("access"), let text = value.string, internalValues.contains(text.trimmed.lowercased()) {
            return ("access", false)
        }
        return nil
    }
}
