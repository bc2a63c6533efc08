import Foundation
import Core
import Write
import Yams

/// A configuration or usage error: one line naming the file or option and the reason, exit code 2.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// What `piani ingest` runs: `pipeline.yml` read over the built-in defaults, then the command line's flags
/// over both. Relative paths in a file are relative to the file's folder; on the command line, to the
/// current folder.
public struct PipelineConfig: Equatable, Sendable {
    /// Files, folders (every *.pdf below them) and glob patterns.
    public var inputs: [String] = []
    public var output = "out"
    public var formats: [OutputFormat] = [.jsonl, .csv]
    /// Worker processes; 0 means one per core.
    public var workers = 0
    /// Seconds one document may take before its worker is killed and the document rejected.
    public var timeLimit: Double = 300
    /// A worker process is replaced after this many documents (bounds the memory of a long run).
    public var recycleAfter = 200
    /// A YAML label dictionary merged over the built-in one; its `vocabulary:` section, if any, replaces keys of
    /// the built-in builder vocabulary (`Resources/vocabulary.yml`).
    public var labels: String?
    /// Extract stage: the password of encrypted inputs; only the first `maxPages` pages when set.
    public var password: String?
    public var maxPages: Int?
    /// Normalize stage: characters of the first pages the document classifier reads.
    public var classificationWindow: Int?
    /// Ingest every input again, even those the catalog has.
    public var full = false
    public var shard: Shard?
    /// Remove from the dataset the documents whose inputs are not among this run's (otherwise they are kept).
    public var prune = false
    /// Accept an input set that resolves to no file (otherwise a configuration error).
    public var allowEmpty = false

    public init() {}

    /// The worker count with 0 resolved to the number of cores.
    public var effectiveWorkers: Int { workers > 0 ? workers : max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static let knownKeys: Set<String> = ["inputs", "output", "formats", "workers", "time_limit", "recycle_after", "labels", "stages", "full", "shard",
                                              "prune", "allow_empty"]
    static let knownStageKeys: [String: Set<String>] = [
        "extract": ["password", "max_pages"], "normalize": ["classification_window"],
    ]

    /// Reads a pipeline file over the defaults.
    public static func load(file path: String) throws -> PipelineConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError("\(path): cannot be read (\(ErrorText.reason(error)))")
        }
        return try parse(yaml: text, file: path)
    }

    /// Reads pipeline YAML over the defaults; `file` names it in errors and anchors its relative paths.
    public static func parse(yaml: String, file: String = "pipeline.yml") throws -> PipelineConfig {
        let document: Any?
        do {
            document = try Yams.load(yaml: yaml)
        } catch {
            throw ConfigError("\(file): not valid YAML (\(String(describing: error).split(separator: "\n").first ?? ""))")
        }
        var config = PipelineConfig()
        guard let document else { return config }
        guard let root = document as? [String: Any] else { throw ConfigError("\(file): expected a mapping of settings at the top") }
        var reader = ConfigReader(file: file, base: (file as NSString).deletingLastPathComponent)
        try reader.rejectUnknown(root, known: knownKeys, at: "")
        if let value = root["inputs"] { config.inputs = try reader.paths(value, key: "inputs") }
        if let value = root["output"] { config.output = try reader.path(value, key: "output") }
        if let value = root["formats"] { config.formats = try reader.formats(value, key: "formats") }
        if let value = root["workers"] { config.workers = try reader.integer(value, key: "workers", minimum: 0) }
        if let value = root["time_limit"] { config.timeLimit = try reader.seconds(value, key: "time_limit") }
        if let value = root["recycle_after"] { config.recycleAfter = try reader.integer(value, key: "recycle_after", minimum: 1) }
        if let value = root["labels"] { config.labels = try reader.optionalPath(value, key: "labels") }
        if let value = root["full"] { config.full = try reader.boolean(value, key: "full") }
        if let value = root["shard"] { config.shard = try reader.shard(value, key: "shard") }
        if let value = root["prune"] { config.prune = try reader.boolean(value, key: "prune") }
        if let value = root["allow_empty"] { config.allowEmpty = try reader.boolean(value, key: "allow_empty") }
        if let value = root["stages"] { try reader.stages(value, into: &config) }
        return config
    }

    /// Applies the command line's flags (nil = not given).
    public func applying(_ flags: Flags) -> PipelineConfig {
        var config = self
        if !flags.inputs.isEmpty { config.inputs = flags.inputs }
        if let output = flags.output { config.output = output }
        if let formats = flags.formats { config.formats = formats }
        if let workers = flags.workers { config.workers = workers }
        if let timeLimit = flags.timeLimit { config.timeLimit = timeLimit }
        if let labels = flags.labels { config.labels = labels }
        if let password = flags.password { config.password = password }
        if let maxPages = flags.maxPages { config.maxPages = maxPages }
        if flags.full { config.full = true }
        if let shard = flags.shard { config.shard = shard }
        if flags.prune { config.prune = true }
        if flags.allowEmpty { config.allowEmpty = true }
        return config
    }

    /// The settings the command line can override.
    public struct Flags: Equatable, Sendable {
        public var inputs: [String] = []
        public var output: String?
        public var formats: [OutputFormat]?
        public var workers: Int?
        public var timeLimit: Double?
        public var labels: String?
        public var password: String?
        public var maxPages: Int?
        public var full = false
        public var shard: Shard?
        public var prune = false
        public var allowEmpty = false
        public init() {}
    }

    /// Checks what the file format cannot: a run needs inputs and at least one format.
    public func validated() throws -> PipelineConfig {
        if inputs.isEmpty { throw ConfigError("no inputs: name files or folders (piani ingest samples/) or list them under inputs: in pipeline.yml") }
        if formats.isEmpty { throw ConfigError("formats: name at least one of \(OutputFormat.names)") }
        if timeLimit <= 0 { throw ConfigError("time limit must be more than 0 seconds") }
        return self
    }
}

