/* The audio engine: one real-time thread that owns OpenAL. Every period it drains the capture device into the
 * capture ring (dropping a backlog beyond a bound, as PulseAudio can build one up) and keeps the streaming source
 * fed from the playback ring. After start-up it allocates nothing, takes no lock and never calls managed code:
 * the other side talks to it only through the two rings and a few atomics. */
#include "voicenpc_audio.h"

#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VNA_PLAYBACK_BUFFERS 4

struct vna_engine {
    vna_engine_config config;
    ALCdevice* capture;
    ALCdevice* playback;
    ALCcontext* context;
    ALuint source;
    ALuint buffers[VNA_PLAYBACK_BUFFERS];
    ALuint free_buffers[VNA_PLAYBACK_BUFFERS];
    int free_count;
    vna_ring* capture_ring;
    vna_ring* playback_ring;
    int16_t* scratch;
    pthread_t thread;
    _Atomic int running;
    _Atomic int clear_requested;
    _Atomic uint64_t captured, played, overruns, underruns, dropped_backlog;
    _Atomic uint32_t queued_playback, capture_peak;
    _Atomic int device_lost;
    int started_playing;
};

vna_engine_config vna_engine_config_init(void)
{
    vna_engine_config c;
    memset(&c, 0, sizeof c);
    c.sample_rate = 16000;
    c.period_frames = 320;
    c.capture_buffer_ms = 100;
    c.max_capture_backlog_ms = 200;
    c.ring_ms = 2000;
    return c;
}

static void close_devices(vna_engine* e)
{
    if (e->context) {
        alcMakeContextCurrent(e->context);
        if (e->source) alDeleteSources(1, &e->source);
        if (e->buffers[0]) alDeleteBuffers(VNA_PLAYBACK_BUFFERS, e->buffers);
        alcMakeContextCurrent(NULL);
        alcDestroyContext(e->context);
    }
    if (e->playback) alcCloseDevice(e->playback);
    if (e->capture) alcCaptureCloseDevice(e->capture);
}

vna_result vna_engine_create(const vna_engine_config* config, vna_engine** out_engine)
{
    if (config == NULL || out_engine == NULL || config->sample_rate == 0 || config->period_frames == 0) return VNA_INVALID_ARGS;
    vna_engine* e = calloc(1, sizeof *e);
    if (e == NULL) return VNA_OUT_OF_MEMORY;
    e->config = *config;
    uint32_t ring = config->sample_rate / 1000 * config->ring_ms;
    vna_ring_config rc = vna_ring_config_init(ring > config->period_frames * 4 ? ring : config->period_frames * 4);
    uint32_t scratch = config->sample_rate / 1000 * (config->max_capture_backlog_ms + config->capture_buffer_ms) + config->period_frames;
    e->scratch = calloc(scratch, sizeof(int16_t));
    if (e->scratch == NULL || vna_ring_create(&rc, &e->capture_ring) != VNA_SUCCESS || vna_ring_create(&rc, &e->playback_ring) != VNA_SUCCESS) {
        vna_engine_destroy(e);
        return VNA_OUT_OF_MEMORY;
    }
    e->capture = alcCaptureOpenDevice(config->capture_device, config->sample_rate, AL_FORMAT_MONO16,
                                      (ALCsizei)(config->sample_rate / 1000 * config->capture_buffer_ms));
    e->playback = alcOpenDevice(config->playback_device);
    if (e->capture == NULL || e->playback == NULL) { vna_engine_destroy(e); return VNA_DEVICE_UNAVAILABLE; }
    e->context = alcCreateContext(e->playback, NULL);
    if (e->context == NULL || !alcMakeContextCurrent(e->context)) { vna_engine_destroy(e); return VNA_DEVICE_UNAVAILABLE; }
    alGenSources(1, &e->source);
    alGenBuffers(VNA_PLAYBACK_BUFFERS, e->buffers);
    ALenum error = alGetError();
    alcMakeContextCurrent(NULL);
    if (error != AL_NO_ERROR) { vna_engine_destroy(e); return VNA_DEVICE_UNAVAILABLE; }
    memcpy(e->free_buffers, e->buffers, sizeof e->buffers);
    e->free_count = VNA_PLAYBACK_BUFFERS;
    *out_engine = e;
    return VNA_SUCCESS;
}

static void pump_capture(vna_engine* e)
{
    ALCint available = 0;
    alcGetIntegerv(e->capture, ALC_CAPTURE_SAMPLES, 1, &available);
    ALCint backlog = (ALCint)(e->config.sample_rate / 1000 * e->config.max_capture_backlog_ms);
    if (available > backlog) {
        /* Too far behind real time: keep the newest audio, count the rest as dropped. */
        ALCint drop = available - backlog;
        alcCaptureSamples(e->capture, e->scratch, drop);
        atomic_fetch_add(&e->dropped_backlog, (uint64_t)drop);
        available = backlog;
    }
    if (available <= 0) return;
    alcCaptureSamples(e->capture, e->scratch, available);
    int16_t peak = 0;
    for (ALCint i = 0; i < available; i++) {
        int16_t s = e->scratch[i] < 0 ? (int16_t)-(e->scratch[i] + 1) : e->scratch[i];
        if (s > peak) peak = s;
    }
    atomic_store(&e->capture_peak, (uint32_t)peak);
    uint32_t written = vna_ring_write(e->capture_ring, e->scratch, (uint32_t)available);
    atomic_fetch_add(&e->captured, written);
    if (written < (uint32_t)available) atomic_fetch_add(&e->overruns, (uint64_t)(available - (ALCint)written));
}

