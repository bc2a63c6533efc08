import Foundation

/// The output folder's lock: `.piani/lock`, held with flock(2) for the whole run and holding the owner's pid.
/// The kernel drops it when the process ends, however it ends, so a killed run never leaves a stale lock.
public final class RunLock {
    public struct Busy: Error, CustomStringConvertible {
        public var folder: String
        public var pid: String
        public var description: String {
            "\(folder): another piani ingest is running on this output folder\(pid.isEmpty ? "" : " (pid \(pid))"); wait for it to finish or use another --out"
        }
    }

    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock of `output` (whose `.piani` folder must exist) or throws `Busy` at once.
    public static func acquire(output: URL) throws -> RunLock {
        let path = output.appendingPathComponent(".piani/lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw ConfigError("\(path): cannot open the lock file (\(String(cString: strerror(errno))))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let owner = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw Busy(folder: output.path, pid: owner)
        }
        let pid = "\(getpid())\n"
        ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        return RunLock(descriptor: descriptor)
    }
}
