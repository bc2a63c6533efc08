import Foundation
import ZIPFoundation

/// Builds zip packages for the tests, in a temporary folder.
enum ZipFixture {
    static func write(_ entries: [(String, Data)], to url: URL, compression: CompressionMethod = .deflate) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Adds entries (deflated) to an existing package.
    static func append(_ entries: [(String, Data)], to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .update)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: XMLFixtures.folder.appendingPathComponent(name))
    }

    /// A DOCX made of the fixture parts in `Fixtures/xml/docx`.
    static func docx(in folder: URL, name: String = "plan.docx", extra: [(String, Data)] = []) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try write([("[Content_Types].xml", Data("<Types/>".utf8)),
                   ("word/document.xml", try fixture("docx/document.xml")),
                   ("word/styles.xml", try fixture("docx/styles.xml"))] + extra, to: url)
        return url
    }

    /// An ODT made of the fixture parts in `Fixtures/xml/odt` (mimetype first, stored).
    static func odt(in folder: URL, name: String = "plan.odt", mimetype: String = "application/vnd.oasis.opendocument.text") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try write([("mimetype", Data(mimetype.utf8))], to: url, compression: .none)
        let archive = try Archive(url: url, accessMode: .update)
        for (entry, part) in [("content.xml", "odt/content.xml"), ("styles.xml", "odt/styles.xml")] {
            let data = try fixture(part)
            try archive.addEntry(with: entry, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }
}
