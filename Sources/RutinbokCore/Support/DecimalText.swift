import Foundation

/// Numbers with decimals as text, the one place that writes them: as C's `printf` does (the
/// binary value rounded exactly, so 2.25 is "2.2" and 2.75 is "2.8"), without Foundation's
/// formatting machinery, which the readability page would call for each of thousands of routines.
public enum DecimalText {
    /// "4.5": with a decimal point, for programs.
    public static func point(_ value: Double, places: Int = 1) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = withVaList([Int32(places), value]) { vsnprintf(buffer.baseAddress!, 64, "%.*f", $0) }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(min(max(count, 0), 63))), as: UTF8.self)
        }
    }

    /// "4,5": with a decimal comma, as Swedish writes it.
    public static func swedish(_ value: Double, places: Int = 1) -> String {
        String(decoding: point(value, places: places).utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }

    /// A whole number as Swedish writes it, thousands apart by a no-break space: "3 113",
    /// "310", "-12 000" (Språkrådet's rule; a number of four digits may be grouped too).
    public static func swedishWhole(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append("\u{A0}") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `swedish`, without a decimal part of zeros: "42" for 42.0, "42,5" for 42.5.
    public static func swedishTrimmed(_ value: Double, places: Int = 1) -> String {
        let text = swedish(value, places: places)
        guard let comma = text.firstIndex(of: ","), text[text.index(after: comma)...].allSatisfy({ $0 == "0" }) else { return text }
        return String(text[..<comma])
    }
}
