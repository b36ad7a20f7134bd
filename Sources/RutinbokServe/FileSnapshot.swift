import Foundation

/// One file's bytes and validators, read through a single descriptor so the ETag always
/// describes the bytes sent, even when a build swaps the output folder meanwhile.
struct FileSnapshot: Sendable {
    var data: Data
    var etag: String
    var modified: Date

    /// Larger files are not something a handbook contains; refusing them keeps memory bounded.
    static let sizeLimit = 64 * 1024 * 1024

    static func read(_ path: String) -> FileSnapshot? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) <= sizeLimit,
              let data = try? handle.readToEnd() ?? Data() else { return nil }
        let seconds = Int(info.st_mtim.tv_sec), nanoseconds = Int(info.st_mtim.tv_nsec)
        let etag = "\"\(String(data.count, radix: 16))-\(String(seconds, radix: 16))\(String(nanoseconds, radix: 16))-\(String(UInt(info.st_ino), radix: 16))\""
        return FileSnapshot(data: data, etag: etag, modified: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// Conditional GET (RFC 9110 §13): If-None-Match wins over If-Modified-Since.
enum Conditional {
    static func notModified(ifNoneMatch: String?, ifModifiedSince: String?, etag: String, modified: Date) -> Bool {
        if let ifNoneMatch {
            let tags = ifNoneMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return tags.contains("*") || tags.contains { weak($0) == weak(etag) }
        }
        if let ifModifiedSince, let since = parse(ifModifiedSince) {
            return modified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    private static func weak(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`, without a shared (and unsafe) DateFormatter.
    static func format(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    static func parse(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT", let day = Int32(fields[1]),
              let month = months.firstIndex(of: String(fields[2])), let year = Int32(fields[3]) else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int32($0) }
        guard clock.count == 3 else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = clock[0]
        parts.tm_min = clock[1]
        parts.tm_sec = clock[2]
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
