using System;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNpc.Audio;
using VoiceNpc.Authoring;
using VoiceNpc.Providers;

namespace VoiceNpc.Studio
{
    /// <summary>The prompt preview and the voice preview (a WAV the page plays in an audio element).</summary>
    internal static class PreviewEndpoints
    {
        public static void Map(WebApplication app, CharacterFolder files, StudioOptions options)
        {
            app.MapPost("/api/prompt", (TextRequest request) =>
            {
                var (character, error) = StudioResults.Parse(request.Text);
                return error ?? Results.Json(PromptPreview.Of(character!));
            });
            app.MapGet("/api/providers", () => Results.Json(new { tts = options.Catalog().TtsNames }));
            app.MapPost("/api/voice", async (VoiceRequest request, CancellationToken cancellationToken) =>
            {
                var (character, error) = StudioResults.Parse(request.Text);
                if (error != null) return error;
                if (request.Provider == null) return StudioResults.Missing("provider");
                if (request.Line == null) return StudioResults.Missing("line");
                try
                {
                    var speech = await VoicePreview.SynthesizeAsync(character!, request.Provider, request.Line, options.Catalog(), cancellationToken);
                    return Results.Bytes(WavFile.Encode(speech.Samples), "audio/wav");
                }
                catch (ArgumentException e) { return Results.BadRequest(new { error = e.Message }); }
                catch (Exception e) when (e is ProviderException || e is InvalidOperationException) { return StudioResults.Failed(e.Message); }
            });
        }
    }
}
