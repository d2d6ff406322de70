/* speexdsp does the signal processing: its resampler, its MDF echo canceller and its preprocessor (noise
 * suppression, plus suppression of the echo the canceller leaves). The echo reference is sample-aligned with the
 * capture: every captured sample takes the next reference sample (silence when nothing plays), so the delay between
 * a played sample and its echo stays constant while the NPC speaks, which is what the adaptive filter needs. */
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
        vna_ring_config rc = vna_ring_config_init(c->pipeline_rate * 2);
        ok = d->echo && vna_ring_create(&rc, &d->reference) == VNA_SUCCESS;
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
    free(d);
}

/* One 10 ms frame: cancel the echo of what played, then suppress noise and residual echo. */
static const int16_t* process_frame(vna_dsp* d, const int16_t* frame)
{
    if (d->echo) {
        uint32_t got = vna_ring_read(d->reference, d->reference_frame, d->frame);
        if (got < d->frame) memset(d->reference_frame + got, 0, (d->frame - got) * sizeof(int16_t));
        speex_echo_cancellation(d->echo, frame, d->reference_frame, d->clean_frame);
    } else {
        memcpy(d->clean_frame, frame, d->frame * sizeof(int16_t));
    }
    if (d->preprocess) speex_preprocess_run(d->preprocess, d->clean_frame);
    return d->clean_frame;
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
}
