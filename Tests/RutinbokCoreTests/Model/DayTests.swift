import Foundation
import Testing
@testable import RutinbokCore

@Suite struct DayTests {
    /// Every day of four years (a leap year among them), and the first and last years allowed:
    /// written as `YYYY-MM-DD` and read back as the same day.
    @Test func descriptionIsTheISODateAndReadsBack() throws {
        for year in [1900, 2024, 2025, 2026, 2027, 9999] {
            for month in 1...12 {
                for day in 1...Day.daysIn(month: month, year: year) {
                    let date = try #require(Day(year: year, month: month, day: day))
                    #expect(date.description == String(format: "%04d-%02d-%02d", year, month, day))
                    #expect(Day(date.description) == date)
                }
            }
        }
    }
}
