/* Ring tests: wrap-around, overflow and underflow, argument checks, and a two-thread stress test that moves
 * millions of samples and compares checksums. */
#include "voicenpc_audio.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static int failures = 0;
#define CHECK(cond) do { if (!(cond)) { fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); failures++; } } while (0)

static vna_ring* make(uint32_t capacity)
{
    vna_ring_config config = vna_ring_config_init(capacity);
    vna_ring* ring = NULL;
    CHECK(vna_ring_create(&config, &ring) == VNA_SUCCESS);
    return ring;
}

static void capacity_is_a_power_of_two(void)
{
    vna_ring* ring = make(100);
    CHECK(vna_ring_capacity(ring) == 128);
    CHECK(vna_ring_writable(ring) == 128);
    CHECK(vna_ring_readable(ring) == 0);
    vna_ring_destroy(ring);
}

static void wraps_around_in_two_spans(void)
{
    vna_ring* ring = make(8);
    int16_t in[8] = {1, 2, 3, 4, 5, 6, 7, 8}, out[8] = {0};
    CHECK(vna_ring_write(ring, in, 6) == 6);
    CHECK(vna_ring_read(ring, out, 6) == 6);
    /* Now the indices sit at 6: a write of 5 must wrap. */
    int16_t* span; uint32_t n;
    CHECK(vna_ring_acquire_write(ring, 5, &span, &n) == VNA_SUCCESS);
    CHECK(n == 2);                                     /* up to the end of the buffer */
    CHECK(vna_ring_write(ring, in, 5) == 5);
    CHECK(vna_ring_read(ring, out, 8) == 5);
    for (int i = 0; i < 5; i++) CHECK(out[i] == in[i]);
    vna_ring_destroy(ring);
}

static void overflow_and_underflow_are_refused(void)
{
    vna_ring* ring = make(4);
    int16_t in[6] = {1, 2, 3, 4, 5, 6}, out[6];
    CHECK(vna_ring_write(ring, in, 6) == 4);           /* full: the rest is refused, nothing overwritten */
    CHECK(vna_ring_writable(ring) == 0);
    CHECK(vna_ring_commit_write(ring, 1) == VNA_INVALID_ARGS);
    CHECK(vna_ring_read(ring, out, 6) == 4);
    CHECK(out[3] == 4);
    CHECK(vna_ring_read(ring, out, 1) == 0);
    CHECK(vna_ring_commit_read(ring, 1) == VNA_INVALID_ARGS);
    CHECK(vna_ring_write(ring, in, 3) == 3);
    CHECK(vna_ring_discard(ring) == 3);
    CHECK(vna_ring_readable(ring) == 0);
    vna_ring_destroy(ring);
}

static void bad_arguments_are_refused(void)
{
    vna_ring* ring = NULL;
    vna_ring_config zero = vna_ring_config_init(0);
    CHECK(vna_ring_create(&zero, &ring) == VNA_INVALID_ARGS);
    CHECK(vna_ring_create(NULL, &ring) == VNA_INVALID_ARGS);
    CHECK(vna_ring_acquire_write(NULL, 1, NULL, NULL) == VNA_INVALID_ARGS);
    CHECK(vna_ring_write(NULL, NULL, 0) == 0);
    vna_ring_destroy(NULL);
}

#define STRESS_SAMPLES 8000000u

static void* producer(void* arg)
{
    vna_ring* ring = arg;
    uint32_t sent = 0;
    int16_t chunk[97];
    while (sent < STRESS_SAMPLES) {
        uint32_t n = 0;
        while (n < 97 && sent + n < STRESS_SAMPLES) { chunk[n] = (int16_t)((sent + n) * 2654435761u >> 16); n++; }
        uint32_t done = 0;
        while (done < n) done += vna_ring_write(ring, chunk + done, n - done);
        sent += n;
    }
    return NULL;
}

static void two_threads_move_millions_of_samples_intact(void)
{
    vna_ring* ring = make(1024);
    pthread_t thread;
    pthread_create(&thread, NULL, producer, ring);
    uint64_t expected = 0, actual = 0;
    uint32_t received = 0, out_of_order = 0;
    int16_t chunk[61];
    while (received < STRESS_SAMPLES) {
        uint32_t n = vna_ring_read(ring, chunk, 61);
        for (uint32_t i = 0; i < n; i++) {
            int16_t want = (int16_t)((received + i) * 2654435761u >> 16);
            if (chunk[i] != want) out_of_order++;
            actual = actual * 31 + (uint16_t)chunk[i];
            expected = expected * 31 + (uint16_t)want;
        }
        received += n;
    }
    pthread_join(thread, NULL);
    CHECK(out_of_order == 0);
    CHECK(actual == expected);
    CHECK(vna_ring_readable(ring) == 0);
    printf("stress: %u samples through a 1024-sample ring, checksum %016llx\n", received, (unsigned long long)actual);
    vna_ring_destroy(ring);
}

int main(void)
{
    capacity_is_a_power_of_two();
    wraps_around_in_two_spans();
    overflow_and_underflow_are_refused();
    bad_arguments_are_refused();
    two_threads_move_millions_of_samples_intact();
    if (failures) { fprintf(stderr, "%d check(s) failed\n", failures); return 1; }
    printf("ring: all checks passed\n");
    return 0;
}
