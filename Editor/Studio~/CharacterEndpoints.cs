using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;

namespace VoiceNpc.Studio
{
    /// <summary>List, open, create, validate and save character files; the schema for the page's form.</summary>
    internal static class CharacterEndpoints
    {
        public static void Map(WebApplication app, CharacterFolder files)
        {
            app.MapGet("/api/schema", () => Results.Text(CharacterSchema.Text, "application/schema+json"));
            app.MapGet("/api/characters", () => files.Names().Select(name =>
            {
                var document = files.Open(name)!;
                var issues = document.Issues;
                string display = "";
                try { display = CharacterLoader.Parse(document.Text, name).DisplayName; } catch (CharacterLoadException) { }
                return new { name, display_name = display, errors = issues.Count(i => i.Severity == IssueSeverity.Error), warnings = issues.Count(i => i.Severity == IssueSeverity.Warning) };
            }).ToList());
            app.MapGet("/api/characters/{name}", (string name) =>
                files.Open(name) is CharacterDocument d ? Results.Json(new { name, text = d.Text, stamp = d.Stamp, issues = d.Issues }) : Results.NotFound(new { error = $"no character file {name}" }));
            app.MapPost("/api/characters", (NewCharacterRequest request) =>
            {
                if (string.IsNullOrWhiteSpace(request.Id)) return StudioResults.Missing("id");
                if (CharacterIdRule.Problem(request.Id) is string problem) return Results.BadRequest(new { error = problem });
                string name = request.Id + CharacterLoader.FileSuffix;
                string path = files.PathOf(name)!;
                try
                {
                    var document = CharacterDocument.Create(path, CharacterTemplate.Create(request.Id, string.IsNullOrWhiteSpace(request.DisplayName) ? request.Id : request.DisplayName!.Trim()));
                    return Results.Json(new { name, text = document.Text, stamp = document.Stamp, issues = document.Issues }, statusCode: StatusCodes.Status201Created);
                }
                catch (CharacterSaveException e) { return e.Issues.Count > 0 ? StudioResults.Invalid(e.Message, e.Issues) : Results.Conflict(new { error = e.Message }); }
                catch (IOException e) { return Results.Problem($"{name} could not be written: {e.Message}"); }
            });
            app.MapPost("/api/validate", (TextRequest request) =>
                request.Text == null ? StudioResults.Missing("text") : Results.Json(new { issues = CharacterValidator.Validate(request.Text, "editor") }));
            app.MapPut("/api/characters/{name}", (string name, SaveRequest request) =>
            {
                var document = files.Open(name);
                if (document == null) return Results.NotFound(new { error = $"no character file {name}" });
                if (request.Text == null) return StudioResults.Missing("text");
                if (string.IsNullOrEmpty(request.Stamp)) return StudioResults.Missing("stamp");
                try
                {
                    document.Save(request.Text, request.Stamp);
                    return Results.Json(new { stamp = document.Stamp, issues = document.Issues });
                }
                catch (CharacterSaveException e) when (e.Stale) { return Results.Conflict(new { error = e.Message, stale = true }); }
                catch (CharacterSaveException e) { return StudioResults.Invalid(e.Message, e.Issues); }
                catch (IOException e) { return Results.Problem($"{name} could not be written: {e.Message}"); }
            });
        }
    }
}
