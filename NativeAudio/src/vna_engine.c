/* The audio engine: one real-time thread that owns OpenAL. Every half period it drains the capture device through
 * the DSP into the capture ring (dropping a backlog beyond a bound, as PulseAudio can build one up) and keeps the
 * streaming source fed from the playback ring. In capture-only mode there is no playback device: the echo reference
 * is what the host wrote (vna_reference.c), moved into the DSP just before each capture.
 * After start-up our code allocates nothing, takes no lock the other side can hold and never calls managed code: the
 * other side talks to it only through the rings and a few atomics. (OpenAL Soft's own device-list lock and buffer
 * reallocation are outside our control; see ARCHITECTURE.) */
#include "vna_dsp.h"
#include "vna_reference.h"

#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define VNA_PLAYBACK_BUFFERS 4
#define VNA_NAME_LENGTH 512

struct vna_engine {
    vna_engine_config config;
    char capture_name[VNA_NAME_LENGTH], playback_name[VNA_NAME_LENGTH];
    ALCdevice* capture;
    ALCdevice* playback;
    ALCcontext* context;
    ALuint source;
    ALuint buffers[VNA_PLAYBACK_BUFFERS];
    ALuint free_buffers[VNA_PLAYBACK_BUFFERS];
    int free_count;
    uint32_t queued_counts[VNA_PLAYBACK_BUFFERS];   /* pipeline samples per queued buffer, oldest first */
    int queued_head;
    uint64_t completed;                             /* pipeline samples of buffers played to the end */
    vna_dsp* dsp;
    vna_reference* reference;                       /* capture-only mode with echo cancellation: the host's reference */
    int capture_flowing;                            /* the microphone has delivered since the thread started */
    vna_ring* capture_ring;
    vna_ring* playback_ring;
    int16_t* capture_scratch;                       /* device rate, capture_chunk samples */
    uint32_t capture_chunk;
    int16_t* period_scratch;                        /* pipeline rate */
    int16_t* playback_scratch;                      /* device rate */
    pthread_t thread;
    _Atomic int running;
    _Atomic int clear_requested;
    _Atomic uint64_t captured, played, overruns, underruns, dropped_backlog, dsp_ns, gated, reference_underruns;
    _Atomic uint32_t queued_playback, source_queued, capture_peak;
    _Atomic int device_lost;
    _Atomic int realtime;
    int started_playing;
    int started;                                    /* vna_engine_start succeeded: reopening restarts the thread */
    uint32_t last_level;                            /* playback ring level at the previous poll */
};

/* Each engine's thread makes its own context current for itself only (ALC_EXT_thread_local_context): with the
 * process-wide alcMakeContextCurrent, two engines in one process would send each other's calls to the wrong context. */
static PFNALCSETTHREADCONTEXTPROC set_thread_context;
static pthread_once_t thread_context_once = PTHREAD_ONCE_INIT;

static void find_thread_context(void)
{
    if (alcIsExtensionPresent(NULL, "ALC_EXT_thread_local_context"))
        set_thread_context = (PFNALCSETTHREADCONTEXTPROC)alcGetProcAddress(NULL, "alcSetThreadContext");
}

static int use_context(ALCcontext* context)
{
    pthread_once(&thread_context_once, find_thread_context);
    return set_thread_context ? set_thread_context(context) : alcMakeContextCurrent(context);
}

vna_engine_config vna_engine_config_init(void)
{
    vna_engine_config c;
    memset(&c, 0, sizeof c);
    c.sample_rate = 16000;
    c.device_sample_rate = 48000;
    c.period_frames = 320;
    c.capture_buffer_ms = 100;
    c.max_capture_backlog_ms = 200;
    c.ring_ms = 2000;
    c.echo_cancellation = 1;
    c.echo_tail_ms = 500;
    c.echo_gate = 1;
    c.noise_suppression = 1;
    c.noise_suppress_db = -25;
    c.resampler_quality = 5;
    c.capture_only = 0;
    c.reference_sample_rate = 48000;
    c.reference_delay_ms = 0;
    c.max_reference_backlog_ms = 20;
    return c;
}

