using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceNpc.Cli
{
    /// <summary>How the verbs print --json: snake_case fields, enums as names, indented, one document on stdout.</summary>
    public static class CliJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };

        public static void Print(object document) => Console.WriteLine(JsonSerializer.Serialize(document, Options));
    }
}
