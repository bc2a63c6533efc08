/// Why a PDF could not be read. `description` is the one line a user sees.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    public enum Reason: Sendable, Equatable {
        case fileNotFound
        case notAFile
        case unreadable(String)
        case notAPDF
        case encrypted
        /// Encrypted, and the password given opens it neither as its user nor as its owner.
        case wrongPassword
        case damaged(String)
        case pageOutOfRange(Int, pageCount: Int)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(explanation)" }

    public var explanation: String {
        switch reason {
        case .fileNotFound: return "no such file"
        case .notAFile: return "not a regular file"
        case .unreadable(let why): return "cannot be read (\(why))"
        case .notAPDF: return "not a PDF file (no %PDF header)"
        case .encrypted: return "the PDF is encrypted and needs a password (use --password)"
        case .wrongPassword: return "wrong password (the PDF is encrypted and the password given does not open it)"
        case .damaged(let why): return "damaged PDF (\(why))"
        case .pageOutOfRange(let page, let count): return "page \(page) does not exist (the document has \(count) pages)"
        }
    }
}
