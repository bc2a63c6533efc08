import Foundation

/// Slice K of N of a batch: a document belongs to shard `1 + (first 15 hex digits of its sha256) mod N`, so the
/// slices are disjoint, cover every input, do not depend on paths, order or on which other files are present,
/// and copies of one file always land in the same shard.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`, e.g. `2/8`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(index: k, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the document with this SHA-256 (hex) is in the slice.
    public func contains(sha256: String) -> Bool {
        guard let bucket = UInt64(sha256.prefix(15), radix: 16) else { return index == 1 }
        return Int(bucket % UInt64(count)) == index - 1
    }
}
