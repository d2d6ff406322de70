/* Real devices, capture-only mode: the "NPC" is played to PulseAudio's virtual speakers by another path than the
 * engine (an OpenAL playback device this test opens and feeds 20 ms buffers, as a host's mixer would), and the test
 * writes each buffer, as 48 kHz stereo float, to vna_engine_write_reference as it queues it. The capture-only engine
 * records the speakers' monitor (a perfect echo): with echo cancellation the echo must drop by at least 15 dB. The
 * engine's own playback path is measured in the same run with the same signals, for comparison (the speech-like
 * figures are printed, not asserted: the 500 ms filter learns noise slowly and they vary with the machine's load).
 * Echo gate and noise suppression are off, so the figures are the canceller's (with its residual-echo suppression).
 * Needs VNA_TEST_PLAYBACK (see test_engine_pulse.c); without it the test is skipped (77). Built a second time as
 * bench_echo (VNA_FIGURES_ONLY), whose figures ./build.sh bench prints. */
#include "voicenpc_audio.h"
#include "signals.h"

#include <AL/al.h>
#include <AL/alc.h>
#include <speex/speex_resampler.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define RATE 16000
#define HOST 48000
#define SECONDS 8
#define BUFFER 960         /* 20 ms at 48 kHz */

/* The measured windows: after skip_ms (the canceller converges meanwhile), `windows` windows of window_ms each. The
 * quietest counts: the echo path through a loaded PulseAudio can shift for a moment, which one window would catch. */
static long skip_ms, window_ms, windows;

static int16_t far16[RATE * SECONDS], far48[HOST * SECONDS];

static void sleep_ms(long ms) { struct timespec t = { ms / 1000, (ms % 1000) * 1000000L }; nanosleep(&t, NULL); }

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static vna_engine* open_engine(const char* sink, const char* monitor, int capture_only, int echo_cancellation)
{
    vna_engine_config config = vna_engine_config_init();
    config.capture_device = monitor;
    config.playback_device = capture_only ? NULL : sink;
    config.capture_only = capture_only;
    config.echo_cancellation = echo_cancellation;
    config.echo_gate = 0;
    config.noise_suppression = 0;
    config.ring_ms = 9000;   /* the own-playback run writes the whole signal at once */
    config.reference_sample_rate = HOST;
    vna_engine* e = NULL;
    vna_result r = vna_engine_create(&config, &e);
    if (r != VNA_SUCCESS) { fprintf(stderr, "engine create failed: %d (capture %s)\n", r, monitor); exit(1); }
    if (vna_engine_start(e) != VNA_SUCCESS) exit(1);
    return e;
}

/* The other path: a plain OpenAL streaming source on the virtual speakers. */
typedef struct player { ALCdevice* device; ALCcontext* context; ALuint source, buffers[4]; int free_count; ALuint free[4]; size_t next; } player;

static void player_open(player* p, const char* sink)
{
    memset(p, 0, sizeof *p);
    p->device = alcOpenDevice(sink);
    if (p->device == NULL) { fprintf(stderr, "could not open %s for the test's own playback\n", sink); exit(1); }
    p->context = alcCreateContext(p->device, NULL);
    alcMakeContextCurrent(p->context);
    alGenSources(1, &p->source);
    alGenBuffers(4, p->buffers);
    memcpy(p->free, p->buffers, sizeof p->buffers);
    p->free_count = 4;
}

static void player_close(player* p)
{
    alSourceStop(p->source);
    alDeleteSources(1, &p->source);
    alDeleteBuffers(4, p->buffers);
    alcMakeContextCurrent(NULL);
    alcDestroyContext(p->context);
    alcCloseDevice(p->device);
}

/* Keeps up to four 20 ms buffers queued; each one queued is also written to the engine as the echo reference. */
static void player_feed(player* p, vna_engine* e)
{
    ALint processed = 0, state = 0;
    alGetSourcei(p->source, AL_BUFFERS_PROCESSED, &processed);
    while (processed-- > 0) alSourceUnqueueBuffers(p->source, 1, &p->free[p->free_count++]);
    static float stereo[2 * BUFFER];
    while (p->free_count > 0 && p->next + BUFFER <= sizeof far48 / sizeof far48[0]) {
        ALuint buffer = p->free[--p->free_count];
        alBufferData(buffer, AL_FORMAT_MONO16, far48 + p->next, BUFFER * 2, HOST);
        alSourceQueueBuffers(p->source, 1, &buffer);
        for (int i = 0; i < BUFFER; i++) stereo[2 * i] = stereo[2 * i + 1] = far48[p->next + i] / 32768.0f;
        vna_engine_write_reference(e, stereo, BUFFER, 2);
        p->next += BUFFER;
    }
    alGetSourcei(p->source, AL_SOURCE_STATE, &state);
    if (state != AL_PLAYING && p->free_count < 4) alSourcePlay(p->source);
}

/* Waits for 200 ms of quiet capture, then plays the signal (by the player or the engine) and returns the capture's
 * mean energy over the quietest measured window. */
