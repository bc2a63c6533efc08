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

    private let child: ChildProcess
    private var reader: LineReader
    private(set) var jobsDone = 0

    init(_ command: WorkerCommand, log: FileHandle?) throws {
        child = try ChildProcess(executable: command.executable, arguments: command.arguments, environment: command.environment,
                                 standardError: log?.fileDescriptor)
        reader = LineReader(descriptor: child.output)
    }

    /// Sends one job and waits for its result until `deadline`.
    func run(_ job: DocumentJob, deadline: Date) -> Reply {
        jobsDone += 1
        guard var line = try? JSONEncoder.sorted.encode(job) else { return .died("the job could not be encoded") }
        line.append(10)
        guard child.send(line) else { return .died(deathReason()) }
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
        child.closeInput()
        _ = child.wait()
        child.closeOutput()
    }

    func kill() {
        child.kill()
        stop()
    }

    /// Why the worker is gone: kills what is left of it and names the signal or exit status.
    private func deathReason() -> String {
        child.kill()
        let status = child.wait()
        child.closeInput()
        child.closeOutput()
        switch status {
        case .signaled(let signal): return "the worker crashed reading this document (signal \(signal)\(Self.signalName(signal)))"
        case .exited(let code): return "the worker exited reading this document (status \(code))"
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
        case SIGALRM: return ", SIGALRM: the worker's own time limit"
        default: return ""
        }
    }
}

/// A child process started with posix_spawn, its standard input and output on pipes the parent holds (close-on-exec,
/// so no other worker inherits them), its standard error on the given descriptor (/dev/null by default).
/// Foundation's Process is not used: its run loop and signal thread do not mix with killing children from
/// several threads.
final class ChildProcess {
    enum Status: Equatable {
        case exited(Int32)
        case signaled(Int32)
    }

    let pid: pid_t
    let output: Int32
    private var input: Int32
    private var outputOpen = true
    private var status: Status?
    private let lock = NSLock()

    /// Pipes are made and children spawned one at a time, so no child inherits another's pipe before it is
    /// marked close-on-exec.
    private static let spawnLock = NSLock()

    init(executable: String, arguments: [String], environment: [String: String], standardError: Int32?) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0 else { throw Self.failure("pipe") }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw Self.failure("pipe")
        }
        for descriptor in toChild + fromChild { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let errorTarget = standardError ?? open("/dev/null", O_WRONLY | O_CLOEXEC)
        defer {
            close(toChild[0]); close(fromChild[1])
            if standardError == nil { close(errorTarget) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errorTarget, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, variables)
        guard spawned == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw WorkerStartError(reason: String(cString: strerror(spawned)))
        }
        self.pid = pid
        input = toChild[1]
        output = fromChild[0]
    }

    deinit {
        closeInput()
        closeOutput()
    }

    /// Writes all of `data` to the child's input; false when the child is gone.
    func send(_ data: Data) -> Bool {
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

    func closeInput() {
        lock.lock(); defer { lock.unlock() }
        if input >= 0 { close(input); input = -1 }
    }

    func closeOutput() {
        lock.lock(); defer { lock.unlock() }
        if outputOpen { close(output); outputOpen = false }
    }

    func kill() {
        lock.lock(); defer { lock.unlock() }
        if status == nil { Foundation.kill(pid, SIGKILL) }
    }

    /// Waits for the child to end (once; later calls return the same status).
    func wait() -> Status {
        lock.lock(); defer { lock.unlock() }
        if let status { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        let signal = raw & 0x7f
        let result: Status = signal == 0 ? .exited((raw >> 8) & 0xff) : .signaled(signal)
        status = result
        return result
    }

    private static func failure(_ what: String) -> WorkerStartError {
        WorkerStartError(reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

struct WorkerStartError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
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

    /// Runs every job; `finished` is called once per job, from the slot threads, one call at a time, and never
    /// after `run` returns.
    public func run(_ jobs: [DocumentJob], finished: @escaping (DocumentJob, DocumentResult) -> Void) {
        signal(SIGPIPE, SIG_IGN)
        let queue = JobQueue(jobs)
        let report = NSLock()
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, jobs.count)) {
            group.enter()
            let thread = Thread { [self] in
                runSlot(queue) { job, result in
                    report.lock()
                    finished(job, result)
                    report.unlock()
                }
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
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
                    finished(job, .failure(job, .worker, "cannot start a worker (\(command.executable): \(error))"))
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
