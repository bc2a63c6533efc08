import Foundation

/// Why an output could not be written.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// A file written next to its destination under a temporary name, flushed to disk, then renamed over it:
/// readers see the old file or the new one, never half of one, even after a crash or `kill -9`.
public final class AtomicFile {
    public let destination: URL
    public let temporary: URL
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var finished = false
    private static let bufferSize = 1 << 16

    public init(_ destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: destination.path, reason: "cannot create (\(String(cString: strerror(errno))))") }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        if !finished { discard() }
    }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Copies a whole file's bytes (a partition) into this one; returns how many line feeds it held.
    @discardableResult
    public func append(contentsOf source: URL) throws -> Int {
        try flush()
        guard let handle = FileHandle(forReadingAtPath: source.path) else {
            throw WriteError(path: source.path, reason: "cannot be read")
        }
        defer { try? handle.close() }
        var lineFeeds = 0
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            // Counted on the raw bytes: Data's own iterator goes through a call per byte.
            lineFeeds += try chunk.withUnsafeBytes { bytes in
                try writeAll(bytes)
                return bytes.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
            }
        }
        return lineFeeds
    }

    /// Flushes, syncs and renames over the destination.
    public func commit() throws {
        try flush()
        guard fsync(descriptor) == 0 else { throw failure("cannot sync") }
        close(descriptor)
        finished = true
        guard rename(temporary.path, destination.path) == 0 else {
            let error = failure("cannot rename into place")
            unlink(temporary.path)
            throw error
        }
    }

    /// Drops the temporary file; the destination is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporary.path)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write")
            }
            offset += written
        }
    }

    private func failure(_ what: String) -> WriteError {
        WriteError(path: destination.path, reason: "\(what) (\(String(cString: strerror(errno))))")
    }

    /// Writes `body`'s output to `destination` atomically; on an error the destination is untouched.
    public static func write(_ destination: URL, _ body: (AtomicFile) throws -> Void) throws {
        let file = try AtomicFile(destination)
        do {
            try body(file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    public static func write(_ destination: URL, text: String) throws {
        try write(destination) { try $0.write(text) }
    }
}
