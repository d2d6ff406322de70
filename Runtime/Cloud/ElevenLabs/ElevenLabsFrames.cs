using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Tts;

namespace VoiceNpc.Providers.ElevenLabs
{
    /// <summary>
    /// The audio messages ElevenLabs sends, read into speech chunks with their words and phones: a line of the
    /// with-timestamps NDJSON stream, and a stream-input WebSocket frame. Anything malformed (JSON, base64, a field of
    /// the wrong kind, a time out of range) is a <see cref="ProviderException"/> naming the field.
    /// </summary>
    internal static class ElevenLabsFrames
    {
        private const string Provider = ElevenLabsSpeech.ProviderName;

        /// <summary>
        /// {"audio_base64", "alignment": {"characters", "character_start_times_seconds", "character_end_times_seconds"}},
        /// times counted from the stream's start (a chunk whose times restart at zero is shifted to <paramref name="chunkStart"/>).
        /// </summary>
        public static SpeechChunk StreamLine(string line, CharacterAlignment alignment, double chunkStart)
        {
            using var json = VendorJson.Parse(Provider, "chunk in the audio stream", line);
            var root = VendorJson.Root(Provider, "chunk in the audio stream", json);
            var pcm = Pcm(root["audio_base64"]);
            if (!root.TryGet("alignment", out var a) || a.Kind != JsonValueKind.Object)
                return new SpeechChunk(pcm, Array.Empty<WordTiming>(), Array.Empty<PhoneTiming>());
            var characters = a["characters"].Items().Select(c => c.Kind == JsonValueKind.Null ? "" : c.String()).ToList();
            var starts = a["character_start_times_seconds"].Items().Select(t => t.Seconds()).ToList();
            var ends = a["character_end_times_seconds"].Items().Select(t => t.Seconds()).ToList();
            if (chunkStart > 0.05 && starts.Count > 0 && starts[0] < chunkStart - 0.05)
            {
                starts = starts.Select(t => t + chunkStart).ToList();
                ends = ends.Select(t => t + chunkStart).ToList();
            }
            var (words, phones) = alignment.Add(characters, starts, ends, chunkStart);
            return new SpeechChunk(pcm, words, phones);
        }

        /// <summary>
        /// A stream-input frame: {"audio", "isFinal", "alignment": {"chars", "charStartTimesMs", "charsDurationsMs"}} with
        /// chunk-relative times (either spelling of the time fields), or {"error", "message"}, which throws.
        /// </summary>
        public static InputFrame InputFrame(string text, CharacterAlignment alignment, double chunkStart)
        {
            using var json = VendorJson.Parse(Provider, "message in the audio stream", text);
            var root = VendorJson.Root(Provider, "message in the audio stream", json);
            if (root.TryGet("error", out var error))
                throw new ProviderException(Provider, root.TryGet("message", out var m) ? $"{error.Text()}: {m.Text()}" : error.Text());
            bool final = root.TryGet("isFinal", out var isFinal) && isFinal.Kind == JsonValueKind.True;
            if (!root.TryGet("audio", out var audio) || audio.Kind != JsonValueKind.String) return new InputFrame(null, final, 0);
            var pcm = Pcm(audio);
            if (!root.TryGet("alignment", out var a) || a.Kind != JsonValueKind.Object)
                return new InputFrame(new SpeechChunk(pcm, Array.Empty<WordTiming>(), Array.Empty<PhoneTiming>()), final, 0);
            var chars = a["chars"].Items().Select(c => c.Kind == JsonValueKind.Null ? "" : c.String()).ToList();
            var starts = Milliseconds(a, "charStartTimesMs", "charsStartTimesMs").Select(ms => chunkStart + ms / 1000).ToList();
            var durations = Milliseconds(a, "charsDurationsMs", "charDurationsMs").ToList();
            var ends = starts.Zip(durations, (s, d) => s + d / 1000).ToList();
            var (words, phones) = alignment.Add(chars, starts, ends, chunkStart);
            return new InputFrame(new SpeechChunk(pcm, words, phones), final, chars.Sum(ElevenLabsInputStream.Letters));
        }

        /// <summary>Base64 16-bit PCM (an odd last byte is dropped).</summary>
        private static short[] Pcm(VendorJson audio)
        {
            byte[] bytes;
            try { bytes = Convert.FromBase64String(audio.String()); }
            catch (FormatException) { throw new ProviderException(Provider, $"a malformed audio message: {audio.Path} is not base64"); }
            var pcm = new short[bytes.Length / 2];
            Buffer.BlockCopy(bytes, 0, pcm, 0, pcm.Length * 2);
            return pcm;
        }

        /// <summary>Either spelling: the spec's, and the one some clients and servers use.</summary>
        private static IEnumerable<double> Milliseconds(VendorJson alignment, string name, string otherSpelling) =>
            (alignment.TryGet(name, out var times) ? times : alignment[otherSpelling]).Items()
                .Select(t => t.Number(-VendorJson.MaxSeconds * 1000, VendorJson.MaxSeconds * 1000)).ToList();
    }

    /// <summary>A stream-input frame: its audio (null for a message without any), whether it is the last, the letters it aligned.</summary>
    internal sealed record InputFrame(SpeechChunk? Chunk, bool IsFinal, int LettersSpoken);
}
