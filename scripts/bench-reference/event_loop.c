/*
 * The reference the benchmarks compare the Swift kernel with: a plain event loop over a
 * binary min-heap of value events, ordered by (time, sequence), with the same random
 * generator (xoshiro256** seeded through SplitMix64), the same exponential draws rounded
 * to whole microseconds, and the same two models as `blueprint bench`.
 *
 *   event_loop mm4 CUSTOMERS      an M/M/4 queue at utilisation 0.9
 *   event_loop hold PENDING HOLDS the hold model
 *
 * Each model runs three times; the fastest run is reported as one line of name=value pairs.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    int64_t time;
    uint64_t sequence;
    int32_t target, kind, subject, argument;
} event_t;

typedef struct {
    event_t *items;
    size_t count, capacity;
    uint64_t next_sequence;
    int64_t now;
} loop_t;

static int precedes(const event_t *a, const event_t *b) {
    return a->time < b->time || (a->time == b->time && a->sequence < b->sequence);
}

static void loop_init(loop_t *loop, size_t capacity) {
    loop->items = malloc(capacity * sizeof(event_t));
    if (!loop->items) { perror("malloc"); exit(1); }
    loop->count = 0;
    loop->capacity = capacity;
    loop->next_sequence = 0;
    loop->now = 0;
}

static void schedule(loop_t *loop, int64_t delay, int32_t kind) {
    if (loop->count == loop->capacity) { fprintf(stderr, "heap full\n"); exit(1); }
    event_t moving = { loop->now + (delay > 0 ? delay : 0), loop->next_sequence++, 0, kind, 0, 0 };
    size_t child = loop->count++;
    while (child > 0) {
        size_t parent = (child - 1) / 2;
        if (!precedes(&moving, &loop->items[parent])) break;
        loop->items[child] = loop->items[parent];
        child = parent;
    }
    loop->items[child] = moving;
}

static int pop(loop_t *loop, event_t *out) {
    if (loop->count == 0) return 0;
    *out = loop->items[0];
    loop->now = out->time;
    event_t moving = loop->items[--loop->count];
    size_t count = loop->count, parent = 0;
    for (;;) {
        size_t child = 2 * parent + 1;
        if (child >= count) break;
        if (child + 1 < count && precedes(&loop->items[child + 1], &loop->items[child])) child++;
        if (!precedes(&loop->items[child], &moving)) break;
        loop->items[parent] = loop->items[child];
        parent = child;
    }
    if (count > 0) loop->items[parent] = moving;
    return 1;
}

typedef struct { uint64_t s[4]; } rng_t;

static uint64_t splitmix(uint64_t *state) {
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void rng_seed(rng_t *rng, uint64_t seed) {
    for (int i = 0; i < 4; i++) rng->s[i] = splitmix(&seed);
}

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t rng_next(rng_t *rng) {
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static inline int64_t draw(rng_t *rng, double mean) {
    double unit = (double)(rng_next(rng) >> 11) * 0x1.0p-53;
    return (int64_t)llround(-mean * log1p(-unit));
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* An M/M/4 queue at 0.9: customers are a count; Little's law gives the response time. */
static void mm4(long customers, long *events_out, double *response_out) {
    const int servers = 4;
    const double service = 1000.0, arrival = service / (servers * 0.9);
    loop_t loop;
    loop_init(&loop, 1 << 20);
    rng_t rng;
    rng_seed(&rng, 1);
    long busy = 0, waiting = 0, departed = 0, events = 0;
    double area = 0;
    int64_t last = 0;
    event_t event;
    schedule(&loop, draw(&rng, arrival), 0);
    while (departed < customers && pop(&loop, &event)) {
        events++;
        area += (double)(busy + waiting) * (double)(event.time - last);
        last = event.time;
        if (event.kind == 0) {
            schedule(&loop, draw(&rng, arrival), 0);
            if (busy < servers) { busy++; schedule(&loop, draw(&rng, service), 1); }
            else waiting++;
        } else {
            departed++;
            if (waiting > 0) { waiting--; schedule(&loop, draw(&rng, service), 1); }
            else busy--;
        }
    }
    *events_out = events;
    *response_out = area / (double)loop.now * arrival / 1000.0;
    free(loop.items);
}

static void hold(long pending, long holds) {
    loop_t loop;
    loop_init(&loop, (size_t)pending + 1);
    rng_t rng;
    rng_seed(&rng, 1);
    for (long i = 0; i < pending; i++) schedule(&loop, draw(&rng, 1e6), 0);
    event_t event;
    for (long done = 0; done < holds && pop(&loop, &event); done++) {
        schedule(&loop, draw(&rng, 1e6), 0);
    }
    if ((long)loop.count != pending) { fprintf(stderr, "hold lost events\n"); exit(1); }
    free(loop.items);
}

int main(int argc, char **argv) {
    if (argc >= 3 && strcmp(argv[1], "mm4") == 0) {
        long customers = atol(argv[2]), events = 0;
        double best = 1e30, response = 0;
        for (int run = 0; run < 3; run++) {
            double start = now_seconds();
            mm4(customers, &events, &response);
            double seconds = now_seconds() - start;
            if (seconds < best) best = seconds;
        }
        printf("bench=mm4-c seconds=%.4f events=%ld customers=%ld events_per_s=%.0f "
               "customers_per_s=%.0f response_ms=%.3f\n",
               best, events, customers, events / best, customers / best, response);
        return 0;
    }
    if (argc >= 4 && strcmp(argv[1], "hold") == 0) {
        long pending = atol(argv[2]), holds = atol(argv[3]);
        double best = 1e30;
        for (int run = 0; run < 3; run++) {
            double start = now_seconds();
            hold(pending, holds);
            double seconds = now_seconds() - start;
            if (seconds < best) best = seconds;
        }
        printf("bench=hold-c seconds=%.4f events=%ld holds=%ld events_per_s=%.0f "
               "holds_per_s=%.0f pending=%ld\n",
               best, holds, holds, holds / best, holds / best, pending);
        return 0;
    }
    fprintf(stderr, "usage: event_loop mm4 CUSTOMERS | event_loop hold PENDING HOLDS\n");
    return 2;
}
