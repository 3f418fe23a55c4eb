import SimKernel
import XCTest

@testable import Architecture

/// The cache's O(log n) store against a plain, obviously right model of each policy.
final class KeyStoreTests: XCTestCase {
    private struct Reference {
        var entries: [(key: Int32, lastUse: Int, inserted: Int, uses: Int)] = []
        var clock = 0
        let capacity: Int
        let policy: EvictionPolicy

        mutating func access(_ key: Int32) -> Bool {
            clock += 1
            if let position = entries.firstIndex(where: { $0.key == key }) {
                entries[position].lastUse = clock
                entries[position].uses += 1
                return true
            }
            if entries.count == capacity {
                let victim: Int
                switch policy {
                case .lru:
                    victim = entries.indices.min { entries[$0].lastUse < entries[$1].lastUse }!
                case .mru:
                    victim = entries.indices.max { entries[$0].lastUse < entries[$1].lastUse }!
                case .fifo:
                    victim = entries.indices.min { entries[$0].inserted < entries[$1].inserted }!
                case .lfu:
                    victim = entries.indices.min {
                        (entries[$0].uses, entries[$0].lastUse) < (
                            entries[$1].uses, entries[$1].lastUse
                        )
                    }!
                case .random: fatalError("random has no reference order")
                }
                entries.remove(at: victim)
            }
            clock += 1
            entries.append((key, clock, clock, 1))
            return false
        }
    }

    func testEveryOrderedPolicyMatchesTheReference() {
        for policy in [EvictionPolicy.lru, .mru, .fifo, .lfu] {
            var store = KeyStore(capacity: 16, policy: policy)
            var index = KeyIndex(keyCount: 64)
            var reference = Reference(capacity: 16, policy: policy)
            var random = RandomStream(seed: 4, stream: "keys")
            var unused = RandomStream(seed: 4, stream: "evict")
            for step in 0..<5_000 {
                let key = Int32(random.nextInt(below: 64))
                let hit = store.lookup(key, now: 0, index: &index)
                if !hit {
                    store.insert(key, now: 0, ttl: 1_000, index: &index, random: &unused)
                }
                let expected = reference.access(key)
                XCTAssertEqual(hit, expected, "\(policy) step \(step)")
                if hit != expected { break }
            }
            XCTAssertEqual(store.count, 16)
        }
    }

    func testExpiredEntriesMissAndRemovalKeepsIndexConsistent() {
        var store = KeyStore(capacity: 4, policy: .lru)
        var index = KeyIndex(keyCount: 10)
        var random = RandomStream(seed: 1, stream: "r")
        store.insert(1, now: 0, ttl: 100, index: &index, random: &random)
        store.insert(2, now: 0, ttl: 1_000, index: &index, random: &random)
        XCTAssertFalse(store.lookup(1, now: 100, index: &index))
        XCTAssertTrue(store.lookup(2, now: 100, index: &index))
        XCTAssertTrue(store.remove(2, index: &index))
        XCTAssertEqual(store.count, 0)
        XCTAssertEqual(index.slot(of: 2), -1)
    }

    func testSwitchingPolicyKeepsEntries() {
        var store = KeyStore(capacity: 8, policy: .lru)
        var index = KeyIndex(keyCount: 8)
        var random = RandomStream(seed: 1, stream: "r")
        for key in 0..<8 {
            store.insert(Int32(key), now: 0, ttl: 10, index: &index, random: &random)
        }
        store.switchPolicy(to: .lfu)
        for key in 0..<8 { XCTAssertTrue(store.lookup(Int32(key), now: 0, index: &index)) }
    }
}