static uint32_t device_samples(const vna_engine* e, uint32_t ms) { return e->config.device_sample_rate / 1000 * ms; }

static void close_devices(vna_engine* e)
{
    if (e->context) {
        use_context(e->context);
        if (e->source) alDeleteSources(1, &e->source);
        if (e->buffers[0]) alDeleteBuffers(VNA_PLAYBACK_BUFFERS, e->buffers);
        use_context(NULL);
        alcDestroyContext(e->context);
    }
    if (e->playback) alcCloseDevice(e->playback);
    if (e->capture) alcCaptureCloseDevice(e->capture);
    e->context = NULL;
    e->playback = e->capture = NULL;
    e->source = 0;
    memset(e->buffers, 0, sizeof e->buffers);
}

static vna_result open_devices(vna_engine* e)
{
    const char* capture = e->capture_name[0] ? e->capture_name : NULL;
    const char* playback = e->playback_name[0] ? e->playback_name : NULL;
    /* OpenAL Soft resolves names against the device list it probed last: probe again, so a device added (or back)
     * since then is found. */
    uint32_t ignored;
    if (capture) vna_device_count(VNA_DEVICE_CAPTURE, &ignored);
    if (playback) vna_device_count(VNA_DEVICE_PLAYBACK, &ignored);
    e->capture = alcCaptureOpenDevice(capture, e->config.device_sample_rate, AL_FORMAT_MONO16, (ALCsizei)device_samples(e, e->config.capture_buffer_ms));
    if (e->capture == NULL) return VNA_DEVICE_UNAVAILABLE;
    if (e->config.capture_only) {
        atomic_store(&e->device_lost, 0);
        return VNA_SUCCESS;
    }
    e->playback = alcOpenDevice(playback);
    if (e->playback == NULL) { close_devices(e); return VNA_DEVICE_UNAVAILABLE; }
    e->context = alcCreateContext(e->playback, NULL);
    if (e->context == NULL || !use_context(e->context)) { close_devices(e); return VNA_DEVICE_UNAVAILABLE; }
    alGenSources(1, &e->source);
    alGenBuffers(VNA_PLAYBACK_BUFFERS, e->buffers);
    ALenum error = alGetError();
    use_context(NULL);
    if (error != AL_NO_ERROR) { close_devices(e); return VNA_DEVICE_UNAVAILABLE; }
    memcpy(e->free_buffers, e->buffers, sizeof e->buffers);
    e->free_count = VNA_PLAYBACK_BUFFERS;
    e->queued_head = 0;
    e->started_playing = 0;
    atomic_store(&e->device_lost, 0);
    return VNA_SUCCESS;
}

static int copy_name(char* target, const char* name)
{
    if (name == NULL) { target[0] = 0; return 1; }
    return snprintf(target, VNA_NAME_LENGTH, "%s", name) < VNA_NAME_LENGTH;
}

