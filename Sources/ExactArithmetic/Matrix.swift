/// A dense row-major matrix of any element type (payoff tables, tableaux).
///
/// Storage is one flat array, so a row is contiguous.
public struct Matrix<Element>: Sendable where Element: Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Entries in row-major order: entry (i, j) is at `i * columns + j`.
    public var storage: [Element]

    /// A matrix from rows, which must all have the same length.
    /// - Precondition: the rows are rectangular.
    public init(_ rowArrays: [[Element]]) {
        let width = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == width }, "ragged matrix")
        rows = rowArrays.count
        columns = width
        storage = rowArrays.flatMap { $0 }
    }

    /// A `rows` x `columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Element) {
        self.rows = rows
        self.columns = columns
        storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from a row-major flat array of `rows * columns` entries.
    public init(rows: Int, columns: Int, storage: [Element]) {
        precondition(storage.count == rows * columns, "storage size does not match dimensions")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    @inlinable public subscript(row: Int, column: Int) -> Element {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Element] { Array(storage[i * columns ..< (i + 1) * columns]) }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Element] { (0..<rows).map { self[$0, j] } }

    /// The rows as nested arrays.
    public var rowArrays: [[Element]] { (0..<rows).map(row) }

    /// The transpose.
    public var transposed: Matrix {
        var t = [Element]()
        t.reserveCapacity(storage.count)
        for j in 0..<columns { for i in 0..<rows { t.append(self[i, j]) } }
        return Matrix(rows: columns, columns: rows, storage: t)
    }

    /// Applies `transform` to every entry.
    public func map<T>(_ transform: (Element) throws -> T) rethrows -> Matrix<T> {
        Matrix<T>(rows: rows, columns: columns, storage: try storage.map(transform))
    }
}

extension Matrix: Equatable where Element: Equatable {}
extension Matrix: Hashable where Element: Hashable {}
