import Core
import Foundation

/// JSONL read back with every number as the exact decimal its digits write (Foundation's JSONDecoder gives `Decimal`
/// the digits as they are), into `Core.JSONValue` so `FlatSchema.cell` finds the cells the tables hold.
enum ExactJSONL {
    static func records(_ file: URL) throws -> [JSONValue] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Node.self, from: Data($0.utf8)).value }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// One JSON value, object keys in their order.
    private struct Node: Decodable {
        var value: JSONValue

        init(from decoder: Decoder) throws {
            if let object = try? decoder.container(keyedBy: Key.self) {
                // Keys come back unordered; the order is not needed to find a cell by its path.
                value = .object(try object.allKeys.map { ($0.stringValue, try object.decode(Node.self, forKey: $0).value) })
                return
            }
            if var array = try? decoder.unkeyedContainer() {
                var items: [JSONValue] = []
                while !array.isAtEnd { items.append(try array.decode(Node.self).value) }
                value = .array(items)
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                value = .null
            } else if let boolean = try? single.decode(Bool.self) {
                value = .bool(boolean)
            } else if let string = try? single.decode(String.self) {
                value = .string(string)
            } else {
                let number = try single.decode(Decimal.self).description
                guard let exact = ExactDecimal(number) else { throw Unreadable(description: "\(number) is not an exact decimal") }
                value = .decimal(exact)
            }
        }
    }
}
