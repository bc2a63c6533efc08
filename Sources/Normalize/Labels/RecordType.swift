/// The record types of SCHEMA.md that carry labelled fields, in the order ties are broken.
public enum RecordType: String, CaseIterable, Codable, Hashable, Sendable {
    case objective
    case indicator
    case budgetLine = "budget_line"
    case staff
    case risk
    case entity
}
