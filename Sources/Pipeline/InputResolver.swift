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
    /// The path below the input root: the folder named (`2024/piao.pdf` for `archive/2024/piao.pdf` found in
    /// `archive/`), the fixed folder a pattern starts from, or the folder of a file named on its own (its name).
    /// The same on every machine, wherever the archive is mounted.
    public var inputPath: String
    public var fileName: String { (path as NSString).lastPathComponent }

    public init(path: String, inputPath: String? = nil) {
        self.path = path
        self.inputPath = inputPath ?? (path as NSString).lastPathComponent
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

/// An input found on disk that cannot be read as a file: a broken symbolic link, a link loop, a folder that
/// cannot be listed. Rejected (stage `input`) with the reason.
public struct UnreadableInput: Hashable, Sendable {
    public var path: String
    public var reason: String
}

/// Expands the configured inputs: a folder gives every `*.pdf` below it and every other file whose content is a
/// format piani reads (DOCX, ODT, XHTML/HTML; hidden files and folders left out), its other files being
/// `skipped` with their reason; a pattern with `*`, `?` or `[` gives what it matches, a file gives itself whatever
/// its extension (a file that cannot be read is then rejected with its reason). Symbolic links are followed,
/// to files and to folders; a link that leads back to a folder it is in (a loop) or to nothing is reported in
/// `unreadable`, as is a folder that cannot be listed (permission). Sorted by path, each file once.
public enum InputResolver {
    public struct Found: Sendable {
        public var files: [InputFile] = []
        /// Inputs named literally that do not exist (a configuration error for a run).
        public var missing: [MissingInput] = []
        public var emptyPatterns: [String] = []
        public var skipped: [SkippedInput] = []
        public var unreadable: [UnreadableInput] = []
    }

    public static func resolve(_ inputs: [String]) -> Found {
        var seen = Set<String>()
        var found = Found()
        var skipped: [String: SkippedInput] = [:]
        var unreadable: [String: UnreadableInput] = [:]
        var root = ""
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
            found.files.append(InputFile(path: path, inputPath: relative(path, below: root)))
        }
        func problem(_ path: String, _ reason: String) {
            unreadable[path] = UnreadableInput(path: path, reason: reason)
        }
        for input in inputs {
            root = self.root(of: input)
            if isPattern(input) {
                let matches = paths(matching: input)
                if matches.isEmpty { found.emptyPatterns.append(input) }
                for match in matches { expand(match, add: add, problem: problem) }
            } else if let reason = absence(input) {
                found.missing.append(MissingInput(path: input, reason: reason))
            } else {
                expand(input, add: add, problem: problem)
            }
        }
        found.files.sort { $0.path < $1.path }
        found.skipped = skipped.values.sorted { $0.path < $1.path }
        found.unreadable = unreadable.values.sorted { $0.path < $1.path }
        return found
    }

    static func isPattern(_ input: String) -> Bool { input.contains { "*?[".contains($0) } }

    /// The folder an input's files are named below: a folder itself, a pattern's folders before its first
    /// wildcard, a file's folder.
    static func root(of input: String) -> String {
        if isPattern(input) {
            let fixed = input.split(separator: "/", omittingEmptySubsequences: false).prefix { !isPattern(String($0)) }
            return fixed.joined(separator: "/")
        }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) && isFolder.boolValue
            ? input : (input as NSString).deletingLastPathComponent
    }

    /// `path` without the leading `root/` (the whole path when the root is the current folder).
    static func relative(_ path: String, below root: String) -> String {
        guard !root.isEmpty else { return path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : (path as NSString).lastPathComponent
    }

    /// Why a path named as an input is not there (nil when it is): missing, or a link to nothing.
    static func absence(_ path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 { return nil }
        let error = errno
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return error == ELOOP ? "a symbolic link loop" : "a broken symbolic link (its target \(target) does not exist)"
        }
        if error == ENOENT || error == ENOTDIR { return "no such file or folder" }
        return "cannot be reached (\(String(cString: strerror(error)).lowercased()))"
    }

    private static func expand(_ path: String, add: (String, Bool) -> Void, problem: (String, String) -> Void) {
        var info = stat()
        guard stat(path, &info) == 0 else { return problem(path, absence(path) ?? "cannot be read") }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFREG: return add(path, false)
        default: return problem(path, "not a regular file (a pipe, socket or device)")
        }
        var relatives: [String] = []
        walk(path, relative: "", ancestors: [FileID(info)], found: &relatives) { relative, reason in
            problem((path as NSString).appendingPathComponent(relative), reason)
        }
        for relative in relatives.sorted() { add((path as NSString).appendingPathComponent(relative), true) }
    }

    /// A folder's identity (device, inode), for noticing a link that leads back to a folder above it.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Relative paths of the regular files below a folder (links followed), sorted.
    static func files(below folder: String) -> [String] {
        var info = stat()
        guard stat(folder, &info) == 0 else { return [] }
        var found: [String] = []
        walk(folder, relative: "", ancestors: [FileID(info)], found: &found) { _, _ in }
        return found.sorted()
    }

    /// Lists `base/relative` (hidden entries left out), following symbolic links; reports loops, broken links
    /// and folders that cannot be listed through `problem` instead of leaving them out silently.
    private static func walk(_ base: String, relative: String, ancestors: Set<FileID>, found: inout [String],
                             problem: (String, String) -> Void) {
        let folder = relative.isEmpty ? base : (base as NSString).appendingPathComponent(relative)
        guard let directory = opendir(folder) else {
            return problem(relative, "the folder cannot be read (\(String(cString: strerror(errno)).lowercased()))")
        }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        closedir(directory)
        for name in names.sorted() {
            let child = relative.isEmpty ? name : (relative as NSString).appendingPathComponent(name)
            let full = (base as NSString).appendingPathComponent(child)
            var info = stat()
            guard stat(full, &info) == 0 else {
                problem(child, absence(full) ?? "cannot be read")
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let id = FileID(info)
                if ancestors.contains(id) {
                    problem(child, "a symbolic link loop (it leads back to a folder it is in); not followed")
                } else {
                    walk(base, relative: child, ancestors: ancestors.union([id]), found: &found, problem: problem)
                }
            case S_IFREG:
                found.append(child)
            default:
                break  // sockets, pipes, devices: not documents
            }
        }
    }
    private static func paths(matching pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        return (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }
}
