/* speexdsp does the signal processing: its resampler, its MDF echo canceller and its preprocessor (noise
 * suppression, plus suppression of the echo the canceller leaves). The echo reference runs in step with the
 * capture: every captured sample takes the next reference sample (silence when nothing plays), so the delay between
 * a played sample and its echo stays constant while the NPC speaks without underruns, which the filter needs. */
#include "vna_dsp.h"

#include <speex/speex_echo.h>
#include <speex/speex_preprocess.h>
#include <speex/speex_resampler.h>
#include <stdlib.h>
#include <string.h>

struct vna_dsp {
    vna_dsp_config config;
    uint32_t frame;                /* 10 ms at the pipeline rate: speexdsp's processing block */
    SpeexResamplerState* downsample;
    SpeexResamplerState* upsample;
    SpeexEchoState* echo;
    SpeexPreprocessState* preprocess;
    vna_ring* reference;
    int16_t* pending;              /* pipeline-rate capture waiting for a whole frame */
    uint32_t pending_count, pending_capacity;
    int16_t* reference_frame;
    int16_t* clean_frame;
    int32_t* reference_peaks;      /* peak of each reference frame over the echo tail: the double-talk detector's memory */
    uint32_t reference_peak_count, reference_peak_next;
    uint32_t handled_streak;       /* echo-only frames in a row the canceller handled (or that held no echo at all) */
    uint32_t gated_in_a_row;       /* frames the gate has held; it gives up after GATE_LIMIT */
    int converged;                 /* the gate has opened for good */
    uint64_t gated_frames;
    uint64_t reference_underruns;
};

static void* allocate(size_t samples) { return calloc(samples, sizeof(int16_t)); }

vna_result vna_dsp_create(const vna_dsp_config* c, vna_dsp** out)
{
    if (c == NULL || out == NULL || c->device_rate == 0 || c->pipeline_rate == 0 || c->max_device_chunk == 0) return VNA_INVALID_ARGS;
    vna_dsp* d = calloc(1, sizeof *d);
    if (d == NULL) return VNA_OUT_OF_MEMORY;
    d->config = *c;
    d->frame = c->pipeline_rate / 100;
    d->pending_capacity = (uint32_t)((uint64_t)c->max_device_chunk * c->pipeline_rate / c->device_rate) + 2 * d->frame + 16;
    d->pending = allocate(d->pending_capacity);
    d->reference_frame = allocate(d->frame);
    d->clean_frame = allocate(d->frame);
    int ok = d->pending && d->reference_frame && d->clean_frame;
    if (ok && c->device_rate != c->pipeline_rate) {
        int error = 0;
        d->downsample = speex_resampler_init(1, c->device_rate, c->pipeline_rate, c->resampler_quality, &error);
        d->upsample = speex_resampler_init(1, c->pipeline_rate, c->device_rate, c->resampler_quality, &error);
        ok = d->downsample && d->upsample;
        if (ok) { speex_resampler_skip_zeros(d->downsample); speex_resampler_skip_zeros(d->upsample); }
    }
    if (ok && c->echo_cancellation) {
        int rate = (int)c->pipeline_rate;
        d->echo = speex_echo_state_init((int)d->frame, (int)(c->pipeline_rate / 1000 * c->echo_tail_ms));
        d->reference_peak_count = c->echo_tail_ms / 10 + 1;
        d->reference_peaks = calloc(d->reference_peak_count, sizeof(int32_t));
        vna_ring_config rc = vna_ring_config_init(c->pipeline_rate * 2);
        ok = d->echo && d->reference_peaks && vna_ring_create(&rc, &d->reference) == VNA_SUCCESS;
        if (ok) speex_echo_ctl(d->echo, SPEEX_ECHO_SET_SAMPLING_RATE, &rate);
    }
    if (ok && (c->noise_suppression || c->echo_cancellation)) {
        d->preprocess = speex_preprocess_state_init((int)d->frame, (int)c->pipeline_rate);
        ok = d->preprocess != NULL;
        if (ok) {
            int denoise = c->noise_suppression ? 1 : 0, level = c->noise_suppress_db;
            speex_preprocess_ctl(d->preprocess, SPEEX_PREPROCESS_SET_DENOISE, &denoise);
            speex_preprocess_ctl(d->preprocess, SPEEX_PREPROCESS_SET_NOISE_SUPPRESS, &level);
            if (d->echo) speex_preprocess_ctl(d->preprocess, SPEEX_PREPROCESS_SET_ECHO_STATE, d->echo);
        }
    }
    if (!ok) { vna_dsp_destroy(d); return VNA_OUT_OF_MEMORY; }
    *out = d;
    return VNA_SUCCESS;
}

