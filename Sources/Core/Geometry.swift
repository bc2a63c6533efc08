/// An axis-aligned box in PDF points, origin at the page's top-left corner, y growing downwards.
/// Its small members are `@inlinable`: the other modules call them per glyph and per word, and `enclosing`
/// is generic (without its body, a caller iterates through protocol witnesses).
public struct Rect: Hashable, Codable, Sendable, CustomStringConvertible {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double

    @inlinable public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = min(x0, x1)
        self.y0 = min(y0, y1)
        self.x1 = max(x0, x1)
        self.y1 = max(y0, y1)
    }

    @inlinable public var width: Double { x1 - x0 }
    @inlinable public var height: Double { y1 - y0 }
    @inlinable public var midX: Double { (x0 + x1) / 2 }
    @inlinable public var midY: Double { (y0 + y1) / 2 }
    @inlinable public var area: Double { width * height }

    @inlinable public func union(_ other: Rect) -> Rect {
        Rect(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    @inlinable public func contains(x: Double, y: Double, tolerance: Double = 0) -> Bool {
        x >= x0 - tolerance && x <= x1 + tolerance && y >= y0 - tolerance && y <= y1 + tolerance
    }

    @inlinable public func intersects(_ other: Rect, tolerance: Double = 0) -> Bool {
        x0 <= other.x1 + tolerance && other.x0 <= x1 + tolerance && y0 <= other.y1 + tolerance && other.y0 <= y1 + tolerance
    }

    /// Length of the overlap of the two boxes' vertical extents (0 when they do not overlap).
    @inlinable public func verticalOverlap(_ other: Rect) -> Double { max(0, min(y1, other.y1) - max(y0, other.y0)) }
    /// Length of the overlap of the two boxes' horizontal extents (0 when they do not overlap).
    @inlinable public func horizontalOverlap(_ other: Rect) -> Double { max(0, min(x1, other.x1) - max(x0, other.x0)) }

    @inlinable public func expanded(by d: Double) -> Rect { Rect(x0: x0 - d, y0: y0 - d, x1: x1 + d, y1: y1 + d) }

    /// `[x0, y0, x1, y1]` rounded to 0.01 pt, the form written to JSON.
    public var rounded: [Double] { [x0, y0, x1, y1].map { ($0 * 100).rounded() / 100 } }

    public var description: String { "[\(rounded.map { String($0) }.joined(separator: ", "))]" }

    @inlinable public static func enclosing<S: Sequence>(_ rects: S) -> Rect? where S.Element == Rect {
        var iterator = rects.makeIterator()
        guard var result = iterator.next() else { return nil }
        while let next = iterator.next() { result = result.union(next) }
        return result
    }
}
