import CLibCrypto
import Foundation

/// A running SHA-256 (OpenSSL's libcrypto, which uses the CPU's SHA instructions where there are any): bytes in,
/// lowercase hex out.
public final class SHA256Digest {
    private let context: OpaquePointer
    private var hex: String?

    public init() {
        context = EVP_MD_CTX_new()
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    public func update<Bytes: ContiguousBytes>(_ bytes: Bytes) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything given so far, as 64 lowercase hex digits; no more bytes may follow.
    public func hexDigest() -> String {
        if let hex { return hex }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        let digits = Array("0123456789abcdef".utf8)
        let text = String(decoding: digest.prefix(Int(length)).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
        hex = text
        return text
    }

    /// The digest of `bytes` alone.
    public static func hex<Bytes: ContiguousBytes>(of bytes: Bytes) -> String {
        let digest = SHA256Digest()
        digest.update(bytes)
        return digest.hexDigest()
    }
}
