/* DSP cost per 20 ms frame, as the engine runs it (48 kHz devices, 16 kHz pipeline): capture resampling, echo
 * cancellation with a 500 ms tail, noise suppression, and playback resampling with the echo reference. */
#include "../src/vna_dsp.h"
#include "../tests/signals.h"

#include <stdio.h>
#include <time.h>

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void measure(const char* name, int echo, int noise, uint32_t device_rate)
{
    vna_dsp_config c = { .device_rate = device_rate, .pipeline_rate = 16000, .max_device_chunk = 4800, .echo_cancellation = echo,
                         .echo_tail_ms = 500, .noise_suppression = noise, .noise_suppress_db = -25, .resampler_quality = 5 };
    vna_dsp* dsp = NULL;
    vna_ring* out = NULL;
    vna_ring_config rc = vna_ring_config_init(8192);
    if (vna_dsp_create(&c, &dsp) != VNA_SUCCESS || vna_ring_create(&rc, &out) != VNA_SUCCESS) return;
    enum { FRAMES = 3000 };   /* 60 s of audio */
    uint32_t device_frame = device_rate / 50;
    static int16_t far[320], mic[960], device[1024], sink[8192];
    signal_speechlike(far, 320, 16000, 8000);
    signal_speechlike(mic, (int)device_frame, (int)device_rate, 6000);
    double start = seconds();
    for (int i = 0; i < FRAMES; i++) {
        uint32_t lost;
        vna_dsp_playback(dsp, far, 320, device);
        vna_dsp_capture(dsp, mic, device_frame, out, &lost);
        vna_ring_read(out, sink, 8192);
    }
    double per_frame = (seconds() - start) / FRAMES;
    printf("  %-44s %7.1f us per 20 ms frame  %5.2f %% of one core\n", name, per_frame * 1e6, per_frame / 0.020 * 100);
    vna_ring_destroy(out);
    vna_dsp_destroy(dsp);
}

int main(void)
{
    printf("Native DSP cost (speexdsp, 60 s of audio in 20 ms frames):\n");
    measure("resample 48k<->16k + AEC (500 ms) + NS", 1, 1, 48000);
    measure("resample 48k<->16k only", 0, 0, 48000);
    measure("AEC (500 ms tail) + residual echo, 16k", 1, 0, 16000);
    measure("noise suppression only, 16k", 0, 1, 16000);
    return 0;
}
