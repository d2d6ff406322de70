using System.Text.Json;

namespace VoiceNpc.Characters
{
    /// <summary>Reads a character file's optional "deadlines" section into <see cref="StageDeadlines"/>.</summary>
    internal static class DeadlinesSection
    {
        public static readonly string[] Fields = { "sttSeconds", "llmSeconds", "ttsSeconds" };

        public static StageDeadlines Read(JsonFieldReader reader, JsonElement root)
        {
            var defaults = StageDeadlines.Default;
            if (!reader.TryGet(root, "deadlines", "$", false, out var d) || !reader.IsObject(d, "$.deadlines")) return defaults;
            const string path = "$.deadlines";
            reader.RejectUnknown(d, path, Fields);
            return new StageDeadlines
            {
                SttSeconds = reader.Number(d, "sttSeconds", path, defaults.SttSeconds, 0.5, 60),
                LlmSeconds = reader.Number(d, "llmSeconds", path, defaults.LlmSeconds, 0.5, 60),
                TtsSeconds = reader.Number(d, "ttsSeconds", path, defaults.TtsSeconds, 0.5, 60),
            };
        }
    }
}
