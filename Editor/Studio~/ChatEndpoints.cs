using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNpc.Audio;
using VoiceNpc.Authoring;
using VoiceNpc.Conversation;
using VoiceNpc.Timing;

namespace VoiceNpc.Studio
{
    /// <summary>
    /// Chat with the character: each turn runs the whole pipeline (VAD, recogniser, brain, voice) on the player's line,
    /// typed (spoken by <see cref="PlayerVoice"/>) or recorded in the browser, and answers with the reply's audio
    /// and the turn's latency waterfall. A session keeps the dialogue per character, so it remembers earlier turns.
    /// </summary>
    internal static class ChatEndpoints
    {
        public static void Map(WebApplication app, CharacterFolder files, StudioOptions options)
        {
            var sessions = new ConcurrentDictionary<string, ConversationMemory>();
            app.MapPost("/api/turn", async (TurnRequest request, CancellationToken cancellationToken) =>
            {
                var (character, error) = StudioResults.Parse(request.Text);
                if (error != null) return error;
                short[] clip;
                try
                {
                    if (request.AudioWav is string wav && wav.Length > 0) clip = WavFile.DecodeAsPipelineAudio(Convert.FromBase64String(wav), "the recording");
                    else if (request.Say is string say && say.Trim().Length > 0) clip = await PlayerVoice.SpeakAsync(say, cancellationToken);
                    else return Results.BadRequest(new { error = "say something: type a line or record one" });
                }
                catch (Exception e) when (e is AudioFileException || e is FormatException) { return Results.BadRequest(new { error = e.Message }); }
                var memory = sessions.GetOrAdd($"{request.Session ?? "default"}/{character!.Id}", _ => new ConversationMemory());
                var conversation = new FileConversation(character!, options.Catalog(), new SystemClock()) { Memory = memory };
                var results = await conversation.RunAsync(new[] { clip }, null, cancellationToken);
                if (results.Count == 0) return Results.Json(new { player_text = "", npc_text = "", note = "no speech was heard in the recording" });
                var result = results[0];
                var m = result.Metrics;
                var reply = conversation.Device!.NpcAudio.Skip((int)result.AudioStart).Take((int)(result.AudioEnd - result.AudioStart)).ToArray();
                double? Ms(TimeSpan? at) => m.SinceEndOfSpeech(at)?.TotalMilliseconds;
                return Results.Json(new
                {
                    player_text = m.PlayerText,
                    npc_text = m.NpcText,
                    providers = new { stt = m.SttProvider, llm = m.LlmProvider, tts = m.TtsProvider },
                    filler_played = m.FillerPlayed,
                    fallbacks = result.Fallbacks.Select(f => $"{f.Stage}: {f.From} → {f.To} ({f.Reason})"),
                    waterfall = new[]
                    {
                        new { stage = "transcript", ms = Ms(m.FinalTranscript) },
                        new { stage = "first token", ms = Ms(m.FirstToken) },
                        new { stage = "first clause", ms = Ms(m.FirstClause) },
                        new { stage = "first audio", ms = Ms(m.FirstAudio) },
                        new { stage = "first sound", ms = Ms(m.FirstSampleOut) },
                    },
                    audio_wav = Convert.ToBase64String(WavFile.Encode(reply)),
                });
            });
        }
    }
}
