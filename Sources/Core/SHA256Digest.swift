import CGLib
import Foundation

/// A running SHA-256 (GLib's GChecksum, already linked through poppler): bytes in, lowercase hex out.
public final class SHA256Digest {
    private let checksum: OpaquePointer

    public init() {
        checksum = g_checksum_new(G_CHECKSUM_SHA256)
    }

    deinit { g_checksum_free(checksum) }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        g_checksum_update(checksum, base.assumingMemoryBound(to: guchar.self), gssize(bytes.count))
    }

    public func update<Bytes: ContiguousBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything given so far, as 64 lowercase hex digits; no more bytes may follow.
    public func hexDigest() -> String {
        String(cString: g_checksum_get_string(checksum))
    }

    /// The digest of `bytes` alone.
    public static func hex<Bytes: ContiguousBytes>(of bytes: Bytes) -> String {
        let digest = SHA256Digest()
        digest.update(bytes)
        return digest.hexDigest()
    }
}
