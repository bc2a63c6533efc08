import Foundation
import XCTest
@testable import XML
import Core

enum XMLFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xml")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A fresh temporary folder, removed by the test case's teardown.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("piani-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A block reduced to what the tests compare.
struct BlockSummary: Equatable, CustomStringConvertible {
    var kind: Block.Kind
    var text: String
    var level: Int? = nil
    var label: String? = nil
    var value: String? = nil
    var source: String? = nil

    init(_ kind: Block.Kind, _ text: String, level: Int? = nil, label: String? = nil, value: String? = nil, source: String? = nil) {
        self.kind = kind
        self.text = text
        self.level = level
        self.label = label
        self.value = value
        self.source = source
    }

    init(_ block: Block, withSource: Bool) {
        self.init(block.kind, block.text, level: block.level, label: block.label, value: block.value,
                  source: withSource ? block.source : nil)
    }

    var description: String { "\(kind.rawValue) \(level.map { "L\($0) " } ?? "")\(label.map { "[\($0)=\(value ?? "")] " } ?? "")\"\(text)\"\(source.map { " @\($0)" } ?? "")" }
}

extension MarkupContent {
    func summaries(withSource: Bool = false) -> [BlockSummary] { blocks.map { BlockSummary($0, withSource: withSource) } }
}

func XCTAssertThrowsXMLError<T>(_ expression: @autoclosure () throws -> T, file: StaticString = #filePath, line: UInt = #line,
                                _ check: (XMLInputError) -> Void) {
    do {
        _ = try expression()
        XCTFail("expected an XMLInputError", file: file, line: line)
    } catch let error as XMLInputError {
        check(error)
    } catch {
        XCTFail("expected an XMLInputError, got \(error)", file: file, line: line)
    }
}