vna_result vna_engine_create(const vna_engine_config* config, vna_engine** out_engine)
{
    if (config == NULL || out_engine == NULL || config->sample_rate == 0 || config->device_sample_rate == 0 ||
        config->period_frames == 0 || config->capture_buffer_ms == 0 || config->max_capture_backlog_ms == 0 || config->ring_ms == 0 ||
        (config->echo_cancellation && config->echo_tail_ms == 0)) return VNA_INVALID_ARGS;
    int external_reference = config->capture_only && config->echo_cancellation;
    if (external_reference && (config->reference_sample_rate < 8000 || config->reference_sample_rate > 192000 ||
        config->max_reference_backlog_ms == 0 || config->reference_delay_ms > 1000)) return VNA_INVALID_ARGS;
    vna_engine* e = calloc(1, sizeof *e);
    if (e == NULL) return VNA_OUT_OF_MEMORY;
    e->config = *config;
    e->config.capture_device = e->config.playback_device = NULL;
    if (!copy_name(e->capture_name, config->capture_device) || !copy_name(e->playback_name, config->playback_device)) { free(e); return VNA_INVALID_ARGS; }

    uint32_t ring = config->sample_rate / 1000 * config->ring_ms;
    vna_ring_config rc = vna_ring_config_init(ring > config->period_frames * 4 ? ring : config->period_frames * 4);
    uint32_t capture_chunk = device_samples(e, config->max_capture_backlog_ms + config->capture_buffer_ms) + config->period_frames;
    vna_dsp_config dc = {
        .device_rate = config->device_sample_rate, .pipeline_rate = config->sample_rate, .max_device_chunk = capture_chunk,
        .echo_cancellation = config->echo_cancellation, .echo_tail_ms = config->echo_tail_ms, .echo_gate = config->echo_gate,
        .noise_suppression = config->noise_suppression, .noise_suppress_db = config->noise_suppress_db,
        .resampler_quality = config->resampler_quality,
    };
    e->capture_chunk = capture_chunk;
    e->capture_scratch = calloc(capture_chunk, sizeof(int16_t));
    e->period_scratch = calloc(config->period_frames, sizeof(int16_t));
    if (e->capture_scratch == NULL || e->period_scratch == NULL || vna_dsp_create(&dc, &e->dsp) != VNA_SUCCESS ||
        (e->playback_scratch = calloc(vna_dsp_playback_max(e->dsp, config->period_frames), sizeof(int16_t))) == NULL ||
        vna_ring_create(&rc, &e->capture_ring) != VNA_SUCCESS ||
        (!config->capture_only && vna_ring_create(&rc, &e->playback_ring) != VNA_SUCCESS) ||
        (external_reference && vna_reference_create(&(vna_reference_config){ .host_rate = config->reference_sample_rate,
            .pipeline_rate = config->sample_rate, .max_backlog_ms = config->max_reference_backlog_ms, .delay_ms = config->reference_delay_ms,
            .resampler_quality = config->resampler_quality }, &e->reference) != VNA_SUCCESS)) {
        vna_engine_destroy(e);
        return VNA_OUT_OF_MEMORY;
    }
    vna_result r = open_devices(e);
    if (r != VNA_SUCCESS) { vna_engine_destroy(e); return r; }
    *out_engine = e;
    return VNA_SUCCESS;
}

static uint64_t monotonic_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

static void pump_capture(vna_engine* e)
{
    ALCint available = 0;
    alcGetIntegerv(e->capture, ALC_CAPTURE_SAMPLES, 1, &available);
    ALCint backlog = (ALCint)device_samples(e, e->config.max_capture_backlog_ms);
    /* The host's reference up to now, in step with the capture that follows (every captured sample takes one, and a
     * dropped capture backlog drops the reference it would have taken). */
    if (e->reference) vna_reference_pump(e->reference, e->dsp, e->capture_flowing);
    while (available > backlog) {
        /* Too far behind real time: keep the newest audio, count the rest as dropped (in scratch-sized steps). */
        ALCint drop = available - backlog;
        if (drop > (ALCint)e->capture_chunk) drop = (ALCint)e->capture_chunk;
        alcCaptureSamples(e->capture, e->capture_scratch, drop);
        vna_dsp_skip_reference(e->dsp, (uint32_t)drop);
        atomic_fetch_add(&e->dropped_backlog, (uint64_t)drop);
        available -= drop;
    }
    if (available > (ALCint)e->capture_chunk) available = (ALCint)e->capture_chunk;
    if (available <= 0) return;
    e->capture_flowing = 1;
    alcCaptureSamples(e->capture, e->capture_scratch, available);
    int16_t peak = 0;
    for (ALCint i = 0; i < available; i++) {
        int16_t s = e->capture_scratch[i] < 0 ? (int16_t)-(e->capture_scratch[i] + 1) : e->capture_scratch[i];
        if (s > peak) peak = s;
    }
    atomic_store(&e->capture_peak, (uint32_t)peak);
    uint32_t lost = 0;
    uint64_t start = monotonic_ns();
    uint32_t written = vna_dsp_capture(e->dsp, e->capture_scratch, (uint32_t)available, e->capture_ring, &lost);
    atomic_fetch_add(&e->dsp_ns, monotonic_ns() - start);
    atomic_fetch_add(&e->captured, written);
    atomic_store(&e->gated, vna_dsp_gated_frames(e->dsp) * (e->config.sample_rate / 100));
    if (lost > 0) atomic_fetch_add(&e->overruns, lost);
    if (e->reference) {
        vna_reference_after_capture(e->reference, e->dsp, written + lost);
        atomic_store(&e->reference_underruns, vna_dsp_reference_underruns(e->dsp));
    }
}

