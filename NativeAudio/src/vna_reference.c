/* The host's echo reference in capture-only mode: see vna_reference.h. The ring holds host-rate mono 16-bit samples
 * (the host's block is downmixed and converted as it is written, so the ring stays the engine's own SPSC ring and the
 * host needs no scratch buffer); the audio thread is its only consumer. */
#include "vna_reference.h"

#include <speex/speex_resampler.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define VNA_REFERENCE_CHUNK 1024   /* host-rate samples the audio thread resamples at a time */

struct vna_reference {
    vna_reference_config config;
    vna_ring* ring;
    SpeexResamplerState* resampler;   /* NULL when the host already runs at the pipeline rate */
    int16_t* resampled;
    uint32_t resampled_capacity;
    uint32_t window_min, window_captured;
    uint32_t settled;                 /* the level the reference settled at (lowest of a window); UINT32_MAX: not yet */
    uint64_t window_underruns;        /* the DSP's reference underruns when the window began */
    int flowing;                      /* reference has reached the DSP since opening (the delay is in front of it) */
    uint64_t underruns_at_add;        /* the DSP's reference underruns when reference was last added */
    int16_t silence[160];
    _Atomic int open;
    _Atomic uint64_t frames, overruns, dropped;
    _Atomic uint32_t level;
};

vna_result vna_reference_create(const vna_reference_config* c, vna_reference** out)
{
    if (c == NULL || out == NULL || c->host_rate < 8000 || c->host_rate > 192000 || c->pipeline_rate == 0 || c->max_backlog_ms == 0)
        return VNA_INVALID_ARGS;
    vna_reference* r = calloc(1, sizeof *r);
    if (r == NULL) return VNA_OUT_OF_MEMORY;
    r->config = *c;
    /* One second: far more than the bound lets wait, so a full ring means the audio thread stopped consuming. */
    vna_ring_config rc = vna_ring_config_init(c->host_rate);
    r->resampled_capacity = (uint32_t)((uint64_t)VNA_REFERENCE_CHUNK * c->pipeline_rate / c->host_rate) + 16;
    r->resampled = calloc(r->resampled_capacity, sizeof(int16_t));
    int ok = r->resampled != NULL && vna_ring_create(&rc, &r->ring) == VNA_SUCCESS;
    if (ok && c->host_rate != c->pipeline_rate) {
        int error = 0;
        r->resampler = speex_resampler_init(1, c->host_rate, c->pipeline_rate, c->resampler_quality, &error);
        ok = r->resampler != NULL;
    }
    if (!ok) { vna_reference_destroy(r); return VNA_OUT_OF_MEMORY; }
    r->window_min = UINT32_MAX;
    *out = r;
    return VNA_SUCCESS;
}

void vna_reference_destroy(vna_reference* r)
{
    if (r == NULL) return;
    if (r->resampler) speex_resampler_destroy(r->resampler);
    vna_ring_destroy(r->ring);
    free(r->resampled);
    free(r);
}

static int16_t to_sample(float mean)
{
    float s = mean * 32767.0f;
    if (!(s > -32768.0f)) return s != s ? 0 : -32768;   /* NaN is silence */
    return s > 32767.0f ? 32767 : (int16_t)s;
}

uint32_t vna_reference_write(vna_reference* r, const float* interleaved, uint32_t frames, uint32_t channels)
{
    if (r == NULL || interleaved == NULL || channels == 0 || !atomic_load_explicit(&r->open, memory_order_acquire)) return 0;
    uint32_t done = 0;
    float scale = 1.0f / (float)channels;
    while (done < frames) {
        int16_t* span;
        uint32_t n;
        vna_ring_acquire_write(r->ring, frames - done, &span, &n);
        if (n == 0) break;
        const float* block = interleaved + (size_t)done * channels;
        for (uint32_t i = 0; i < n; i++) {
            float sum = 0;
            for (uint32_t k = 0; k < channels; k++) sum += block[(size_t)i * channels + k];
            span[i] = to_sample(sum * scale);
        }
        vna_ring_commit_write(r->ring, n);
        done += n;
    }
    atomic_fetch_add_explicit(&r->frames, done, memory_order_relaxed);
    if (done < frames) atomic_fetch_add_explicit(&r->overruns, frames - done, memory_order_relaxed);
    return done;
}

