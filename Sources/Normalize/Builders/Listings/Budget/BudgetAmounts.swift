import Foundation
import Core

/// The five amounts of a budget line, in euro, as exact decimals; nil where the listing has no such column or the
/// cell is empty.
struct BudgetAmounts: Equatable, Sendable {
    /// The parts in schema order (`amounts.initial_forecast` …).
    static let parts = ["initial_forecast", "current_forecast", "committed", "available", "cashed"]

    /// The digits an amount may have, and those after the point: the warehouse type `NUMERIC(18,2)`.
    static let precision = Schema.amountPrecision.digits
    static let places = Schema.amountPrecision.places

    var values: [String: ExactDecimal] = [:]

    init(_ values: [String: ExactDecimal] = [:]) { self.values = values }

    subscript(part: String) -> ExactDecimal? {
        get { values[part] }
        set { values[part] = newValue }
    }

    var isEmpty: Bool { values.isEmpty }

    /// The `amounts` field: the parts present, in schema order.
    var field: FieldValue {
        .object(Self.parts.compactMap { part in values[part].map { (part, FieldValue.number($0)) } })
    }
}
