/// A min-heap of events ordered by (time, sequence).
///
/// A 4-ary heap in one contiguous allocation: shallower than a binary heap, and each sift
/// touches neighbouring memory. Push and pop are O(log n); peeking is O(1). The operations
/// are `@inlinable` so the loops that drive the kernel compile them in place.
///
/// The queue is noncopyable and owns its memory outright, so no push or pop asks whether
/// the storage is shared, as an `Array` kept in a class must on every write. That
/// question, a runtime call, cost more than a third of a pop. The capacity doubles when
/// full; the kernel bounds the count (`Kernel.pendingLimit`).
public struct EventQueue: ~Copyable, @unchecked Sendable {
    @usableFromInline var storage: UnsafeMutablePointer<Event>
    @usableFromInline var capacity: Int
    @usableFromInline var pending = 0

    public init(reservingCapacity capacity: Int = 1024) {
        self.capacity = max(16, capacity)
        storage = UnsafeMutablePointer<Event>.allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    @inlinable
    public var count: Int { pending }
    @inlinable
    public var isEmpty: Bool { pending == 0 }

    /// The time of the earliest event, or nil when nothing is scheduled.
    @inlinable
    public var nextTime: SimTime? { pending > 0 ? storage[0].time : nil }

    @inlinable @inline(__always)
    public mutating func push(_ event: Event) {
        if pending == capacity { grow() }
        (storage + pending).initialize(to: event)
        pending &+= 1
        siftUp(event, from: pending &- 1)
    }

    /// Removes and returns the earliest event.
    @inlinable
    public mutating func pop() -> Event? {
        popEarliest(notAfter: .max)
    }

    /// Removes and returns the earliest event if it happens at or before `limit`.
    @inlinable @inline(__always)
    public mutating func popEarliest(notAfter limit: SimTime) -> Event? {
        guard pending > 0 else { return nil }
        let first = storage[0]
        guard first.time <= limit else { return nil }
        pending &-= 1
        if pending > 0 {
            EventQueue.siftDown(
                storage[pending], from: 0,
                in: UnsafeMutableBufferPointer(start: storage, count: pending))
        }
        return first
    }

    public mutating func removeAll() {
        pending = 0
    }

    /// Doubles the storage, moving the pending events.
    @usableFromInline
    mutating func grow() {
        let grown = UnsafeMutablePointer<Event>.allocate(capacity: 2 * capacity)
        grown.moveInitialize(from: storage, count: pending)
        storage.deallocate()
        storage = grown
        capacity *= 2
    }

    /// Moves `moving`, just placed at `start`, up to its place.
    @inlinable @inline(__always)
    func siftUp(_ moving: Event, from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child &- 1) &>> 2
            guard Event.precedes(moving, storage[parent]) else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = moving
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
            for index in 1..<max(1, pending)
            where Event.precedes(storage[index], storage[(index - 1) >> 2]) {
                return false
            }
            return true
        }
    #endif
}
