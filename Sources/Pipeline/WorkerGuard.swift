import CProcessControl
import Foundation

/// What keeps a worker from outliving its purpose: it dies with its parent (`prctl(PR_SET_PDEATHSIG, SIGKILL)`,
/// and an exit at start-up when the parent is already gone), and it enforces its own time limit with `alarm(2)`
/// a little after the parent's (SIGALRM ends it), so a worker whose parent is stuck or gone does not hang on.
public struct WorkerGuard: Sendable {
    /// The parent's pid as the parent passed it (`PIANI_PARENT_PID`).
    public var parent: Int32?
    public var timeLimit: Double?

    public init(parent: Int32?, timeLimit: Double?) {
        self.parent = parent
        self.timeLimit = timeLimit
    }

    /// Seconds after which the worker ends itself while reading one document: the time limit plus a margin,
    /// so the parent (which kills at the limit) reports the timeout first.
    public var ownLimit: UInt32? {
        timeLimit.map { UInt32(min(Double(UInt32.max / 2), ($0 * 1.1).rounded(.up) + 2)) }
    }

    /// At start-up: ask to die with the parent, then check the parent did not end before that. (The kernel sends
    /// the signal when the parent *thread* that spawned the worker ends: the pool's slot threads stop their
    /// workers before they end, so only the parent's death triggers it.)
    public func install() {
        _ = piani_die_with_parent()
        if let parent, getppid() != parent {
            FileHandle.standardError.write(Data("piani ingest-worker: the parent process \(parent) is gone; exiting\n".utf8))
            exit(0)
        }
    }

    public func documentStarted() {
        if let seconds = ownLimit { alarm(seconds) }
    }

    public func documentFinished() {
        alarm(0)
    }
}
