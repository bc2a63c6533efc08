import Foundation
import ZIPFoundation

/// Limits on what a zip package may inflate to, checked while each entry is read (not trusted from the headers).
public struct ZipLimits: Sendable, Hashable {
    /// Bytes one entry may inflate to.
    public var maxEntryBytes: Int
    /// Bytes all the entries read from one package may inflate to.
    public var maxTotalBytes: Int
    /// Inflated bytes per compressed byte, enforced once an entry has inflated past `ratioFloorBytes`.
    public var maxRatio: Int
    public var ratioFloorBytes: Int

    public init(maxEntryBytes: Int = 128 << 20, maxTotalBytes: Int = 256 << 20, maxRatio: Int = 200, ratioFloorBytes: Int = 1 << 20) {
        self.maxEntryBytes = maxEntryBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxRatio = maxRatio
        self.ratioFloorBytes = ratioFloorBytes
    }
}

/// A zip package (DOCX, ODT) read in memory: only entries asked for by name are inflated, into `Data`; nothing is
/// ever written to disk, so entry names with `..` or absolute paths are harmless.
final class ZipPackage {
    let path: String
    let limits: ZipLimits
    private let archive: Archive
    private var totalBytes = 0

    init(path: String, limits: ZipLimits = ZipLimits()) throws {
        self.path = path
        self.limits = limits
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw XMLInputError(path: path, reason: .notAZip("no zip central directory"))
        }
    }

    func contains(_ name: String) -> Bool { archive[name] != nil }

    /// The entry's bytes, or nil when the package has no such entry. Throws `zipLimit` as soon as the inflated
    /// size passes a limit.
    func entry(_ name: String) throws -> Data? {
        guard let entry = archive[name], entry.type == .file else { return nil }
        var data = Data()
        let compressed = max(Int(clamping: entry.compressedSize), 1)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                try self.checkLimits(entryBytes: data.count, compressed: compressed, added: chunk.count)
            }
        } catch let error as XMLInputError {
            throw error.inPart(name)
        } catch {
            throw XMLInputError(path: path, part: name, reason: .notAZip("the entry cannot be inflated"))
        }
        return data
    }

    func requiredEntry(_ name: String) throws -> Data {
        guard let data = try entry(name) else { throw XMLInputError(path: path, reason: .missingPart(name)) }
        return data
    }

    private func checkLimits(entryBytes: Int, compressed: Int, added: Int) throws {
        totalBytes += added
        if entryBytes > limits.maxEntryBytes {
            throw XMLInputError(path: path, reason: .zipLimit("an entry inflates past \(limits.maxEntryBytes) bytes"))
        }
        if totalBytes > limits.maxTotalBytes {
            throw XMLInputError(path: path, reason: .zipLimit("the entries inflate past \(limits.maxTotalBytes) bytes in all"))
        }
        if entryBytes > limits.ratioFloorBytes, entryBytes / compressed > limits.maxRatio {
            throw XMLInputError(path: path, reason: .zipLimit("an entry inflates more than \(limits.maxRatio) times its compressed size"))
        }
    }
}