static void count_played_buffer(vna_engine* e)
{
    e->completed += e->queued_counts[e->queued_head];
    e->queued_head = (e->queued_head + 1) % VNA_PLAYBACK_BUFFERS;
}

static void clear_playback(vna_engine* e)
{
    ALint processed = 0;
    /* Buffers already finished were heard; the rest never will be. */
    alGetSourcei(e->source, AL_BUFFERS_PROCESSED, &processed);
    while (processed-- > 0) count_played_buffer(e);
    alSourceStop(e->source);
    alGetSourcei(e->source, AL_BUFFERS_PROCESSED, &processed);
    while (processed-- > 0) alSourceUnqueueBuffers(e->source, 1, &e->free_buffers[e->free_count++]);
    e->queued_head = 0;
    /* The part of the stopped buffer already heard stays counted, so the played count never runs backwards. */
    uint64_t shown = atomic_load(&e->played);
    if (shown > e->completed) e->completed = shown;
    vna_ring_discard(e->playback_ring);
    vna_dsp_forget_reference(e->dsp);
    e->started_playing = 0;
}

static void pump_playback(vna_engine* e)
{
    ALint processed = 0, state = 0, offset = 0;
    if (atomic_exchange(&e->clear_requested, 0)) clear_playback(e);
    alGetSourcei(e->source, AL_BUFFERS_PROCESSED, &processed);
    while (processed-- > 0) {
        ALuint buffer;
        alSourceUnqueueBuffers(e->source, 1, &buffer);
        count_played_buffer(e);
        e->free_buffers[e->free_count++] = buffer;
    }
    /* An underrun: the source ran dry although audio was waiting for it (the thread was late), not the end of a line. */
    alGetSourcei(e->source, AL_SOURCE_STATE, &state);
    if (state != AL_PLAYING && e->started_playing && vna_ring_readable(e->playback_ring) > 0) atomic_fetch_add(&e->underruns, 1);
    uint32_t period = e->config.period_frames;
    uint32_t level = vna_ring_readable(e->playback_ring);
    int queued_before = VNA_PLAYBACK_BUFFERS - e->free_count;
    while (e->free_count > 0) {
        /* Whole periods; a shorter tail (the end of a line) only when the source is about to run dry and the ring
         * level has not moved since the last poll (so it is not the first part of a write still being committed). */
        uint32_t take = vna_ring_readable(e->playback_ring);
        if (take > period) take = period;
        if (take == 0 || (take < period && (e->free_count < VNA_PLAYBACK_BUFFERS - 1 || level != e->last_level))) break;
        ALuint buffer = e->free_buffers[--e->free_count];
        vna_ring_read(e->playback_ring, e->period_scratch, take);
        uint64_t start = monotonic_ns();
        uint32_t count = vna_dsp_playback(e->dsp, e->period_scratch, take, e->playback_scratch);
        atomic_fetch_add(&e->dsp_ns, monotonic_ns() - start);
        alBufferData(buffer, AL_FORMAT_MONO16, e->playback_scratch, (ALsizei)(count * 2), (ALsizei)e->config.device_sample_rate);
        alSourceQueueBuffers(e->source, 1, &buffer);
        int queued = VNA_PLAYBACK_BUFFERS - e->free_count;
        e->queued_counts[(e->queued_head + queued - 1) % VNA_PLAYBACK_BUFFERS] = take;
    }
    alGetSourcei(e->source, AL_SAMPLE_OFFSET, &offset);
    uint64_t within = (uint64_t)offset * e->config.sample_rate / e->config.device_sample_rate;
    uint64_t played = e->completed + (e->free_count < VNA_PLAYBACK_BUFFERS && within < e->queued_counts[e->queued_head] ? within : 0);
    if (played > atomic_load(&e->played)) atomic_store(&e->played, played);
    uint32_t on_source = 0;
    for (int i = 0; i < VNA_PLAYBACK_BUFFERS - e->free_count; i++) on_source += e->queued_counts[(e->queued_head + i) % VNA_PLAYBACK_BUFFERS];
    uint64_t heard = atomic_load(&e->played) - e->completed;
    on_source = on_source > heard ? on_source - (uint32_t)heard : 0;
    atomic_store(&e->source_queued, on_source);
    atomic_store(&e->queued_playback, on_source + vna_ring_readable(e->playback_ring));
    e->last_level = vna_ring_readable(e->playback_ring);
    alGetSourcei(e->source, AL_SOURCE_STATE, &state);
    if (state != AL_PLAYING && e->free_count < VNA_PLAYBACK_BUFFERS) {
        /* The source may have run dry after we counted processed buffers: those were heard and must not replay.
         * (A stopped source reports every queued buffer as processed, so only the ones queued before this fill.) */
        alGetSourcei(e->source, AL_BUFFERS_PROCESSED, &processed);
        if (processed > queued_before) processed = queued_before;
        while (processed-- > 0) {
            ALuint buffer;
            alSourceUnqueueBuffers(e->source, 1, &buffer);
            count_played_buffer(e);
            e->free_buffers[e->free_count++] = buffer;
        }
        if (e->free_count < VNA_PLAYBACK_BUFFERS) {
            e->started_playing = 1;
            alSourcePlay(e->source);
        }
    }
    if (e->free_count == VNA_PLAYBACK_BUFFERS && vna_ring_readable(e->playback_ring) == 0) e->started_playing = 0;   /* line over */
}

