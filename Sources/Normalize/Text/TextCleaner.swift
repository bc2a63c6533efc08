import Core
import Foundation

/// Removes the debris text extraction leaves around a cell or a line: HTML tags (`<b>`, `<p>`,
/// `<ul style=…>`), markdown emphasis (`**`, `*`, `__`), heading marks (`# `), markdown links,
/// a few HTML entities, soft hyphens and unusual spaces. Words and punctuation are kept.
public enum TextCleaner {
    /// The text with markup removed and every run of whitespace (newlines too) made one space.
    public static func clean(_ text: String) -> String {
        var s = decodeEntities(text)
        s = removeTags(s)
        s = unwrapMarkdownLinks(s)
        s = removeEmphasis(s)
        s = removeHeadingMarks(s)
        return collapseWhitespace(s)
    }

    /// `clean` applied line by line, dropping lines that end up empty.
    public static func cleanLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
            .map { clean(String($0)) }
            .filter { !$0.isEmpty }
    }

    static let entities: [(String, String)] = [
        ("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""),
        ("&#39;", "'"), ("&apos;", "'"), ("&rsquo;", "’"), ("&lsquo;", "‘"), ("&euro;", "€"),
    ]

    static func decodeEntities(_ text: String) -> String {
        guard ASCIIText.mayContain(text, UInt8(ascii: "&")), text.contains(where: { $0 == "&" }) else { return text }
        return entities.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// Drops `<tag …>` and `</tag>`; a `<` not followed by a letter, `/` or `!` is kept ("< di 5").
    static func removeTags(_ text: String) -> String {
        guard ASCIIText.mayContain(text, UInt8(ascii: "<")), text.contains(where: { $0 == "<" }) else { return text }
        var out = ""
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if ch == "<", let close = tagEnd(in: text, from: index) {
                out.append(" ")
                index = text.index(after: close)
            } else {
                out.append(ch)
                index = text.index(after: index)
            }
        }
        return out
    }

    private static func tagEnd(in text: String, from open: String.Index) -> String.Index? {
        let next = text.index(after: open)
        guard next < text.endIndex else { return nil }
        let first = text[next]
        guard first.isLetter || first == "/" || first == "!" else { return nil }
        return text[next...].firstIndex(of: ">")
    }

    /// `[text](target)` → `text`.
    static func unwrapMarkdownLinks(_ text: String) -> String {
        guard ASCIIText.mayContain(text, UInt8(ascii: "]")), text.contains("](") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]"),
                  rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
                  let paren = rest[close...].firstIndex(of: ")")
            else {
                out += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += rest[..<open]
            out += rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: paren)...]
        }
        return out + rest
    }

    /// Removes `*` and `__` emphasis marks; an escaped `\*` stays as a literal `*`.
    static func removeEmphasis(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "\\") }),
              text.contains(where: { $0 == "*" || $0 == "_" || $0 == "\\" }) else { return text }
        var out = ""
        var escaped = false
        for ch in text.replacingOccurrences(of: "__", with: "") {
            if escaped {
                out.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch != "*" {
                out.append(ch)
            }
        }
        if escaped { out.append("\\") }
        return out
    }

    /// Markdown heading marks at the start of each line (`## Titolo` → `Titolo`).
    static func removeHeadingMarks(_ text: String) -> String {
        guard ASCIIText.mayContain(text, UInt8(ascii: "#")), text.contains(where: { $0 == "#" }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            let hashes = trimmed.prefix { $0 == "#" }
            guard !hashes.isEmpty, hashes.count <= 6 else { return String(line) }
            let after = trimmed.dropFirst(hashes.count)
            guard after.isEmpty || after.first == " " else { return String(line) }
            return String(after)
        }.joined(separator: "\n")
    }

    /// Every run of whitespace (including no-break and thin spaces) becomes one space; soft hyphens go.
    public static func collapseWhitespace(_ text: String) -> String {
        if isCollapsedASCII(text) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{00AD}" { continue }
            if scalar.isASCII ? (scalar == " " || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(UInt8(ascii: " ")) }
            pendingSpace = false
            UTF8.encode(scalar) { out.append($0) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ASCII with single spaces between words and none at the ends: nothing to collapse (most cells).
    private static func isCollapsedASCII(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            if byte >= 0x80 || (0x09...0x0D).contains(byte) { return false }
            let isSpace = byte == 0x20
            if isSpace && previousWasSpace { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace || text.isEmpty
    }
}
