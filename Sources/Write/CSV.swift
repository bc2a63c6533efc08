import Core
import Foundation

/// RFC 4180 text: fields separated by commas, records ended by CRLF, a field quoted when it holds a comma,
/// a quote, CR or LF (quotes doubled). A missing value is an empty field; an empty text is `""`, so the two
/// stay apart when the file is loaded (PostgreSQL's COPY reads them as NULL and '').
public enum CSV {
    public static func field(_ text: String?) -> String {
        guard let text else { return "" }
        guard !text.isEmpty else { return "\"\"" }
        guard mayNeedQuoting(text), text.contains(where: needsQuoting) else { return text }
        return "\"" + doublingQuotes(text) + "\""
    }

    /// Whether the text holds a byte of the characters that need quoting (most fields have none: no need to
    /// read them character by character).
    private static func mayNeedQuoting(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    }

    static func doublingQuotes(_ text: String) -> String {
        ASCIIText.replacingOccurrences(of: UInt8(ascii: "\""), with: "\"\"", in: text) ?? text.replacingOccurrences(of: "\"", with: "\"\"")
    }

    /// One record, CRLF included.
    public static func line(_ fields: [String?]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    private static func needsQuoting(_ character: Character) -> Bool {
        character == "," || character == "\"" || character == "\n" || character == "\r" || character == "\r\n"
    }

    /// Reads RFC 4180 text back into records (used by tests and by tools checking an output).
    /// A quoted empty field reads as "", an unquoted empty one as nil.
    public static func parse(_ text: String) -> [[String?]] {
        var records: [[String?]] = []
        var record: [String?] = []
        var field = ""
        var quoted = false, inQuotes = false, fieldStarted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        func endField() {
            record.append(quoted || !field.isEmpty ? field : nil)
            field = ""; quoted = false; fieldStarted = false
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let after = next() {
                        if after == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = after }
                    } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where !fieldStarted: inQuotes = true; quoted = true; fieldStarted = true
            case ",": endField()
            case "\r": continue
            case "\n": endField(); records.append(record); record = []
            default: field.unicodeScalars.append(c); fieldStarted = true
            }
        }
        if fieldStarted || !record.isEmpty { endField(); records.append(record) }
        return records
    }
}
