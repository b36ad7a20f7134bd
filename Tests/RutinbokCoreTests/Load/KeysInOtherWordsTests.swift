@testable import RutinbokCore
import Testing
import Yams

/// Keys in other words: which key they stand for, and whether left unread they would publish
/// what was meant to be kept internal (an error) or not (a warning, or nothing at all).
@Suite struct KeysInOtherWordsTests {
    private static let contactKeys = ContactLoader.keys

    private func reading(_ line: String, known: [String] = contactKeys) throws -> KeysInOtherWords.Reading? {
        let mapping = try #require(try Yams.compose(yaml: line)?.mapping)
        let pair = try #require(mapping.first)
        return KeysInOtherWords.intended(by: try #require(pair.key.string), value: pair.value, known: known)
    }

    @Test(arguments: [("internal: true", false), ("intern: ja", true), ("privat: yes", true), ("public: false", false),
                      ("offentlig: nej", true), ("åtkomst: intern", true), ("synlighet: internal", true),
                      ("status: internal", false), ("källa: intern", false)])
    func keptInternalInOtherWords(_ line: String, _ swedish: Bool) throws {
        #expect(try reading(line) == .init(key: "access", swedish: swedish, keepsOut: true))
    }

    /// Said public, or not about access at all: nothing is published that was to be kept out.
    @Test func publicOrNotAboutAccess() throws {
        #expect(try reading("internal: false")?.keepsOut == false)
        #expect(try reading("public: true")?.keepsOut == false)
        #expect(try reading("åtkomst: alla")?.keepsOut == false)
        // An internal extension, a private mobile: numbers, not access.
        #expect(try reading("intern: \"4567\"") == nil)
        #expect(try reading("privat: \"070-000 01 01\"") == nil)
        #expect(try reading("kommentar: för alla") == nil)
    }

    @Test func swedishWordsForKeysReadHere() throws {
        #expect(try reading("telefon: \"070-000 01 01\"") == .init(key: "phone", swedish: true, keepsOut: false))
        #expect(try reading("mail: a@b.example") == .init(key: "email", swedish: false, keepsOut: false))
        // `titel` is a contact's role but a routine's title.
        #expect(try reading("titel: Samordnare")?.key == "role")
        #expect(try reading("titel: Rutin", known: RoutineLoader.keys)?.key == "title")
        // A word for a key not read here is no other word for anything.
        #expect(try reading("tema: blå") == nil)
        #expect(try reading("access: intern", known: ["name"]) == nil)
    }
}

/// Links to call or write: one that reaches no one warns; `mailto:?subject=…`, which leaves
/// the recipient to the reader (RFC 6068), does not.
@Suite struct AddressLinkTests {
    @Test func aMailLinkWithOnlyASubjectIsOne() {
        #expect(TransformPass.addressProblem("mailto:?subject=Hot%20mot%20f%C3%B6rtroendevald") == nil)
        #expect(TransformPass.addressProblem("mailto:sakerhet@kommun.example?subject=Hot") == nil)
        #expect(TransformPass.addressProblem("mailto:")?.code == "bad-email")
        #expect(TransformPass.addressProblem("mailto:?")?.code == "bad-email")
        #expect(TransformPass.addressProblem("tel:070-abc")?.code == "bad-phone")
    }
}
