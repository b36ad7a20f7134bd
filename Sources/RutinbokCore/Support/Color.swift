import Foundation

/// An sRGB colour from `#rrggbb`, with the WCAG contrast maths the theme checks need.
public struct Color: Sendable, Hashable {
    public var red: Double, green: Double, blue: Double

    /// `#rrggbb` or `#rgb`, hex digits only: what CSS reads as that colour (the value is
    /// published as written).
    public init?(hex: String) {
        guard hex.hasPrefix("#") else { return nil }
        var text = hex.dropFirst()
        guard text.count == 3 || text.count == 6, text.allSatisfy(\.isHexDigit) else { return nil }
        if text.count == 3 { text = Substring(text.map { "\($0)\($0)" }.joined()) }
        guard let value = UInt32(text, radix: 16) else { return nil }
        red = Double((value >> 16) & 0xFF) / 255
        green = Double((value >> 8) & 0xFF) / 255
        blue = Double(value & 0xFF) / 255
    }

    /// WCAG 2.1 relative luminance.
    public var luminance: Double {
        func channel(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG 2.1 contrast ratio, 1–21.
    public func contrast(with other: Color) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    public static let white = Color(hex: "#ffffff")!

    /// `#rrggbb`, lower case.
    public var hex: String {
        "#" + [red, green, blue].map { channel in
            let value = Int((channel * 255).rounded())
            return (value < 16 ? "0" : "") + String(value, radix: 16)
        }.joined()
    }

    /// The same colour with each channel times `factor` (0–1): darker, the same hue.
    public func darkened(by factor: Double) -> Color {
        var color = self
        color.red *= factor
        color.green *= factor
        color.blue *= factor
        return color
    }
}
