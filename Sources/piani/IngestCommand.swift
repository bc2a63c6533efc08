import ArgumentParser
import Foundation
import Pipeline
import Write

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest a batch of documents into record files, incrementally.",
        discussion: """
        Settings come from pipeline.yml (--config FILE, or ./pipeline.yml when
        present); flags override them, and `piani ingest samples/` works with
        the built-in defaults. INPUTS are files, folders (every *.pdf below) or
        glob patterns. See docs/ingest.md.

        The output folder is a dataset that accumulates: a run adds new
        documents, replaces a document whose input (same path) changed, renames
        one whose content is now at another path, and keeps documents whose
        inputs it was not given, until --prune removes them (each printed).
        --format drops the top-level files of the other format. The files are
        published together: built in OUT/.generation-N and switched with one
        rename of OUT/current; OUT/objectives.jsonl, OUT/report.html and the
        others are links through current.

        Output folder (--out, default out/):
          objectives.jsonl, objectives.csv, …
                         one pair per record type (objectives, indicators,
                         budget_lines, staff, risks, entities, tables,
                         facts): CSV per RFC 4180, header in schema order,
                         nested fields flattened with underscores
                         (amounts_committed); numbers as exact decimals; rows
                         by file name, then page, then position
          records.sqlite with --format sqlite: one typed table per record
                         type (NULLs, 0/1 booleans, amounts as INTEGER cents
                         in …_cents columns)
          manifest.json  inputs (path, sha256, size, status), documents,
                         counts per type, warnings, versions, timings
          rejects.jsonl  one {"file","stage","reason"} line per input that
                         failed
          report.html    the run for a person to look at: totals, documents,
                         rejects, failed checks, warnings linked to pages
          documents/<sha256>/
                         each document's records, kept between runs
          .piani/catalog.sqlite
                         documents already ingested (skipped unless --full)

        Each document is read in a worker process: a damaged PDF that crashes
        or hangs the C libraries is rejected (stage worker or timeout) and the
        batch goes on.

        Exit codes:
          0  every input ingested or already ingested
          1  the run could not proceed (output folder not writable, catalog
             unreadable); the published dataset is left as it was
          2  configuration or usage error (invalid pipeline.yml or option
             value, an input that does not exist, no input file without
             --allow-empty, bad label dictionary, --out naming a file);
             nothing was changed
          3  some inputs were rejected (one `piani: FILE: reason` line each,
             and rejects.jsonl); the others' outputs are complete
          4  another piani ingest is running on the same output folder
        """
    )

    @Argument(help: "Files, folders or glob patterns (default: inputs of pipeline.yml).")
    var inputs: [String] = []

    @Option(name: .long, help: "The pipeline file (default: ./pipeline.yml when it exists).")
    var config: String?

    @Option(name: .long, help: "Output folder (default: out).")
    var out: String?

    @Option(name: .long, help: "Formats to write, comma-separated: jsonl,csv,sqlite (default: jsonl,csv).")
    var format: String?

    @Option(name: .long, help: "Worker processes (default: one per core).")
    var workers: String?

    @Option(name: .long, help: "Seconds one document may take before it is rejected (default: 300).")
    var timeLimit: String?

    @Option(name: .long, help: "A YAML label dictionary merged over the built-in one, with an optional vocabulary: section.")
    var labels: String?

    @Option(name: .long, help: "Password of encrypted inputs.")
    var password: String?

    @Option(name: .long, help: "Read only the first N pages of each document.")
    var maxPages: String?

    @Option(name: .long, help: "Process slice K of N (by content SHA-256), e.g. 2/8, for N parallel jobs.")
    var shard: String?

    @Flag(name: .long, help: "Ingest every input again, even those already in the catalog.")
    var full = false

    @Flag(name: .long, help: "Remove from the dataset the documents whose inputs are not among this run's (each one removed is printed).")
    var prune = false

    @Flag(name: .long, help: "Accept inputs that resolve to no file (otherwise exit 2, nothing changed).")
    var allowEmpty = false

    @Flag(name: .long, help: "Print what would be ingested, skipped, rejected, kept and removed; write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "No progress, logs or summary (for cron): rejected inputs, removals and errors only.")
    var quiet = false

    func run() throws {
        let config: PipelineConfig
        do {
            config = try loadConfig().applying(try flags())
        } catch let error as ConfigError {
            Output.error(error.description)
            throw ExitCode(IngestExitCode.usage.rawValue)
        }
        let reporter = ConsoleReporter.automatic(quiet: quiet)
        if dryRun { return try dryRun(config, reporter: reporter) }
        if reporter.mode == .log { ConsoleReporter.bootstrapLogging() }
        let manifest: Manifest
        do {
            manifest = try IngestRun(config: config, workerExecutable: Self.executablePath()).run(observer: reporter)
        } catch let error as ConfigError {
            Output.error(error.description)
            throw ExitCode(IngestExitCode.usage.rawValue)
        } catch let error as RunLock.Busy {
            Output.error(error.description)
            throw ExitCode(IngestExitCode.locked.rawValue)
        } catch let error as IngestRun.AfterPublishing {
            Output.error("\(config.output): \(error)")
            throw ExitCode(IngestExitCode.failure.rawValue)
        } catch {
            Output.error("\(config.output): the run failed (\(error)); the published dataset (top-level files, manifest.json, "
                         + "rejects.jsonl) was left as the last completed run wrote it; documents read before the failure are kept in "
                         + "documents/ and the catalog, and are not read again")
            throw ExitCode(IngestExitCode.failure.rawValue)
        }
        if manifest.exitCode != 0 { throw ExitCode(manifest.exitCode) }
    }

    private func dryRun(_ config: PipelineConfig, reporter: ConsoleReporter) throws {
        let plan: DryRun
        do {
            plan = try IngestRun(config: config, workerExecutable: Self.executablePath()).dryRun(observer: reporter)
        } catch let error as ConfigError {
            Output.error(error.description)
            throw ExitCode(IngestExitCode.usage.rawValue)
        } catch {
            Output.error("\(config.output): cannot plan the run (\(error)); nothing was written")
            throw ExitCode(IngestExitCode.failure.rawValue)
        }
        for line in plan.lines { Output.line(line) }
    }

    private func loadConfig() throws -> PipelineConfig {
        if let config { return try PipelineConfig.load(file: config) }
        if FileManager.default.fileExists(atPath: "pipeline.yml") { return try PipelineConfig.load(file: "pipeline.yml") }
        return PipelineConfig()
    }

    private func flags() throws -> PipelineConfig.Flags {
        var flags = PipelineConfig.Flags()
        flags.inputs = inputs
        flags.output = out
        flags.labels = labels
        flags.password = password
        flags.full = full
        flags.prune = prune
        flags.allowEmpty = allowEmpty
        if let format {
            flags.formats = try format.split(separator: ",").map { name in
                guard let parsed = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ConfigError("--format: unknown format \"\(name)\" (\(OutputFormat.names))")
                }
                return parsed
            }
        }
        if let workers { flags.workers = try Self.integer(workers, option: "--workers", minimum: 0) }
        if let maxPages { flags.maxPages = try Self.integer(maxPages, option: "--max-pages", minimum: 1) }
        if let timeLimit {
            guard let seconds = Double(timeLimit), seconds > 0 else { throw ConfigError("--time-limit: expected a number of seconds > 0, got \"\(timeLimit)\"") }
            flags.timeLimit = seconds
        }
        if let shard {
            guard let parsed = Shard(shard) else { throw ConfigError("--shard: expected K/N with 1 ≤ K ≤ N, e.g. 2/8, got \"\(shard)\"") }
            flags.shard = parsed
        }
        return flags
    }

    private static func integer(_ text: String, option: String, minimum: Int) throws -> Int {
        guard let value = Int(text), value >= minimum else { throw ConfigError("\(option): expected a whole number ≥ \(minimum), got \"\(text)\"") }
        return value
    }

    /// This executable's absolute path, for starting workers.
    static func executablePath() -> String {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}
