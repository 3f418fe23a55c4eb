/// A fixed-capacity ring: appending past capacity drops the oldest element.
///
/// Histories and tails use it so that memory does not grow with the length of a session.
public struct RingBuffer<Element: Sendable>: Sendable {
    public let capacity: Int
    @usableFromInline var storage: [Element] = []
    @usableFromInline var start = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "a ring needs room for at least one element")
        self.capacity = capacity
        storage.reserveCapacity(capacity)
    }

    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Inlinable so that it is specialised for its element in the engine, which appends to
    /// an access log on every request.
    @inlinable
    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[start] = element
            start = (start + 1) % capacity
        }
    }

    /// The elements from oldest to newest.
    public var elements: [Element] {
        Array(storage[start...] + storage[..<start])
    }

    public var last: Element? {
        guard !storage.isEmpty else { return nil }
        return storage[(start + storage.count - 1) % storage.count]
    }

    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        start = 0
    }
}

extension RingBuffer: Equatable where Element: Equatable {}
