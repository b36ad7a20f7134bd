import Glibc
import Testing
@testable import RutinbokCore

/// The reasons an administrator meets when a build cannot write are told in Swedish; the
/// system's English is left for the rare rest.
struct SystemErrorTests {
    @Test func commonReasonsAreInSwedish() {
        #expect(SystemError.text(ENOSPC) == "disken är full")
        #expect(SystemError.text(EACCES).hasPrefix("behörighet saknas"))
        #expect(SystemError.text(EPERM) == SystemError.text(EACCES))
        // An output folder that is a mount point (a container's volume) cannot be exchanged.
        #expect(SystemError.text(EBUSY).hasPrefix("mappen används av systemet; den är kanske en monteringspunkt"))
    }

    @Test func othersAreTheSystemsText() {
        #expect(SystemError.text(EXDEV) == String(cString: strerror(EXDEV)))
    }
}
