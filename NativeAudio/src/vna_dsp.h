/* Internal: the engine's signal processing, separate from OpenAL so tests and benchmarks can drive it directly.
 * Capture: device rate → resample → echo cancellation (reference = what was played) → noise suppression → pipeline
 * rate frames. Playback: pipeline rate → resample → device rate, while the pipeline-rate samples become the echo
 * reference. Everything is allocated by vna_dsp_create; the process functions allocate nothing and take no lock. */
#ifndef VNA_DSP_H
#define VNA_DSP_H

#include "voicenpc_audio.h"

typedef struct vna_dsp vna_dsp;

typedef struct vna_dsp_config {
    uint32_t device_rate;
    uint32_t pipeline_rate;
    uint32_t max_device_chunk;   /* most device-rate samples one vna_dsp_capture/playback call may be given */
    int echo_cancellation;
    uint32_t echo_tail_ms;
    int echo_gate;               /* silence frames that hold only echo (Geigel double-talk detection) */
    int noise_suppression;
    int32_t noise_suppress_db;   /* negative: the most a noise band is attenuated */
    int resampler_quality;       /* speexdsp 0..10 */
} vna_dsp_config;

vna_result vna_dsp_create(const vna_dsp_config* config, vna_dsp** out);
void vna_dsp_destroy(vna_dsp* dsp);

/* Processes `count` captured device-rate samples; finished pipeline-rate samples are written to `out` (ring). Returns
 * how many were written; `out_lost` gets how many the ring could not take. */
uint32_t vna_dsp_capture(vna_dsp* dsp, const int16_t* device_samples, uint32_t count, vna_ring* out, uint32_t* out_lost);

/* Converts `count` pipeline-rate samples about to be played into device-rate samples in `device_out` (room for
 * vna_dsp_playback_max(count)) and records them as echo reference. Returns the number of device samples. */
uint32_t vna_dsp_playback(vna_dsp* dsp, const int16_t* samples, uint32_t count, int16_t* device_out);
uint32_t vna_dsp_playback_max(const vna_dsp* dsp, uint32_t count);

/* Capture-only mode: pipeline-rate samples of what the host played, added to the reference (as vna_dsp_playback
 * does for the engine's own playback). Returns how many fit. */
uint32_t vna_dsp_add_reference(vna_dsp* dsp, const int16_t* samples, uint32_t count);

/* Pipeline-rate reference samples waiting for capture; dropping discards the oldest (returns how many). */
uint32_t vna_dsp_reference_level(const vna_dsp* dsp);
uint32_t vna_dsp_drop_reference(vna_dsp* dsp, uint32_t samples);

/* Captured pipeline-rate samples that found no reference waiting and were cancelled against silence. */
uint64_t vna_dsp_reference_underruns(const vna_dsp* dsp);

/* 10 ms frames silenced as echo-only so far. */
uint64_t vna_dsp_gated_frames(const vna_dsp* dsp);

/* Barge-in: forget the reference of audio that will now never be played. */
void vna_dsp_forget_reference(vna_dsp* dsp);

/* Captured device samples were dropped (backlog): drop the reference they would have consumed. */
void vna_dsp_skip_reference(vna_dsp* dsp, uint32_t device_samples);

/* New devices (reopen): forget every state that belonged to the old ones. */
void vna_dsp_reset(vna_dsp* dsp);

#endif
