using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using VoiceNpc.Authoring;
using VoiceNpc.Characters;

namespace VoiceNpc.Studio
{
    /// <summary>The answers every endpoint shares: the character on screen parsed, or 422 with its issues.</summary>
    internal static class StudioResults
    {
        public static IResult Invalid(string error, IReadOnlyList<ValidationIssue> issues) =>
            Results.Json(new { error, issues }, statusCode: StatusCodes.Status422UnprocessableEntity);

        public static IResult Failed(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status502BadGateway);

        /// <summary>The character in the editor's text, or the 422 to answer with.</summary>
        public static IResult Missing(string field) => Results.BadRequest(new { error = $"the request needs \"{field}\"" });

        public static (CharacterDefinition? Character, IResult? Error) Parse(string? text)
        {
            if (text == null) return (null, Missing("text"));
            try { return (CharacterLoader.Parse(text, "editor"), null); }
            catch (CharacterLoadException) { return (null, Invalid("the character has errors; fix them first", CharacterValidator.Validate(text, "editor"))); }
        }
    }
}
