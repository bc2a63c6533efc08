/// The batch stage: `piani ingest` (configuration, catalog, workers, manifest, rejects).
import Core

/// The tool's name and version, written to every manifest and catalog row. Bump `version` whenever the
/// extraction or normalization changes what a document yields: documents ingested by another version are
/// ingested again by the next incremental run.
public enum ToolInfo {
    public static let name = "piani"
    public static let version = "0.11.1"
    /// What `piani --version` prints: `piani 0.9.2 (schema 1)`.
    public static var versionLine: String { "\(name) \(version) (schema \(Schema.version))" }
}

/// The exit codes of `piani ingest`.
public enum IngestExitCode: Int32, Sendable {
    /// Every input was ingested (or skipped as already ingested).
    case success = 0
    /// The run itself failed (output folder not writable, catalog unreadable): outputs are left as they were.
    case failure = 1
    /// Configuration or usage error: invalid pipeline.yml, bad option value, no inputs, unreadable label dictionary.
    case usage = 2
    /// Some inputs were rejected (see rejects.jsonl); the others' outputs are complete.
    case rejects = 3
    /// Another ingest holds the output folder's lock.
    case locked = 4
}
