/*
 * voicenpc_audio.h - the one public header of VoiceNpc's native audio core.
 *
 * Conventions: every function has the vna_ prefix and returns a vna_result (or a plain count where it cannot fail);
 * handles are opaque; every config struct is filled by its *_config_init() first, so new fields keep old callers working.
 * Each function says whether it is thread-safe and whether it may run on the real-time audio thread.
 */
#ifndef VOICENPC_AUDIO_H
#define VOICENPC_AUDIO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  define VNA_API __declspec(dllexport)
#else
#  define VNA_API __attribute__((visibility("default")))
#endif

typedef enum vna_result {
    VNA_SUCCESS = 0,
    VNA_INVALID_ARGS = -1,
    VNA_OUT_OF_MEMORY = -2,
    VNA_DEVICE_UNAVAILABLE = -3,
} vna_result;

/* ---- Lock-free single-producer / single-consumer ring of 16-bit samples --------------------------------------- */

typedef struct vna_ring vna_ring;

typedef struct vna_ring_config {
    /* Minimum capacity in samples; rounded up to a power of two. */
    uint32_t capacity;
} vna_ring_config;

/* Thread-safe: yes (pure). Audio thread: yes. */
VNA_API vna_ring_config vna_ring_config_init(uint32_t capacity);

/* Allocates the ring: the only allocation it ever makes. Thread-safe: no. Audio thread: no. */
VNA_API vna_result vna_ring_create(const vna_ring_config* config, vna_ring** out_ring);

/* Thread-safe: no (nobody may use the ring during or after). Audio thread: no. */
VNA_API void vna_ring_destroy(vna_ring* ring);

/* Capacity in samples (a power of two). Thread-safe: yes. Audio thread: yes. */
VNA_API uint32_t vna_ring_capacity(const vna_ring* ring);

/* Samples readable now (consumer) or writable now (producer). Thread-safe: from its own side. Audio thread: yes. */
VNA_API uint32_t vna_ring_readable(const vna_ring* ring);
VNA_API uint32_t vna_ring_writable(const vna_ring* ring);

/*
 * Zero-copy access. acquire_* returns up to `wanted` samples as one contiguous span (it may be shorter at the wrap:
 * call again after committing); commit_* publishes `count` of them (count <= the span acquired).
 * Producer side: acquire_write/commit_write; consumer side: acquire_read/commit_read.
 * Thread-safe: one producer thread and one consumer thread. Audio thread: yes (no locks, no allocation).
 */
VNA_API vna_result vna_ring_acquire_write(vna_ring* ring, uint32_t wanted, int16_t** out_span, uint32_t* out_count);
VNA_API vna_result vna_ring_commit_write(vna_ring* ring, uint32_t count);
VNA_API vna_result vna_ring_acquire_read(vna_ring* ring, uint32_t wanted, const int16_t** out_span, uint32_t* out_count);
VNA_API vna_result vna_ring_commit_read(vna_ring* ring, uint32_t count);

/* Copying helpers over acquire/commit: return how many samples moved (fewer when full or empty). Audio thread: yes. */
VNA_API uint32_t vna_ring_write(vna_ring* ring, const int16_t* samples, uint32_t count);
VNA_API uint32_t vna_ring_read(vna_ring* ring, int16_t* samples, uint32_t count);

/* Consumer side: drops everything readable now (barge-in clears playback). Audio thread: yes. */
VNA_API uint32_t vna_ring_discard(vna_ring* ring);

/* ---- Engine: OpenAL capture and playback on one real-time thread ------------------------------------------ */
/* Capture-only mode (capture_only = 1): no playback device is opened and the playback ring does not exist; the host
 * plays the NPC through its own audio engine (Unity's mixer) and hands what its speakers played to
 * vna_engine_write_reference, which becomes the echo canceller's reference. */

typedef struct vna_engine vna_engine;

typedef struct vna_engine_config {
    const char* capture_device;      /* NULL: the default microphone (names from vna_device_name) */
    const char* playback_device;     /* NULL: the default speakers */
    uint32_t sample_rate;            /* 16000: the pipeline rate of both rings */
    uint32_t device_sample_rate;     /* 48000: the rate the devices are opened at; equal to sample_rate: no resampling */
    uint32_t period_frames;          /* 320 (20 ms at sample_rate): the playback buffer size; the thread polls every half period */
    uint32_t capture_buffer_ms;      /* 100: smaller buffers overran under PulseAudio */
    uint32_t max_capture_backlog_ms; /* 200: older captured audio is dropped and counted */
    uint32_t ring_ms;                /* 2000: capacity of each ring */
    int32_t echo_cancellation;       /* 1: cancel the echo of what the engine played (speexdsp MDF) */
    uint32_t echo_tail_ms;           /* 500: longest speaker-to-microphone delay plus room echo it can cancel */
    int32_t echo_gate;               /* 1: until the canceller converges, silence capture that holds only echo (Geigel) */
    int32_t noise_suppression;       /* 1: speexdsp noise suppression */
    int32_t noise_suppress_db;       /* -25: the most a noisy band is attenuated */
    int32_t resampler_quality;       /* 5: speexdsp resampler quality, 0 (fast) to 10 (best) */
    int32_t capture_only;            /* 0: open playback too; 1: capture only, the reference comes from the host */
    uint32_t reference_sample_rate;  /* 48000: capture only, the rate of the host's output given to write_reference */
    uint32_t reference_delay_ms;     /* 0: capture only, how much later than it arrives the reference meets capture:
                                      * the speex canceller converges fastest when the echo follows its reference
                                      * closely, so set it a little below the delay from writing a block to its echo
                                      * being captured minus the host's block queue (too much and the reference comes
                                      * after its echo, which cannot be cancelled) */
    uint32_t max_reference_backlog_ms; /* 20: capture only, how far the reference's level may grow beyond where it
                                        * settled (its lowest over half a second: the host's lead) before the growth
                                        * (the host's clock running ahead of the microphone's, or a late host catching
                                        * up) is dropped and counted; it would make the reference lag its echo */
} vna_engine_config;