void vna_dsp_destroy(vna_dsp* d)
{
    if (d == NULL) return;
    if (d->downsample) speex_resampler_destroy(d->downsample);
    if (d->upsample) speex_resampler_destroy(d->upsample);
    if (d->preprocess) speex_preprocess_state_destroy(d->preprocess);
    if (d->echo) speex_echo_state_destroy(d->echo);
    vna_ring_destroy(d->reference);
    free(d->pending);
    free(d->reference_frame);
    free(d->clean_frame);
    free(d->reference_peaks);
    free(d);
}

static int32_t peak_of(const int16_t* samples, uint32_t count)
{
    int32_t peak = 0;
    for (uint32_t i = 0; i < count; i++) {
        int32_t s = samples[i] < 0 ? -(int32_t)samples[i] : samples[i];
        if (s > peak) peak = s;
    }
    return peak;
}

/* Geigel double-talk detection: the microphone holds only echo if its peak stays below half the loudest reference
 * within the echo tail (a speaker at least 6 dB quieter at the microphone than at its source). */
static int echo_only(vna_dsp* d, const int16_t* microphone, int32_t* out_loudest)
{
    d->reference_peaks[d->reference_peak_next] = peak_of(d->reference_frame, d->frame);
    d->reference_peak_next = (d->reference_peak_next + 1) % d->reference_peak_count;
    int32_t loudest = 0;
    for (uint32_t i = 0; i < d->reference_peak_count; i++)
        if (d->reference_peaks[i] > loudest) loudest = d->reference_peaks[i];
    *out_loudest = loudest;
    return loudest > 0 && 2 * peak_of(microphone, d->frame) < loudest;
}

static double energy_of(const int16_t* samples, uint32_t count)
{
    double sum = 0;
    for (uint32_t i = 0; i < count; i++) sum += (double)samples[i] * samples[i];
    return sum / count;
}

/* The gate is for the time the filter has not converged yet. An echo-only frame counts as handled when the microphone
 * held no audible echo (headphones) or the canceller removed at least 12 dB of it; half a second of handled frames in
 * a row opens the gate for good (after that, a quiet player must not be taken for unconverged echo). */
#define GATE_LIMIT 300   /* 3 s of gating: the filter has converged long before, so never hold a quiet player longer */

static int canceller_needs_gate(vna_dsp* d, const int16_t* microphone, const int16_t* cancelled, int32_t loudest)
{
    if (d->converged) return 0;
    if (loudest < 2000) return 1;   /* too quiet a reference to learn anything from */
    double in = energy_of(microphone, d->frame);
    /* Nothing came back (headphones, a silent line), or the canceller removes 12 dB of what did. A noisy microphone
     * with no echo path opens neither way: GATE_LIMIT bounds how long such a player can be held. */
    int handled = peak_of(microphone, d->frame) < 100 || in > 16 * energy_of(cancelled, d->frame);
    d->handled_streak = handled ? d->handled_streak + 1 : 0;
    d->converged = d->handled_streak >= 50 || ++d->gated_in_a_row >= GATE_LIMIT;
    return !d->converged;
}

/* One 10 ms frame: cancel the echo of what played, suppress noise and residual echo, and silence frames that hold
 * only echo while the adaptive filter converges (it needs about a second of the NPC's voice). */
static const int16_t* process_frame(vna_dsp* d, const int16_t* frame)
{
    int gate = 0;
    if (d->echo) {
        uint32_t got = vna_ring_read(d->reference, d->reference_frame, d->frame);
        if (got < d->frame) {
            memset(d->reference_frame + got, 0, (d->frame - got) * sizeof(int16_t));
            d->reference_underruns += d->frame - got;
        }
        int32_t loudest = 0;
        int only_echo = echo_only(d, frame, &loudest);
        speex_echo_cancellation(d->echo, frame, d->reference_frame, d->clean_frame);
        gate = d->config.echo_gate && only_echo && canceller_needs_gate(d, frame, d->clean_frame, loudest);
    } else {
        memcpy(d->clean_frame, frame, d->frame * sizeof(int16_t));
    }
    if (d->preprocess) speex_preprocess_run(d->preprocess, d->clean_frame);
    if (gate) {
        memset(d->clean_frame, 0, d->frame * sizeof(int16_t));
        d->gated_frames++;
    }
    return d->clean_frame;
}

