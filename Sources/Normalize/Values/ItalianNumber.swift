import Core

/// Reads one number written the Italian way. The rules, in the order they apply:
///
/// 1. `,` is the decimal mark and may appear once: "1.297,888,00" is malformed.
/// 2. With a `,`, every `.` before it separates thousands, in groups of exactly three digits:
///    "1.234.567,89" → 1234567.89; "1.23,5" is malformed.
/// 3. Without a `,`, several `.` separate thousands (same group rule): "1.234.567" → 1234567.
/// 4. Without a `,`, one `.` followed by exactly three digits separates thousands: "1.234" → 1234
///    (the Italian reading). In a percentage this is ambiguous ("1.234%") and is refused.
/// 5. Without a `,`, one `.` followed by one, two or four+ digits is a decimal point written the
///    English way: "24.70%" → 24.7, "50.6" → 50.6.
/// 6. Nothing else is a number. A malformed number is never guessed.
///
/// The number is the exact decimal of the digits written (no binary floating point): more than
/// `ExactDecimal.maximumDigits` significant digits is malformed rather than rounded.
enum ItalianNumber {
    enum Outcome: Equatable {
        case number(ExactDecimal)
        case malformed(String)
    }

    /// `token` holds digits, `.` and `,` only; a sentence's final `.` is ignored.
    static func parse(_ token: String, isPercent: Bool = false) -> Outcome {
        var token = Substring(token)
        if token.hasSuffix("."), token.dropLast().last?.isASCIIDigit == true { token = token.dropLast() }
        guard token.contains(where: \.isASCIIDigit) else { return .malformed("no digits") }
        let commaParts = token.split(separator: ",", omittingEmptySubsequences: false)
        switch commaParts.count {
        case 1: return parseWithoutComma(token, isPercent: isPercent)
        case 2: return parseWithComma(integer: commaParts[0], fraction: commaParts[1])
        default: return .malformed("more than one decimal comma")
        }
    }

    private static func parseWithComma(integer: Substring, fraction: Substring) -> Outcome {
        guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else {
            return .malformed("digits expected after the decimal comma")
        }
        guard let whole = thousandsGroups(integer, allowEmpty: true) else {
            return .malformed("thousands groups must have three digits")
        }
        return number("\(whole).\(fraction)")
    }

    private static func parseWithoutComma(_ token: Substring, isPercent: Bool) -> Outcome {
        let groups = token.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count == 2, groups[0].allSatisfy(\.isASCIIDigit), !groups[0].isEmpty,
           groups[1].count != 3, !groups[1].isEmpty, groups[1].allSatisfy(\.isASCIIDigit) {
            return number("\(groups[0]).\(groups[1])")
        }
        if groups.count == 2, isPercent {
            return .malformed("a dot before three digits is ambiguous in a percentage")
        }
        guard let whole = thousandsGroups(token, allowEmpty: false) else {
            return .malformed("thousands groups must have three digits")
        }
        return number(whole)
    }

    /// "1.234.567" → "1234567"; nil when a group after the first does not have three digits.
    private static func thousandsGroups(_ text: Substring, allowEmpty: Bool) -> String? {
        if text.isEmpty { return allowEmpty ? "0" : nil }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) || groups.count == 1,
              groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.joined()
    }

    private static func number(_ plain: String) -> Outcome {
        guard let value = ExactDecimal(plain) else {
            return .malformed("more than \(ExactDecimal.maximumDigits) significant digits")
        }
        return .number(value)
    }
}