void vna_reference_open(vna_reference* r, vna_dsp* dsp)
{
    /* The audio thread is the consumer: it may discard. A block written between the discard and the flag is dropped. */
    vna_ring_discard(r->ring);
    vna_dsp_drop_reference(dsp, vna_dsp_reference_level(dsp));
    if (r->resampler) { speex_resampler_reset_mem(r->resampler); speex_resampler_skip_zeros(r->resampler); }
    r->window_min = r->settled = UINT32_MAX;
    r->window_captured = 0;
    r->window_underruns = vna_dsp_reference_underruns(dsp);
    r->flowing = 0;
    atomic_store_explicit(&r->level, 0, memory_order_relaxed);
    atomic_store_explicit(&r->open, 1, memory_order_release);
}

void vna_reference_close(vna_reference* r) { atomic_store_explicit(&r->open, 0, memory_order_release); }

void vna_reference_pump(vna_reference* r, vna_dsp* dsp, int capture_flowing)
{
    for (;;) {
        const int16_t* span;
        uint32_t n;
        vna_ring_acquire_read(r->ring, VNA_REFERENCE_CHUNK, &span, &n);
        if (n == 0) return;
        if (capture_flowing) {
            /* A host that stopped writing for longer than a late block (a paused game, a stopped source) let the
             * reference run dry: what it writes now would meet the capture at once, so the delay goes in front again. */
            uint64_t dry = vna_dsp_reference_underruns(dsp) - r->underruns_at_add;
            if (r->flowing && vna_dsp_reference_level(dsp) == 0 && dry >= r->config.pipeline_rate / 10) r->flowing = 0;
            /* The delay: every reference sample then meets the capture delay_ms later, nearer its echo. */
            for (uint32_t ahead = r->flowing ? 0 : r->config.pipeline_rate / 1000 * r->config.delay_ms; ahead > 0;) {
                uint32_t step = ahead < 160 ? ahead : 160;
                vna_dsp_add_reference(dsp, r->silence, step);
                ahead -= step;
            }
            r->flowing = 1;
            uint32_t count = n;
            const int16_t* samples = span;
            if (r->resampler) {
                spx_uint32_t in_length = n, out_length = r->resampled_capacity;
                speex_resampler_process_int(r->resampler, 0, span, &in_length, r->resampled, &out_length);
                samples = r->resampled;
                count = out_length;
            }
            uint32_t taken = vna_dsp_add_reference(dsp, samples, count);
            r->underruns_at_add = vna_dsp_reference_underruns(dsp);
            if (taken < count) atomic_fetch_add_explicit(&r->dropped, count - taken, memory_order_relaxed);
        }
        vna_ring_commit_read(r->ring, n);
    }
}

void vna_reference_after_capture(vna_reference* r, vna_dsp* dsp, uint32_t captured)
{
    uint64_t waiting_host = vna_ring_readable(r->ring);
    uint32_t level = vna_dsp_reference_level(dsp) + (uint32_t)(waiting_host * r->config.pipeline_rate / r->config.host_rate);
    atomic_store_explicit(&r->level, level, memory_order_relaxed);
    if (captured == 0) return;
    if (level < r->window_min) r->window_min = level;
    r->window_captured += captured;
    if (r->window_captured < r->config.pipeline_rate / 2) return;
    /* The lowest level of a half second is what the reference waits at least. Where it settles (the lowest of the
     * windows in which it never ran dry) is the host's lead, as a mixer queues a few blocks ahead of its speakers.
     * Growth beyond that is either the host's clock running ahead of the microphone's or a late host catching up
     * after capture had to take silence for its blocks (the reference would now lag its echo by that much): it is
     * dropped, which puts every reference sample back beside the capture it belongs to. */
    uint32_t bound = r->config.pipeline_rate / 1000 * r->config.max_backlog_ms;
    uint64_t underruns = vna_dsp_reference_underruns(dsp);
    if (underruns == r->window_underruns && r->window_min < r->settled) {
        r->settled = r->window_min;
    } else if (r->settled != UINT32_MAX && r->window_min > r->settled + bound) {
        uint32_t dropped = vna_dsp_drop_reference(dsp, r->window_min - r->settled);
        atomic_fetch_add_explicit(&r->dropped, dropped, memory_order_relaxed);
    }
    r->window_min = UINT32_MAX;
    r->window_captured = 0;
    r->window_underruns = underruns;
}

void vna_reference_get_stats(vna_reference* r, vna_reference_stats* out)
{
    out->frames = atomic_load_explicit(&r->frames, memory_order_relaxed);
    out->overruns = atomic_load_explicit(&r->overruns, memory_order_relaxed);
    out->dropped = atomic_load_explicit(&r->dropped, memory_order_relaxed);
    out->level = atomic_load_explicit(&r->level, memory_order_relaxed);
}
