import Foundation
import Core

/// The published files of an output folder, switched as a whole. Each run builds its top-level files, its
/// `rejects.jsonl` and its `manifest.json` in a fresh folder `OUT/.generation-N`, then points `OUT/current` at it
/// with one `rename(2)` of a symbolic link: readers see the previous set or the new one, never a mix. The names
/// users rely on (`OUT/objectives.jsonl`, `OUT/manifest.json`, …) are symbolic links through `current`
/// (`objectives.jsonl -> current/objectives.jsonl`), so they switch with it.
///
/// Leftovers of an interrupted run (a half-built generation, temporary links and files) are removed by
/// `removeLeftovers()` at the next start; the generation `current` points at is never touched.
public struct Generations {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public static let currentName = "current"
    static let prefix = ".generation-"

    public var currentLink: URL { folder.appendingPathComponent(Self.currentName) }

    /// The number of the published generation, nil when nothing was published in this layout yet.
    public var current: Int? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: currentLink.path) else { return nil }
        return Self.number(of: (target as NSString).lastPathComponent)
    }

    /// The published generation's folder (nil before the first publication).
    public var currentFolder: URL? { current.map(folder(of:)) }

    public func folder(of generation: Int) -> URL {
        folder.appendingPathComponent("\(Self.prefix)\(generation)")
    }

    static func number(of name: String) -> Int? {
        guard name.hasPrefix(prefix) else { return nil }
        return Int(name.dropFirst(prefix.count))
    }

    /// Every generation folder present, by number.
    public func existing() -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).compactMap(Self.number(of:)).sorted()
    }

    /// Removes what an interrupted run left: generations other than the published one, temporary links and
    /// temporary files (`.NAME.tmp-*`) of the output folder. Returns the names removed.
    @discardableResult
    public func removeLeftovers() -> [String] {
        let keep = current
        var removed: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let isGeneration = Self.number(of: name).map { $0 != keep } ?? false
            let isTemporary = name.hasPrefix(".") && name.contains(".tmp-")
            guard isGeneration || isTemporary else { continue }
            if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil { removed.append(name) }
        }
        return removed.sorted()
    }

    /// A fresh, empty folder for the next generation (numbered after every one present).
    public func makeNext() throws -> (number: Int, folder: URL) {
        let number = max(current ?? 0, existing().last ?? 0) + 1
        let next = folder(of: number)
        do {
            try FileManager.default.createDirectory(at: next, withIntermediateDirectories: false)
        } catch {
            throw WriteError(path: next.path, reason: "cannot create the generation folder (\(ErrorText.reason(error)))")
        }
        return (number, next)
    }

    /// Publishes generation `number`: syncs its folder, switches `current` to it with one rename (`switchCurrent`),
    /// then `linkNames`. A failure of the first leaves the previous generation published; of the second, the new one.
    public func publish(_ number: Int, names: [String], retired: [String]) throws {
        try switchCurrent(to: number)
        try linkNames(names, retired: retired)
    }

    /// The one rename that publishes generation `number` (its folder synced first).
    public func switchCurrent(to number: Int) throws {
        Self.sync(folder(of: number))
        try link(Self.currentName, to: "\(Self.prefix)\(number)")
        Self.sync(folder)
    }

    /// Makes sure each of `names` has its top-level link (`OUT/NAME -> current/NAME`, replacing a regular file of
    /// the older layout) and removes the top-level entries of `retired` (formats no longer written).
    public func linkNames(_ names: [String], retired: [String]) throws {
        for name in names {
            let wanted = "\(Self.currentName)/\(name)"
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent(name).path)) == wanted { continue }
            try link(name, to: wanted)
        }
        for name in retired {
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard unlink(path) == 0 else {
                throw WriteError(path: path, reason: "cannot remove a file of a format no longer written (\(String(cString: strerror(errno))))")
            }
        }
        Self.sync(folder)
    }

    /// `OUT/name -> target`, made under a temporary name and renamed over whatever was there.
    private func link(_ name: String, to target: String) throws {
        let temporary = folder.appendingPathComponent(".\(name).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))").path
        guard symlink(target, temporary) == 0 else {
            throw WriteError(path: temporary, reason: "cannot create a link (\(String(cString: strerror(errno))))")
        }
        guard rename(temporary, folder.appendingPathComponent(name).path) == 0 else {
            let error = WriteError(path: folder.appendingPathComponent(name).path, reason: "cannot switch the link (\(String(cString: strerror(errno))))")
            unlink(temporary)
            throw error
        }
    }

    /// fsync of a folder, so renames in it survive a power loss.
    static func sync(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
