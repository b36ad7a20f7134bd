import Foundation

/// A calendar date without time or zone (`2026-09-01`), as routines and contacts carry them.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Why `text`, written as `YYYY-MM-DD`, is no date ("februari 2026 har 28 dagar"); nil when
    /// it is a date or not written so.
    public static func missingDay(_ text: String) -> String? {
        guard let (year, month, day) = written(text), Day(year: year, month: month, day: day) == nil else { return nil }
        guard (1...12).contains(month) else { return "det finns ingen månad \(month < 10 ? "0" : "")\(month); månaderna är 01–12" }
        guard (1900...9999).contains(year) else { return "året \(year) är inte rimligt" }
        let names = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
        return "\(names[month - 1]) \(year) har \(daysIn(month: month, year: year)) dagar"
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: String) {
        guard let (year, month, day) = Self.written(text) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The numbers of a text written exactly `YYYY-MM-DD`, whether or not they make a date.
    private static func written(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return (year, month, day)
    }

    /// Today in the Swedish time zone.
    public static func today() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Stockholm") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// This date moved by whole months, clamped to the end of a shorter month.
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `YYYY-MM-DD` (the year always has four digits). Without `String(format:)`, which cost
    /// more than a routine page's other fields together.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// "1 september 2026", for readers.
    public var swedish: String {
        let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
                      "augusti", "september", "oktober", "november", "december"]
        return "\(day) \(months[month - 1]) \(year)"
    }
}
