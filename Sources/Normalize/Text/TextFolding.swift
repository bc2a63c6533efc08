import Foundation

/// Comparison forms of Italian text: lower case, no accents, one kind of apostrophe.
public enum TextFolding {
    /// Apostrophes and accents typed as apostrophes, as documents spell them.
    static let apostrophes: Set<Character> = ["'", "’", "‘", "`", "´", "ʼ", "′"]

    /// Lower case without diacritics (`È` → `e`, `à` → `a`), apostrophe variants made `'`.
    public static func fold(_ text: String) -> String {
        // Plain ASCII has no accents to strip: lower case is all (the common case for labels and figures).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(text.lowercased().map { apostrophes.contains($0) ? "'" : $0 })
        }
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            out.append(scalar)
        }
        return String(String(out).map { apostrophes.contains($0) ? "'" : $0 })
    }

    /// `fold`, then every character that is not a letter, a digit or `%` becomes a space, and
    /// spaces are collapsed: "A chi è rivolto l’obiettivo (stakeholder):" → "a chi e rivolto l obiettivo stakeholder".
    public static func words(_ text: String) -> String {
        let folded = fold(text)
        var out = ""
        var pendingSpace = false
        for ch in folded {
            if ch.isLetter || ch.isNumber || ch == "%" {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}
