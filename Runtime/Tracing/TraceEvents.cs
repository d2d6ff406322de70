using System;
using System.Collections.Generic;
using VoiceNpc.Conversation;

namespace VoiceNpc.Tracing
{
    /// <summary>Turns each conversation event into a <see cref="TraceRecord"/>.</summary>
    public static class TraceEvents
    {
        public static TraceRecord ToRecord(ConversationEvent e)
        {
            var f = new Dictionary<string, object?>();
            switch (e)
            {
                case StateChanged s: f["from"] = s.From.ToString(); f["to"] = s.To.ToString(); return Make("state", e, 0, f);
                case TranscriptReceived t: f["text"] = t.Text; f["final"] = t.IsFinal; return Make("transcript", e, t.Turn, f);
                case NpcLineStarted l: f["text"] = l.Text; return Make("line-started", e, l.Turn, f);
                case NpcLineEnded l: f["text"] = l.FullText; f["heard"] = l.HeardText; f["interrupted"] = l.Interrupted; return Make("line-ended", e, l.Turn, f);
                case FillerStarted l: f["text"] = l.Text; return Make("filler", e, l.Turn, f);
                case SubtitleWord w: f["word"] = w.Word; f["duration"] = w.Duration.Ticks; return Make("word", e, w.Turn, f);
                case VisemeChanged v: f["viseme"] = v.Viseme.ToString(); f["duration"] = v.Duration.Ticks; return Make("viseme", e, v.Turn, f);
                case ProviderFellBack p: f["stage"] = p.Stage; f["from"] = p.From; f["to"] = p.To; f["reason"] = p.Reason; return Make("fallback", e, 0, f);
                case ConversationError err: f["stage"] = err.Stage; f["message"] = err.Message; return Make("error", e, 0, f);
                case TurnCompleted c: return Make("turn", e, c.Metrics.Turn, Metrics(c.Metrics, f));
                default: f["type"] = e.GetType().Name; return Make("other", e, 0, f);
            }
        }

        private static Dictionary<string, object?> Metrics(TurnMetrics m, Dictionary<string, object?> f)
        {
            f["player"] = m.PlayerText;
            f["npc"] = m.NpcText;
            f["interrupted"] = m.Interrupted;
            f["filler"] = m.FillerPlayed;
            f["stt"] = m.SttProvider;
            f["llm"] = m.LlmProvider;
            f["tts"] = m.TtsProvider;
            f["end_of_speech"] = m.EndOfSpeech.Ticks;
            f["final_transcript"] = m.FinalTranscript?.Ticks;
            f["first_token"] = m.FirstToken?.Ticks;
            f["first_clause"] = m.FirstClause?.Ticks;
            f["first_audio"] = m.FirstAudio?.Ticks;
            f["first_sample_out"] = m.FirstSampleOut?.Ticks;
            return f;
        }

        private static TraceRecord Make(string kind, ConversationEvent e, int turn, Dictionary<string, object?> fields) => new TraceRecord(kind, e.At, turn, fields);
    }
}