typedef struct vna_engine_stats {
    uint64_t captured_samples;        /* pipeline-rate samples written to the capture ring */
    uint64_t played_samples;          /* pipeline-rate samples the speakers have played (within a buffer) */
    uint64_t capture_overruns;        /* samples lost because the capture ring was full */
    uint64_t playback_underruns;      /* times the source ran dry while audio waited in the ring */
    uint64_t dropped_backlog_samples; /* device-rate samples dropped because capture fell behind */
    uint64_t dsp_nanoseconds;         /* time spent resampling, cancelling echo and suppressing noise */
    uint64_t echo_gated_samples;      /* capture silenced because it held only the NPC's echo */
    uint32_t queued_playback_samples; /* in the playback ring plus queued on the source, as of the last poll */
    uint32_t source_queued_samples;   /* queued on the source and not heard yet (add the ring's readable count) */
    uint32_t capture_peak;            /* peak absolute sample of the last capture read */
    int32_t device_lost;              /* ALC_EXT_disconnect said a device went away: reopen or give up */
    int32_t realtime_priority;        /* the audio thread got SCHED_FIFO (else it runs at normal priority) */
    int32_t capture_only;             /* the engine runs in capture-only mode: every playback count stays 0 */
    uint64_t reference_frames;        /* capture only: host-rate frames vna_engine_write_reference took */
    uint64_t reference_overruns;      /* capture only: host-rate frames lost because the reference ring was full */
    uint64_t reference_underruns;     /* capture only: pipeline-rate captured samples that found no reference waiting */
    uint64_t reference_dropped;       /* capture only: pipeline-rate reference samples dropped as a stale backlog */
    uint32_t reference_level;         /* capture only: pipeline-rate reference samples waiting, after the last capture */
    uint32_t reserved;
} vna_engine_stats;

/* Thread-safe: yes. Audio thread: n/a. */
VNA_API vna_engine_config vna_engine_config_init(void);

/* Opens both devices and allocates everything the audio thread will use. Thread-safe: no. */
VNA_API vna_result vna_engine_create(const vna_engine_config* config, vna_engine** out_engine);

/* Starts the audio thread. Thread-safe: no. */
VNA_API vna_result vna_engine_start(vna_engine* engine);

/* Stops the thread and closes the devices. Thread-safe: no. */
VNA_API void vna_engine_destroy(vna_engine* engine);

/* The capture ring (the engine produces, the caller consumes) and the playback ring (the caller produces; NULL in
 * capture-only mode). */
VNA_API vna_ring* vna_engine_capture_ring(vna_engine* engine);
VNA_API vna_ring* vna_engine_playback_ring(vna_engine* engine);

/* Capture only: adds one block the host's speakers are about to play, `frames` frames of `channels` interleaved float
 * samples (-1..1) at reference_sample_rate, to the echo reference. It downmixes (the mean of the channels) and
 * converts straight into a lock-free ring that the audio thread resamples to the pipeline rate and consumes in step
 * with capture. Returns the frames taken: fewer when the ring is full (counted in reference_overruns), 0 when the
 * engine has no echo cancellation, is not capture-only or its audio thread is not running (a reference from before
 * a start or reopen would be stale). Thread-safe: one host thread at a time (the single producer). Audio thread: yes
 * (no lock, no allocation, no system call). */
VNA_API uint32_t vna_engine_write_reference(vna_engine* engine, const float* interleaved, uint32_t frames, uint32_t channels);

/* Barge-in: the audio thread stops the source and drops queued audio within one period. Thread-safe: yes. */
VNA_API vna_result vna_engine_clear_playback(vna_engine* engine);

/* Thread-safe: yes (atomics). */
VNA_API vna_result vna_engine_get_stats(vna_engine* engine, vna_engine_stats* out_stats);

/* After a device was lost: closes both devices and opens them again by the same names (the thread restarts if it was
 * running; the rings keep their contents). VNA_DEVICE_UNAVAILABLE while the device is still gone. Thread-safe: no. */
VNA_API vna_result vna_engine_reopen(vna_engine* engine);

/* ---- Devices ------------------------------------------------------------------------------------------------ */

typedef enum vna_device_kind {
    VNA_DEVICE_CAPTURE = 0,
    VNA_DEVICE_PLAYBACK = 1,
} vna_device_kind;

/* How many devices of a kind OpenAL offers now. Thread-safe: yes. Audio thread: no. */
VNA_API vna_result vna_device_count(vna_device_kind kind, uint32_t* out_count);

/* The name of device `index` (or of the default device when index is UINT32_MAX), NUL-terminated into `buffer`;
 * VNA_INVALID_ARGS if the index is out of range or the buffer too small. Thread-safe: yes. Audio thread: no. */
VNA_API vna_result vna_device_name(vna_device_kind kind, uint32_t index, char* buffer, uint32_t buffer_size);

#ifdef __cplusplus
}
#endif

#endif /* VOICENPC_AUDIO_H */
