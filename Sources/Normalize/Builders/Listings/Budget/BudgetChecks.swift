import Core

/// The arithmetic a budget listing must satisfy, checked, never repaired:
///
/// - on every line, available = current forecast − committed;
/// - every total row equals, per amount column, the sum of what it closes: the lines and lower totals since
///   the previous total of its rank or higher, never across the start of a section (a programme or titolo
///   heading) of its rank or higher.
///
/// A failed check is a warning on the record: `amounts.available: check failed: 280,40 ≠ 500,00 − 219,60`.
///
/// Sums and differences are exact decimals; a difference of up to `tolerance` (a cent, the rounding a listing's
/// own totals may carry) passes, one beyond it fails, and so does arithmetic too large to hold exactly.
struct BudgetChecks {
    var tolerance: ExactDecimal

    init(tolerance: ExactDecimal = ExactDecimal(significand: 1, scale: 2)) { self.tolerance = tolerance }

    private func differs(_ a: ExactDecimal, _ b: ExactDecimal?) -> Bool {
        guard let b, let difference = a.subtracting(b) else { return true }
        return difference.magnitude > tolerance
    }

    /// available = current_forecast − committed, when the line has all three.
    func availableWarning(_ amounts: BudgetAmounts) -> FieldWarning? {
        guard let available = amounts["available"], let current = amounts["current_forecast"],
              let committed = amounts["committed"] else { return nil }
        guard differs(available, current.subtracting(committed)) else { return nil }
        return FieldWarning.checkFailed("amounts.available",
            "\(available.italianAmount) ≠ \(current.italianAmount) − \(committed.italianAmount)")
    }

    /// For each amount the total and its parts both have, a warning when the parts do not add up to the total.
    func totalWarnings(_ total: BudgetAmounts, parts: [BudgetAmounts]) -> [FieldWarning] {
        guard !parts.isEmpty else { return [] }
        var warnings: [FieldWarning] = []
        for part in BudgetAmounts.parts {
            guard let stated = total[part] else { continue }
            let values = parts.compactMap { $0[part] }
            guard values.count == parts.count else { continue }
            let sum = ExactDecimal.sum(values)
            if differs(stated, sum) {
                let written = sum.map(\.italianAmount) ?? "a sum too large to hold exactly"
                warnings.append(FieldWarning.checkFailed("amounts.\(part)",
                    "\(stated.italianAmount) ≠ \(written), the sum of the \(parts.count) rows it closes"))
            }
        }
        return warnings
    }
}

/// Which rows each total row closes, in listing order: lines (rank 0), totals of a rank, and section starts.
struct TotalScope {
    private enum Entry {
        case row(amounts: BudgetAmounts, rank: Int)
        case sectionStart(rank: Int)
    }

    private var open: [Entry] = []

    /// A budget line.
    mutating func addLine(_ amounts: BudgetAmounts) {
        open.append(.row(amounts: amounts, rank: 0))
    }

    /// A heading opening a section of `rank`: no total of that rank or lower reaches over it.
    mutating func startSection(rank: Int) {
        open.append(.sectionStart(rank: rank))
    }

    /// The rows a total of `rank` closes (the lines and lower totals back to the previous total or section
    /// start of its rank or higher); the total then stands for them.
    mutating func close(_ amounts: BudgetAmounts, rank: Int) -> [BudgetAmounts] {
        var parts: [BudgetAmounts] = []
        while let last = open.last {
            switch last {
            case .row(let rowAmounts, let rowRank) where rowRank < rank:
                parts.append(rowAmounts)
            case .sectionStart(let sectionRank) where sectionRank < rank:
                break
            default:
                open.append(.row(amounts: amounts, rank: rank))
                return parts.reversed()
            }
            open.removeLast()
        }
        open.append(.row(amounts: amounts, rank: rank))
        return parts.reversed()
    }
}
