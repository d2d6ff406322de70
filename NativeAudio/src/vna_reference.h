/* Internal: the echo reference a host writes in capture-only mode (what its own mixer sent to the speakers).
 * The host's audio thread downmixes float blocks into a lock-free ring at its output rate; the engine's audio thread
 * resamples them to the pipeline rate into the DSP's reference, which every captured sample consumes one of. The two
 * clocks (the host's mixer, the microphone) drift apart and a host can be late, so the level of what waits must not
 * grow: where the lowest level of a half second settles is the host's lead and stays; growth beyond it by more than
 * max_backlog (a faster host clock, or a late host catching up) is dropped. Everything is
 * allocated by vna_reference_create; the rest allocates nothing and takes no lock. */
#ifndef VNA_REFERENCE_H
#define VNA_REFERENCE_H

#include "vna_dsp.h"

typedef struct vna_reference vna_reference;

typedef struct vna_reference_config {
    uint32_t host_rate;        /* the rate of what the host writes */
    uint32_t pipeline_rate;    /* the DSP's rate */
    uint32_t max_backlog_ms;   /* see above */
    uint32_t delay_ms;         /* silence ahead of the reference when it starts to flow (see reference_delay_ms) */
    int resampler_quality;
} vna_reference_config;

vna_result vna_reference_create(const vna_reference_config* config, vna_reference** out);
void vna_reference_destroy(vna_reference* reference);

/* Host thread (the ring's producer): downmixes and queues; returns the frames taken. Drops the block while closed. */
uint32_t vna_reference_write(vna_reference* reference, const float* interleaved, uint32_t frames, uint32_t channels);

/* Audio thread: from now on writes are taken (open) or dropped (closed); opening forgets everything queued before,
 * and the first block that flows after it (or after the host stopped writing for 100 ms or more: a paused game) is
 * preceded by delay_ms of silence. */
void vna_reference_open(vna_reference* reference, vna_dsp* dsp);
void vna_reference_close(vna_reference* reference);

/* Audio thread, before each capture: moves what the host wrote through the resampler into the DSP's reference. While
 * the microphone has delivered nothing since opening, it is dropped instead (the capture it belongs to never came). */
void vna_reference_pump(vna_reference* reference, vna_dsp* dsp, int capture_flowing);

/* Audio thread, after each capture of `captured` pipeline-rate samples: tracks the level and drops a stale backlog. */
void vna_reference_after_capture(vna_reference* reference, vna_dsp* dsp, uint32_t captured);

typedef struct vna_reference_stats {
    uint64_t frames, overruns, dropped;
    uint32_t level;
} vna_reference_stats;

/* Thread-safe (atomics). */
void vna_reference_get_stats(vna_reference* reference, vna_reference_stats* out);

#endif
