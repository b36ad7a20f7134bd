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
        "ordning": ["order"],
        "kontakter": ["contacts"], "tema": ["theme"], "färg": ["color"], "farg": ["color"], "logga": ["logo"],
        "logotyp": ["logo"], "undanta": ["exclude"], "exkludera": ["exclude"], "uteslut": ["exclude"],
        "bortval": ["exclude"], "typ": ["kind"], "webbplats": ["website"], "snabbkontakter": ["quick_contacts"],
        "tillgänglighet": ["accessibility"], "tillganglighet": ["accessibility"], "grupp": ["group"],
        "invånare": ["population"], "invanare": ["population"], "folkmängd": ["population"],
    ]

    /// English words for a key's meaning that are not slips of it.
    static let english: [String: [String]] = [
        "mail": ["email"], "e-mail": ["email"], "telephone": ["phone"], "mobile": ["phone"],
    ]

    /// What a key in other words stands for: `key`, the key read here; `swedish`, whether the
    /// word was Swedish; `keepsOut`, whether it says to keep something internal, so that left
    /// unread it would publish it (an error, where one that says public is a warning).
    struct Reading: Equatable {
        var key: String
        var swedish: Bool
        var keepsOut: Bool
    }

    /// The key read here that `key` stands for; nil when it is none.
    static func intended(by key: String, value: Node, known: [String]) -> Reading? {
        let word = key.lowercased()
        if known.contains("access"), let keepsOut = Access.meansInternal(word, value) {
            return Reading(key: "access", swedish: Access.isSwedishWord(word), keepsOut: keepsOut)
        }
        if let intended = swedish[word]?.first(where: known.contains) { return Reading(key: intended, swedish: true, keepsOut: false) }
        if let intended = english[word]?.first(where: known.contains) { return Reading(key: intended, swedish: false, keepsOut: false) }
        return nil
    }

    /// `access: internal` in other words: a flag (`internal: true`, `intern: ja`,
    /// `public: false`), a key of its own for it (`åtkomst: intern`, `synlighet: offentlig`),
    /// or any key whose value is the word (`status: internal`).
    enum Access {
        static let internalKeys: Set<String> = ["internal", "intern", "internt", "private", "privat", "hidden", "dold"]
        static let publicKeys: Set<String> = ["public", "offentlig", "offentligt"]
        static let accessKeys: Set<String> = ["åtkomst", "atkomst", "behörighet", "behorighet", "synlighet", "visibility"]
        static let internalWords: Set<String> = ["intern", "internal", "internt", "privat", "private"]
        static let englishWords: Set<String> = ["internal", "private", "hidden", "public", "visibility"]

        /// A Swedish word for access (`åtkomst`, `intern`), not another key with the value (`status: intern`).
        static func isSwedishWord(_ key: String) -> Bool {
            (internalKeys.contains(key) || publicKeys.contains(key) || accessKeys.contains(key)) && !englishWords.contains(key)
        }

        /// Whether the key and its value say internal (true) or public (false); nil when they
        /// are not about it (`intern: "4567"`, an internal extension, says neither).
        static func meansInternal(_ key: String, _ value: Node) -> Bool? {
            let text = value.string?.trimmed.lowercased() ?? ""
            let flag: Bool? = value.bool ?? (text == "ja" ? true : text == "nej" ? false : nil)
            if internalKeys.contains(key) { return flag }
            if publicKeys.contains(key) { return flag.map(!) }
            if accessKeys.contains(key) { return internalWords.contains(text) }
            return ["intern", "internal", "internt"].contains(text) ? true : nil
        }
    }
}
