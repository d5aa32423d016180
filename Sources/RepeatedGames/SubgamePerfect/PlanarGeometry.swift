import ExactArithmetic

/// Numbers the planar geometry runs on: `Rational` (exact) and `Double` (the fast pass).
public protocol PlaneScalar: Comparable, Hashable, Sendable {
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static var zero: Self { get }
    init(exactly r: Rational)
    /// Two values that count as equal (exact for `Rational`; within ``Tolerance/zero`` for `Double`).
    static func same(_ a: Self, _ b: Self) -> Bool
    /// True when c is not strictly to the left of the line from a to b (exact for `Rational`;
    /// for `Double`, cross products within ``Tolerance/zero`` of the edge lengths' product count
    /// as collinear, so nearly collinear points are pruned).
    static func turnsRightOrStraight(_ cross: Self, ab: (Self, Self), ac: (Self, Self)) -> Bool
}

extension Rational: PlaneScalar {
    public init(exactly r: Rational) { self = r }
    public static func same(_ a: Rational, _ b: Rational) -> Bool { a == b }
    public static func turnsRightOrStraight(_ cross: Rational, ab: (Rational, Rational), ac: (Rational, Rational)) -> Bool { cross <= .zero }
}

extension Double: PlaneScalar {
    public init(exactly r: Rational) { self = r.doubleValue }
    public static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= Tolerance.zero * Swift.max(1, abs(a), abs(b)) }
    public static func turnsRightOrStraight(_ cross: Double, ab: (Double, Double), ac: (Double, Double)) -> Bool {
        cross <= Tolerance.zero * Swift.max(abs(ab.0), abs(ab.1)) * Swift.max(abs(ac.0), abs(ac.1))
    }
}

/// A point of the payoff plane.
public struct PlanePoint<S: PlaneScalar>: Sendable, Hashable {
    public var x: S
    public var y: S
    public init(_ x: S, _ y: S) { self.x = x; self.y = y }
}

/// Planar convex geometry for payoff sets: hulls and half-plane clipping.
public enum PlanarGeometry {
    /// (b − a) × (c − a).
    @inline(__always) public static func cross<S>(_ a: PlanePoint<S>, _ b: PlanePoint<S>, _ c: PlanePoint<S>) -> S {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    @inline(__always) static func notLeft<S>(_ a: PlanePoint<S>, _ b: PlanePoint<S>, _ c: PlanePoint<S>) -> Bool {
        S.turnsRightOrStraight(cross(a, b, c), ab: (b.x - a.x, b.y - a.y), ac: (c.x - a.x, c.y - a.y))
    }

    /// The vertices of the convex hull of `points`, counter-clockwise from the leftmost (lowest of those),
    /// without collinear or repeated points (Andrew 1979, "Another efficient algorithm for convex
    /// hulls in two dimensions", Information Processing Letters 9: the monotone chain). A single
    /// point gives one vertex, collinear points the two ends of their segment.
    /// - Complexity: O(n log n) comparisons and cross products.
    public static func hull<S>(_ points: [PlanePoint<S>]) -> [PlanePoint<S>] {
        let sorted = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y < $1.y }
        var unique: [PlanePoint<S>] = []
        for p in sorted where unique.last.map({ !(S.same($0.x, p.x) && S.same($0.y, p.y)) }) ?? true { unique.append(p) }
        if unique.count <= 2 { return unique }
        var lower: [PlanePoint<S>] = [], upper: [PlanePoint<S>] = []
        for p in unique {
            while lower.count >= 2, notLeft(lower[lower.count - 2], lower[lower.count - 1], p) { lower.removeLast() }
            lower.append(p)
        }
        for p in unique.reversed() {
            while upper.count >= 2, notLeft(upper[upper.count - 2], upper[upper.count - 1], p) { upper.removeLast() }
            upper.append(p)
        }
        lower.removeLast(); upper.removeLast()
        let result = lower + upper
        return result.isEmpty ? [unique[0]] : result
    }

    /// The part of the convex set with vertices `polygon` (counter-clockwise; a point or a segment
    /// allowed) where x ≥ minX and y ≥ minY, as the vertices of its hull (Sutherland & Hodgman
    /// 1974, "Reentrant polygon clipping", CACM 17, one half-plane at a time).
    /// - Complexity: O(vertices).
    public static func clip<S>(_ polygon: [PlanePoint<S>], minX: S, minY: S) -> [PlanePoint<S>] {
        let a = clip(polygon) { $0.x - minX }
        return hull(clip(a) { $0.y - minY })
    }

    /// Keeps the points with f ≥ 0 of a convex polygon (f affine), adding edge crossings.
    static func clip<S>(_ polygon: [PlanePoint<S>], _ f: (PlanePoint<S>) -> S) -> [PlanePoint<S>] {
        if polygon.count == 1 { return f(polygon[0]) >= .zero ? polygon : [] }
        var out: [PlanePoint<S>] = []
        for k in polygon.indices {
            let p = polygon[k], q = polygon[(k + 1) % polygon.count]
            let fp = f(p), fq = f(q)
            if fp >= .zero { out.append(p) }
            if (fp >= .zero) != (fq >= .zero) && fp != fq {
                let t = fp / (fp - fq)
                out.append(PlanePoint(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)))
            }
        }
        return out
    }

    /// True when `p` lies in the convex set with vertices `polygon` (counter-clockwise), exactly
    /// for rationals.
    public static func contains<S>(_ polygon: [PlanePoint<S>], _ p: PlanePoint<S>) -> Bool {
        switch polygon.count {
        case 0: return false
        case 1: return polygon[0] == p
        case 2:
            let (a, b) = (polygon[0], polygon[1])
            return cross(a, b, p) == .zero && min(a.x, b.x) <= p.x && p.x <= max(a.x, b.x) && min(a.y, b.y) <= p.y && p.y <= max(a.y, b.y)
        default:
            for k in polygon.indices where cross(polygon[k], polygon[(k + 1) % polygon.count], p) < .zero { return false }
            return true
        }
    }
}
