using System.Linq;
using System.Text.Json;

namespace VoiceNpc.FakeCloud
{
    /// <summary>What <c>/v1/audio/speech</c> refuses, with the parameter it names: the service's limits, and the formats the fake cannot encode.</summary>
    internal static class OpenAISpeechRequest
    {
        /// <summary>The service's speech rate, for pcm and wav alike.</summary>
        public const int SampleRate = 24000;
        public const int MaxInput = 4096;
        private static readonly string[] Formats = { "mp3", "opus", "aac", "flac", "wav", "pcm" };

        /// <summary>The parameter at fault and why, or (null, null) when the request can be answered.</summary>
        public static (string? Param, string? Problem) Problem(string model, string input, JsonElement voice, string format, double speed)
        {
            if (model.Length == 0) return ("model", "you must provide a model parameter");
            if (input.Length == 0) return ("input", "Missing required parameter: 'input'.");
            if (input.Length > MaxInput)
                return ("input", $"Invalid 'input': string too long. Expected a string with maximum length {MaxInput}, but got a string with length {input.Length} instead.");
            bool hasVoice = voice.ValueKind == JsonValueKind.String ? voice.GetString()!.Length > 0 : voice.ValueKind == JsonValueKind.Object;
            if (!hasVoice) return ("voice", "Missing required parameter: 'voice'.");
            if (speed < 0.25) return ("speed", $"Invalid 'speed': decimal below minimum value. Expected a value >= 0.25, but got {speed} instead.");
            if (speed > 4.0) return ("speed", $"Invalid 'speed': decimal above maximum value. Expected a value <= 4, but got {speed} instead.");
            if (!Formats.Contains(format)) return ("response_format", $"Invalid value: '{format}'. Supported values are: {string.Join(", ", Formats.Select(f => $"'{f}'"))}.");
            if (format != "pcm" && format != "wav")
                return ("response_format", $"the offline fake encodes response_format 'pcm' and 'wav' only, not '{format}' (it has no {format} encoder)");
            return (null, null);
        }
    }
}
