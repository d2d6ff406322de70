/* Device enumeration through OpenAL's specifier lists: NUL-separated names ending with an empty one. Playback uses
 * ALC_ENUMERATE_ALL_EXT where present, which lists every output rather than one per driver. */
#include "voicenpc_audio.h"

#include <AL/alc.h>
#include <AL/alext.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* OpenAL returns a pointer into a list the next probe (on any thread) replaces: walk and copy it under one lock. */
static pthread_mutex_t list_lock = PTHREAD_MUTEX_INITIALIZER;

static const ALCchar* device_list(vna_device_kind kind, int want_default)
{
    if (kind == VNA_DEVICE_CAPTURE) return alcGetString(NULL, want_default ? ALC_CAPTURE_DEFAULT_DEVICE_SPECIFIER : ALC_CAPTURE_DEVICE_SPECIFIER);
    if (alcIsExtensionPresent(NULL, "ALC_ENUMERATE_ALL_EXT"))
        return alcGetString(NULL, want_default ? ALC_DEFAULT_ALL_DEVICES_SPECIFIER : ALC_ALL_DEVICES_SPECIFIER);
    return alcGetString(NULL, want_default ? ALC_DEFAULT_DEVICE_SPECIFIER : ALC_DEVICE_SPECIFIER);
}

vna_result vna_device_count(vna_device_kind kind, uint32_t* out_count)
{
    if (out_count == NULL || (kind != VNA_DEVICE_CAPTURE && kind != VNA_DEVICE_PLAYBACK)) return VNA_INVALID_ARGS;
    uint32_t count = 0;
    pthread_mutex_lock(&list_lock);
    for (const ALCchar* name = device_list(kind, 0); name != NULL && *name; name += strlen(name) + 1) count++;
    pthread_mutex_unlock(&list_lock);
    *out_count = count;
    return VNA_SUCCESS;
}

vna_result vna_device_name(vna_device_kind kind, uint32_t index, char* buffer, uint32_t buffer_size)
{
    if (buffer == NULL || buffer_size == 0 || (kind != VNA_DEVICE_CAPTURE && kind != VNA_DEVICE_PLAYBACK)) return VNA_INVALID_ARGS;
    vna_result result;
    pthread_mutex_lock(&list_lock);
    const ALCchar* name = device_list(kind, index == UINT32_MAX);
    if (name != NULL)
        for (uint32_t i = 0; index != UINT32_MAX && i < index && *name; i++) name += strlen(name) + 1;
    if (name == NULL || *name == 0) result = name == NULL || index == UINT32_MAX ? VNA_DEVICE_UNAVAILABLE : VNA_INVALID_ARGS;
    else result = snprintf(buffer, buffer_size, "%s", name) < (int)buffer_size ? VNA_SUCCESS : VNA_INVALID_ARGS;
    pthread_mutex_unlock(&list_lock);
    return result;
}
