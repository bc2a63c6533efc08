import Core

/// Exact decimals written in tests as their digits: `.number("11218.44")` (never through a binary float literal).
extension ExactDecimal: @retroactive ExpressibleByStringLiteral {
    public init(stringLiteral digits: String) {
        guard let value = ExactDecimal(digits) else { preconditionFailure("\(digits) is not an exact decimal") }
        self = value
    }
}
