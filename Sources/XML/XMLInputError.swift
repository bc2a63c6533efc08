/// Why a markup input (XHTML/HTML, DOCX, ODT, XBRL) could not be read: names the file (and the part inside a
/// package) and the reason in words.
public struct XMLInputError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        case unreadable(String)
        /// Not well-formed: libxml2's message and the line it stopped at.
        case malformed(String, line: Int)
        case badEncoding(line: Int)
        /// The document declares entities (a DTD internal subset): refused, as entity expansion is an attack vector.
        case entityDeclarations
        /// libxml2 stopped an entity expansion that grew too much (billion laughs).
        case entityExpansion
        case missingPart(String)
        case notAZip(String)
        /// A zip entry that inflates past the limits (zip bomb).
        case zipLimit(String)
        case tooLarge(Int)
        /// HTML above the tag-soup limit that is not well-formed XML either (so it cannot be streamed).
        case tagSoupTooLarge(Int, limit: Int, because: String)
        case unsupported(String)
        case invalidXBRL(String)
    }

    public var path: String
    /// The entry inside a zip package (`word/document.xml`), when the error is in one.
    public var part: String?
    public var reason: Reason

    public init(path: String, part: String? = nil, reason: Reason) {
        self.path = path
        self.part = part
        self.reason = reason
    }

    public var description: String { "\(path)\(part.map { " (\($0))" } ?? ""): \(explanation)" }

    public var explanation: String {
        switch reason {
        case .unreadable(let why): return "cannot be read (\(why))"
        case .malformed(let why, let line): return "malformed XML at line \(line) (\(why))"
        case .badEncoding(let line): return "not valid UTF-8 text (line \(line))"
        case .entityDeclarations: return "declares XML entities in a DTD, refused (entity expansion is not allowed)"
        case .entityExpansion: return "entity expansion grows too large (billion laughs), refused"
        case .missingPart(let name): return "the package has no \(name)"
        case .notAZip(let why): return "not a readable zip package (\(why))"
        case .zipLimit(let why): return "refused as a zip bomb (\(why))"
        case .tooLarge(let bytes): return "too large to read in memory (\(bytes) bytes)"
        case .tagSoupTooLarge(let bytes, let limit, let why):
            return "HTML of \(bytes) bytes, above the \(limit >> 20) MB the tag-soup parser is given, and not well-formed XML that could be streamed: \(why)"
        case .unsupported(let what): return "unsupported input: \(what)"
        case .invalidXBRL(let why): return "not a valid XBRL instance (\(why))"
        }
    }

    func inPart(_ part: String) -> XMLInputError {
        var error = self
        error.part = error.part ?? part
        return error
    }
}
