using System;
using System.IO;
using System.Text.Json;

namespace VoiceNpc.Providers.ElevenLabs
{
    /// <summary>
    /// The JSON bodies sent to ElevenLabs, written with <see cref="Utf8JsonWriter"/>: no reflection over anonymous
    /// types, which IL2CPP's stripping and missing dynamic code would break. Same bytes JsonSerializer wrote before.
    /// </summary>
    internal static class ElevenLabsRequests
    {
        /// <summary>A whole line: {"text", "model_id", "voice_settings"}.</summary>
        public static byte[] Speech(string text, string modelId, ElevenLabsVoiceSettings settings) => Write(json =>
        {
            json.WriteString("text", text);
            json.WriteString("model_id", modelId);
            settings.Write(json);
        });

        /// <summary>The stream-input socket's first message: a single space, the voice settings and a 50-character chunk schedule.</summary>
        public static byte[] StreamStart(ElevenLabsVoiceSettings settings) => Write(json =>
        {
            json.WriteString("text", " ");
            settings.Write(json);
            json.WriteStartObject("generation_config");
            json.WriteStartArray("chunk_length_schedule");
            json.WriteNumberValue(50);
            json.WriteEndArray();
            json.WriteEndObject();
        });

        /// <summary>A clause: the first is flushed so its audio does not wait for more text; the rest may trigger generation.</summary>
        public static byte[] StreamText(string text, bool flush) => Write(json =>
        {
            json.WriteString("text", text);
            json.WriteBoolean(flush ? "flush" : "try_trigger_generation", true);
        });

        /// <summary>The end of input: {"text": ""}.</summary>
        public static byte[] StreamEnd() => Write(json => json.WriteString("text", ""));

        private static byte[] Write(Action<Utf8JsonWriter> fields)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                fields(json);
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }
    }
}
