import SimKernel
import XCTest

@testable import Architecture

/// The request table's columns: what a slot holds survives the columns growing, freed
/// slots come back last-in first-out, the limit holds, and a split request keeps its calls.
final class RequestTableTests: XCTestCase {
    func testSlotsKeepTheirFieldsAndCallsAcrossGrowth() {
        let table = RequestTable(limit: 10_000)
        let count = 5 * RequestTable.initialCapacity + 3
        var slots: [Int32] = []
        for number in 0..<count {
            let slot = table.allocate(
                operation: number % 3 == 0 ? .write : .read, key: Int32(number),
                client: Int32(number % 7), now: SimTime(number))!
            table.node[Int(slot)] = Int32(number % 5)
            table.push(slot, caller: Int32(number % 11), phase: Int32(number % 13))
            slots.append(slot)
        }
        XCTAssertGreaterThanOrEqual(table.capacity, count)
        XCTAssertEqual(table.inFlight, count)
        for (number, slot) in slots.enumerated() {
            let index = Int(slot)
            XCTAssertEqual(table.key[index], Int32(number))
            XCTAssertEqual(table.client[index], Int32(number % 7))
            XCTAssertEqual(table.startTime[index], SimTime(number))
            XCTAssertEqual(table.operation[index], number % 3 == 0 ? .write : .read)
            let frame = table.pop(slot)
            XCTAssertEqual(frame?.caller, Int32(number % 11))
            XCTAssertEqual(frame?.phase, Int32(number % 13))
            XCTAssertEqual(table.node[index], Int32(number % 5), "the caller's node comes back")
            XCTAssertNil(table.pop(slot), "no call left open")
        }
    }

    func testFreedSlotsComeBackLastInFirstOutAndTheLimitHolds() {
        let table = RequestTable(limit: 3)
        let slots = (0..<3).map { _ in
            table.allocate(operation: .read, key: 0, client: 0, now: 0)!
        }
        XCTAssertNil(table.allocate(operation: .read, key: 0, client: 0, now: 0), "full")
        table.release(slots[0])
        table.release(slots[2])
        XCTAssertEqual(table.allocate(operation: .read, key: 0, client: 0, now: 0), slots[2])
        XCTAssertEqual(table.allocate(operation: .read, key: 0, client: 0, now: 0), slots[0])
        XCTAssertNil(table.allocate(operation: .read, key: 0, client: 0, now: 0), "full again")
        XCTAssertEqual(table.inFlight, 3)
    }

    func testASplitRequestKeepsItsPlaceInTheCalls() {
        let table = RequestTable(limit: 100)
        let sampled = table.allocate(operation: .read, key: 1, client: 2, now: 50, weight: 3)!
        table.push(sampled, caller: 4, phase: 1)
        table.node[Int(sampled)] = 2
        table.push(sampled, caller: 5, phase: 2)
        let single = table.splitSingle(from: sampled, operation: .write, key: 9, client: 8)!
        XCTAssertEqual(table.weight(sampled), 2)
        XCTAssertEqual(table.weight(single), 1)
        XCTAssertEqual(table.key[Int(single)], 9)
        XCTAssertEqual(table.startTime[Int(single)], 50)
        XCTAssertEqual(table.callDepth(single), 2)
        XCTAssertEqual(table.pop(single)?.caller, 5)
        XCTAssertEqual(table.node[Int(single)], 2)
        XCTAssertEqual(table.pop(single)?.caller, 4)
        XCTAssertEqual(table.callDepth(sampled), 2, "the sampled request keeps its own calls")
    }
}
