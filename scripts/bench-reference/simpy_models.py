"""The benchmark models of `blueprint bench`, written the ordinary SimPy way.

    python simpy_models.py mm4 CUSTOMERS      an M/M/4 queue at utilisation 0.9
    python simpy_models.py hold PENDING HOLDS the hold model

Each model runs three times; the fastest run is printed as one line of name=value pairs,
in the same form as `blueprint bench` and the C event loop, so scripts/bench can compare.
"""

import random
import sys
import time

import simpy

SERVICE_MEAN = 1000.0  # microseconds, as in the Swift and C models


def mm4(customers):
    """Customers arrive in a Poisson stream, queue for one of four servers, and leave."""
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=4)
    rng = random.Random(1)
    arrival_mean = SERVICE_MEAN / (4 * 0.9)
    done = {"count": 0, "response_sum": 0.0}
    finished = env.event()

    def customer():
        arrived = env.now
        with servers.request() as turn:
            yield turn
            yield env.timeout(rng.expovariate(1 / SERVICE_MEAN))
        done["count"] += 1
        done["response_sum"] += env.now - arrived
        if done["count"] == customers and not finished.triggered:
            finished.succeed()

    def arrivals():
        while True:
            yield env.timeout(rng.expovariate(1 / arrival_mean))
            env.process(customer())

    env.process(arrivals())
    env.run(until=finished)
    return done["response_sum"] / done["count"]


def hold(pending, holds):
    """`pending` processes each wait an exponential time, over and over: every step pops
    the earliest timeout and schedules a new one, so the queue keeps its size."""
    env = simpy.Environment()
    rng = random.Random(1)
    done = {"count": 0}
    finished = env.event()

    def holder():
        while True:
            yield env.timeout(rng.expovariate(1 / 1e6))
            done["count"] += 1
            if done["count"] == holds and not finished.triggered:
                finished.succeed()

    for _ in range(pending):
        env.process(holder())
    env.run(until=finished)


def best_of_three(run):
    best = None
    result = None
    for _ in range(3):
        start = time.perf_counter()
        result = run()
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return best, result


def main(arguments):
    if len(arguments) == 2 and arguments[0] == "mm4":
        customers = int(arguments[1])
        seconds, response = best_of_three(lambda: mm4(customers))
        print(
            f"bench=mm4-simpy seconds={seconds:.4f} events={2 * customers} "
            f"customers={customers} events_per_s={2 * customers / seconds:.0f} "
            f"customers_per_s={customers / seconds:.0f} response_ms={response / 1000:.3f}"
        )
        return 0
    if len(arguments) == 3 and arguments[0] == "hold":
        pending, holds = int(arguments[1]), int(arguments[2])
        seconds, _ = best_of_three(lambda: hold(pending, holds))
        print(
            f"bench=hold-simpy seconds={seconds:.4f} events={holds} holds={holds} "
            f"events_per_s={holds / seconds:.0f} holds_per_s={holds / seconds:.0f} "
            f"pending={pending}"
        )
        return 0
    print("usage: simpy_models.py mm4 CUSTOMERS | hold PENDING HOLDS", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
