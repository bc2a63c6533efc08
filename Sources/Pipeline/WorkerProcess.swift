import Foundation

/// How to start a worker: the `piani` executable with `ingest-worker` and the stage settings as arguments.
public struct WorkerCommand: Sendable {
    public var executable: String
    public var arguments: [String]
    /// Added to the inherited environment (a password is passed this way, not on the command line).
    public var environment: [String: String]

    public init(executable: String, arguments: [String], environment: [String: String] = [:]) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
    }
}

/// One worker process: jobs are written to its standard input, results read from its standard output with a
/// deadline. A worker that dies or overruns the deadline is killed and replaced by the pool.
final class WorkerProcess {
    enum Reply {
        case result(DocumentResult)
        case timedOut
        case died(String)
    }

    private let process: Process
    private let input: Int32
    private var reader: LineReader
    private(set) var jobsDone = 0

    init(_ command: WorkerCommand, log: FileHandle?) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: command.executable)
        process.arguments = command.arguments
        if !command.environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(command.environment) { $1 }
        }
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = log ?? FileHandle.nullDevice
        try process.run()
        inputHandle = stdin.fileHandleForWriting
        input = inputHandle.fileDescriptor
        // The handle owns the descriptor: it is closed through the handle only, never twice.
        outputHandle = stdout.fileHandleForReading
        reader = LineReader(descriptor: outputHandle.fileDescriptor)
    }

    private let inputHandle: FileHandle
    private let outputHandle: FileHandle

    var pid: Int32 { process.processIdentifier }

    /// Sends one job and waits for its result until `deadline`.
    func run(_ job: DocumentJob, deadline: Date) -> Reply {
        jobsDone += 1
        guard var line = try? JSONEncoder.sorted.encode(job) else { return .died("the job could not be encoded") }
        line.append(10)
        guard writeAll(line) else { return .died(deathReason()) }
        while true {
            switch reader.readLine(until: deadline) {
            case .timedOut: return .timedOut
            case .endOfFile: return .died(deathReason())
            case .line(let text):
                guard let result = try? JSONDecoder().decode(DocumentResult.self, from: Data(text.utf8)), result.path == job.path else {
                    continue  // not a protocol line (a library printing to stdout): skip it
                }
                return .result(result)
            }
        }
    }

    /// Closes the worker's input (it exits at end of input) and waits for it.
    func stop() {
        try? inputHandle.close()
        process.waitUntilExit()
        try? outputHandle.close()
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        stop()
    }

    private func writeAll(_ data: Data) -> Bool {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(input, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Why the worker is gone: waits for it and names the signal or exit status.
    private func deathReason() -> String {
        kill()
        switch process.terminationReason {
        case .uncaughtSignal: return "the worker crashed reading this document (signal \(process.terminationStatus)\(Self.signalName(process.terminationStatus)))"
        case .exit: return "the worker exited reading this document (status \(process.terminationStatus))"
        @unknown default: return "the worker stopped reading this document"
        }
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: return ", SIGSEGV"
        case SIGABRT: return ", SIGABRT"
        case SIGILL: return ", SIGILL"
        case SIGBUS: return ", SIGBUS"
        case SIGTRAP: return ", SIGTRAP"
        case SIGKILL: return ", SIGKILL"
        case SIGFPE: return ", SIGFPE"
        default: return ""
        }
    }
}

/// Lines from a file descriptor, waiting with poll(2) until a deadline.
struct LineReader {
    enum Outcome: Equatable {
        case line(String)
        case timedOut
        case endOfFile
    }

    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var ended = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    mutating func readLine(until deadline: Date) -> Outcome {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            if ended { return .endOfFile }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return .timedOut }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 && errno != EINTR { ended = true; continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { ended = true; continue }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}

/// Runs jobs on N worker processes, one thread per worker slot. A worker that crashes is replaced, one that
/// overruns the time limit is killed and replaced, and one that has done `recycleAfter` jobs is replaced too.
public struct WorkerPool {
    public var command: WorkerCommand
    public var workers: Int
    public var timeLimit: Double
    public var recycleAfter: Int
    public var log: FileHandle?

    public init(command: WorkerCommand, workers: Int, timeLimit: Double, recycleAfter: Int, log: FileHandle? = nil) {
        self.command = command
        self.workers = workers
        self.timeLimit = timeLimit
        self.recycleAfter = recycleAfter
        self.log = log
    }

    /// Runs every job; `finished` is called once per job, from the slot threads, one call at a time.
    public func run(_ jobs: [DocumentJob], finished: (DocumentJob, DocumentResult) -> Void) {
        signal(SIGPIPE, SIG_IGN)
        let queue = JobQueue(jobs)
        let report = NSLock()
        let group = DispatchGroup()
        withoutActuallyEscaping(finished) { finished in
            for _ in 0..<max(1, min(workers, jobs.count)) {
                let thread = Thread { [self] in
                    runSlot(queue) { job, result in
                        report.lock()
                        finished(job, result)
                        report.unlock()
                    }
                    group.leave()
                }
                thread.stackSize = 1 << 20
                group.enter()
                thread.start()
            }
            group.wait()
        }
    }

    private func runSlot(_ queue: JobQueue, _ finished: (DocumentJob, DocumentResult) -> Void) {
        var worker: WorkerProcess?
        while let job = queue.next() {
            if let current = worker, current.jobsDone >= recycleAfter {
                current.stop()
                worker = nil
            }
            if worker == nil {
                do {
                    worker = try WorkerProcess(command, log: log)
                } catch {
                    finished(job, .failure(job, .worker, "cannot start a worker (\(command.executable): \(error.localizedDescription))"))
                    continue
                }
            }
            switch worker!.run(job, deadline: Date(timeIntervalSinceNow: timeLimit)) {
            case .result(let result):
                finished(job, result)
            case .timedOut:
                worker!.kill()
                worker = nil
                finished(job, .failure(job, .timeout, "took longer than the time limit of \(JSONValueFormat.seconds(timeLimit)) s; its worker was killed"))
            case .died(let reason):
                worker = nil
                finished(job, .failure(job, .worker, reason))
            }
        }
        worker?.stop()
    }
}

/// The jobs not yet taken, shared by the slots.
final class JobQueue: @unchecked Sendable {
    private var jobs: [DocumentJob]
    private var nextIndex = 0
    private let lock = NSLock()

    init(_ jobs: [DocumentJob]) {
        self.jobs = jobs
    }

    func next() -> DocumentJob? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < jobs.count else { return nil }
        defer { nextIndex += 1 }
        return jobs[nextIndex]
    }
}

enum JSONValueFormat {
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
