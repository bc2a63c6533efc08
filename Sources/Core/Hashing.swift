import Foundation

/// SHA-256 of files and of record keys, as lowercase hex.
public enum Hashing {
    /// The file's SHA-256 and size, read in 1 MiB pieces.
    public static func sha256(ofFile path: String) throws -> (hex: String, size: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        let digest = SHA256Digest()
        var size = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            digest.update(chunk)
            size += chunk.count
        }
        return (digest.hexDigest(), size)
    }

    public static func sha256(_ text: String) -> String { SHA256Digest.hex(of: Array(text.utf8)) }

    /// A record's stable id: the same document, type and natural key (or ordinal) give the same id, run after run.
    public static func recordID(document sha256: String, type: RecordType, key: String) -> String {
        String(self.sha256("\(sha256)|\(type.rawValue)|\(key)").prefix(32))
    }

    /// A record's key across versions of one plan: the same administration, document type, period, record type
    /// and natural key (or ordinal) give the same key, whatever the file's bytes. A document whose administration
    /// was not found is known by its file name instead, so unrelated documents do not share keys.
    public static func recordKey(document: DocumentInfo, type: RecordType, key: String) -> String {
        let plan = document.ente.map { "ente:" + folded($0) } ?? "file:" + document.fileName
        let period = [document.periodStart, document.periodEnd].map { $0.map(String.init) ?? "" }.joined(separator: "-")
        return String(sha256([plan, document.docType, period, type.rawValue, key].joined(separator: "|")).prefix(32))
    }

    /// Lowercase, white space collapsed: "Comune di  PISOGNE" and "Comune di Pisogne" are one administration.
    private static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
