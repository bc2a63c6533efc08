import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// One input of a run, as found on disk.
public struct InputFile: Hashable, Sendable {
    /// The path as the user wrote it, or the folder they named joined with the file's place below it.
    public var path: String
    public var fileName: String { (path as NSString).lastPathComponent }

    public init(path: String) {
        self.path = path
    }
}

/// An input the run could not even open: named, with the reason.
public struct MissingInput: Hashable, Sendable {
    public var path: String
    public var reason: String
}

/// A file of an input folder that the run leaves out: named, with what it is.
public struct SkippedInput: Hashable, Sendable {
    public var path: String
    public var reason: String
}

/// Expands the configured inputs: a folder gives every `*.pdf` below it and every other file whose content is a
/// format piani reads (DOCX, ODT, XHTML/HTML; hidden files and folders left out), its other files being
/// `skipped` with their reason; a pattern with `*`, `?` or `[` gives what it matches, a file gives itself whatever
/// its extension (a file that cannot be read is then rejected with its reason). Sorted by path, each file once.
public enum InputResolver {
    public static func resolve(_ inputs: [String])
        -> (files: [InputFile], missing: [MissingInput], emptyPatterns: [String], skipped: [SkippedInput]) {
        var seen = Set<String>()
        var files: [InputFile] = [], missing: [MissingInput] = [], emptyPatterns: [String] = []
        var skipped: [String: SkippedInput] = [:]
        func add(_ path: String, fromFolder: Bool) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            guard !seen.contains(key) else { return }
            if fromFolder, let reason = DocumentInput.skipReason(path) {
                if skipped[key] == nil { skipped[key] = SkippedInput(path: path, reason: reason) }
                return
            }
            // A file named on its own is read even when a folder listed before left it out.
            skipped[key] = nil
            seen.insert(key)
            files.append(InputFile(path: path))
        }
        for input in inputs {
            if isPattern(input) {
                let matches = paths(matching: input)
                if matches.isEmpty { emptyPatterns.append(input) }
                for match in matches { expand(match, add: add) }
            } else if FileManager.default.fileExists(atPath: input) {
                expand(input, add: add)
            } else {
                missing.append(MissingInput(path: input, reason: "no such file or folder"))
            }
        }
        return (files.sorted { $0.path < $1.path }, missing, emptyPatterns, skipped.values.sorted { $0.path < $1.path })
    }

    static func isPattern(_ input: String) -> Bool { input.contains { "*?[".contains($0) } }

    private static func expand(_ path: String, add: (String, Bool) -> Void) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { return add(path, false) }
        for relative in files(below: path) { add((path as NSString).appendingPathComponent(relative), true) }
    }

    /// Relative paths of the regular files below a folder, sorted.
    static func files(below folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else { return [] }
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.path
            found.append(full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent)
        }
        return found.sorted()
    }

    private static func paths(matching pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