uint64_t vna_dsp_gated_frames(const vna_dsp* d) { return d->gated_frames; }

uint64_t vna_dsp_reference_underruns(const vna_dsp* d) { return d->reference_underruns; }

uint32_t vna_dsp_add_reference(vna_dsp* d, const int16_t* samples, uint32_t count)
{
    return d->reference ? vna_ring_write(d->reference, samples, count) : 0;
}

uint32_t vna_dsp_reference_level(const vna_dsp* d) { return vna_ring_readable(d->reference); }

uint32_t vna_dsp_drop_reference(vna_dsp* d, uint32_t samples)
{
    if (d->reference == NULL) return 0;
    uint32_t level = vna_ring_readable(d->reference);
    uint32_t n = samples < level ? samples : level;
    if (n > 0) vna_ring_commit_read(d->reference, n);
    return n;
}

static void append_pipeline_samples(vna_dsp* d, const int16_t* samples, uint32_t count)
{
    if (d->downsample == NULL) {
        memcpy(d->pending + d->pending_count, samples, count * sizeof(int16_t));
        d->pending_count += count;
        return;
    }
    spx_uint32_t in_length = count, out_length = d->pending_capacity - d->pending_count;
    speex_resampler_process_int(d->downsample, 0, samples, &in_length, d->pending + d->pending_count, &out_length);
    d->pending_count += out_length;
}

uint32_t vna_dsp_capture(vna_dsp* d, const int16_t* samples, uint32_t count, vna_ring* out, uint32_t* out_lost)
{
    uint32_t written = 0, lost = 0;
    while (count > 0) {
        /* Feed at most one frame's worth at a time so the pending buffer never overflows. */
        uint32_t step = (uint32_t)((uint64_t)d->frame * d->config.device_rate / d->config.pipeline_rate);
        if (step > count) step = count;
        append_pipeline_samples(d, samples, step);
        samples += step;
        count -= step;
        uint32_t done = 0;
        while (d->pending_count - done >= d->frame) {
            const int16_t* clean = process_frame(d, d->pending + done);
            uint32_t taken = vna_ring_write(out, clean, d->frame);
            written += taken;
            lost += d->frame - taken;
            done += d->frame;
        }
        d->pending_count -= done;
        memmove(d->pending, d->pending + done, d->pending_count * sizeof(int16_t));
    }
    *out_lost = lost;
    return written;
}

uint32_t vna_dsp_playback_max(const vna_dsp* d, uint32_t count)
{
    return (uint32_t)((uint64_t)count * d->config.device_rate / d->config.pipeline_rate) + 16;
}

uint32_t vna_dsp_playback(vna_dsp* d, const int16_t* samples, uint32_t count, int16_t* device_out)
{
    if (d->reference) vna_ring_write(d->reference, samples, count);
    if (d->upsample == NULL) {
        memcpy(device_out, samples, count * sizeof(int16_t));
        return count;
    }
    spx_uint32_t in_length = count, out_length = vna_dsp_playback_max(d, count);
    speex_resampler_process_int(d->upsample, 0, samples, &in_length, device_out, &out_length);
    return out_length;
}

void vna_dsp_forget_reference(vna_dsp* d)
{
    if (d->reference) vna_ring_discard(d->reference);
    if (d->reference_peaks) memset(d->reference_peaks, 0, d->reference_peak_count * sizeof(int32_t));
    if (d->upsample) speex_resampler_reset_mem(d->upsample);   /* the cut line's last milliseconds must not lead the next */
}

void vna_dsp_skip_reference(vna_dsp* d, uint32_t device_samples)
{
    if (d->reference == NULL) return;
    /* Capture that was dropped would have consumed this much reference: keep the two streams aligned. */
    uint32_t skip = (uint32_t)((uint64_t)device_samples * d->config.pipeline_rate / d->config.device_rate);
    while (skip > 0) {
        uint32_t step = skip < d->frame ? skip : d->frame;
        if (vna_ring_read(d->reference, d->reference_frame, step) == 0) break;
        skip -= step;
    }
}

void vna_dsp_reset(vna_dsp* d)
{
    vna_dsp_forget_reference(d);
    if (d->downsample) speex_resampler_reset_mem(d->downsample);
    if (d->echo) speex_echo_state_reset(d->echo);
    d->pending_count = 0;
    d->handled_streak = d->gated_in_a_row = 0;
    d->converged = 0;
}
