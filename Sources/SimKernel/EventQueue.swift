/// A min-heap of events ordered by (time, sequence).
///
/// A 4-ary heap in one contiguous array: shallower than a binary heap, and each sift
/// touches neighbouring memory. Push and pop are O(log n); peeking is O(1). The operations
/// are `@inlinable` so the loops that drive the kernel compile them in place.
public struct EventQueue: Sendable {
    @usableFromInline var heap: [Event] = []

    public init(reservingCapacity capacity: Int = 1024) {
        heap.reserveCapacity(capacity)
    }

    @inlinable
    public var count: Int { heap.count }
    @inlinable
    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the earliest event, or nil when nothing is scheduled.
    @inlinable
    public var nextTime: SimTime? { heap.first?.time }

    @inlinable @inline(__always)
    public mutating func push(_ event: Event) {
        heap.append(event)
        siftUp(from: heap.count &- 1)
    }

    /// Removes and returns the earliest event.
    @inlinable
    public mutating func pop() -> Event? {
        popEarliest(notAfter: .max)
    }

    /// Removes and returns the earliest event if it happens at or before `limit`.
    @inlinable @inline(__always)
    public mutating func popEarliest(notAfter limit: SimTime) -> Event? {
        guard let first = heap.first, first.time <= limit else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap.withUnsafeMutableBufferPointer { EventQueue.siftDown(last, from: 0, in: $0) }
        }
        return first
    }

    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
    }

    @inlinable @inline(__always)
    mutating func siftUp(from start: Int) {
        heap.withUnsafeMutableBufferPointer { buffer in
            var child = start
            let moving = buffer[child]
            while child > 0 {
                let parent = (child &- 1) &>> 2
                guard Event.precedes(moving, buffer[parent]) else { break }
                buffer[child] = buffer[parent]
                child = parent
            }
            buffer[child] = moving
        }
    }

    /// Puts `moving` at `start` and moves it down to its place. A parent with four children
    /// (the common case) picks the earliest by a tournament of three comparisons that the
    /// compiler turns into conditional moves: the heap's comparisons are coin flips a branch
    /// predictor cannot learn, and a mispredicted branch costs more than a comparison.
    @inlinable @inline(__always)
    static func siftDown(
        _ moving: Event, from start: Int, in buffer: UnsafeMutableBufferPointer<Event>
    ) {
        let count = buffer.count
        var parent = start
        while true {
            let first = (parent &<< 2) &+ 1
            if first >= count { break }
            var best = first
            if first &+ 3 < count {
                let left = Event.precedes(buffer[first &+ 1], buffer[first]) ? first &+ 1 : first
                let right =
                    Event.precedes(buffer[first &+ 3], buffer[first &+ 2]) ? first &+ 3 : first &+ 2
                best = Event.precedes(buffer[right], buffer[left]) ? right : left
            } else {
                var child = first &+ 1
                while child < count {
                    if Event.precedes(buffer[child], buffer[best]) { best = child }
                    child &+= 1
                }
            }
            guard Event.precedes(buffer[best], moving) else { break }
            buffer[parent] = buffer[best]
            parent = best
        }
        buffer[parent] = moving
    }

    #if DEBUG
        /// Walks the whole heap and checks that every parent precedes its children.
        public func checkInvariants() -> Bool {
            for index in 1..<max(1, heap.count)
            where Event.precedes(heap[index], heap[(index - 1) >> 2]) {
                return false
            }
            return true
        }
    #endif
}
