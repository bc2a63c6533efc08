import Core

/// The order of a document's rows in every output: by source page, then position on the page (top first),
/// then table row, then the order the normalizer produced them. Records without a page (document-level)
/// come last. Documents themselves are ordered by the caller (file name, then path).
public enum RecordOrder {
    public static func sorted(_ records: [Record]) -> [Record] {
        // Each record's key computed once, not at every comparison.
        let keys = records.enumerated().map { key($0.offset, $0.element) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { records[$0] }
    }

    private struct Key: Comparable {
        var page: Int
        var top: Double
        var row: Int
        var ordinal: Int

        static func < (a: Key, b: Key) -> Bool {
            (a.page, a.top, a.row, a.ordinal) < (b.page, b.top, b.row, b.ordinal)
        }
    }

    private static func key(_ ordinal: Int, _ record: Record) -> Key {
        Key(page: record.source.page ?? .max, top: record.source.bbox?.y0 ?? .infinity, row: record.source.rowIndex ?? .max,
            ordinal: ordinal)
    }
}
