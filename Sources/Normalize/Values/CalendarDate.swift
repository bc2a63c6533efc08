import Foundation

/// A day of the Gregorian calendar, written to JSON as ISO `YYYY-MM-DD`.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Years outside this window are not read as years (they are amounts, codes, typos).
    public static let plausibleYears = 1900...2100

    /// Nil unless the day exists (no 31 April, 29 February only in leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard Self.plausibleYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.lastDay(ofMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func firstDay(ofMonth month: Int, year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: 1)
    }

    public static func lastDay(ofMonth month: Int, year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: lastDay(ofMonth: month, year: year))
    }

    static func lastDay(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// A year written with two digits ("31/12/24") is read in the 2000s.
    static func expandYear(_ digits: Substring) -> Int? {
        guard let value = Int(digits) else { return nil }
        switch digits.count {
        case 4: return value
        case 2: return 2000 + value
        default: return nil
        }
    }
}
