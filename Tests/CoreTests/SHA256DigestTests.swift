import Core
import XCTest

/// SHA-256 through GLib against the FIPS 180-2 test vectors, whole and fed in pieces.
final class SHA256DigestTests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(Hashing.sha256(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Hashing.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(Hashing.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testPiecesGiveTheDigestOfTheWhole() throws {
        let digest = SHA256Digest()
        for _ in 0..<1000 { digest.update(Array(repeating: UInt8(ascii: "a"), count: 1000)) }
        XCTAssertEqual(digest.hexDigest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "a million 'a'")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(repeating: UInt8(ascii: "a"), count: 1_000_000).write(to: file)
        XCTAssertEqual(try Hashing.sha256(ofFile: file.path).hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