static void check_devices(vna_engine* e)
{
    ALCint connected = 1;
    if (alcIsExtensionPresent(e->capture, "ALC_EXT_disconnect")) {
        if (e->playback) {
            alcGetIntegerv(e->playback, ALC_CONNECTED, 1, &connected);
            if (!connected) atomic_store(&e->device_lost, 1);
        }
        alcGetIntegerv(e->capture, ALC_CONNECTED, 1, &connected);
        if (!connected) atomic_store(&e->device_lost, 1);
    }
}

static void* audio_thread(void* arg)
{
    vna_engine* e = arg;
    /* Real-time priority where the system grants it (rtkit, CAP_SYS_NICE, root); a normal thread otherwise. */
    struct sched_param priority = { .sched_priority = sched_get_priority_min(SCHED_FIFO) + 10 };
    atomic_store(&e->realtime, pthread_setschedparam(pthread_self(), SCHED_FIFO, &priority) == 0);
    if (e->context) use_context(e->context);
    /* A reference written before this start (or before a reopen) belongs to audio whose capture never comes. */
    e->capture_flowing = 0;
    if (e->reference) vna_reference_open(e->reference, e->dsp);
    alcCaptureStart(e->capture);
    long period_ns = (long)e->config.period_frames * 1000000000L / (long)e->config.sample_rate;
    struct timespec nap = { 0, period_ns / 2 };   /* poll twice a period: latency without spinning */
    while (atomic_load(&e->running)) {
        check_devices(e);
        if (!atomic_load(&e->device_lost)) {
            pump_capture(e);
            if (e->playback) pump_playback(e);
        } else if (e->reference) {
            vna_reference_close(e->reference);   /* nothing consumes it until the reopen */
        }
        nanosleep(&nap, NULL);
    }
    if (e->reference) vna_reference_close(e->reference);
    alcCaptureStop(e->capture);
    if (e->context) {
        alSourceStop(e->source);
        use_context(NULL);
    }
    return NULL;
}

