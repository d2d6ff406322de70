using System;
using System.Collections.Generic;
using System.Linq;
using VoiceNpc.Providers.Cloud;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.Deepgram
{
    /// <summary>
    /// One message from Deepgram's live socket (Results, UtteranceEnd, Metadata, Error, ...), and the alternative
    /// (transcript and word times) that live and pre-recorded results share. Anything malformed is a
    /// <see cref="ProviderException"/> naming the field.
    /// </summary>
    internal sealed class DeepgramMessage
    {
        private DeepgramMessage(string type) => Type = type;

        /// <summary>"Results", "UtteranceEnd", "Error", ... ("" when the message has no type).</summary>
        public string Type { get; }
        public string Transcript { get; private set; } = "";
        public IReadOnlyList<RecognizedWord> Words { get; private set; } = Array.Empty<RecognizedWord>();
        public bool IsFinal { get; private set; }
        public bool SpeechFinal { get; private set; }
        public bool FromFinalize { get; private set; }

        /// <summary>Where the audio this result covers ends (start + duration, seconds into the stream); null when not given.</summary>
        public double? End { get; private set; }

        /// <summary>An Error message's description (or its whole text).</summary>
        public string Error { get; private set; } = "";

        public static DeepgramMessage Parse(string text)
        {
            using var json = VendorJson.Parse(DeepgramLiveStt.ProviderName, "message", text);
            var root = VendorJson.Root(DeepgramLiveStt.ProviderName, "message", json);
            var message = new DeepgramMessage(root.String("type", ""));
            if (message.Type == "Results")
            {
                (message.Transcript, message.Words) = Alternative(root["channel"]["alternatives"][0]);
                message.IsFinal = root.Flag("is_final");
                message.SpeechFinal = root.Flag("speech_final");
                message.FromFinalize = root.Flag("from_finalize");
                if (root.TryGet("start", out var start) && root.TryGet("duration", out var duration)) message.End = start.Seconds() + duration.Seconds();
            }
            else if (message.Type == "Error")
                message.Error = root.TryGet("description", out var d) && d.Kind == System.Text.Json.JsonValueKind.String ? d.String() : text;
            return message;
        }

        /// <summary>An alternative's transcript and words (punctuated when Deepgram punctuated them).</summary>
        public static (string Transcript, IReadOnlyList<RecognizedWord> Words) Alternative(VendorJson alternative)
        {
            string transcript = alternative["transcript"].String();
            if (!alternative.TryGet("words", out var words)) return (transcript, Array.Empty<RecognizedWord>());
            return (transcript, words.Items().Select(w => new RecognizedWord(
                w.TryGet("punctuated_word", out var p) ? p.String() : w["word"].String(),
                TimeSpan.FromSeconds(w["start"].Seconds()), TimeSpan.FromSeconds(w["end"].Seconds()),
                w.TryGet("confidence", out var c) ? (float)Math.Min(1, c.Number(0, double.MaxValue)) : 1f)).ToList());
        }
    }
}
