/// rutinbok's version, as `rutinbok --version` prints it. Raise it when a change is released
/// (README, "Installing on a server, and upgrading", "Pinning a version"): the minor number
/// for new features, the patch number for fixes.
/// Incremental builds do not depend on it: they notice a new binary by its file stamp.
public enum ProgramVersion {
    public static let current = "0.25.0"
}