static void pump_playback(vna_engine* e)
{
    ALint processed = 0, state = 0;
    if (atomic_exchange(&e->clear_requested, 0)) {
        alSourceStop(e->source);
        alGetSourcei(e->source, AL_BUFFERS_PROCESSED, &processed);
        while (processed-- > 0) alSourceUnqueueBuffers(e->source, 1, &e->free_buffers[e->free_count++]);
        vna_ring_discard(e->playback_ring);
        e->started_playing = 0;
    }
    alGetSourcei(e->source, AL_BUFFERS_PROCESSED, &processed);
    while (processed-- > 0) {
        ALuint buffer;
        ALint size = 0;
        alSourceUnqueueBuffers(e->source, 1, &buffer);
        alGetBufferi(buffer, AL_SIZE, &size);
        atomic_fetch_add(&e->played, (uint64_t)(size / 2));
        e->free_buffers[e->free_count++] = buffer;
    }
    uint32_t period = e->config.period_frames;
    while (e->free_count > 0 && vna_ring_readable(e->playback_ring) >= period) {
        ALuint buffer = e->free_buffers[--e->free_count];
        vna_ring_read(e->playback_ring, e->scratch, period);
        alBufferData(buffer, AL_FORMAT_MONO16, e->scratch, (ALsizei)(period * 2), (ALsizei)e->config.sample_rate);
        alSourceQueueBuffers(e->source, 1, &buffer);
    }
    atomic_store(&e->queued_playback, (uint32_t)(VNA_PLAYBACK_BUFFERS - e->free_count) * period + vna_ring_readable(e->playback_ring));
    alGetSourcei(e->source, AL_SOURCE_STATE, &state);
    if (state != AL_PLAYING && e->free_count < VNA_PLAYBACK_BUFFERS) {
        if (e->started_playing) atomic_fetch_add(&e->underruns, 1);
        e->started_playing = 1;
        alSourcePlay(e->source);
    }
}

static void check_devices(vna_engine* e)
{
    ALCint connected = 1;
    if (alcIsExtensionPresent(e->playback, "ALC_EXT_disconnect")) {
        alcGetIntegerv(e->playback, ALC_CONNECTED, 1, &connected);
        if (!connected) atomic_store(&e->device_lost, 1);
        alcGetIntegerv(e->capture, ALC_CONNECTED, 1, &connected);
        if (!connected) atomic_store(&e->device_lost, 1);
    }
}

static void* audio_thread(void* arg)
{
    vna_engine* e = arg;
    alcMakeContextCurrent(e->context);
    alcCaptureStart(e->capture);
    long period_ns = (long)e->config.period_frames * 1000000000L / (long)e->config.sample_rate;
    struct timespec nap = { 0, period_ns / 2 };   /* poll twice a period: latency without spinning */
    while (atomic_load(&e->running)) {
        pump_capture(e);
        pump_playback(e);
        check_devices(e);
        nanosleep(&nap, NULL);
    }
    alcCaptureStop(e->capture);
    alSourceStop(e->source);
    alcMakeContextCurrent(NULL);
    return NULL;
}

vna_result vna_engine_start(vna_engine* e)
{
    if (e == NULL || atomic_load(&e->running)) return VNA_INVALID_ARGS;
    atomic_store(&e->running, 1);
    if (pthread_create(&e->thread, NULL, audio_thread, e) != 0) { atomic_store(&e->running, 0); return VNA_OUT_OF_MEMORY; }
    return VNA_SUCCESS;
}

void vna_engine_destroy(vna_engine* e)
{
    if (e == NULL) return;
    if (atomic_exchange(&e->running, 0)) pthread_join(e->thread, NULL);
    close_devices(e);
    vna_ring_destroy(e->capture_ring);
    vna_ring_destroy(e->playback_ring);
    free(e->scratch);
    free(e);
}

vna_ring* vna_engine_capture_ring(vna_engine* e) { return e == NULL ? NULL : e->capture_ring; }
vna_ring* vna_engine_playback_ring(vna_engine* e) { return e == NULL ? NULL : e->playback_ring; }

vna_result vna_engine_clear_playback(vna_engine* e)
{
    if (e == NULL) return VNA_INVALID_ARGS;
    atomic_store(&e->clear_requested, 1);
    return VNA_SUCCESS;
}

vna_result vna_engine_get_stats(vna_engine* e, vna_engine_stats* out)
{
    if (e == NULL || out == NULL) return VNA_INVALID_ARGS;
    out->captured_samples = atomic_load(&e->captured);
    out->played_samples = atomic_load(&e->played);
    out->capture_overruns = atomic_load(&e->overruns);
    out->playback_underruns = atomic_load(&e->underruns);
    out->dropped_backlog_samples = atomic_load(&e->dropped_backlog);
    out->queued_playback_samples = atomic_load(&e->queued_playback);
    out->capture_peak = atomic_load(&e->capture_peak);
    out->device_lost = atomic_load(&e->device_lost);
    return VNA_SUCCESS;
}
