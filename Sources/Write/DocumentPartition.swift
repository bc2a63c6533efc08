import Core
import Foundation

/// The outputs of one document, kept between runs: a folder holding `X.jsonl` and `X.csv` (rows without the
/// header) for each record type the document has. The run's top-level files are these partitions
/// concatenated, so a document ingested once is never read again.
public struct DocumentPartition: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func file(_ type: RecordType, _ format: OutputFormat) -> URL {
        folder.appendingPathComponent(format.fileName(of: type))
    }

    public var exists: Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Writes the records (sorted by `RecordOrder`) into a fresh folder beside this one, then moves it into place:
    /// the partition is whole or absent, never half written.
    public func write(_ records: [Record]) throws {
        let parent = folder.deletingLastPathComponent()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".tmp-\(folder.lastPathComponent)-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            try Self.writeFiles(RecordOrder.sorted(records), into: staging)
            try replace(with: staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// Writes records as `produce` hands them over, without holding them: for streamed inputs (XBRL), whose
    /// records come in output order already (no page: `RecordOrder` keeps them as produced, so the files are
    /// those `write(_:)` would give). The partition is whole or absent, as with `write(_:)`. Returns the records
    /// written per type.
    @discardableResult
    public func write(streaming produce: (_ emit: (Record) throws -> Void) throws -> Void) throws -> [RecordType: Int] {
        let parent = folder.deletingLastPathComponent()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".tmp-\(folder.lastPathComponent)-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        let stage = DocumentPartition(folder: staging)
        var files: [RecordType: (jsonl: AtomicFile, csv: AtomicFile)] = [:]
        var counts: [RecordType: Int] = [:]
        do {
            try produce { record in
                let pair: (jsonl: AtomicFile, csv: AtomicFile)
                if let open = files[record.type] {
                    pair = open
                } else {
                    pair = (try AtomicFile(stage.file(record.type, .jsonl)), try AtomicFile(stage.file(record.type, .csv)))
                    files[record.type] = pair
                }
                try pair.jsonl.write(record.json.serialized + "\n")
                try pair.csv.write(FlatSchema.csvLine(record))
                counts[record.type, default: 0] += 1
            }
            for type in RecordType.allCases {
                guard let pair = files[type] else { continue }
                try pair.jsonl.commit()
                try pair.csv.commit()
            }
            try replace(with: staging)
        } catch {
            for pair in files.values { pair.jsonl.discard(); pair.csv.discard() }
            try? fileManager.removeItem(at: staging)
            throw error
        }
        return counts
    }

    private static func writeFiles(_ records: [Record], into staging: URL) throws {
        let byType = Dictionary(grouping: records, by: \.type)
        for type in RecordType.allCases {
            guard let rows = byType[type], !rows.isEmpty else { continue }
            let partition = DocumentPartition(folder: staging)
            let jsonl = try AtomicFile(partition.file(type, .jsonl))
            let csv = try AtomicFile(partition.file(type, .csv))
            do {
                // Each record's JSON built once, for both files, and not kept: the two are written side by side.
                for record in rows {
                    let json = record.json
                    try jsonl.write(json.serialized + "\n")
                    try csv.write(FlatSchema.csvLine(json, type: type))
                }
                try jsonl.commit()
                try csv.commit()
            } catch {
                jsonl.discard()
                csv.discard()
                throw error
            }
        }
    }

    private func replace(with staging: URL) throws {
        let fileManager = FileManager.default
        if exists {
            let old = folder.deletingLastPathComponent()
                .appendingPathComponent(".old-\(folder.lastPathComponent)-\(getpid())-\(UInt32.random(in: 0 ... .max))")
            try fileManager.moveItem(at: folder, to: old)
            try? fileManager.removeItem(at: old)
        }
        guard rename(staging.path, folder.path) == 0 else {
            throw WriteError(path: folder.path, reason: "cannot move the partition into place (\(String(cString: strerror(errno))))")
        }
    }
}

/// Builds the run's top-level files (`objectives.jsonl`, `objectives.csv`, …) by concatenating the partitions
/// of the current inputs in the order given, each file written atomically. Every record type gets its files,
/// a CSV with only its header when no document has that type. With `sqlite`, `records.sqlite` holds the same
/// records in typed tables (`SQLiteDatabaseWriter`).
public struct OutputAssembler {
    public var folder: URL
    public var formats: [OutputFormat]

    public init(folder: URL, formats: [OutputFormat]) {
        self.folder = folder
        self.formats = formats
    }

    /// The rows written per record type (the JSONL lines of the partitions: one record per line, whichever
    /// formats are written; a CSV record may span lines).
    @discardableResult
    public func assemble(_ partitions: [DocumentPartition]) throws -> [RecordType: Int] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var counts: [RecordType: Int] = [:]
        for type in RecordType.allCases {
            for format in formats where format.isPerRecordType {
                let rows = try assemble(type, format, partitions)
                if format == .jsonl { counts[type] = rows }
            }
            if counts[type] == nil { counts[type] = try Self.lines(type, partitions) }
        }
        if formats.contains(.sqlite) {
            let rows = try SQLiteDatabaseWriter(destination: folder.appendingPathComponent(SQLiteDatabaseWriter.fileName)).write(partitions)
            for (type, count) in rows where count != counts[type] {
                throw WriteError(path: SQLiteDatabaseWriter.fileName,
                                 reason: "\(count) \(type.plural) rows written where the partitions hold \(counts[type] ?? 0) records")
            }
        }
        return counts
    }

    private static func lines(_ type: RecordType, _ partitions: [DocumentPartition]) throws -> Int {
        var lines = 0
        for partition in partitions {
            let source = partition.file(type, .jsonl)
            guard let handle = FileHandle(forReadingAtPath: source.path) else { continue }
            defer { try? handle.close() }
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                lines += chunk.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
            }
        }
        return lines
    }

    private func assemble(_ type: RecordType, _ format: OutputFormat, _ partitions: [DocumentPartition]) throws -> Int {
        var rows = 0
        try AtomicFile.write(folder.appendingPathComponent(format.fileName(of: type))) { file in
            if format == .csv { try file.write(FlatSchema.header(of: type)) }
            for partition in partitions {
                let source = partition.file(type, format)
                guard FileManager.default.fileExists(atPath: source.path) else { continue }
                let lineFeeds = try file.append(contentsOf: source)
                if format == .jsonl { rows += lineFeeds }
            }
        }
        return rows
    }
}
