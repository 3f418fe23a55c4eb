/// A min-heap of events ordered by (time, sequence).
///
/// A 4-ary heap in one contiguous array: shallower than a binary heap, and each sift
/// touches neighbouring memory. Push and pop are O(log n); peeking is O(1).
public struct EventQueue: Sendable {
    private var heap: [Event] = []

    public init(reservingCapacity capacity: Int = 1024) {
        heap.reserveCapacity(capacity)
    }

    public var count: Int { heap.count }
    public var isEmpty: Bool { heap.isEmpty }

    /// The time of the earliest event, or nil when nothing is scheduled.
    public var nextTime: SimTime? { heap.first?.time }

    public mutating func push(_ event: Event) {
        heap.append(event)
        siftUp(from: heap.count - 1)
    }

    /// Removes and returns the earliest event.
    public mutating func pop() -> Event? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(from: 0)
        }
        return first
    }

    public mutating func removeAll() {
        heap.removeAll(keepingCapacity: true)
    }

    private mutating func siftUp(from start: Int) {
        heap.withUnsafeMutableBufferPointer { buffer in
            var child = start
            let moving = buffer[child]
            while child > 0 {
                let parent = (child - 1) >> 2
                guard Event.precedes(moving, buffer[parent]) else { break }
                buffer[child] = buffer[parent]
                child = parent
            }
            buffer[child] = moving
        }
    }

    private mutating func siftDown(from start: Int) {
        heap.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var parent = start
            let moving = buffer[parent]
            while true {
                let first = (parent << 2) + 1
                if first >= count { break }
                var best = first
                let last = min(first + 4, count)
                var child = first + 1
                while child < last {
                    if Event.precedes(buffer[child], buffer[best]) { best = child }
                    child += 1
                }
                guard Event.precedes(buffer[best], moving) else { break }
                buffer[parent] = buffer[best]
                parent = best
            }
            buffer[parent] = moving
        }
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
