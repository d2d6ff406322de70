using System;
using System.Linq;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// An ElevenLabs <c>output_format</c> (codec_samplerate[_bitrate]; the service's default is mp3_44100_128) and
    /// whether the fake can encode it offline: pcm_*, ulaw_8000 and wav_* it can; mp3, opus and alaw it cannot.
    /// </summary>
    internal sealed record ElevenLabsOutputFormat(string Name, int SampleRate, AudioEncoding? Encoding)
    {
        public const string Default = "mp3_44100_128";

        public static readonly string[] Known =
        {
            "alaw_8000", "mp3_22050_32", "mp3_24000_48", "mp3_44100_128", "mp3_44100_192", "mp3_44100_32", "mp3_44100_64", "mp3_44100_96",
            "opus_48000_128", "opus_48000_192", "opus_48000_32", "opus_48000_64", "opus_48000_96", "pcm_16000", "pcm_22050", "pcm_24000",
            "pcm_32000", "pcm_44100", "pcm_48000", "pcm_8000", "ulaw_8000", "wav_16000", "wav_22050", "wav_24000", "wav_32000", "wav_44100",
            "wav_48000", "wav_8000",
        };

        /// <summary>The format named by the query (absent: the default), or null when the service does not know the name.</summary>
        public static ElevenLabsOutputFormat? Parse(string? name)
        {
            string given = string.IsNullOrEmpty(name) ? Default : name;
            if (!Known.Contains(given)) return null;
            var parts = given.Split('_');
            AudioEncoding? encoding = parts[0] switch { "pcm" => AudioEncoding.Pcm, "ulaw" => AudioEncoding.MuLaw, "wav" => AudioEncoding.Wav, _ => null };
            return new ElevenLabsOutputFormat(given, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), encoding);
        }

        /// <summary>The service's answer to a name outside its enum: FastAPI's 422 validation detail.</summary>
        public static object UnknownDetail(string name) => new[]
        {
            new { type = "enum", loc = new[] { "query", "output_format" }, msg = "Input should be " + string.Join(", ", Known.Select(k => $"'{k}'")), input = name },
        };

        public string NotEncodableMessage =>
            $"Requested output format {Name} is not available from the offline fake: it has no {Name.Split('_')[0]} encoder (use pcm_*, ulaw_8000 or wav_*).";

        public int BytesPerSecond => SampleRate * ServiceAudio.BytesPerSample(Encoding ?? AudioEncoding.Pcm);
    }
}
