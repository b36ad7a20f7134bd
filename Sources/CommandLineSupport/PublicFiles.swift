#if canImport(Glibc)
import Glibc
#endif

/// The permissions of what a public build writes.
public enum PublicFiles {
    /// Lets everyone read the files and folders this process creates from now on: the umask
    /// keeps what it takes from writing, and gives back reading and entering folders. The
    /// files rutinbok keeps beside the output are created `rw-------` whatever the umask.
    public static func allowReading() {
        let mask = umask(0o022)
        umask(mask & ~0o055)
    }
}
