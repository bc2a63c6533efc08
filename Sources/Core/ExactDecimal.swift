import Foundation

/// A decimal number held exactly, never as binary floating point: an integer significand and the count of
/// digits after the point (`1234567.89` is 123456789 × 10⁻²). It is read from the digits a document writes and
/// written back as the same digits (`17185418.38`, never `17185418.380000001`).
///
/// The form is canonical (no trailing zero after the point: `24.70` is held and written as `24.7`), so equal
/// numbers are equal values. Up to 18 significant digits are held (the 16 + 2 of `NUMERIC(18,2)`); arithmetic
/// that would need more returns nil rather than rounding.
public struct ExactDecimal: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let significand: Int64
    /// Digits after the decimal point (0 for a whole number).
    public let scale: Int

    /// The most digits a value may have.
    public static let maximumDigits = 18

    /// `significand × 10^-scale`; `scale` is at most `maximumDigits`.
    public init(significand: Int64, scale: Int) {
        precondition(scale <= Self.maximumDigits, "an exact decimal has at most \(Self.maximumDigits) digits after the point")
        var significand = significand, scale = max(0, scale)
        while scale > 0, significand % 10 == 0 {
            significand /= 10
            scale -= 1
        }
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(significand: Int64(integer), scale: 0)
    }

    /// Reads `-?DIGITS(.DIGITS)?` (the plain form `description` writes); nil for anything else, more than
    /// `maximumDigits` significant digits or more than `maximumDigits` digits after the point.
    public init?(_ text: String) {
        var digits = Substring(text)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }) else {
            return nil
        }
        let fraction = parts.count == 2 ? parts[1] : ""
        let fractionKept = fraction.reversed().drop { $0 == "0" }.reversed()
        let significant = (whole + fractionKept).drop { $0 == "0" }
        guard significant.count <= Self.maximumDigits, fractionKept.count <= Self.maximumDigits, let magnitude = Int64(significant.isEmpty ? "0" : String(significant)) else {
            return nil
        }
        self.init(significand: negative ? -magnitude : magnitude, scale: fractionKept.count)
    }

    public static let zero = ExactDecimal(0)

    public var isWholeNumber: Bool { scale == 0 }

    /// Whether SQL's `NUMERIC(precision, scale)` holds the value without rounding: at most `places` digits after
    /// the point and `precision - places` before it.
    public func fits(precision: Int, places: Int) -> Bool {
        guard scale <= places else { return false }
        let wholeDigits = String(significand.magnitude).count - scale
        return wholeDigits <= precision - places
    }
    public var isNegative: Bool { significand < 0 }

    /// The whole number, when the value is one.
    public var integerValue: Int? { isWholeNumber ? Int(exactly: significand) : nil }

    /// The digits after the point, at most `places`, with the value rounded half away from zero when it has more;
    /// nil when rounding overflows.
    public func rounded(places: Int) -> ExactDecimal? {
        guard scale > places else { return self }
        let divisor = Self.powerOfTen(scale - places)!
        var quotient = significand / divisor
        let remainder = significand % divisor
        if abs(remainder) * 2 >= divisor { quotient += significand < 0 ? -1 : 1 }
        return ExactDecimal(significand: quotient, scale: places)
    }

    /// The value as an integer count of 10^-places (`12.5` at 2 places is 1250); nil when it has more digits after
    /// the point, or the count overflows.
    public func significand(places: Int) -> Int64? {
        guard places >= scale, let power = Self.powerOfTen(places - scale) else { return nil }
        let (product, overflow) = significand.multipliedReportingOverflow(by: power)
        return overflow ? nil : product
    }

    public var negated: ExactDecimal { ExactDecimal(significand: -significand, scale: scale) }
    public var magnitude: ExactDecimal { isNegative ? negated : self }

    /// The exact sum; nil when it needs more than `maximumDigits` digits.
    public func adding(_ other: ExactDecimal) -> ExactDecimal? {
        let scale = max(self.scale, other.scale)
        guard let a = significand(places: scale), let b = other.significand(places: scale) else { return nil }
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum.magnitude < UInt64(Self.powerOfTen(Self.maximumDigits)!) else { return nil }
        return ExactDecimal(significand: sum, scale: scale)
    }

    public func subtracting(_ other: ExactDecimal) -> ExactDecimal? { adding(other.negated) }

    /// The exact sum of `values` (zero for none); nil when it needs more than `maximumDigits` digits.
    public static func sum<S: Sequence>(_ values: S) -> ExactDecimal? where S.Element == ExactDecimal {
        var total = ExactDecimal.zero
        for value in values {
            guard let next = total.adding(value) else { return nil }
            total = next
        }
        return total
    }

    /// The quotient rounded half away from zero to `places` digits after the point; nil when dividing by zero or
    /// when the quotient needs more than `maximumDigits` digits.
    public func divided(by divisor: ExactDecimal, places: Int) -> ExactDecimal? {
        guard divisor.significand != 0 else { return nil }
        // self / divisor = (a × 10^-sa) / (b × 10^-sb); computed as a × 10^(places + 1 + sb - sa) / b, then rounded.
        let shift = places + 1 + divisor.scale - scale
        let numerator: (high: UInt64, low: UInt64)
        if shift >= 0 {
            guard let scaled = Self.scaled(significand.magnitude, by: shift) else { return nil }
            numerator = scaled
        } else {
            // Digits of the dividend below the last one kept cannot change it: floor(floor(a / m) / b) = floor(a / (m × b)).
            numerator = (0, Self.powerOfTen(-shift).map { significand.magnitude / UInt64($0) } ?? 0)
        }
        let (high, low) = numerator
        let denominator = divisor.significand.magnitude
        guard high < denominator else { return nil }
        let (quotient, _) = denominator.dividingFullWidth((high, low))
        guard quotient < UInt64(Int64.max) else { return nil }
        let negative = isNegative != divisor.isNegative
        let tenths = Int64(quotient)
        return ExactDecimal(significand: negative ? -tenths : tenths, scale: places + 1).rounded(places: places)
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        let (lw, lf) = lhs.wholeAndFraction(at: maximumDigits)
        let (rw, rf) = rhs.wholeAndFraction(at: maximumDigits)
        return (lw, lf) < (rw, rf)
    }

    /// Plain decimal text: `-1234567.89`, `0.5`, `20`.
    public var description: String {
        let digits = String(significand.magnitude)
        let sign = isNegative ? "-" : ""
        guard scale > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        return sign + padded.dropLast(scale) + "." + padded.suffix(scale)
    }

    /// The amount as Italian documents write euros, from the digits, to the cent: `1234567.5` → `1.234.567,50`,
    /// `-5880.86` → `-5.880,86`, `999999999999999.99` → `999.999.999.999.999,99` (rounded half away from zero when
    /// it has more than two digits after the point).
    public var italianAmount: String {
        let cents = rounded(places: 2) ?? self
        let text = cents.magnitude.description
        let parts = text.split(separator: ".", maxSplits: 1)
        var integer = Substring(parts[0])
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        var grouped = ""
        while integer.count > 3 {
            grouped = "." + integer.suffix(3) + grouped
            integer = integer.dropLast(3)
        }
        return (cents.isNegative ? "-" : "") + integer + grouped + "," + fraction.padding(toLength: 2, withPad: "0", startingAt: 0)
    }

    /// The integer part and the fraction as an integer of `places` digits, both signed like the value.
    private func wholeAndFraction(at places: Int) -> (Int64, Int64) {
        let divisor = Self.powerOfTen(scale)!
        let fraction = significand % divisor
        return (significand / divisor, fraction * Self.powerOfTen(places - scale)!)
    }

    /// `value × 10^power` as a 128-bit number (high, low); nil when even that overflows.
    private static func scaled(_ value: UInt64, by power: Int) -> (high: UInt64, low: UInt64)? {
        var high: UInt64 = 0, low = value
        for _ in 0..<power {
            let lowProduct = low.multipliedFullWidth(by: 10)
            let (highProduct, overflow) = high.multipliedReportingOverflow(by: 10)
            let (newHigh, carry) = highProduct.addingReportingOverflow(lowProduct.high)
            guard !overflow, !carry else { return nil }
            (high, low) = (newHigh, lowProduct.low)
        }
        return (high, low)
    }

    /// 10^n for 0 ≤ n ≤ 18.
    static func powerOfTen(_ n: Int) -> Int64? {
        guard (0...maximumDigits).contains(n) else { return nil }
        var power: Int64 = 1
        for _ in 0..<n { power *= 10 }
        return power
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension ExactDecimal: Codable {
    /// A JSON number with exactly these digits, through Foundation's `Decimal`, which JSON coders write and read
    /// digit for digit.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Decimal(string: description, locale: Self.posix)!)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(Decimal.self).description
        guard let value = ExactDecimal(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an exact decimal of at most 18 digits: \(text)")
        }
        self = value
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
