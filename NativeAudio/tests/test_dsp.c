/* The engine's DSP, driven directly: echo cancellation removes a synthetic room echo of what was played (and keeps
 * the player's voice), noise suppression lowers steady noise, the resamplers are accurate, and every stage can be
 * switched off. Figures are printed; the thresholds sit well below what speexdsp reaches here. */
#include "../src/vna_dsp.h"
#include "signals.h"

#include <stdio.h>
#include <string.h>

#define RATE 16000
#define BLOCK 160

static int failures = 0;

static void check(int ok, const char* what)
{
    if (!ok) { fprintf(stderr, "FAILED: %s\n", what); failures++; }
}

static vna_dsp_config config(uint32_t device_rate, int echo, int noise)
{
    vna_dsp_config c = { .device_rate = device_rate, .pipeline_rate = RATE, .max_device_chunk = 4800, .echo_cancellation = echo,
                         .echo_tail_ms = 500, .noise_suppression = noise, .noise_suppress_db = -25, .resampler_quality = 5 };
    return c;
}

/* Plays `far` and captures `mic` (both at 16 kHz) block by block, as the engine does; returns the processed capture. */
static int16_t* run(vna_dsp_config c, const int16_t* far, const int16_t* mic, int count)
{
    vna_dsp* dsp = NULL;
    vna_ring* out = NULL;
    vna_ring_config rc = vna_ring_config_init(4096);
    if (vna_dsp_create(&c, &dsp) != VNA_SUCCESS || vna_ring_create(&rc, &out) != VNA_SUCCESS) { fprintf(stderr, "create failed\n"); exit(1); }
    int16_t* result = calloc((size_t)count, sizeof(int16_t));
    int16_t device[BLOCK + 16];
    int produced = 0;
    for (int i = 0; i + BLOCK <= count; i += BLOCK) {
        if (far) vna_dsp_playback(dsp, far + i, BLOCK, device);
        uint32_t lost = 0;
        vna_dsp_capture(dsp, mic + i, BLOCK, out, &lost);
        check(lost == 0, "the output ring took every processed sample");
        produced += (int)vna_ring_read(out, result + produced, (uint32_t)(count - produced));
    }
    check(produced >= count - BLOCK, "every captured block came out");
    vna_ring_destroy(out);
    vna_dsp_destroy(dsp);
    return result;
}

static double db(double ratio) { return 10 * log10(ratio); }

static void echo_is_cancelled(void)
{
    int count = RATE * 12, tail = RATE * 4;
    int16_t* far = malloc(sizeof(int16_t) * count);
    int16_t* echo = malloc(sizeof(int16_t) * count);
    signal_speechlike(far, count, RATE, 8000);
    signal_room_echo(far, echo, count, RATE, RATE * 120 / 1000, 0.5);   /* 120 ms speaker-to-microphone delay */

    int16_t* off = run(config(RATE, 0, 0), far, echo, count);
    int16_t* on = run(config(RATE, 1, 0), far, echo, count);
    double echo_energy = signal_energy(echo + count - tail, tail);
    double reduction_off = db(echo_energy / signal_energy(off + count - tail, tail));
    double reduction_on = db(echo_energy / (signal_energy(on + count - tail, tail) + 1e-9));
    printf("echo cancellation: a 120 ms delayed room echo is %.1f dB quieter after 8 s (%.1f dB with it off)\n", reduction_on, reduction_off);
    check(reduction_on >= 20, "echo cancellation lowers the echo by at least 20 dB");
    check(fabs(reduction_off) < 0.5, "with echo cancellation off the capture passes unchanged");

    /* Double talk: the player speaks over the NPC's echo, and their voice survives the canceller. */
    int16_t* near = malloc(sizeof(int16_t) * count);
    int16_t* mic = malloc(sizeof(int16_t) * count);
    signal_tone(near, count, RATE, 700, 6000);
    for (int i = 0; i < count; i++) mic[i] = (int16_t)(echo[i] + (i >= count - tail ? near[i] : 0));
    int16_t* talk = run(config(RATE, 1, 0), far, mic, count);
    double kept = db(signal_energy(talk + count - tail, tail) / signal_energy(near + count - tail, tail));
    printf("echo cancellation: the player's voice over the echo keeps %.1f dB of its energy\n", kept);
    check(kept > -6, "the player's voice is not cancelled with the echo (within 6 dB)");
    free(far); free(echo); free(off); free(on); free(near); free(mic); free(talk);
}

static int16_t peak(const int16_t* x, int count)
{
    int16_t p = 0;
    for (int i = 0; i < count; i++) if (abs(x[i]) > p) p = (int16_t)abs(x[i]);
    return p;
}

/* Before the filter converges, the Geigel gate silences frames that hold only echo (a speaker 18 dB quieter at the
 * microphone), and lets through a player who speaks over it. */
