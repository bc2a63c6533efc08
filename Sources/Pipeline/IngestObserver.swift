/// Follows a run as it goes (progress bar, logs); every call comes from one thread at a time.
public protocol IngestObserver: AnyObject {
    /// Inputs found, and how many will be read (the others are skipped, duplicates or already rejected).
    func planned(inputs: Int, toIngest: Int)
    /// One input settled: ingested, skipped, a duplicate or rejected.
    func settled(_ input: InputReport)
    /// Something the user should know that is not an input's failure (a pattern that matched nothing).
    func notice(_ text: String)
    func completed(_ manifest: Manifest)
    /// A document left the dataset (pruned, or its content moved to another shard).
    func removed(_ removal: DatasetRemoval)
}

extension IngestObserver {
    public func removed(_ removal: DatasetRemoval) {}
}