vna_result vna_engine_start(vna_engine* e)
{
    if (e == NULL || atomic_load(&e->running)) return VNA_INVALID_ARGS;
    atomic_store(&e->running, 1);
    if (pthread_create(&e->thread, NULL, audio_thread, e) != 0) { atomic_store(&e->running, 0); return VNA_OUT_OF_MEMORY; }
    e->started = 1;
    return VNA_SUCCESS;
}

static int stop_thread(vna_engine* e)
{
    if (!atomic_exchange(&e->running, 0)) return 0;
    pthread_join(e->thread, NULL);
    return 1;
}

vna_result vna_engine_reopen(vna_engine* e)
{
    if (e == NULL) return VNA_INVALID_ARGS;
    stop_thread(e);
    /* Buffers that were queued on the lost device count as played: the pipeline must not wait for them. */
    for (int i = 0; i < VNA_PLAYBACK_BUFFERS - e->free_count; i++) e->completed += e->queued_counts[(e->queued_head + i) % VNA_PLAYBACK_BUFFERS];
    if (e->completed > atomic_load(&e->played)) atomic_store(&e->played, e->completed);
    e->free_count = VNA_PLAYBACK_BUFFERS;   /* counted once: a failed reopen must not count them again */
    e->queued_head = 0;
    close_devices(e);
    vna_dsp_reset(e->dsp);
    vna_result r = open_devices(e);
    if (r != VNA_SUCCESS) { atomic_store(&e->device_lost, 1); return r; }
    return e->started ? vna_engine_start(e) : VNA_SUCCESS;
}

void vna_engine_destroy(vna_engine* e)
{
    if (e == NULL) return;
    stop_thread(e);
    close_devices(e);
    vna_reference_destroy(e->reference);
    vna_dsp_destroy(e->dsp);
    vna_ring_destroy(e->capture_ring);
    vna_ring_destroy(e->playback_ring);
    free(e->capture_scratch);
    free(e->period_scratch);
    free(e->playback_scratch);
    free(e);
}

vna_ring* vna_engine_capture_ring(vna_engine* e) { return e == NULL ? NULL : e->capture_ring; }
vna_ring* vna_engine_playback_ring(vna_engine* e) { return e == NULL ? NULL : e->playback_ring; }

uint32_t vna_engine_write_reference(vna_engine* e, const float* interleaved, uint32_t frames, uint32_t channels)
{
    return e == NULL || e->reference == NULL ? 0 : vna_reference_write(e->reference, interleaved, frames, channels);
}

vna_result vna_engine_clear_playback(vna_engine* e)
{
    if (e == NULL || e->playback_ring == NULL) return e == NULL ? VNA_INVALID_ARGS : VNA_SUCCESS;
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
    out->dsp_nanoseconds = atomic_load(&e->dsp_ns);
    out->echo_gated_samples = atomic_load(&e->gated);
    out->queued_playback_samples = atomic_load(&e->queued_playback);
    out->source_queued_samples = atomic_load(&e->source_queued);
    out->capture_peak = atomic_load(&e->capture_peak);
    out->device_lost = atomic_load(&e->device_lost);
    out->realtime_priority = atomic_load(&e->realtime);
    out->capture_only = e->config.capture_only ? 1 : 0;
    vna_reference_stats reference = { 0 };
    if (e->reference) vna_reference_get_stats(e->reference, &reference);
    out->reference_frames = reference.frames;
    out->reference_overruns = reference.overruns;
    out->reference_underruns = e->reference ? atomic_load(&e->reference_underruns) : 0;
    out->reference_dropped = reference.dropped;
    out->reference_level = reference.level;
    out->reserved = 0;
    return VNA_SUCCESS;
}
