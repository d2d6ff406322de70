using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using VoiceNpc.Authoring;
using VoiceNpc.Conversation;

namespace VoiceNpc.Cli
{
    /// <summary>The <c>talk --json</c> document: one object with the character and its turns.</summary>
    public static class TalkReport
    {
        /// <param name="unheardInputs">The player's inputs in which no speech was heard at all (no turn came of them).</param>
        public static string ToJson(string characterId, IReadOnlyList<TurnResult> turns, IReadOnlyList<string> audioFiles,
            IReadOnlyList<string> unheardInputs)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("character", characterId);
                json.WriteStartArray("turns");
                for (int i = 0; i < turns.Count; i++) WriteTurn(json, turns[i], audioFiles[i]);
                json.WriteEndArray();
                json.WriteStartArray("unheard_inputs");
                foreach (var input in unheardInputs) json.WriteStringValue(input);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteTurn(Utf8JsonWriter json, TurnResult turn, string audioFile)
        {
            var m = turn.Metrics;
            json.WriteStartObject();
            json.WriteNumber("turn", m.Turn);
            json.WriteString("player_text", m.PlayerText);
            json.WriteString("npc_text", m.NpcText);
            if (audioFile.Length > 0) json.WriteString("npc_audio", audioFile); else json.WriteNull("npc_audio");
            json.WriteBoolean("interrupted", m.Interrupted);
            json.WriteBoolean("filler_played", m.FillerPlayed);
            json.WriteStartObject("providers");
            json.WriteString("stt", m.SttProvider);
            json.WriteString("llm", m.LlmProvider);
            json.WriteString("tts", m.TtsProvider);
            json.WriteEndObject();
            json.WriteStartObject("latency_ms");
            Latency(json, "voice_to_voice", m.VoiceToVoice);
            Latency(json, "final_transcript", m.SinceEndOfSpeech(m.FinalTranscript));
            Latency(json, "first_token", m.SinceEndOfSpeech(m.FirstToken));
            Latency(json, "first_clause", m.SinceEndOfSpeech(m.FirstClause));
            Latency(json, "first_audio", m.SinceEndOfSpeech(m.FirstAudio));
            Latency(json, "first_sample_out", m.SinceEndOfSpeech(m.FirstSampleOut));
            json.WriteEndObject();
            json.WriteStartArray("fallbacks");
            foreach (var f in turn.Fallbacks)
            {
                json.WriteStartObject();
                json.WriteString("stage", f.Stage);
                json.WriteString("from", f.From);
                json.WriteString("to", f.To);
                json.WriteString("reason", f.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var e in turn.Errors)
            {
                json.WriteStartObject();
                json.WriteString("stage", e.Stage);
                json.WriteString("message", e.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void Latency(Utf8JsonWriter json, string name, TimeSpan? value)
        {
            if (value is TimeSpan t) json.WriteNumber(name, Math.Round(t.TotalMilliseconds, 1));
            else json.WriteNull(name);
        }
    }
}
