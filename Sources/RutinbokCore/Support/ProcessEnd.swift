/// Values a one-shot build leaves for the operating system to reclaim.
///
/// Tearing down a build's data (hundreds of thousands of strings, arrays and dictionaries
/// in its handbooks, rendered bodies, manifest and caches) one `free` at a time took
/// 20–40 ms on one core at the end of every CLI build, after the output was already
/// published. A process about to exit can skip that, as compilers do (clang's
/// `-disable-free`): `keep` retains a value for the rest of the process. Only for a build
/// that is the last thing its process does (`Build.Options.endsProcess`); a long-running
/// process (the preview server, the tests) frees as usual.
enum ProcessEnd {
    private final class Kept: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    /// Retains `value` until the process exits.
    static func keep(_ value: Any) {
        _ = Unmanaged.passRetained(Kept(value))
    }
}
