/* Deterministic test signals for the DSP tests and benchmark: speech-like noise, tones and a synthetic room echo. */
#ifndef VNA_TEST_SIGNALS_H
#define VNA_TEST_SIGNALS_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static uint32_t signal_seed = 12345;

static inline double signal_noise(void)   /* uniform in [-1, 1), xorshift: the same on every machine */
{
    signal_seed ^= signal_seed << 13;
    signal_seed ^= signal_seed >> 17;
    signal_seed ^= signal_seed << 5;
    return (signal_seed / 4294967296.0) * 2 - 1;
}

/* Noise coloured like a voice (a resonant two-pole filter) with a 4 Hz syllable envelope. */
static inline void signal_speechlike(int16_t* out, int count, int rate, double amplitude)
{
    double y1 = 0, y2 = 0, r = 0.95, w = 2 * M_PI * 500.0 / rate;
    for (int i = 0; i < count; i++) {
        double y = signal_noise() + 2 * r * cos(w) * y1 - r * r * y2;
        y2 = y1;
        y1 = y;
        double envelope = 0.55 + 0.45 * sin(2 * M_PI * 4.0 * i / rate);
        double s = amplitude * envelope * y * 0.1;
        out[i] = (int16_t)(s > 32767 ? 32767 : s < -32768 ? -32768 : s);
    }
}

static inline void signal_tone(int16_t* out, int count, int rate, double hz, double amplitude)
{
    for (int i = 0; i < count; i++) out[i] = (int16_t)(amplitude * sin(2 * M_PI * hz * i / rate));
}

/* A room: the direct path after `delay` samples, then 40 ms of decaying reflections. */
static inline void signal_room_echo(const int16_t* far, int16_t* echo, int count, int rate, int delay, double gain)
{
    int taps = rate / 25;
    double* h = calloc((size_t)taps, sizeof(double));
    h[0] = 1.0;
    for (int k = 1; k < taps; k++) h[k] = 0.3 * signal_noise() * exp(-6.0 * k / taps);
    for (int i = 0; i < count; i++) {
        double acc = 0;
        for (int k = 0; k < taps; k++) {
            int j = i - delay - k;
            if (j >= 0) acc += h[k] * far[j];
        }
        acc *= gain;
        echo[i] = (int16_t)(acc > 32767 ? 32767 : acc < -32768 ? -32768 : acc);
    }
    free(h);
}

static inline double signal_energy(const int16_t* x, int count)
{
    double sum = 0;
    for (int i = 0; i < count; i++) sum += (double)x[i] * x[i];
    return sum / (count > 0 ? count : 1);
}

#endif
