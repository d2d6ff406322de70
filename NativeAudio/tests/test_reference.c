/* The capture-only echo reference without devices, driven as the engine drives it (pump before each 10 ms capture,
 * track after it) with a host writing float blocks: a 48 kHz stereo reference of what played cancels its echo at
 * 16 kHz; a host clock running ahead of the microphone keeps the level bounded by dropping (counted), one running
 * behind underruns (counted) without drops; nothing is taken while closed, opening forgets what was written before,
 * a full ring counts overruns; and a host thread writing while the audio thread consumes (the TSan build). */
#include "../src/vna_reference.h"
#include "signals.h"

#include <pthread.h>
#include <speex/speex_resampler.h>
#include <stdio.h>
#include <string.h>

#define RATE 16000
#define HOST 48000
#define BLOCK 160   /* 10 ms at the pipeline rate: one engine poll */

static int failures = 0;

static void check(int ok, const char* what)
{
    if (!ok) { fprintf(stderr, "FAILED: %s\n", what); failures++; }
}

typedef struct rig { vna_dsp* dsp; vna_reference* reference; vna_ring* out; } rig;

static rig open_rig_delayed(int echo, uint32_t host_rate, uint32_t delay_ms)
{
    rig r = { 0 };
    vna_dsp_config c = { .device_rate = RATE, .pipeline_rate = RATE, .max_device_chunk = 4800, .echo_cancellation = echo,
                         .echo_tail_ms = 500, .resampler_quality = 5 };
    vna_reference_config rc = { .host_rate = host_rate, .pipeline_rate = RATE, .max_backlog_ms = 20, .resampler_quality = 5,
                                .delay_ms = delay_ms };
    vna_ring_config oc = vna_ring_config_init(1 << 16);
    if (vna_dsp_create(&c, &r.dsp) != VNA_SUCCESS || vna_reference_create(&rc, &r.reference) != VNA_SUCCESS ||
        vna_ring_create(&oc, &r.out) != VNA_SUCCESS) { fprintf(stderr, "create failed\n"); exit(1); }
    return r;
}

static rig open_rig(int echo, uint32_t host_rate) { return open_rig_delayed(echo, host_rate, 0); }

static void close_rig(rig* r)
{
    vna_reference_destroy(r->reference);
    vna_dsp_destroy(r->dsp);
    vna_ring_destroy(r->out);
}

/* One engine poll: the host's reference into the DSP, then `count` captured samples through it. */
static void poll_once(rig* r, const int16_t* mic, uint32_t count, int16_t* cleaned)
{
    uint32_t lost = 0;
    vna_reference_pump(r->reference, r->dsp, 1);
    vna_dsp_capture(r->dsp, mic, count, r->out, &lost);
    vna_reference_after_capture(r->reference, r->dsp, count);
    uint32_t got = vna_ring_read(r->out, cleaned, count);
    if (got < count) memset(cleaned + got, 0, (count - got) * sizeof(int16_t));
}

static void write_host(rig* r, const float* block, uint32_t frames, uint32_t channels)
{
    check(vna_reference_write(r->reference, block, frames, channels) == frames, "the open reference took the block");
}

static void external_reference_cancels_echo(void)
{
    int seconds = 12, count = RATE * seconds, host_count = HOST * seconds;
    int16_t* far48 = malloc(sizeof(int16_t) * host_count);
    int16_t* far16 = malloc(sizeof(int16_t) * count);
    int16_t* echo = malloc(sizeof(int16_t) * count);
    int16_t* cleaned = malloc(sizeof(int16_t) * count);
    float* stereo = malloc(sizeof(float) * 2 * host_count);
    signal_speechlike(far48, host_count, HOST, 8000);
    /* What the microphone hears: the played 48 kHz signal, at 16 kHz, through a room 80 ms away. */
    int error = 0;
    SpeexResamplerState* down = speex_resampler_init(1, HOST, RATE, 5, &error);
    spx_uint32_t in_length = (spx_uint32_t)host_count, out_length = (spx_uint32_t)count;
    speex_resampler_process_int(down, 0, far48, &in_length, far16, &out_length);
    speex_resampler_destroy(down);
    signal_room_echo(far16, echo, count, RATE, RATE * 80 / 1000, 0.5);
    for (int i = 0; i < host_count; i++) stereo[2 * i] = stereo[2 * i + 1] = far48[i] / 32768.0f;

    rig r = open_rig(1, HOST);
    vna_reference_open(r.reference, r.dsp);
    /* The host writes 1024-frame blocks (Unity's default) as its clock reaches them; capture polls every 10 ms. */
    int host_written = 0;
    for (int i = 0; i + BLOCK <= count; i += BLOCK) {
        while (host_written + 1024 <= (i + BLOCK) * 3 && host_written + 1024 <= host_count) {
            write_host(&r, stereo + 2 * host_written, 1024, 2);
            host_written += 1024;
        }
        poll_once(&r, echo + i, BLOCK, cleaned + i);
    }
    int tail = RATE * 4;
    double before = signal_energy(echo + count - tail, tail), after = signal_energy(cleaned + count - tail, tail);
    double reduction = 10 * log10(before / (after + 1e-9));
    vna_reference_stats stats;
    vna_reference_get_stats(r.reference, &stats);
    printf("external 48 kHz stereo reference: echo %.1f dB quieter over the last 4 s; %llu frames taken, %llu dropped, %llu underrun samples\n",
           reduction, (unsigned long long)stats.frames, (unsigned long long)stats.dropped,
           (unsigned long long)vna_dsp_reference_underruns(r.dsp));
    check(reduction >= 15, "the external reference cancels the echo by at least 15 dB");
    check(stats.dropped == 0, "a host in step with the microphone never has a backlog dropped");
    close_rig(&r);
    free(far48); free(far16); free(echo); free(cleaned); free(stereo);
}