static double echo_energy(vna_engine* e, player* p)
{
    int16_t block[320];
    int quiet = 0;
    double start = now_ms();
    while (quiet < 3200) {
        if (now_ms() - start > 5000) { fprintf(stderr, "no quiet capture within 5 s\n"); exit(1); }
        uint32_t got = vna_ring_read(vna_engine_capture_ring(e), block, 320);
        for (uint32_t i = 0; i < got; i++) quiet = abs(block[i]) < 300 ? quiet + 1 : 0;
        if (got == 0) sleep_ms(5);
    }
    if (p == NULL) vna_ring_write(vna_engine_playback_ring(e), far16, RATE * SECONDS);
    long captured = 0, skip = RATE / 1000 * skip_ms, length = RATE / 1000 * window_ms, end = skip + length * windows;
    double sum = 0, quietest = -1;
    start = now_ms();
    while (captured < end) {
        if (now_ms() - start > 15000) { fprintf(stderr, "capture stopped flowing\n"); exit(1); }
        if (p) player_feed(p, e);
        uint32_t got = vna_ring_read(vna_engine_capture_ring(e), block, 320);
        for (uint32_t i = 0; i < got && captured < end; i++, captured++) {
            if (captured < skip) continue;
            sum += (double)block[i] * block[i];
            if ((captured - skip + 1) % length != 0) continue;
            if (quietest < 0 || sum / length < quietest) quietest = sum / length;
            sum = 0;
        }
        if (got == 0) sleep_ms(5);
    }
    return quietest;
}

static double external_path(const char* sink, const char* monitor, int echo_cancellation, vna_engine_stats* stats)
{
    vna_engine* e = open_engine(sink, monitor, 1, echo_cancellation);
    player p;
    player_open(&p, sink);
    double energy = echo_energy(e, &p);
    player_close(&p);
    vna_engine_get_stats(e, stats);
    vna_engine_destroy(e);
    return energy;
}

static double own_path(const char* sink, const char* monitor, int echo_cancellation)
{
    vna_engine* e = open_engine(sink, monitor, 0, echo_cancellation);
    double energy = echo_energy(e, NULL);
    vna_engine_destroy(e);
    return energy;
}

/* The signal both paths play: a 440 Hz tone (measured from 1.6 s in, as test_engine_pulse does) or speech-like noise, which
 * the 500 ms filter takes longer to learn (measured 5 s in). */
static void prepare(int speech)
{
    if (speech) signal_speechlike(far16, RATE * SECONDS, RATE, 8000);
    else signal_tone(far16, RATE * SECONDS, RATE, 440, 8000);
    skip_ms = speech ? 5000 : 1600;
    window_ms = speech ? 2000 : 400;
    windows = speech ? 1 : 6;   /* 1.6 s + 6 × 0.4 s of the 8 s tone */
    int error = 0;
    SpeexResamplerState* up = speex_resampler_init(1, RATE, HOST, 5, &error);
    spx_uint32_t in_length = RATE * SECONDS, out_length = HOST * SECONDS;
    speex_resampler_process_int(up, 0, far16, &in_length, far48, &out_length);
    speex_resampler_destroy(up);
}

static double db(double off, double on) { return 10 * log10(off / (on + 1e-9)); }

int main(void)
{
    const char* sink = getenv("VNA_TEST_PLAYBACK");
    if (sink == NULL || *sink == 0) { printf("skipped: VNA_TEST_PLAYBACK is not set\n"); return 77; }
    char monitor[256];
    snprintf(monitor, sizeof monitor, "Monitor of %s", sink);

    int ok = 1;
    vna_engine_stats off_stats, on_stats, ignored;
    prepare(0);
    double external_off = external_path(sink, monitor, 0, &off_stats);
    double external_on = external_path(sink, monitor, 1, &on_stats);
    double tone_external = db(external_off, external_on), tone_own = db(own_path(sink, monitor, 0), own_path(sink, monitor, 1));
    prepare(1);
    double speech_external = db(external_path(sink, monitor, 0, &ignored), external_path(sink, monitor, 1, &ignored));
    double speech_own = db(own_path(sink, monitor, 0), own_path(sink, monitor, 1));
    printf("echo reduction through PulseAudio, external reference (capture-only) vs the core's own playback:\n"
           "  440 Hz tone      %5.1f dB vs %5.1f dB\n  speech-like noise %5.1f dB vs %5.1f dB\n",
           tone_external, tone_own, speech_external, speech_own);
    printf("capture-only stats: captured %llu, played %llu, reference frames %llu, underrun samples %llu, dropped %llu, level %u, overruns %llu\n",
           (unsigned long long)on_stats.captured_samples, (unsigned long long)on_stats.played_samples,
           (unsigned long long)on_stats.reference_frames, (unsigned long long)on_stats.reference_underruns,
           (unsigned long long)on_stats.reference_dropped, on_stats.reference_level, (unsigned long long)on_stats.reference_overruns);
    if (external_off < 1e5) { fprintf(stderr, "the test's own playback never reached the monitor (energy %.0f)\n", external_off); ok = 0; }
    if (tone_external < 15) { fprintf(stderr, "the external reference lowered the echo by only %.1f dB\n", tone_external); ok = 0; }
    if (!on_stats.capture_only || on_stats.played_samples != 0 || on_stats.queued_playback_samples != 0 || on_stats.playback_underruns != 0) {
        fprintf(stderr, "capture-only stats report playback\n"); ok = 0;
    }
    if (on_stats.reference_frames == 0) { fprintf(stderr, "the engine took no reference\n"); ok = 0; }
    if (off_stats.reference_frames != 0) { fprintf(stderr, "without echo cancellation the engine took a reference\n"); ok = 0; }
    if (!ok) fprintf(stderr, "capture-only echo cancellation through PulseAudio failed\n");
#ifdef VNA_FIGURES_ONLY
    return 0;   /* bench_echo: ./build.sh bench prints the figures; the test is what fails */
#else
    return ok ? 0 : 1;
#endif
}