static void echo_gate_covers_convergence(void)
{
    int count = RATE * 3, second = RATE;
    int16_t* far = malloc(sizeof(int16_t) * count);
    int16_t* echo = malloc(sizeof(int16_t) * count);
    int16_t* mic = malloc(sizeof(int16_t) * count);
    int16_t* near = malloc(sizeof(int16_t) * count);
    signal_speechlike(far, count, RATE, 8000);
    signal_room_echo(far, echo, count, RATE, RATE * 120 / 1000, 0.125);
    vna_dsp_config gated = config(RATE, 1, 0);
    gated.echo_gate = 1;
    int16_t* ungated_out = run(config(RATE, 1, 0), far, echo, count);
    int16_t* gated_out = run(gated, far, echo, count);
    double without = db(signal_energy(echo, second) / (signal_energy(ungated_out, second) + 1e-9));
    double with = db(signal_energy(echo, second) / (signal_energy(gated_out, second) + 1e-9));
    printf("echo gate: in the first second the echo is %.1f dB quieter with the gate, %.1f dB by the unconverged filter alone\n", with, without);
    check(with >= 40, "the gate silences echo-only capture from the first second");

    signal_tone(near, count, RATE, 700, peak(far, count) * 0.7);
    for (int i = 0; i < count; i++) mic[i] = (int16_t)(echo[i] + (i >= second ? near[i] : 0));
    int16_t* talk = run(gated, far, mic, count);
    double kept = db(signal_energy(talk + count - second, second) / signal_energy(near + count - second, second));
    printf("echo gate: a player speaking over the echo keeps %.1f dB of their energy\n", kept);
    check(kept > -6, "the gate lets the player through (within 6 dB)");
    free(far); free(echo); free(mic); free(near); free(ungated_out); free(gated_out); free(talk);
}

static void noise_is_suppressed(void)
{
    int count = RATE * 6, tail = RATE * 3;
    int16_t* noise = malloc(sizeof(int16_t) * count);
    for (int i = 0; i < count; i++) noise[i] = (int16_t)(600 * signal_noise());
    int16_t* off = run(config(RATE, 0, 0), NULL, noise, count);
    int16_t* on = run(config(RATE, 0, 1), NULL, noise, count);
    double reduction = db(signal_energy(off + count - tail, tail) / (signal_energy(on + count - tail, tail) + 1e-9));
    printf("noise suppression: steady white noise is %.1f dB quieter\n", reduction);
    check(reduction >= 10, "noise suppression lowers steady noise by at least 10 dB");
    free(noise); free(off); free(on);
}

/* Signal-to-error ratio of a sine of known frequency, fitted in amplitude and phase. */
static double sine_snr(const int16_t* y, int count, int rate, double hz)
{
    double a = 0, b = 0, signal = 0, error = 0;
    for (int i = 0; i < count; i++) { a += y[i] * sin(2 * M_PI * hz * i / rate); b += y[i] * cos(2 * M_PI * hz * i / rate); }
    a *= 2.0 / count; b *= 2.0 / count;
    for (int i = 0; i < count; i++) {
        double fit = a * sin(2 * M_PI * hz * i / rate) + b * cos(2 * M_PI * hz * i / rate);
        signal += fit * fit;
        error += (y[i] - fit) * (y[i] - fit);
    }
    return db(signal / (error + 1e-9));
}

static void resampling_is_accurate(void)
{
    vna_dsp* dsp = NULL;
    vna_ring* out = NULL;
    vna_dsp_config c = config(48000, 0, 0);
    vna_ring_config rc = vna_ring_config_init(RATE * 4);
    if (vna_dsp_create(&c, &dsp) != VNA_SUCCESS || vna_ring_create(&rc, &out) != VNA_SUCCESS) exit(1);

    /* Capture: 48 kHz → 16 kHz. */
    int count = 48000 * 2;
    int16_t* high = malloc(sizeof(int16_t) * count);
    signal_tone(high, count, 48000, 1000, 12000);
    uint32_t lost = 0, got = 0;
    for (int i = 0; i < count; i += 480) got += vna_dsp_capture(dsp, high + i, 480, out, &lost);
    int16_t* low = malloc(sizeof(int16_t) * got);
    vna_ring_read(out, low, got);
    double down = sine_snr(low + 400, (int)got - 800, RATE, 1000);
    check(got >= (uint32_t)(RATE * 2 - 2 * BLOCK), "the capture resampler keeps the duration (2 s in, 2 s out)");

    /* Playback: 16 kHz → 48 kHz. */
    int16_t tone[RATE * 2];
    signal_tone(tone, RATE * 2, RATE, 1000, 12000);
    int16_t* up = malloc(sizeof(int16_t) * (48000 * 2 + 1000));
    int produced = 0;
    for (int i = 0; i < RATE * 2; i += 320) produced += (int)vna_dsp_playback(dsp, tone + i, 320, up + produced);
    double upsnr = sine_snr(up + 1200, produced - 2400, 48000, 1000);
    printf("resampling: a 1 kHz sine 48→16 kHz at %.1f dB SNR, 16→48 kHz at %.1f dB SNR; %d ms in → %u/%d ms out\n",
           down, upsnr, 2000, got / 16, produced / 48);
    check(down >= 60 && upsnr >= 60, "both resamplers keep a 1 kHz sine above 60 dB SNR");
    check(abs(produced - 48000 * 2) <= 240, "the playback resampler keeps the duration (within its 5 ms filter delay)");
    free(high); free(low); free(up);
    vna_ring_destroy(out);
    vna_dsp_destroy(dsp);
}

int main(void)
{
    echo_is_cancelled();
    echo_gate_covers_convergence();
    noise_is_suppressed();
    resampling_is_accurate();
    return failures == 0 ? 0 : 1;
}