/// Reads and checks the values of a pipeline file, naming the key in every error.
struct ConfigReader {
    var file: String
    var base: String

    func fail(_ key: String, _ message: String) -> ConfigError { ConfigError("\(file): \(key): \(message)") }

    func rejectUnknown(_ mapping: [String: Any], known: Set<String>, at prefix: String) throws {
        if let unknown = mapping.keys.sorted().first(where: { !known.contains($0) }) {
            throw ConfigError("\(file): unknown setting \"\(prefix)\(unknown)\" (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    func resolved(_ path: String) -> String {
        path.hasPrefix("/") || base.isEmpty ? path : (base as NSString).appendingPathComponent(path)
    }

    func path(_ value: Any, key: String) throws -> String {
        guard let text = value as? String, !text.isEmpty else { throw fail(key, "expected a path") }
        return resolved(text)
    }

    func optionalPath(_ value: Any, key: String) throws -> String? {
        value is NSNull ? nil : try path(value, key: key)
    }

    func paths(_ value: Any, key: String) throws -> [String] {
        if let single = value as? String { return [resolved(single)] }
        guard let list = value as? [Any] else { throw fail(key, "expected a list of files, folders or patterns") }
        return try list.map { try path($0, key: key) }
    }

    func formats(_ value: Any, key: String) throws -> [OutputFormat] {
        let names = (value as? String).map { [$0] } ?? (value as? [Any])?.compactMap { $0 as? String }
        guard let names else { throw fail(key, "expected a list: [jsonl, csv]") }
        return try names.map { name in
            guard let format = OutputFormat(rawValue: name) else { throw fail(key, "unknown format \"\(name)\" (\(OutputFormat.names))") }
            return format
        }
    }

    func integer(_ value: Any, key: String, minimum: Int) throws -> Int {
        guard let number = value as? Int, number >= minimum else { throw fail(key, "expected a whole number ≥ \(minimum)") }
        return number
    }

    func optionalInteger(_ value: Any, key: String, minimum: Int) throws -> Int? {
        value is NSNull ? nil : try integer(value, key: key, minimum: minimum)
    }

    func seconds(_ value: Any, key: String) throws -> Double {
        let number = (value as? Int).map(Double.init) ?? (value as? Double)
        guard let number, number > 0 else { throw fail(key, "expected a number of seconds > 0") }
        return number
    }

    func boolean(_ value: Any, key: String) throws -> Bool {
        guard let flag = value as? Bool else { throw fail(key, "expected true or false") }
        return flag
    }

    func shard(_ value: Any, key: String) throws -> Shard? {
        if value is NSNull { return nil }
        guard let text = value as? String, let shard = Shard(text) else { throw fail(key, "expected K/N with 1 ≤ K ≤ N, e.g. \"2/8\"") }
        return shard
    }

    mutating func stages(_ value: Any, into config: inout PipelineConfig) throws {
        guard let stages = value as? [String: Any] else { throw fail("stages", "expected a mapping of stage names to options") }
        try rejectUnknown(stages, known: Set(PipelineConfig.knownStageKeys.keys), at: "stages.")
        for (stage, options) in stages {
            if options is NSNull { continue }
            guard let options = options as? [String: Any] else { throw fail("stages.\(stage)", "expected a mapping of options") }
            try rejectUnknown(options, known: PipelineConfig.knownStageKeys[stage] ?? [], at: "stages.\(stage).")
            for (name, option) in options {
                let key = "stages.\(stage).\(name)"
                switch name {
                case "password": config.password = option is NSNull ? nil : try text(option, key: key)
                case "max_pages": config.maxPages = try optionalInteger(option, key: key, minimum: 1)
                case "classification_window": config.classificationWindow = try optionalInteger(option, key: key, minimum: 100)
                default: break
                }
            }
        }
    }

    func text(_ value: Any, key: String) throws -> String {
        if let text = value as? String { return text }
        if let number = value as? Int { return String(number) }
        throw fail(key, "expected text")
    }
}
