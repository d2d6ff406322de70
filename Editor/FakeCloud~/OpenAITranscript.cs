using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// A transcription in the <c>response_format</c>s of <c>/v1/audio/transcriptions</c>: <c>json</c> (the default),
    /// <c>text</c>, <c>srt</c>, <c>vtt</c> and <c>verbose_json</c> (one segment over the whole audio; words, spread
    /// evenly over it, only when <c>timestamp_granularities[]</c> asks for them, as the service does). The gpt-4o
    /// transcription models answer only json and text.
    /// </summary>
    internal sealed record OpenAITranscript(string Text, double Seconds, string Language)
    {
        public static readonly string[] Formats = { "json", "text", "srt", "verbose_json", "vtt" };

        /// <summary>Why <paramref name="format"/> cannot be answered for <paramref name="model"/>, or null.</summary>
        public static string? Problem(string format, string model)
        {
            if (!Formats.Contains(format)) return $"Invalid value: '{format}'. Supported values are: {string.Join(", ", Formats.Select(f => $"'{f}'"))}.";
            if (model != "whisper-1" && format != "json" && format != "text")
                return $"response_format '{format}' is not compatible with model '{model}'. Use 'json' or 'text' instead.";
            return null;
        }

        public (string ContentType, string Body) Render(string format, bool words, bool segments) => format switch
        {
            "text" => ("text/plain; charset=utf-8", Text + "\n"),
            "srt" => ("text/plain; charset=utf-8", $"1\n{Time(0, ',')} --> {Time(Seconds, ',')}\n{Text}\n\n"),
            "vtt" => ("text/plain; charset=utf-8", $"WEBVTT\n\n{Time(0, '.')} --> {Time(Seconds, '.')}\n{Text}\n\n"),
            "verbose_json" => ("application/json", Verbose(words, segments)),
            _ => ("application/json", JsonSerializer.Serialize(new { text = Text })),
        };

        private string Verbose(bool withWords, bool withSegments)
        {
            var words = Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double each = words.Length == 0 ? 0 : Seconds / words.Length;
            return JsonSerializer.Serialize(new
            {
                task = "transcribe", language = Language, duration = Math.Round(Seconds, 3), text = Text,
                words = withWords ? words.Select((w, i) => new { word = w, start = Math.Round(i * each, 3), end = Math.Round((i + 1) * each, 3) }).ToArray() : null,
                segments = withSegments
                    ? new[]
                    {
                        new
                        {
                            id = 0, seek = 0, start = 0.0, end = Math.Round(Seconds, 3), text = " " + Text, tokens = Array.Empty<int>(), temperature = 0.0,
                            avg_logprob = -0.2, compression_ratio = 1.0, no_speech_prob = 0.01,
                        },
                    }
                    : null,
            }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        }

        /// <summary>A subtitle time, hh:mm:ss then the milliseconds after SRT's ',' or VTT's '.'.</summary>
        private static string Time(double seconds, char decimalMark)
        {
            var time = TimeSpan.FromSeconds(seconds);
            return time.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) + decimalMark + time.Milliseconds.ToString("000", CultureInfo.InvariantCulture);
        }
    }
}