/* The host writes `host_per_poll` frames of silence per 10 ms poll (480 is in step); returns the highest level seen. */
static uint32_t drift(rig* r, uint32_t host_per_poll, int polls)
{
    static float silence[2 * 2048];
    static int16_t mic[BLOCK], cleaned[BLOCK];
    uint32_t highest = 0;
    for (int i = 0; i < polls; i++) {
        write_host(r, silence, host_per_poll, 2);
        poll_once(r, mic, BLOCK, cleaned);
        vna_reference_stats stats;
        vna_reference_get_stats(r->reference, &stats);
        if (stats.level > highest) highest = stats.level;
    }
    return highest;
}

static void drift_is_bounded(void)
{
    rig r = open_rig(1, HOST);
    vna_reference_open(r.reference, r.dsp);
    /* 2 % fast: unbounded, 20 s would pile up 400 ms of stale reference. */
    uint32_t highest = drift(&r, 490, 2000);
    vna_reference_stats stats;
    vna_reference_get_stats(r.reference, &stats);
    printf("host clock 2 %% ahead for 20 s: highest level %.1f ms, %llu samples dropped\n", highest / 16.0, (unsigned long long)stats.dropped);
    check(stats.dropped > 0, "a host running ahead has its backlog dropped");
    check(highest <= RATE / 1000 * (20 + 10 + 20), "the level stays within the bound plus half a second of drift and a poll or two");
    close_rig(&r);

    r = open_rig(1, HOST);
    vna_reference_open(r.reference, r.dsp);
    uint64_t underruns_before = vna_dsp_reference_underruns(r.dsp);
    highest = drift(&r, 470, 2000);
    vna_reference_get_stats(r.reference, &stats);
    uint64_t underruns = vna_dsp_reference_underruns(r.dsp) - underruns_before;
    printf("host clock 2 %% behind for 20 s: highest level %.1f ms, %llu underrun samples, %llu dropped\n", highest / 16.0,
           (unsigned long long)underruns, (unsigned long long)stats.dropped);
    check(underruns > 0, "a host running behind leaves capture without reference: counted");
    check(stats.dropped == 0, "a host running behind never has anything dropped");
    close_rig(&r);
}

/* The host stalls for 100 ms (its lead runs out, then capture takes silence), then catches up: the late reference is
 * dropped so the rest pairs with its capture as before the stall. */
static void late_host_is_realigned(void)
{
    rig r = open_rig(1, HOST);
    vna_reference_open(r.reference, r.dsp);
    static float silence[2 * 480 * 10];
    static int16_t mic[BLOCK], cleaned[BLOCK];
    for (int i = 0; i < 4; i++) write_host(&r, silence, 480, 2);   /* a 40 ms lead, as a mixer queues ahead */
    drift(&r, 480, 200);
    uint32_t settled_level = vna_dsp_reference_level(r.dsp);
    uint64_t underruns = vna_dsp_reference_underruns(r.dsp);
    for (int i = 0; i < 10; i++) poll_once(&r, mic, BLOCK, cleaned);   /* stalled: the lead runs out, then silence */
    underruns = vna_dsp_reference_underruns(r.dsp) - underruns;
    write_host(&r, silence, 480 * 10, 2);                              /* and caught up */
    drift(&r, 480, 200);
    vna_reference_stats stats;
    vna_reference_get_stats(r.reference, &stats);
    uint32_t level = vna_dsp_reference_level(r.dsp);
    printf("host late by 100 ms: capture took %llu samples of silence, %llu dropped; level %.1f ms before the stall, %.1f ms after\n",
           (unsigned long long)underruns, (unsigned long long)stats.dropped, settled_level / 16.0, level / 16.0);
    check(underruns > 0 && stats.dropped == underruns, "as much reference as capture had to do without came late and was dropped");
    check(level == settled_level, "the reference waits as long as before the stall");
    close_rig(&r);
}

