/* Lock-free SPSC ring (the JACK / OpenAL Soft design): power-of-two capacity, free-running 32-bit counters, each on
 * its own cache line so producer and consumer never share one; the other side's counter is read with acquire, our
 * own published with release, so the samples are visible before the counter that announces them. */
#include "voicenpc_audio.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define VNA_CACHE_LINE 64

struct vna_ring {
    _Alignas(VNA_CACHE_LINE) _Atomic uint32_t write_index;   /* written by the producer only */
    _Alignas(VNA_CACHE_LINE) _Atomic uint32_t read_index;    /* written by the consumer only */
    _Alignas(VNA_CACHE_LINE) uint32_t capacity;
    uint32_t mask;
    int16_t* samples;
};

vna_ring_config vna_ring_config_init(uint32_t capacity)
{
    vna_ring_config config;
    memset(&config, 0, sizeof config);
    config.capacity = capacity;
    return config;
}

vna_result vna_ring_create(const vna_ring_config* config, vna_ring** out_ring)
{
    if (config == NULL || out_ring == NULL || config->capacity == 0 || config->capacity > (1u << 30)) return VNA_INVALID_ARGS;
    uint32_t capacity = 1;
    while (capacity < config->capacity) capacity <<= 1;
    vna_ring* ring = aligned_alloc(VNA_CACHE_LINE, sizeof *ring);
    if (ring == NULL) return VNA_OUT_OF_MEMORY;
    memset(ring, 0, sizeof *ring);
    ring->samples = calloc(capacity, sizeof(int16_t));
    if (ring->samples == NULL) { free(ring); return VNA_OUT_OF_MEMORY; }
    ring->capacity = capacity;
    ring->mask = capacity - 1;
    atomic_init(&ring->write_index, 0);
    atomic_init(&ring->read_index, 0);
    *out_ring = ring;
    return VNA_SUCCESS;
}

void vna_ring_destroy(vna_ring* ring)
{
    if (ring == NULL) return;
    free(ring->samples);
    free(ring);
}

uint32_t vna_ring_capacity(const vna_ring* ring) { return ring == NULL ? 0 : ring->capacity; }

uint32_t vna_ring_readable(const vna_ring* ring)
{
    if (ring == NULL) return 0;
    uint32_t w = atomic_load_explicit((_Atomic uint32_t*)&ring->write_index, memory_order_acquire);
    uint32_t r = atomic_load_explicit((_Atomic uint32_t*)&ring->read_index, memory_order_relaxed);
    return w - r;
}

uint32_t vna_ring_writable(const vna_ring* ring)
{
    if (ring == NULL) return 0;
    uint32_t r = atomic_load_explicit((_Atomic uint32_t*)&ring->read_index, memory_order_acquire);
    uint32_t w = atomic_load_explicit((_Atomic uint32_t*)&ring->write_index, memory_order_relaxed);
    return ring->capacity - (w - r);
}

static uint32_t contiguous(const vna_ring* ring, uint32_t index, uint32_t available, uint32_t wanted)
{
    uint32_t to_end = ring->capacity - (index & ring->mask);
    uint32_t n = wanted < available ? wanted : available;
    return n < to_end ? n : to_end;
}

vna_result vna_ring_acquire_write(vna_ring* ring, uint32_t wanted, int16_t** out_span, uint32_t* out_count)
{
    if (ring == NULL || out_span == NULL || out_count == NULL) return VNA_INVALID_ARGS;
    uint32_t w = atomic_load_explicit(&ring->write_index, memory_order_relaxed);
    *out_count = contiguous(ring, w, vna_ring_writable(ring), wanted);
    *out_span = ring->samples + (w & ring->mask);
    return VNA_SUCCESS;
}

vna_result vna_ring_commit_write(vna_ring* ring, uint32_t count)
{
    if (ring == NULL || count > vna_ring_writable(ring)) return VNA_INVALID_ARGS;
    uint32_t w = atomic_load_explicit(&ring->write_index, memory_order_relaxed);
    atomic_store_explicit(&ring->write_index, w + count, memory_order_release);
    return VNA_SUCCESS;
}

vna_result vna_ring_acquire_read(vna_ring* ring, uint32_t wanted, const int16_t** out_span, uint32_t* out_count)
{
    if (ring == NULL || out_span == NULL || out_count == NULL) return VNA_INVALID_ARGS;
    uint32_t r = atomic_load_explicit(&ring->read_index, memory_order_relaxed);
    *out_count = contiguous(ring, r, vna_ring_readable(ring), wanted);
    *out_span = ring->samples + (r & ring->mask);
    return VNA_SUCCESS;
}

vna_result vna_ring_commit_read(vna_ring* ring, uint32_t count)
{
    if (ring == NULL || count > vna_ring_readable(ring)) return VNA_INVALID_ARGS;
    uint32_t r = atomic_load_explicit(&ring->read_index, memory_order_relaxed);
    atomic_store_explicit(&ring->read_index, r + count, memory_order_release);
    return VNA_SUCCESS;
}

uint32_t vna_ring_write(vna_ring* ring, const int16_t* samples, uint32_t count)
{
    if (ring == NULL || (samples == NULL && count > 0)) return 0;
    uint32_t done = 0;
    while (done < count) {
        int16_t* span; uint32_t n;
        vna_ring_acquire_write(ring, count - done, &span, &n);
        if (n == 0) break;
        memcpy(span, samples + done, n * sizeof(int16_t));
        vna_ring_commit_write(ring, n);
        done += n;
    }
    return done;
}

uint32_t vna_ring_read(vna_ring* ring, int16_t* samples, uint32_t count)
{
    if (ring == NULL || (samples == NULL && count > 0)) return 0;
    uint32_t done = 0;
    while (done < count) {
        const int16_t* span; uint32_t n;
        vna_ring_acquire_read(ring, count - done, &span, &n);
        if (n == 0) break;
        memcpy(samples + done, span, n * sizeof(int16_t));
        vna_ring_commit_read(ring, n);
        done += n;
    }
    return done;
}

uint32_t vna_ring_discard(vna_ring* ring)
{
    uint32_t n = vna_ring_readable(ring);
    if (n > 0) vna_ring_commit_read(ring, n);
    return n;
}
