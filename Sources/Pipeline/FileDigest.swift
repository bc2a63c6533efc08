import Core
import Foundation

/// SHA-256 of an input file, read with POSIX calls so a failure names its real cause (permission denied, is a
/// folder, …) instead of "no such file".
public enum FileDigest {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// The file's SHA-256 (lowercase hex) and size, read in 1 MiB pieces.
    public static func sha256(ofFile path: String) throws -> (hex: String, size: Int) {
        // Non-blocking, so a pipe put where a file was expected cannot stall the run.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure(path: path, reason: reason(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(path: path, reason: reason(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw Failure(path: path, reason: reason(EISDIR))
        default: throw Failure(path: path, reason: "not a regular file (a pipe, socket or device)")
        }
        let digest = SHA256Digest()
        var size = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: reason(errno))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            size += count
        }
        return (digest.hexDigest(), size)
    }

    /// "cannot be read (permission denied)", "no such file", …
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "cannot be read (permission denied)"
        case EISDIR: return "not a regular file (a folder)"
        default: return "cannot be read (\(String(cString: strerror(code)).lowercased()))"
        }
    }
}
