using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using VoiceNpc.Tts;

namespace VoiceNpc.Providers.Flite
{
    /// <summary>
    /// Reads what Flite produced for one utterance: the wave, and when each phone and word is heard. Flite stores only
    /// the end time of each segment (phone), so a phone starts where the previous one ends, and a word spans from the
    /// start of its first segment to the end of its last (found through the SylStructure tree word → syllable → segment).
    /// </summary>
    internal static unsafe class FliteUtterance
    {
        /// <summary>The samples, mixed to mono, at the voice's own rate.</summary>
        public static short[] Samples(IntPtr utterance, out int sampleRate)
        {
            FliteNative.Wave* wave = FliteNative.utt_wave(utterance);
            sampleRate = wave == null ? 0 : wave->SampleRate;
            if (wave == null || wave->Samples == null || wave->NumSamples <= 0) return Array.Empty<short>();

            int channels = Math.Max(1, wave->NumChannels);
            var mono = new short[wave->NumSamples];
            for (int i = 0; i < mono.Length; i++)
            {
                int sum = 0;
                for (int c = 0; c < channels; c++) sum += wave->Samples[i * channels + c];
                mono[i] = (short)(sum / channels);
            }
            return mono;
        }

        /// <summary>Every segment, silences ("pau") included: the viseme mapper turns those into a closed mouth.</summary>
        public static List<PhoneTiming> Phones(IntPtr utterance)
        {
            var phones = new List<PhoneTiming>();
            double start = 0;
            for (IntPtr segment = First(utterance, FliteName.Segment); segment != IntPtr.Zero; segment = FliteNative.item_next(segment))
            {
                double end = EndOf(segment, start);
                phones.Add(new PhoneTiming(NameOf(segment), Time(start), Time(end)));
                start = end;
            }
            return phones;
        }

        public static List<WordTiming> Words(IntPtr utterance)
        {
            var words = new List<WordTiming>();
            for (IntPtr word = First(utterance, FliteName.Word); word != IntPtr.Zero; word = FliteNative.item_next(word))
            {
                IntPtr tree = FliteNative.item_as(word, FliteName.SylStructure.Pointer);
                IntPtr firstSegment = FliteNative.item_daughter(FliteNative.item_daughter(tree));
                IntPtr lastSegment = FliteNative.item_last_daughter(FliteNative.item_last_daughter(tree));
                if (firstSegment == IntPtr.Zero || lastSegment == IntPtr.Zero) continue; // a word with no sounds

                IntPtr previous = FliteNative.item_prev(FliteNative.item_as(firstSegment, FliteName.Segment.Pointer));
                double start = previous == IntPtr.Zero ? 0 : EndOf(previous, 0);
                double end = EndOf(lastSegment, start);
                words.Add(new WordTiming(NameOf(word), Time(start), Time(end)));
            }
            return words;
        }

        private static IntPtr First(IntPtr utterance, FliteName relation)
        {
            IntPtr list = FliteNative.utt_relation(utterance, relation.Pointer);
            return list == IntPtr.Zero ? IntPtr.Zero : FliteNative.relation_head(list);
        }

        // Flite aborts the process on a missing feature, so each read checks first.
        private static double EndOf(IntPtr item, double fallback) =>
            FliteNative.item_feat_present(item, FliteName.End.Pointer) != 0
                ? FliteNative.item_feat_float(item, FliteName.End.Pointer)
                : fallback;

        private static string NameOf(IntPtr item) =>
            FliteNative.item_feat_present(item, FliteName.Name.Pointer) != 0
                ? Marshal.PtrToStringUTF8(FliteNative.item_feat_string(item, FliteName.Name.Pointer)) ?? ""
                : "";

        private static TimeSpan Time(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }
}
