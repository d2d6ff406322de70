using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using VoiceNpc.Conversation;

namespace VoiceNpc.Presentation
{
    /// <summary>
    /// A turn's <see cref="TurnMetrics"/> as a waterfall of stages, each from the one before: end of speech → final
    /// transcript (recognition) → first token (the brain) → first clause (chunking) → first audio (synthesis) → first
    /// sample out (the output queue and the speakers). A stage the turn skipped (no clause, an interrupted reply) has
    /// no duration and the next reached stage counts from the last one reached.
    /// </summary>
    public sealed class LatencyWaterfall
    {
        private LatencyWaterfall(int turn, IReadOnlyList<LatencySegment> segments, TimeSpan? total)
        {
            Turn = turn;
            Segments = segments;
            VoiceToVoice = total;
        }

        public int Turn { get; }
        public IReadOnlyList<LatencySegment> Segments { get; }

        /// <summary>End of the player's speech to the reply's first sample at the speakers, or null.</summary>
        public TimeSpan? VoiceToVoice { get; }

        public static LatencyWaterfall From(TurnMetrics metrics)
        {
            if (metrics == null) throw new ArgumentNullException(nameof(metrics));
            var marks = new (string Name, string Provider, TimeSpan? At)[]
            {
                ("transcript", metrics.SttProvider, metrics.FinalTranscript),
                ("first token", metrics.LlmProvider, metrics.FirstToken),
                ("first clause", metrics.LlmProvider, metrics.FirstClause),
                ("first audio", metrics.TtsProvider, metrics.FirstAudio),
                ("first sample out", "output", metrics.FirstSampleOut),
            };
            var segments = new List<LatencySegment>(marks.Length);
            var previous = TimeSpan.Zero;
            foreach (var (name, provider, at) in marks)
            {
                var since = metrics.SinceEndOfSpeech(at);
                if (since is TimeSpan end)
                {
                    // Clocks can place two marks of one frame in either order; a stage never takes negative time.
                    var duration = end < previous ? TimeSpan.Zero : end - previous;
                    segments.Add(new LatencySegment(name, provider, previous, duration));
                    if (end > previous) previous = end;
                }
                else segments.Add(new LatencySegment(name, provider, null, null));
            }
            return new LatencyWaterfall(metrics.Turn, segments, metrics.VoiceToVoice);
        }

        /// <summary>
        /// The waterfall as text lines for a monospaced view: each stage's name, provider, duration and a bar that
        /// starts where the stage started, <paramref name="width"/> characters for the whole turn.
        /// </summary>
        public IReadOnlyList<string> Lines(int width = 30)
        {
            if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "a bar is at least one character wide");
            double total = 0;
            foreach (var s in Segments)
                if (s.Reached) total = Math.Max(total, (s.Start!.Value + s.Duration!.Value).TotalSeconds);
            var lines = new List<string>(Segments.Count + 1);
            foreach (var s in Segments) lines.Add(Line(s, total, width));
            lines.Add(VoiceToVoice is TimeSpan v2v ? $"voice to voice {Seconds(v2v)}" : "voice to voice —");
            return lines;
        }

        private static string Line(LatencySegment s, double total, int width)
        {
            string head = $"{s.Name,-16} {Truncate(s.Provider, 12),-12} ";
            if (!s.Reached) return head + "     —";
            int from = total <= 0 ? 0 : Math.Min(width - 1, (int)Math.Round(s.Start!.Value.TotalSeconds / total * width));
            int length = total <= 0 ? 0 : (int)Math.Round(s.Duration!.Value.TotalSeconds / total * width);
            var bar = new StringBuilder(width).Append(' ', from).Append('█', Math.Max(length == 0 ? 1 : length, 0));
            return head + Seconds(s.Duration!.Value) + " " + bar.ToString(0, Math.Min(bar.Length, width));
        }

        private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "…";

        private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture).PadLeft(6);
    }
}
