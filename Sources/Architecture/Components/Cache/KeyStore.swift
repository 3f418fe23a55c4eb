import SimKernel

/// The eviction policies a cache node can switch between while running.
enum EvictionPolicy: String, CaseIterable {
    case lru, lfu, fifo, mru, random
}

/// One cache node's entries: at most `capacity` keys, each with an expiry, evicted by the
/// policy in force.
///
/// Entries sit in dense slots `0..<count`; an indexed min-heap orders the slots by the
/// policy's priority, so finding a victim, touching an entry and removing one are all
/// O(log capacity), and switching policy rebuilds the heap in O(capacity).
struct KeyStore {
    let capacity: Int
    private(set) var count = 0
    private(set) var policy: EvictionPolicy
    private var keys: [Int32]
    private var expiresAt: [SimTime]
    private var lastAccess: [Int64]
    private var inserted: [Int64]
    private var frequency: [Int32]
    private var heap: [Int32]
    private var heapPosition: [Int32]
    private var clock: Int64 = 0
    private(set) var evictions = 0

    init(capacity: Int, policy: EvictionPolicy) {
        precondition(capacity > 0, "a cache node holds at least one key")
        self.capacity = capacity
        self.policy = policy
        keys = [Int32](repeating: -1, count: capacity)
        expiresAt = [SimTime](repeating: 0, count: capacity)
        lastAccess = [Int64](repeating: 0, count: capacity)
        inserted = [Int64](repeating: 0, count: capacity)
        frequency = [Int32](repeating: 0, count: capacity)
        heap = [Int32](repeating: 0, count: capacity)
        heapPosition = [Int32](repeating: 0, count: capacity)
    }

    /// Returns true on a live hit and touches the entry; an expired entry is dropped.
    mutating func lookup(_ key: Int32, now: SimTime, index: inout KeyIndex) -> Bool {
        let slot = index.slot(of: key)
        guard slot >= 0 else { return false }
        if expiresAt[Int(slot)] <= now {
            remove(slot: Int(slot), index: &index)
            return false
        }
        touch(Int(slot))
        return true
    }

    /// Stores a key, evicting a victim when full. Returns the evicted key, if any.
    @discardableResult
    mutating func insert(
        _ key: Int32, now: SimTime, ttl: SimTime, index: inout KeyIndex,
        random: inout RandomStream
    ) -> Int32? {
        let existing = index.slot(of: key)
        if existing >= 0 {
            expiresAt[Int(existing)] = now + ttl
            touch(Int(existing))
            return nil
        }
        var evicted: Int32?
        if count == capacity {
            let victim = chooseVictim(random: &random)
            evicted = keys[victim]
            remove(slot: victim, index: &index)
            evictions += 1
        }
        let slot = count
        count += 1
        clock += 1
        keys[slot] = key
        expiresAt[slot] = now + ttl
        lastAccess[slot] = clock
        inserted[slot] = clock
        frequency[slot] = 1
        index.set(key, slot: Int32(slot))
        heap[slot] = Int32(slot)
        heapPosition[slot] = Int32(slot)
        siftUp(slot)
        return evicted
    }

    /// Drops a key if present (a write elsewhere made it stale).
    mutating func remove(_ key: Int32, index: inout KeyIndex) -> Bool {
        let slot = index.slot(of: key)
        guard slot >= 0 else { return false }
        remove(slot: Int(slot), index: &index)
        return true
    }

    /// Empties the node (it died and lost its memory).
    mutating func removeAll(index: inout KeyIndex) {
        for slot in 0..<count { index.set(keys[slot], slot: -1) }
        count = 0
    }

    /// Every key held, in slot order (used when keys move between nodes).
    var storedKeys: ArraySlice<Int32> { keys[0..<count] }

    mutating func switchPolicy(to newPolicy: EvictionPolicy) {
        policy = newPolicy
        for position in 0..<count {
            heap[position] = Int32(position)
            heapPosition[position] = Int32(position)
        }
        var position = count / 2
        while position > 0 {
            position -= 1
            siftDown(position)
        }
    }

    private func chooseVictim(random: inout RandomStream) -> Int {
        policy == .random ? random.nextInt(below: count) : Int(heap[0])
    }

    private mutating func touch(_ slot: Int) {
        clock += 1
        lastAccess[slot] = clock
        if frequency[slot] < Int32.max { frequency[slot] += 1 }
        guard policy != .fifo && policy != .random else { return }
        let position = Int(heapPosition[slot])
        siftDown(position)
        siftUp(Int(heapPosition[slot]))
    }

    private mutating func remove(slot: Int, index: inout KeyIndex) {
        index.set(keys[slot], slot: -1)
        let last = count - 1
        let position = Int(heapPosition[slot])
        moveHeapEntry(from: last, to: position)
        count -= 1
        if position < count {
            let moved = heap[position]
            siftDown(position)
            siftUp(Int(heapPosition[Int(moved)]))
        }
        if slot != last { moveSlot(from: last, to: slot, index: &index) }
    }

    /// Puts the heap's last entry at `position` (the entry there is being removed).
    private mutating func moveHeapEntry(from last: Int, to position: Int) {
        let moving = heap[last]
        heap[position] = moving
        heapPosition[Int(moving)] = Int32(position)
    }

    /// Moves the entry in slot `from` to the free slot `to`, keeping slots dense.
    private mutating func moveSlot(from source: Int, to target: Int, index: inout KeyIndex) {
        keys[target] = keys[source]
        expiresAt[target] = expiresAt[source]
        lastAccess[target] = lastAccess[source]
        inserted[target] = inserted[source]
        frequency[target] = frequency[source]
        let position = heapPosition[source]
        heapPosition[target] = position
        heap[Int(position)] = Int32(target)
        index.set(keys[target], slot: Int32(target))
    }

    @inline(__always)
    private func priority(_ slot: Int32) -> Int64 {
        let position = Int(slot)
        switch policy {
        case .lru: return lastAccess[position]
        case .mru: return -lastAccess[position]
        case .fifo, .random: return inserted[position]
        case .lfu: return Int64(min(frequency[position], 1 << 21)) << 41 | lastAccess[position]
        }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard priority(heap[child]) < priority(heap[parent]) else { return }
            swapHeap(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            let right = left + 1
            var best = left
            if right < count && priority(heap[right]) < priority(heap[left]) { best = right }
            guard priority(heap[best]) < priority(heap[parent]) else { return }
            swapHeap(parent, best)
            parent = best
        }
    }

    private mutating func swapHeap(_ first: Int, _ second: Int) {
        heap.swapAt(first, second)
        heapPosition[Int(heap[first])] = Int32(first)
        heapPosition[Int(heap[second])] = Int32(second)
    }
}

/// Where each key is stored: one slot number per key of the key space, shared by a cache's
/// nodes (a key lives on one node at a time).
struct KeyIndex {
    private var slots: [Int32]

    init(keyCount: Int) {
        slots = [Int32](repeating: -1, count: keyCount)
    }

    @inline(__always)
    func slot(of key: Int32) -> Int32 { slots[Int(key)] }

    @inline(__always)
    mutating func set(_ key: Int32, slot: Int32) { slots[Int(key)] = slot }
}
