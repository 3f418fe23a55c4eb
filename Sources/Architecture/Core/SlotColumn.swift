/// One field of every slot of a table (the request table), in memory the table owns.
///
/// The engine writes request fields many millions of times a second. An `Array` kept in a
/// class asks the runtime on every write whether its buffer is shared, a call that cost
/// about a tenth of each simulated customer. A column is never shared, so it needs no such
/// question; every access is still checked against the capacity. The owner grows the
/// column and frees it: a column is a handle, and copying it does not copy the values.
struct SlotColumn<Value: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Value>
    private(set) var capacity: Int

    init(capacity: Int, filling value: Value) {
        precondition(capacity > 0, "a column holds at least one slot")
        base = UnsafeMutablePointer<Value>.allocate(capacity: capacity)
        base.initialize(repeating: value, count: capacity)
        self.capacity = capacity
    }

    subscript(index: Int) -> Value {
        @inline(__always) get {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: capacity), "slot out of range")
            return base[index]
        }
        @inline(__always) nonmutating set {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: capacity), "slot out of range")
            base[index] = newValue
        }
    }

    /// Copies `count` values from `source` to `target` within the column.
    func copy(from source: Int, to target: Int, count: Int) {
        precondition(source >= 0 && target >= 0 && count >= 0, "a copy within the column")
        precondition(source + count <= capacity && target + count <= capacity, "slot out of range")
        (base + target).update(from: base + source, count: count)
    }

    /// Moves the values to a larger allocation, filling the new slots with `value`.
    mutating func grow(to newCapacity: Int, filling value: Value) {
        precondition(newCapacity > capacity, "a column only grows")
        let grown = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity)
        grown.moveInitialize(from: base, count: capacity)
        (grown + capacity).initialize(repeating: value, count: newCapacity - capacity)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    /// Gives the memory back; the column must not be used after.
    func release() {
        base.deallocate()
    }
}
