using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;
using VoiceNpc.Native;
using VoiceNpc.Tts;

namespace VoiceNpc.Providers.Flite
{
    /// <summary>
    /// Embedded, offline text-to-speech through CMU Flite (BSD-style licence): the fallback that needs no network.
    /// Each request becomes one <see cref="SpeechChunk"/> (Flite synthesizes a whole clause at once).
    /// Voice names: kal, kal16, awb, rms, slt (case-insensitive).
    /// </summary>
    public sealed class FliteTextToSpeech : ITextToSpeech
    {
        public const string ProviderName = "flite";

        /// <summary>The voice names this provider accepts.</summary>
        public static IReadOnlyList<string> Voices => FliteVoices.Names;

        /// <summary>Loads Flite: <see cref="NativeLibraryUnavailableException"/> when its library cannot serve here.</summary>
        public FliteTextToSpeech()
        {
            FliteEngine.EnsureLoaded();
        }

        public string Name => ProviderName;

        public async IAsyncEnumerable<SpeechChunk> SynthesizeAsync(
            string text, VoiceSettings voice, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            if (voice == null) throw new ArgumentNullException(nameof(voice));
            cancellationToken.ThrowIfCancellationRequested();
            Validate(voice);
            if (string.IsNullOrWhiteSpace(text)) yield break;

            // Flite blocks for the whole clause: keep it off the caller's thread.
            SpeechChunk chunk = await Task.Run(() => Synthesize(text, voice), cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            yield return chunk;
        }

        /// <summary>Nothing to release: voices are process-wide and stay registered for other instances.</summary>
        public void Dispose()
        {
        }

        private static void Validate(VoiceSettings voice)
        {
            if (!FliteVoices.IsKnown(voice.Voice))
                throw new ProviderException(ProviderName,
                    $"unknown voice \"{voice.Voice}\"; Flite voices are {string.Join(", ", FliteVoices.Names)}");
            if (!(voice.Rate > 0) || float.IsInfinity(voice.Rate))
                throw new ProviderException(ProviderName, $"rate must be a positive number, not {voice.Rate}");
            if (voice.Pitch.HasValue && (!(voice.Pitch.Value > 0) || float.IsInfinity(voice.Pitch.Value)))
                throw new ProviderException(ProviderName, $"pitch must be a positive number of Hz, not {voice.Pitch}");
        }

        private static SpeechChunk Synthesize(string text, VoiceSettings voice)
        {
            try
            {
                return FliteEngine.Synthesize(text, voice);
            }
            catch (Exception e) when (NativeLoad.IsLoadFailure(e))
            {
                throw new ProviderException(ProviderName, NativeLoad.Unavailable(FliteNative.Library, FliteNative.Purpose, e).Message, e);
            }
            catch (InvalidOperationException e)
            {
                throw new ProviderException(ProviderName, e.Message, e);
            }
        }
    }
}
