using System;
using System.Linq;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNpc.Authoring;
using VoiceNpc.Caching;

namespace VoiceNpc.Studio
{
    /// <summary>Outage rehearsal and baking, for the page's Rehearse and Bake tabs.</summary>
    internal static class OutageEndpoints
    {
        public static void Map(WebApplication app, CharacterFolder files, StudioOptions options)
        {
            app.MapPost("/api/rehearse", async (RehearseRequest request, CancellationToken cancellationToken) =>
            {
                var (character, error) = StudioResults.Parse(request.Text);
                if (error != null) return error;
                RehearsalFault[] faults;
                try { faults = (request.Faults ?? Array.Empty<string>()).Select(RehearsalFault.Parse).ToArray(); }
                catch (FormatException e) { return Results.BadRequest(new { error = e.Message }); }
                var lines = request.Lines?.Where(l => l.Trim().Length > 0).ToArray() is { Length: > 0 } given ? given : OutageRehearsal.DefaultLines(character!).ToArray();
                var report = await OutageRehearsal.RunAsync(character!, options.Catalog(), lines, faults, cancellationToken);
                return Results.Json(new { report.Character, faults = report.Faults.Select(f => f.ToString()), report.Turns, report.Errors });
            });
            app.MapPost("/api/bake", async (BakeRequest request, CancellationToken cancellationToken) =>
            {
                var (character, error) = StudioResults.Parse(request.Text);
                if (error != null) return error;
                var cache = new AudioCache(options.CacheFolder);
                var (lines, failures) = await LineBaker.BakeAsync(character!, options.Catalog(), cache, request.Providers is { Length: > 0 } p ? p : null, null, cancellationToken);
                return Results.Json(new { cache = cache.Folder, lines, failures });
            });
        }
    }
}
