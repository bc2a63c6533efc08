/// Decimal numbers as text: the lexical forms of XML Schema's decimal and double (as XBRL facts write them)
/// turned into JSON number literals digit for digit, never through binary floating point.
public enum DecimalText {
    /// The JSON literal of an xs:decimal / xs:double lexical value (`+0125000.50` → `125000.50`, `.5` → `0.5`,
    /// `5.` → `5`, `1.5E3` → `1.5E3`); nil when the text is no such number (`INF`, `NaN`, `1.297,00`, empty).
    /// Every digit written is kept, trailing fraction zeros included (they are part of the value as reported).
    public static func jsonLiteral(_ text: String) -> String? {
        var chars = Substring(text.trimmingWhitespace)
        var sign = ""
        if let first = chars.first, first == "+" || first == "-" {
            if first == "-" { sign = "-" }
            chars = chars.dropFirst()
        }
        var mantissa = chars
        var exponent = ""
        if let e = chars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = chars[..<e]
            var exp = chars[chars.index(after: e)...]
            var expSign = ""
            if let first = exp.first, first == "+" || first == "-" {
                if first == "-" { expSign = "-" }
                exp = exp.dropFirst()
            }
            guard !exp.isEmpty, exp.allSatisfy(\.isASCIIDigit) else { return nil }
            exponent = "E" + expSign + exp
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        var integer = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard integer.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit), !(integer.isEmpty && fraction.isEmpty) else {
            return nil
        }
        while integer.count > 1, integer.first == "0" { integer = integer.dropFirst() }
        if integer.isEmpty { integer = "0" }
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction) + exponent
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
