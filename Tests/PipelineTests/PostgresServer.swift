import Foundation
import XCTest

/// A program run to its end, with what it printed.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String

    var succeeded: Bool { status == 0 }
}

enum Command {
    /// Runs `executable` with `arguments` and waits for it to exit; `input` is written to its standard input. Its
    /// output goes to temporary files, not pipes: a program that leaves a daemon behind (`pg_ctl start`) would keep a
    /// pipe open for ever.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> CommandResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputFile = folder.appendingPathComponent("stdout"), errorFile = folder.appendingPathComponent("stderr")
        for file in [outputFile, errorFile] { FileManager.default.createFile(atPath: file.path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: try String(contentsOf: outputFile, encoding: .utf8),
                             stderr: try String(contentsOf: errorFile, encoding: .utf8))
    }

    /// The first executable named `name` on PATH or in `extraFolders`.
    static func find(_ name: String, extraFolders: [String] = []) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (path + extraFolders).map { ($0 as NSString).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// A throwaway PostgreSQL server: a cluster made by `initdb` in a temporary folder, listening on 127.0.0.1 at a free
/// port, run by an unprivileged user when the tests run as root (the server refuses root), stopped and deleted by
/// `stop()`. Debian's `postgresql` provides the programs (scripts/setup installs it).
final class PostgresServer {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// Set to 1 to skip the tests that need a server on a machine without one (never in CI).
    static let skipVariable = "PIANI_SKIP_POSTGRES"
    static let user = "piani"

    let folder: URL
    let port: Int
    private let bin: String
    private let runAs: String?
    private var process: Process?

    var dataFolder: URL { folder.appendingPathComponent("data") }

    /// Starts a server; throws `XCTSkip` only when `PIANI_SKIP_POSTGRES=1`, `Unavailable` (with the reason) when the
    /// programs are missing or the server does not start.
    static func start() throws -> PostgresServer {
        if ProcessInfo.processInfo.environment[skipVariable] == "1" {
            throw XCTSkip("\(skipVariable)=1: the PostgreSQL load is not tested")
        }
        guard let initdb = Command.find("initdb", extraFolders: debianFolders()) else {
            throw Unavailable(description: "initdb not found on PATH or in /usr/lib/postgresql/*/bin: install Debian's postgresql "
                              + "(scripts/setup does), or set \(skipVariable)=1 to skip this test locally")
        }
        // The folder of the real programs (PATH may hold links to some of them only).
        let bin = URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path
        var lastFailure = ""
        for _ in 0..<3 {
            let server = try PostgresServer(bin: bin, port: Int.random(in: 20_000...60_000))
            do {
                try server.initialize()
                try server.launch()
                return server
            } catch {
                lastFailure = "\(error)"
                server.stop()
            }
        }
        throw Unavailable(description: "the PostgreSQL server did not start: \(lastFailure)")
    }

    private init(bin: String, port: Int) throws {
        self.bin = bin
        self.port = port
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-postgres-\(UUID().uuidString)")
        runAs = getuid() == 0 ? Self.unprivilegedUser() : nil
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let runAs { try Self.check(Command.run("/bin/chown", [runAs, folder.path]), "chown \(runAs)") }
    }

    /// Debian's version folders, newest first.
    private static func debianFolders() -> [String] {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "\(root)/\($0)/bin" }
    }

    /// The `postgres` account Debian's package creates, else `nobody`.
    private static func unprivilegedUser() -> String {
        getpwnam("postgres") != nil ? "postgres" : "nobody"
    }

    private func server(_ program: String, _ arguments: [String]) throws -> CommandResult {
        let executable = (bin as NSString).appendingPathComponent(program)
        guard let runAs else { return try Command.run(executable, arguments) }
        return try Command.run("/sbin/runuser", ["-u", runAs, "--", executable] + arguments)
    }

    private func initialize() throws {
        try Self.check(server("initdb", ["-D", dataFolder.path, "-U", Self.user, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]), "initdb")
    }

    /// Runs `postgres` itself as a child of the tests (not through `pg_ctl start`, whose daemon would inherit the
    /// descriptor Foundation watches to learn that a child exited), then waits until it accepts connections.
    private func launch() throws {
        let log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let postgres = (bin as NSString).appendingPathComponent("postgres")
        let arguments = ["-D", dataFolder.path, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-k", dataFolder.path, "-c", "fsync=off"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: runAs == nil ? postgres : "/sbin/runuser")
        process.arguments = runAs.map { ["-u", $0, "--", postgres] + arguments } ?? arguments
        process.standardInput = FileHandle.nullDevice
        let logHandle = try FileHandle(forWritingTo: log)
        process.standardOutput = logHandle
        process.standardError = logHandle
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(Self.startTimeout)
        var lastAnswer = ""
        while Date() < deadline {
            guard process.isRunning else {
                throw Unavailable(description: "postgres exited (\(process.terminationStatus)): \(Self.tail(of: log))")
            }
            let ready = try server("pg_isready", ["-h", "127.0.0.1", "-p", String(port)])
            if ready.succeeded { return }
            lastAnswer = ready.stdout + ready.stderr
            usleep(200_000)
        }
        throw Unavailable(description: "postgres did not accept connections within \(Int(Self.startTimeout)) s (pg_isready: \(lastAnswer)): "
                          + Self.tail(of: log))
    }

    static let startTimeout: TimeInterval = 60

    private static func tail(of log: URL) -> String {
        String(((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(2000))
    }

    /// Stops the server (immediately: its data is thrown away) and deletes the cluster.
    func stop() {
        if let process, process.isRunning {
            _ = try? server("pg_ctl", ["-D", dataFolder.path, "-m", "immediate", "-w", "stop"])
            process.waitUntilExit()
        }
        process = nil
        try? FileManager.default.removeItem(at: folder)
    }

    /// `psql` on the server: the SQL in `script` (a file's text, meta-commands such as `\copy` included), stopping at the
    /// first error; unaligned, tuples only.
    func psql(_ script: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let psql = (bin as NSString).appendingPathComponent("psql")
        let result = try Command.run(psql, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(port),
                                            "-U", Self.user, "-d", "postgres", "-f", "-"], input: script)
        guard result.succeeded else { throw Unavailable(description: "psql failed (\(result.status)): \(result.stderr)") }
        return result.stdout
    }

    private static func check(_ result: CommandResult, _ what: String) throws {
        guard result.succeeded else { throw Unavailable(description: "\(what) failed (\(result.status)): \(result.stderr)\(result.stdout)") }
    }
}
