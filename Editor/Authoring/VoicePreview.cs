using System;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Tts;

namespace VoiceNpc.Authoring
{
    /// <summary>Any line in a character's voice on any of its providers, as audio for a WAV file, the speakers or a browser.</summary>
    public static class VoicePreview
    {
        /// <summary>
        /// Speaks <paramref name="line"/> with <paramref name="provider"/> in the voice the character has for it.
        /// Throws <see cref="ArgumentException"/> when the character has no voice for that provider, and the
        /// provider's own exception when it fails (no key, service down).
        /// </summary>
        public static async Task<SpeechChunk> SynthesizeAsync(CharacterDefinition character, string provider, string line, ProviderCatalog catalog, CancellationToken cancellationToken)
        {
            if (line.Trim().Length == 0) throw new ArgumentException("the line to preview is empty", nameof(line));
            if (!character.Voices.TryGetValue(provider, out var voice))
                throw new ArgumentException($"{character.Id} has no voice for \"{provider}\" (it has: {string.Join(", ", character.Voices.Keys)})", nameof(provider));
            using var tts = catalog.CreateTts(provider, character);
            return await SpeechChunks.SynthesizeWholeAsync(tts, line, voice, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{provider} returned no audio for the line");
        }

        /// <summary>Plays <paramref name="speech"/> on <paramref name="device"/> and returns once the speakers have played it all.</summary>
        public static async Task PlayAsync(SpeechChunk speech, IAudioDevice device, CancellationToken cancellationToken)
        {
            long target = device.PlayedSamples + speech.Samples.Length;
            int written = 0;
            while (device.PlayedSamples < target)
            {
                if (device.Fault is string fault) throw new AudioDeviceFaultException(fault);
                if (written < speech.Samples.Length) written += device.WritePlayback(speech.Samples.AsSpan(written));
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);   // the device's pace: it plays in real time
            }
        }
    }

    /// <summary>The audio device failed while a preview played.</summary>
    public sealed class AudioDeviceFaultException : Exception
    {
        public AudioDeviceFaultException(string fault) : base("the audio device failed: " + fault) { }
    }
}
