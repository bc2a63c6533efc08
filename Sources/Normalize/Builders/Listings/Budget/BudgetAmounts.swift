import Core

/// The five amounts of a budget line, in euro; nil where the listing has no such column or the cell is empty.
struct BudgetAmounts: Equatable, Sendable {
    /// The parts in schema order (`amounts.initial_forecast` …).
    static let parts = ["initial_forecast", "current_forecast", "committed", "available", "cashed"]

    var values: [String: Double] = [:]

    init(_ values: [String: Double] = [:]) { self.values = values }

    subscript(part: String) -> Double? {
        get { values[part] }
        set { values[part] = newValue }
    }

    var isEmpty: Bool { values.isEmpty }

    /// The `amounts` field: the parts present, in schema order.
    var field: FieldValue {
        .object(Self.parts.compactMap { part in values[part].map { (part, FieldValue.number($0)) } })
    }

    /// `1234567.5` → "1.234.567,50", as the listings write amounts.
    static func italian(_ amount: Double) -> String {
        let cents = Int((abs(amount) * 100).rounded())
        var integer = String(cents / 100)
        var grouped = ""
        while integer.count > 3 {
            grouped = "." + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        let fraction = cents % 100
        let sign = amount < 0 && cents > 0 ? "-" : ""
        return sign + integer + grouped + "," + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
