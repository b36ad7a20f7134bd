@testable import RutinbokCore
import Testing

/// "Menade du …": typos by edit distance, and ids written with parts left out.
@Suite struct SuggestionsTests {
    private let routines = ["hotad-just-nu", "hot-via-telefon", "polisanmalan", "dokumentera", "stod-till-dig", "stod-till-familjen"]

    @Test func typosAreCorrected() {
        #expect(Suggestions.closest(to: "polisanmälan", in: routines) == "polisanmalan")
        #expect(Suggestions.closest(to: "dokumetnera", in: routines) == "dokumentera")
        #expect(Suggestions.closest(to: "brandskydd", in: routines) == nil)
    }

    /// An id with a part too few or too many is no typo, but its parts say which one was meant.
    @Test func idsWithPartsLeftOutAreFound() {
        #expect(Suggestions.closest(to: "hotad-nu", in: routines) == "hotad-just-nu")
        #expect(Suggestions.closest(to: "hotad", in: routines) == "hotad-just-nu")
        #expect(Suggestions.closest(to: "hot-telefon", in: routines) == "hot-via-telefon")
        // Two ids have the parts: no guess.
        #expect(Suggestions.closest(to: "stod-till", in: routines) == nil)
        // The first part must be the same: 'nu' is in 'hotad-just-nu', but says nothing.
        #expect(Suggestions.closest(to: "just-nu", in: routines) == nil)
    }
}
