#if canImport(Glibc)
import Glibc
#endif

/// The system's reason for a failed file operation, in Swedish for the ones an editor or an
/// administrator meets (a full disk, a folder another user owns); the system's own text
/// (English) for the rest.
public enum SystemError {
    public static func text(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "behörighet saknas (mappen eller filen tillhör kanske en annan användare)"
        case ENOSPC: "disken är full"
        case EDQUOT: "diskkvoten är slut"
        case EROFS: "filsystemet går bara att läsa"
        case EEXIST: "det finns redan en fil med det namnet"
        case ENOENT: "filen eller mappen finns inte"
        case ENOTDIR: "en del av sökvägen är ingen mapp"
        case EISDIR: "det är en mapp"
        case EMFILE, ENFILE: "för många öppna filer"
        case ENAMETOOLONG: "namnet är för långt"
        case EIO: "läs- eller skrivfel på disken"
        // What moving a mount point gives (an output folder that is a volume of a container, say).
        case EBUSY: "mappen används av systemet; den är kanske en monteringspunkt (en monterad disk eller en volym i en container), som inte går att flytta"
        default: String(cString: strerror(code))
        }
    }
}
