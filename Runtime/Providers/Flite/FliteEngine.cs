using System;
using System.Collections.Generic;
using System.Text;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Native;
using VoiceNpc.Tts;

namespace VoiceNpc.Providers.Flite
{
    /// <summary>
    /// Runs Flite. Flite's voice registry and synthesis share global state and each voice's feature set, so every call
    /// into it goes through one process-wide lock (never taken on the audio thread).
    /// </summary>
    internal static unsafe class FliteEngine
    {
        private static readonly object Gate = new object();
        private static bool initialized;

        /// <summary>Loads and initializes Flite once; <see cref="NativeLibraryUnavailableException"/> when it cannot be.</summary>
        public static void EnsureLoaded()
        {
            lock (Gate) InitializeLocked();
        }

        private static void InitializeLocked()
        {
            if (initialized) return;
            NativeLoad.Guard(FliteNative.Library, FliteNative.Purpose, FliteNative.flite_init);
            initialized = true;
        }

        /// <summary>Speaks <paramref name="text"/> and returns it in the pipeline format with word and phone timings.</summary>
        public static SpeechChunk Synthesize(string text, VoiceSettings settings)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text + "\0");
            short[] samples;
            int sampleRate;
            List<WordTiming> words;
            List<PhoneTiming> phones;
            lock (Gate)
            {
                InitializeLocked();
                FliteVoice voice = FliteVoices.Get(settings.Voice);
                voice.ApplyProsody(settings.Pitch, settings.Rate);

                IntPtr utterance;
                fixed (byte* textPointer = utf8) utterance = FliteNative.flite_synth_text(textPointer, voice.Handle);
                if (utterance == IntPtr.Zero) throw new InvalidOperationException("Flite returned no utterance");
                try
                {
                    samples = FliteUtterance.Samples(utterance, out sampleRate);
                    words = FliteUtterance.Words(utterance);
                    phones = FliteUtterance.Phones(utterance);
                }
                finally
                {
                    FliteNative.delete_utterance(utterance);
                }
            }

            // Resampling is the costliest step and touches no Flite state: done outside the lock.
            if (sampleRate > 0 && sampleRate != AudioFormat.SampleRate)
                samples = Resampler.Resample(samples, sampleRate, AudioFormat.SampleRate);
            TimeSpan duration = AudioFormat.DurationOf(samples.Length);
            return new SpeechChunk(samples, ClampWords(words, duration), ClampPhones(phones, duration));
        }

        // Flite's last segment can end a few samples past the wave (and resampling rounds the length): keep timings inside it.
        private static List<WordTiming> ClampWords(List<WordTiming> words, TimeSpan duration)
        {
            for (int i = 0; i < words.Count; i++)
                words[i] = words[i] with { Start = Min(words[i].Start, duration), End = Min(words[i].End, duration) };
            return words;
        }

        private static List<PhoneTiming> ClampPhones(List<PhoneTiming> phones, TimeSpan duration)
        {
            for (int i = 0; i < phones.Count; i++)
                phones[i] = phones[i] with { Start = Min(phones[i].Start, duration), End = Min(phones[i].End, duration) };
            return phones;
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