static void paused_host_gets_its_delay_back(void)
{
    rig r = open_rig_delayed(1, HOST, 80);
    vna_reference_open(r.reference, r.dsp);
    static int16_t mic[BLOCK], cleaned[BLOCK];
    drift(&r, 480, 300);
    uint32_t before = vna_dsp_reference_level(r.dsp);
    for (int i = 0; i < 50; i++) poll_once(&r, mic, BLOCK, cleaned);   /* the host paused for 0.5 s: nothing written */
    uint32_t dry = vna_dsp_reference_level(r.dsp);
    drift(&r, 480, 300);                                                /* and resumed in step, without catching up */
    uint32_t after = vna_dsp_reference_level(r.dsp);
    printf("host paused for 0.5 s with an 80 ms delay: level %.1f ms before, %.1f ms during, %.1f ms after\n",
           before / 16.0, dry / 16.0, after / 16.0);
    check(before >= 75 * 16 && dry == 0, "the delay waited in front of the reference, and the pause emptied it");
    check(after >= before && after <= before + 3 * 16,
          "after the pause the reference waits the delay again (within the resampler's 2.5 ms), so it stays beside its echo");
    close_rig(&r);
}

static void closed_and_reopened(void)
{
    static float block[2 * 1024];
    rig r = open_rig(1, 44100);
    check(vna_reference_write(r.reference, block, 1024, 2) == 0, "nothing is taken before the engine opens the reference");
    vna_reference_open(r.reference, r.dsp);
    write_host(&r, block, 1024, 2);
    vna_reference_pump(r.reference, r.dsp, 0);
    check(vna_dsp_reference_level(r.dsp) == 0, "reference from before the microphone delivered is dropped, not queued");
    write_host(&r, block, 1024, 2);
    vna_reference_open(r.reference, r.dsp);
    vna_reference_pump(r.reference, r.dsp, 1);
    check(vna_dsp_reference_level(r.dsp) == 0, "opening again forgets what was written before");
    write_host(&r, block, 441, 2);
    vna_reference_pump(r.reference, r.dsp, 1);
    uint32_t level = vna_dsp_reference_level(r.dsp);
    check(level >= 120 && level <= 161, "10 ms at 44.1 kHz becomes up to 160 samples at 16 kHz (less the resampler's delay)");
    vna_reference_close(r.reference);
    check(vna_reference_write(r.reference, block, 1024, 2) == 0, "nothing is taken after closing");
    vna_reference_open(r.reference, r.dsp);
    uint32_t taken = 0;
    for (int i = 0; i < 70; i++) taken += vna_reference_write(r.reference, block, 1024, 2);
    vna_reference_stats stats;
    vna_reference_get_stats(r.reference, &stats);
    check(taken < 70 * 1024 && stats.overruns == 70 * 1024 - taken, "a ring nobody empties fills, and the frames it refused are counted");
    check(vna_reference_write(r.reference, block, 0, 2) == 0 && vna_reference_write(r.reference, block, 4, 0) == 0,
          "no frames or no channels take nothing");
    close_rig(&r);
}

typedef struct host_args { vna_reference* reference; int blocks; uint64_t taken; } host_args;

static void* host_thread(void* arg)
{
    host_args* a = arg;
    static float block[2 * 1024];
    for (int i = 0; i < a->blocks; i++) {
        for (int k = 0; k < 2 * 1024; k++) block[k] = (float)((i + k) % 100) / 100.0f;
        a->taken += vna_reference_write(a->reference, block, 1024, 2);
        struct timespec t = { 0, 1000000 };
        nanosleep(&t, NULL);
    }
    return NULL;
}

static void concurrent_host_and_audio_threads(void)
{
    rig r = open_rig(1, HOST);
    vna_reference_open(r.reference, r.dsp);
    host_args args = { r.reference, 300, 0 };
    pthread_t thread;
    pthread_create(&thread, NULL, host_thread, &args);
    static int16_t mic[BLOCK], cleaned[BLOCK];
    for (int i = 0; i < 400; i++) {
        poll_once(&r, mic, BLOCK, cleaned);
        struct timespec t = { 0, 1000000 };
        nanosleep(&t, NULL);
    }
    pthread_join(thread, NULL);
    vna_reference_stats stats;
    vna_reference_get_stats(r.reference, &stats);
    check(stats.frames == args.taken && stats.frames + stats.overruns == 300u * 1024u, "every frame is taken or counted as an overrun");
    close_rig(&r);
}

int main(void)
{
    external_reference_cancels_echo();
    drift_is_bounded();
    late_host_is_realigned();
    paused_host_gets_its_delay_back();
    closed_and_reopened();
    concurrent_host_and_audio_threads();
    if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
    return failures ? 1 : 0;
}
